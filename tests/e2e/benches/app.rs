//! Desktop benchmarks, on the real app in the real webview (run by `make bench-app`):
//! cold start to an interactive first screen beside a bare Tauri window (the floor),
//! resident memory with 100,000 contacts open on Review, and the time from a filter
//! change or a keystroke to the updated list. Prints numbers; asserts nothing.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::*;

const PASS: &str = "een wachtwoordzin voor de meting";

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Seconds from asking for a session (which launches the binary) to `css` present.
fn cold_start(binary: &Path, css: &str) -> f64 {
    let dir = tempfile::tempdir().unwrap();
    let t = Instant::now();
    let app = App::start_binary(dir.path(), "bench", binary);
    app.find(css);
    let s = t.elapsed().as_secs_f64();
    drop(app);
    std::thread::sleep(Duration::from_millis(500));
    s
}

/// Resident memory (KiB) of the app and the WebKit processes it started.
fn rss_kib() -> u64 {
    let out = Command::new("pgrep")
        .args(["-f", "naast-app|WebKitWebProcess|WebKitNetworkProcess"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|pid| std::fs::read_to_string(format!("/proc/{}/status", pid.trim())).ok())
        .filter_map(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse::<u64>().ok())
        })
        .sum()
}

/// Milliseconds from a change in the page to the next change of the result list.
fn latency(app: &App, trigger: &str) -> f64 {
    app.js(&format!(
        "window.__lat = null; const ul = document.querySelector('#results'); const t0 = performance.now();
         const obs = new MutationObserver(() => {{ window.__lat = performance.now() - t0; obs.disconnect(); }});
         obs.observe(ul, {{ childList: true, subtree: true, characterData: true }});
         {trigger}; return 1;"
    ));
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(ms) = app.js("return window.__lat").as_f64() {
            return ms;
        }
        assert!(
            Instant::now() < deadline,
            "the list never updated after {trigger}: {}",
            app.body_text().chars().take(600).collect::<String>()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return; // `cargo test` builds this; only `cargo bench` runs it.
    }
    let app_bin = target().join("debug/naast-app");
    let floor_bin = target().join("debug/naast-floor");
    let runs = 5;
    let floor = median(
        (0..runs)
            .map(|_| cold_start(&floor_bin, "#ready"))
            .collect(),
    );
    let naast = median(
        (0..runs)
            .map(|_| cold_start(&app_bin, "#create-vault"))
            .collect(),
    );

    // A vault with 100,000 contacts, made with the CLI.
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("kluis.naast");
    let pw = dir.path().join("pw.txt");
    std::fs::write(&pw, PASS).unwrap();
    let cli = target().join("debug/naast");
    for args in [
        vec!["init"],
        vec!["demo", "--people", "200", "--contacts", "100000"],
    ] {
        let st = Command::new(&cli)
            .args(&args)
            .arg("--passphrase-file")
            .arg(&pw)
            .env("NAAST_VAULT", &vault)
            .output()
            .unwrap();
        assert!(
            st.status.success(),
            "{}",
            String::from_utf8_lossy(&st.stderr)
        );
    }
    let before = rss_kib();
    let app = App::start(dir.path(), "bench100k");
    app.find("#passphrase").keys(PASS);
    app.find("#unlock").click();
    app.find("#nav-review").click();
    app.find("#results li");
    std::thread::sleep(Duration::from_secs(2));
    let rss = rss_kib().saturating_sub(before);

    let mut filter = Vec::new();
    for i in 0..10 {
        let idx = 1 + i % 5;
        filter.push(latency(&app, &format!("const s = document.querySelector('#filter-person'); s.value = s.options[{idx}].value; s.dispatchEvent(new Event('change', {{ bubbles: true }}))")));
    }
    let mut typing = Vec::new();
    for word in [
        "uitk",
        "wacht",
        "brief",
        "park",
        "zwolle",
        "koffie",
        "medicatie",
        "schuld",
        "groep",
        "zus",
    ] {
        typing.push(latency(&app, &format!("const q = document.querySelector('#search'); q.value = '{word}'; q.dispatchEvent(new Event('input', {{ bubbles: true }}))")));
    }
    drop(app);

    println!("\n| measure | value | target |\n|---|---:|---|");
    println!(
        "| cold start to first screen, bare Tauri window (floor) | {:.0} ms | |",
        floor * 1000.0
    );
    println!(
        "| cold start to first screen, Naast | {:.0} ms ({:.2}× the floor) | ≤ 1.5× |",
        naast * 1000.0,
        naast / floor
    );
    println!(
        "| resident memory, 100,000 contacts open on Review (app + WebKit processes) | {} MiB | |",
        rss / 1024
    );
    println!("| filter change (person) to updated list, 100,000 contacts, median of 10 | {:.0} ms | < 100 ms |", median(filter));
    println!("| keystroke in search to updated list (incl. 30 ms typing pause), median of 10 | {:.0} ms | < 100 ms |", median(typing));
    println!("\n(debug builds of both binaries, under Xvfb, launched through tauri-driver)");
}
