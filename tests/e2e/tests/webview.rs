//! The webview under a closer look: after a day's use nothing of it is left on
//! disk (no data folder of its own, no recent-files entry naming a saved file), it
//! never leaves the app's own pages, it opens no window of its own, and the print
//! window can call no command.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const PASS: &str = "wandelen langs de IJssel";
/// Words that exist only in this test's vault and in the file it saves.
const ALIAS: &str = "Zwaluwstaart";
const MARKER: &str = "Merkteken-qz7-vlinderdas";

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// The handle of the window showing a `summary:` page (the print window).
fn print_window(app: &App) -> Option<String> {
    app.window_handles().into_iter().find(|h| {
        app.switch_to(h);
        app.js("return location.href")
            .as_str()
            .is_some_and(|u| u.contains("summary"))
    })
}

#[test]
fn a_days_use_leaves_nothing_of_the_webview_on_disk_and_it_stays_home() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let cache = dir.path().join("cache");
    let run = dir.path().join("run");
    for d in [&data, &cache, &run] {
        std::fs::create_dir_all(d).unwrap();
    }
    let env = [
        ("XDG_DATA_HOME", data.to_str().unwrap()),
        ("XDG_CACHE_HOME", cache.to_str().unwrap()),
        ("XDG_RUNTIME_DIR", run.to_str().unwrap()),
    ];
    let mut app = App::start_env(dir.path(), "webview", &env);
    first_run(&app, Some(PASS));

    // The webview's data lives in this run's folder in the runtime folder.
    assert_eq!(
        webview_folders(&run).len(),
        1,
        "no webview folder in {run:?}"
    );

    // A day's use: a contact, the person page, the summary saved through the dialog.
    app.wait_focus("person-input");
    app.keys(ALIAS);
    app.keys(ENTER);
    app.find("#note").keys(&format!("{MARKER}: samen gebeld."));
    app.keys(&format!("{ALT}1{RELEASE}"));
    app.keys(&format!("{CTRL}{ENTER}{RELEASE}"));
    app.find("#saved-message");
    app.find("#nav-people").click();
    wait_within(&app, "#people-list", ALIAS);
    app.find("#nav-consult").click();
    app.find("#last-4-weeks").click();
    app.find("#consult-level option[value=full]").click();
    app.find("#preview").click();
    app.find("#summary-frame");
    app.find("#save-html").click();
    let out = dir.path().join(format!("{ALIAS}.html"));
    keys_to_window(
        "Save|Opslaan|HTML",
        &["ctrl+a", &format!("type:{}", out.display()), "Return"],
    );
    let deadline = Instant::now() + Duration::from_secs(15);
    while !out.exists() {
        assert!(Instant::now() < deadline, "the summary was not saved");
        std::thread::sleep(Duration::from_millis(200));
    }

    // Top-level navigation away from the app is refused; window.open opens nothing.
    let home = app.js("return location.href");
    for script in [
        "location.href = 'https://example.org/'; return 1",
        "location.assign('http://localhost:9/'); return 1",
        "const a = document.createElement('a'); a.href = 'file:///etc/passwd'; \
         document.body.appendChild(a); a.click(); return 1",
    ] {
        app.js(script);
        std::thread::sleep(Duration::from_millis(800));
        assert_eq!(app.js("return location.href"), home, "{script}");
        assert!(
            app.exists("#nav-log"),
            "the app's page is gone after {script}"
        );
    }
    app.js("window.open('https://example.org/'); return 1");
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(app.window_handles().len(), 1, "window.open opened a window");

    // The print window: its page may not call any command.
    app.find("#print").click();
    keys_to_window("Print|Afdrukken", &["Escape"]);
    let print = print_window(&app).expect("the print window");
    app.switch_to(&print);
    app.js("const ipc = window.__TAURI_INTERNALS__; \
         if (!ipc) { document.title = 'REFUSED: no IPC in this window'; return 1; } \
         ipc.invoke('today').then(\
           (r) => { document.title = 'ANSWERED ' + r; },\
           (e) => { document.title = 'REFUSED ' + e; }); return 1");
    let deadline = Instant::now() + Duration::from_secs(10);
    let title = loop {
        let t = app
            .js("return document.title")
            .as_str()
            .unwrap_or("")
            .to_string();
        if t.starts_with("ANSWERED") || t.starts_with("REFUSED") {
            break t;
        }
        assert!(
            Instant::now() < deadline,
            "no answer to the print window's call"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(
        title.starts_with("REFUSED"),
        "the print window called a command: {title}"
    );
    let main = app
        .window_handles()
        .into_iter()
        .find(|h| h != &print)
        .unwrap();
    app.switch_to(&main);
    // The main window's calls still work.
    assert!(app.exists("#nav-log"));

    // The webview's folder of a run goes with it: removed when Naast ends, and a
    // run that did not end well (WebDriver ending it here) leaves one that the next
    // start removes.
    let first = webview_folders(&run);
    assert_eq!(first.len(), 1, "{first:?}");
    app.quit();
    app.relaunch();
    app.wait_focus("passphrase");
    let now = webview_folders(&run);
    assert!(
        now.len() == 1 && now != first,
        "the last run's folder stayed: {first:?} then {now:?}"
    );
    app.quit();
    std::thread::sleep(Duration::from_secs(1));

    // Nothing left: no folder of the webview's, no file naming the saved summary or
    // holding a word of the vault, and this run's folder gone.
    let mut found = vec![];
    for f in files_under(&data).into_iter().chain(files_under(&cache)) {
        let path = f.to_string_lossy().to_lowercase();
        let text = String::from_utf8_lossy(&std::fs::read(&f).unwrap_or_default()).into_owned();
        if path.contains("naast") || text.contains(ALIAS) || text.contains(MARKER) {
            found.push(f);
        }
    }
    assert!(
        found.is_empty(),
        "left on disk after a day's use: {found:?}"
    );
}

/// The webview folders in the runtime folder (`naast-webview-<pid>`).
fn webview_folders(run: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(run)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("naast-webview-"))
        .collect();
    names.sort();
    names
}
