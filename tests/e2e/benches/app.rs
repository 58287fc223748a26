//! Desktop benchmarks on release builds, in the real webview (run by `make bench-app`,
//! after `make release`): each Naast figure beside a bare Tauri window built the same
//! way (`tests/floor`), in the same run. Prints one table; asserts nothing.
//!
//! - cold start to an interactive first screen, Naast and the bare window;
//! - resident memory of the app and its WebKit processes: the bare window, and Naast
//!   with 100,000 contacts open on Overzicht;
//! - keystroke in search and filter change to the updated list at 1,000,000 contacts;
//! - the team-consult preview, click to a painted document, for a heavy quarter (50
//!   people, ~15,000 contacts) and a typical one (15 people, ~400 contacts).

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::*;

const PASS: &str = "een wachtwoordzin voor de meting";

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn max(v: &[f64]) -> f64 {
    v.iter().copied().fold(0.0, f64::max)
}

/// Seconds from asking the (already listening) WebDriver server for a session, which
/// launches the binary, to the first screen in the page, and that moment in ms after
/// the webview began to load the page. Both windows mark it themselves
/// (`performance.mark("first-screen")`): Naast once its first screen is in the DOM,
/// the bare window when its one line is. Read from the page's own clock, so neither
/// the poll's step nor the poll's scripts running in the page change the figure.
fn cold_start(binary: &Path, css: &str) -> (f64, f64) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::driver_only(dir.path(), "bench", binary);
    let epoch_ms = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs_f64()
            * 1000.0
    };
    let launched = epoch_ms();
    app.launch();
    let mark = loop {
        let v = app.js("const m = performance.getEntriesByName('first-screen')[0]; return m ? [performance.timeOrigin + m.startTime, m.startTime] : null");
        if let Some(pair) = v.as_array() {
            break (pair[0].as_f64().unwrap(), pair[1].as_f64().unwrap());
        }
        assert!(
            epoch_ms() - launched < 15_000.0,
            "{css}: no first-screen mark"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    app.find(css);
    drop(app);
    std::thread::sleep(Duration::from_millis(700));
    ((mark.0 - launched) / 1000.0, mark.1)
}

/// Resident memory (KiB) of the processes whose command line matches `pattern`.
fn rss_kib(pattern: &str) -> u64 {
    let out = Command::new("pgrep")
        .args(["-f", pattern])
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

const WEBKIT: &str = "WebKitWebProcess|WebKitNetworkProcess";

/// A vault made by the release command line: `naast init`, then `naast demo`.
fn vault(dir: &Path, cli: &Path, people: usize, contacts: usize) -> PathBuf {
    let vault = dir.join("kluis.naast");
    let t = Instant::now();
    naast(cli, &vault, &["init"]);
    naast(
        cli,
        &vault,
        &[
            "demo",
            "--people",
            &people.to_string(),
            "--contacts",
            &contacts.to_string(),
        ],
    );
    eprintln!(
        "bench: vault of {people} people, {contacts} contacts made in {:.0} s",
        t.elapsed().as_secs_f64()
    );
    vault
}

/// Runs the release command line on `vault` with the bench's passphrase.
fn naast(cli: &Path, vault: &Path, args: &[&str]) {
    let tmp = tempfile::tempdir().unwrap();
    let pw = tmp.path().join("pw.txt");
    std::fs::write(&pw, PASS).unwrap();
    let st = Command::new(cli)
        .args(args)
        .arg("--passphrase-file")
        .arg(&pw)
        .env("NAAST_VAULT", vault)
        .output()
        .unwrap();
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
}

fn open(dir: &Path, name: &str, binary: &Path) -> App {
    let app = App::start_binary(dir, name, binary);
    app.find("#passphrase").keys(PASS);
    app.find("#unlock").click();
    app.find("#nav-review");
    app
}

/// Milliseconds from a change in the page to the next change of the result list.
fn latency(app: &App, trigger: &str) -> f64 {
    app.js(&format!(
        "window.__lat = null; const ul = document.querySelector('#results'); const t0 = performance.now();
         const obs = new MutationObserver(() => {{ window.__lat = performance.now() - t0; obs.disconnect(); }});
         obs.observe(ul, {{ childList: true, subtree: true, characterData: true }});
         {trigger}; return 1;"
    ));
    wait_number(app, "window.__lat", trigger)
}

fn wait_number(app: &App, expr: &str, what: &str) -> f64 {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(ms) = app.js(&format!("return {expr}")).as_f64() {
            return ms;
        }
        assert!(
            Instant::now() < deadline,
            "nothing after {what}: {}",
            app.body_text().chars().take(600).collect::<String>()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Milliseconds from the click on "Voorbeeld" to the new preview document loaded and
/// painted (two animation frames after its `load`): IPC, computing and rendering in
/// the core, the custom protocol, parsing and layout in the webview.
fn preview(app: &App) -> f64 {
    app.js(
        "window.__lat = null; const old = document.querySelector('#summary-frame'); const t0 = performance.now();
         const hook = (f) => f.addEventListener('load', () => { window.__split.push(performance.now() - t0); requestAnimationFrame(() => requestAnimationFrame(() => { window.__lat = performance.now() - t0; })); }, { once: true });
         window.__split = [];
         const mo = new MutationObserver(() => { const f = document.querySelector('#summary-frame'); if (f && f !== old) { mo.disconnect(); window.__split.push(performance.now() - t0); hook(f); } });
         mo.observe(document.body, { childList: true, subtree: true });
         document.querySelector('#preview').click(); return 1;",
    );
    let ms = wait_number(app, "window.__lat", "the preview");
    let split = app.js("return window.__split");
    eprintln!(
        "bench: preview {ms:.0} ms (the frame in the page after {:.0} ms, its document loaded after {:.0} ms)",
        split[0].as_f64().unwrap_or(-1.0),
        split[1].as_f64().unwrap_or(-1.0)
    );
    ms
}

/// The preview's floor: the same document, made by the command line for the same
/// quarter, shown in a sandboxed frame of the bare window (first, then 5 more),
/// measured the same way (its `load`, then two animation frames).
fn floor_preview(floor_bin: &Path, cli: &Path, vault: &Path) -> (f64, Vec<f64>) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("summary.html");
    let (from, to) = quarter();
    let (from, to) = (from.to_string(), to.to_string());
    let out_s = out.to_string_lossy();
    naast(
        cli,
        vault,
        &["summary", "--from", &from, "--to", &to, "--out", &out_s],
    );
    let html = serde_json::to_string(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let w = App::start_binary(dir.path(), "floor-preview", floor_bin);
    w.find("#ready");
    std::thread::sleep(Duration::from_secs(1));
    let mut runs: Vec<f64> = (0..6)
        .map(|_| {
            w.js(&format!(
                "window.__lat = null; document.querySelectorAll('iframe').forEach((x) => x.remove());
                 const t0 = performance.now(); const f = document.createElement('iframe');
                 f.sandbox = ''; f.style.width = '100%'; f.style.height = '70vh';
                 f.addEventListener('load', () => requestAnimationFrame(() => requestAnimationFrame(() => {{ window.__lat = performance.now() - t0; }})), {{ once: true }});
                 f.srcdoc = {html}; document.body.appendChild(f); return 1;"
            ));
            wait_number(&w, "window.__lat", "the bare window's frame")
        })
        .collect();
    let first = runs.remove(0);
    (first, runs)
}

/// The last 91 days: the quarter both previews show.
fn quarter() -> (chrono::NaiveDate, chrono::NaiveDate) {
    let today = chrono::Local::now().date_naive();
    (today - chrono::Duration::days(90), today)
}

/// The consult screen set to the last 91 days (a quarter), everyone in it.
fn consult_quarter(app: &App) {
    app.find("#nav-consult").click();
    let (from, today) = quarter();
    app.find("#consult-from")
        .click()
        .keys(&from.format("%d-%m-%Y").to_string());
    app.find("#consult-to")
        .click()
        .keys(&today.format("%d-%m-%Y").to_string());
    app.keys("\u{E004}");
}

/// Ten filter changes and ten searches (a word typed as one input event, after the
/// screen's 30 ms typing pause), in milliseconds.
fn search_and_filter(app: &App) -> (Vec<f64>, Vec<f64>) {
    let mut filter = Vec::new();
    for i in 0..10 {
        let idx = 1 + i % 5;
        filter.push(latency(app, &format!("const s = document.querySelector('#filter-person'); s.value = s.options[{idx}].value; s.dispatchEvent(new Event('change', {{ bubbles: true }}))")));
    }
    latency(app, "document.querySelector('#clear-filters').click()");
    let mut typing = Vec::new();
    for word in WORDS {
        typing.push(latency(app, &format!("const q = document.querySelector('#search'); q.value = '{word}'; q.dispatchEvent(new Event('input', {{ bubbles: true }}))")));
    }
    latency(app, "const q = document.querySelector('#search'); q.value = ''; q.dispatchEvent(new Event('input', { bubbles: true }))");
    (filter, typing)
}

/// The words the search measures type, common and rare.
const WORDS: [&str; 10] = [
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
];

/// Milliseconds for the screen's first search request alone, over IPC.
fn ipc_search(app: &App, word: &str) -> f64 {
    app.js(&format!(
        "window.__lat = null; const t0 = performance.now();
         window.__TAURI_INTERNALS__.invoke('search_page', {{ query: '{word}', filter: {{ from: null, to: null, person: null, support: null, mode: null, for_consult: null, signal: null }}, order: 'best', offset: 0, limit: 50 }})
           .then(() => {{ window.__lat = performance.now() - t0; }}, (e) => {{ window.__lat = -1; console.error(e); }});
         return 1;"
    ));
    wait_number(app, "window.__lat", word)
}

fn preview_runs(app: &App) -> (f64, Vec<f64>) {
    let first = preview(app);
    let rest: Vec<f64> = (0..5).map(|_| preview(app)).collect();
    (first, rest)
}

fn facts(app: &App) -> String {
    app.find("#consult-facts").text()
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return; // `cargo test` builds this; only `cargo bench` runs it.
    }
    let rel = target().join("release");
    let app_bin = rel.join("naast-app");
    let floor_bin = rel.join("naast-floor");
    let cli = rel.join("naast");
    for b in [&app_bin, &floor_bin, &cli] {
        assert!(b.exists(), "{} missing: run make bench-app", b.display());
    }

    // NAAST_BENCH_ONLY=cold or =typical runs one part, for working on it.
    let only = std::env::var("NAAST_BENCH_ONLY").unwrap_or_default();
    if only == "typical" {
        let dir = tempfile::tempdir().unwrap();
        let v = vault(dir.path(), &cli, 16, 1_600);
        let app = open(dir.path(), "consult-typical", &app_bin);
        consult_quarter(&app);
        let (first, rest) = preview_runs(&app);
        drop(app);
        let (floor_first, floor_rest) = floor_preview(&floor_bin, &cli, &v);
        let round = |v: &[f64]| v.iter().map(|ms| ms.round()).collect::<Vec<_>>();
        eprintln!(
            "bench: typical preview first {first:.0} ms, then {:?} ms; bare window {floor_first:.0}, then {:?} ms",
            round(&rest),
            round(&floor_rest)
        );
        return;
    }

    // NAAST_BENCH_ONLY=search: the 1,000,000-contact searches after the check, then
    // the same words called over IPC alone (no screen; their pages are warm by then),
    // to see where the time goes. NAAST_BENCH_1M names a folder with a `kluis.naast` of a million
    // contacts under this bench's passphrase, so it is made only once.
    if only == "search" {
        let made = tempfile::tempdir().unwrap();
        let dir = match std::env::var("NAAST_BENCH_1M") {
            Ok(d) => PathBuf::from(d),
            Err(_) => {
                vault(made.path(), &cli, 500, 1_000_000);
                made.path().to_path_buf()
            }
        };
        let app = open(&dir, "bench1m-search", &app_bin);
        app.find("#nav-review").click();
        app.find("#results li");
        while app
            .js("return window.__TAURI_INTERNALS__.invoke('vault_health').then(h => h.checked)")
            .as_bool()
            != Some(true)
        {
            std::thread::sleep(Duration::from_millis(250));
        }
        let (filter, typing) = search_and_filter(&app);
        let ipc: Vec<f64> = WORDS.iter().map(|w| ipc_search(&app, w)).collect();
        eprintln!("bench: filter {filter:.0?} ms");
        eprintln!("bench: search on screen {typing:.0?} ms");
        eprintln!("bench: search over IPC alone {ipc:.0?} ms");
        println!(
            "search: screen {:.0} / {:.0} ms, IPC alone {:.0} / {:.0} ms; filter {:.0} / {:.0} ms (median / max)",
            median(typing.clone()),
            max(&typing),
            median(ipc.clone()),
            max(&ipc),
            median(filter.clone()),
            max(&filter)
        );
        return;
    }

    // Cold start, alternating so that a warm disk cache favours neither.
    let (mut floor, mut naast) = (Vec::new(), Vec::new());
    let (mut floor_page, mut naast_page) = (Vec::new(), Vec::new());
    for _ in 0..9 {
        let (s, p) = cold_start(&floor_bin, "#ready");
        floor.push(s);
        floor_page.push(p);
        let (s, p) = cold_start(&app_bin, "#create-vault");
        naast.push(s);
        naast_page.push(p);
    }
    eprintln!(
        "bench: cold start, first screen after the page began to load: Naast {:.0} ms, bare window {:.0} ms (medians)",
        median(naast_page),
        median(floor_page)
    );
    let (floor, naast) = (median(floor), median(naast));
    if only == "cold" {
        println!(
            "cold start: Naast {:.0} ms, bare window {:.0} ms, {:.2}×",
            naast * 1000.0,
            floor * 1000.0,
            naast / floor
        );
        return;
    }

    // Memory: the bare window, then Naast with 100,000 contacts on Overzicht.
    let before = rss_kib(WEBKIT);
    let bare = {
        let dir = tempfile::tempdir().unwrap();
        let w = App::start_binary(dir.path(), "floor-rss", &floor_bin);
        w.find("#ready");
        std::thread::sleep(Duration::from_secs(3));
        let kib = rss_kib(&format!("naast-floor|{WEBKIT}")).saturating_sub(before);
        drop(w);
        kib
    };
    std::thread::sleep(Duration::from_secs(1));
    let dir100k = tempfile::tempdir().unwrap();
    vault(dir100k.path(), &cli, 200, 100_000);
    let before = rss_kib(WEBKIT);
    let rss100k = {
        let app = open(dir100k.path(), "bench100k", &app_bin);
        app.find("#nav-review").click();
        app.find("#results li");
        std::thread::sleep(Duration::from_secs(3));
        let kib = rss_kib(&format!("naast-app|{WEBKIT}")).saturating_sub(before);
        drop(app);
        kib
    };
    drop(dir100k);

    // Search and filters at 1,000,000 contacts: right after unlocking, while the
    // check of every page runs beside them, and after it.
    let dir1m = tempfile::tempdir().unwrap();
    vault(dir1m.path(), &cli, 500, 1_000_000);
    let (during, check_s, after) = {
        let app = open(dir1m.path(), "bench1m", &app_bin);
        let t = Instant::now();
        app.find("#nav-review").click();
        app.find("#results li");
        let during = search_and_filter(&app);
        while app
            .js("return window.__TAURI_INTERNALS__.invoke('vault_health').then(h => h.checked)")
            .as_bool()
            != Some(true)
        {
            std::thread::sleep(Duration::from_millis(250));
        }
        let check_s = t.elapsed().as_secs_f64();
        let after = search_and_filter(&app);
        (during, check_s, after)
    };
    drop(dir1m);

    // The team-consult preview: a heavy quarter and a typical one.
    let mut consult = Vec::new();
    for (label, people, contacts) in [("heavy", 56, 70_000), ("typical", 16, 1_600)] {
        let dir = tempfile::tempdir().unwrap();
        let v = vault(dir.path(), &cli, people, contacts);
        let app = open(dir.path(), &format!("consult-{label}"), &app_bin);
        consult_quarter(&app);
        let (first, rest) = preview_runs(&app);
        let facts = facts(&app);
        drop(app);
        let (floor_first, floor_rest) = floor_preview(&floor_bin, &cli, &v);
        consult.push((
            label,
            facts,
            [first, median(rest.clone()), max(&rest)],
            [floor_first, median(floor_rest.clone()), max(&floor_rest)],
        ));
    }

    let mib = |k: u64| k as f64 / 1024.0;
    println!("\n| measure | Naast | bare Tauri window (floor) | ratio | target |\n|---|---:|---:|---:|---|");
    println!(
        "| cold start to an interactive first screen, median of 9 | {:.0} ms | {:.0} ms | {:.2}× | ≤ 1.2× |",
        naast * 1000.0,
        floor * 1000.0,
        naast / floor
    );
    println!(
        "| resident memory, app + WebKit processes (Naast: 100,000 contacts open on Overzicht) | {:.0} MiB | {:.0} MiB | {:.2}× | ≤ 1.3× |",
        mib(rss100k),
        mib(bare),
        rss100k as f64 / bare.max(1) as f64
    );
    for (when, (filter, typing)) in [
        ("after the check", &after),
        ("while the check after unlocking runs", &during),
    ] {
        println!(
            "| keystroke in search → updated list, 1,000,000 contacts, {when} (median / max of 10) | {:.0} / {:.0} ms | | | < 100 ms |",
            median(typing.clone()),
            max(typing)
        );
        println!(
            "| filter change → updated list, 1,000,000 contacts, {when} (median / max of 10) | {:.0} / {:.0} ms | | | < 100 ms |",
            median(filter.clone()),
            max(filter)
        );
    }
    println!(
        "| the check of every page after unlocking, 1,000,000 contacts | {check_s:.0} s | | | |"
    );
    for (label, facts, [first, med, worst], [f_first, f_med, f_worst]) in consult {
        let target = if label == "heavy" {
            "< 1 s"
        } else {
            "< 150 ms"
        };
        println!(
            "| team-consult preview, {label} quarter ({facts}): first / median / max of 5 more (floor: the same document in the bare window's frame) | {first:.0} / {med:.0} / {worst:.0} ms | {f_first:.0} / {f_med:.0} / {f_worst:.0} ms | {:.2}× / {:.2}× | {target} |",
            first / f_first,
            med / f_med
        );
    }
    println!("\n(release builds of both binaries, under Xvfb, launched through tauri-driver)");
}
