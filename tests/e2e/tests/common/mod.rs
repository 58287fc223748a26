//! A small WebDriver client and the app's test harness.
//!
//! Each scenario starts its own `tauri-driver` (which starts `WebKitWebDriver` and
//! the real `naast-app` binary) with its own vault path and keyring service name,
//! so scenarios never share state. `scripts/e2e.sh` provides the display (Xvfb) and
//! the D-Bus session with an unlocked keyring.
#![allow(dead_code)]

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
pub const ENTER: &str = "\u{E007}";
pub const CTRL: &str = "\u{E009}";
pub const ALT: &str = "\u{E00A}";
pub const RELEASE: &str = "\u{E000}";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

pub fn target() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

fn app_binary() -> PathBuf {
    let p = target().join("debug/naast-app");
    assert!(
        p.exists(),
        "build the app first: `cargo build -p naast-app` (scripts/e2e.sh does)"
    );
    p
}

/// The processes of this build's app.
fn app_pids() -> Vec<i32> {
    let out = Command::new("pgrep")
        .arg("-f")
        .arg(app_binary())
        .output()
        .expect("pgrep (procps)");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .collect()
}

fn tauri_driver() -> PathBuf {
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default();
    let p = home.join(".cargo/bin/tauri-driver");
    if p.exists() {
        p
    } else {
        PathBuf::from("tauri-driver")
    }
}

/// Every WebDriver request has a time limit: a driver that stops answering fails
/// the test in minutes instead of holding `make test` until CI's own limit (seen
/// once: a session that never started, and a test that waited 17 minutes).
fn http() -> &'static ureq::Agent {
    static AGENT: OnceLock<ureq::Agent> = OnceLock::new();
    AGENT.get_or_init(|| {
        ureq::AgentBuilder::new()
            .timeout_connect(Duration::from_secs(5))
            .timeout(Duration::from_secs(120))
            .build()
    })
}

/// One running app: its tauri-driver, WebDriver session and vault folder.
pub struct App {
    driver: Child,
    /// What the driver was started with, to start it again (see `new_session`).
    name: String,
    env: Vec<(String, String)>,
    binary: PathBuf,
    base: String,
    session: Option<String>,
    pub dir: PathBuf,
    pub service: String,
}

/// A port no one is listening on right now, chosen by the OS. Fixed port numbers
/// once let a test talk to a WebKitWebDriver left over from an earlier test binary,
/// which started the app with that test's vault.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

impl App {
    /// Starts the app on a vault in `dir` (kept between restarts of the same App).
    pub fn start(dir: &Path, name: &str) -> App {
        App::start_binary(dir, name, &app_binary())
    }

    /// Starts the app under a system locale (`en_US.UTF-8`, `nl_NL.UTF-8`): what the
    /// webview's own date fields followed.
    pub fn start_locale(dir: &Path, name: &str, locale: &str) -> App {
        App::start_with(
            dir,
            name,
            &app_binary(),
            &[("LANG", locale), ("LC_ALL", locale)],
        )
    }

    /// Starts another binary the same way (the benchmark's bare-window floor).
    pub fn start_binary(dir: &Path, name: &str, binary: &Path) -> App {
        App::start_with(dir, name, binary, &[])
    }

    /// Starts the app with extra environment (a locale, a dark GTK theme).
    pub fn start_env(dir: &Path, name: &str, env: &[(&str, &str)]) -> App {
        App::start_with(dir, name, &app_binary(), env)
    }

    fn start_with(dir: &Path, name: &str, binary: &Path, env: &[(&str, &str)]) -> App {
        let mut app = App::driver(dir, name, binary, env);
        app.new_session();
        app
    }

    /// The WebDriver server alone, listening, with no app yet: `launch` starts the
    /// app. The benchmark times that step without the driver's own start-up.
    pub fn driver_only(dir: &Path, name: &str, binary: &Path) -> App {
        let app = App::driver(dir, name, binary, &[]);
        let deadline = Instant::now() + Duration::from_secs(30);
        while http().get(&format!("{}/status", app.base)).call().is_err() {
            assert!(Instant::now() < deadline, "tauri-driver did not start");
            std::thread::sleep(Duration::from_millis(5));
        }
        app
    }

    /// Starts the app in a driver from `driver_only`.
    pub fn launch(&mut self) {
        self.new_session();
    }

    fn driver(dir: &Path, name: &str, binary: &Path, env: &[(&str, &str)]) -> App {
        let port = free_port();
        let native = loop {
            let p = free_port();
            if p != port {
                break p;
            }
        };
        let service = format!("naast-e2e-{name}-{}", std::process::id());
        let driver = Command::new(tauri_driver())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .env("NAAST_VAULT", dir.join("kluis.naast"))
            .env("NAAST_KEYRING_SERVICE", &service)
            .env_remove("NAAST_LANG")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own process group: dropping the App ends the driver, the native
            // driver it started and the app, never leaving one behind.
            .process_group(0)
            .spawn()
            .expect("tauri-driver must be installed: scripts/e2e.sh installs it");
        App {
            driver,
            name: name.to_string(),
            env: env
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            binary: binary.to_path_buf(),
            base: format!("http://127.0.0.1:{port}"),
            session: None,
            dir: dir.to_path_buf(),
            service,
        }
    }

    /// Starts the app in a WebDriver session. A driver that does not answer the
    /// first time is started again once, with the app, before the test fails.
    fn new_session(&mut self) {
        match self.try_session() {
            Ok(id) => self.session = Some(id),
            Err(first) => {
                eprintln!("no WebDriver session ({first}); starting the driver again");
                let env: Vec<(&str, &str)> = self
                    .env
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                let mut fresh = App::driver(&self.dir, &self.name, &self.binary, &env);
                // The old driver goes with `fresh`, dropped here.
                std::mem::swap(&mut self.driver, &mut fresh.driver);
                std::mem::swap(&mut self.base, &mut fresh.base);
                drop(fresh);
                match self.try_session() {
                    Ok(id) => self.session = Some(id),
                    Err(e) => panic!("no WebDriver session: {first}; then: {e}"),
                }
            }
        }
    }

    fn try_session(&self) -> Result<String, String> {
        let caps = json!({ "capabilities": { "alwaysMatch": { "tauri:options": { "application": self.binary } } } });
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let sent = http()
                .post(&format!("{}/session", self.base))
                .timeout(Duration::from_secs(60))
                .send_json(caps.clone());
            match sent {
                Ok(r) => {
                    let v: Value = r.into_json().map_err(|e| e.to_string())?;
                    return v["value"]["sessionId"]
                        .as_str()
                        .map(String::from)
                        .ok_or_else(|| format!("no session id in {v}"));
                }
                // The driver is still starting (a request that timed out has used
                // the time up).
                Err(_) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(250));
                }
                Err(e) => return Err(e.to_string()),
            }
        }
    }

    /// Closes the app (the WebDriver session ends, and with it the app).
    pub fn quit(&mut self) {
        self.end_session();
        std::thread::sleep(Duration::from_millis(500));
    }

    /// Starts the app again after `quit` (same vault).
    pub fn relaunch(&mut self) {
        self.new_session();
    }

    /// Closes the app the normal way and opens it again (same vault).
    pub fn restart(&mut self) {
        self.end_session();
        std::thread::sleep(Duration::from_millis(500));
        self.new_session();
    }

    /// Asks the app's window to close, as a window manager's close button (or
    /// Alt+F4) does, `times` times at once (a double click), and waits until the app
    /// has ended by itself; `relaunch` opens it again.
    pub fn close_window(&mut self, times: usize) {
        let pids = app_pids();
        assert!(!pids.is_empty(), "the app is not running");
        let mut windows = Vec::new();
        for pid in &pids {
            let out = Command::new("xdotool")
                .args(["search", "--onlyvisible", "--pid", &pid.to_string()])
                .output()
                .expect("xdotool (scripts/setup.sh installs it)");
            windows.extend(
                String::from_utf8_lossy(&out.stdout)
                    .split_whitespace()
                    .map(String::from),
            );
        }
        assert!(!windows.is_empty(), "no window of the app on the display");
        let ok = Command::new("python3")
            .arg(root().join("tests/e2e/scripts/close-window.py"))
            .args((0..times).flat_map(|_| windows.iter()))
            .status()
            .expect("python3")
            .success();
        assert!(ok, "close-window.py");
        let deadline = Instant::now() + Duration::from_secs(30);
        while !app_pids().is_empty() {
            assert!(
                Instant::now() < deadline,
                "the app did not end after its window was closed"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        self.end_session();
    }

    /// Kills the app process with SIGKILL (a crash), then opens it again.
    pub fn crash_and_restart(&mut self) {
        let pids = app_pids();
        assert!(!pids.is_empty(), "the app is not running");
        for pid in pids {
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
        let _ = http()
            .delete(&format!(
                "{}/session/{}",
                self.base,
                self.session.take().unwrap_or_default()
            ))
            .call();
        std::thread::sleep(Duration::from_millis(800));
        self.new_session();
    }

    fn end_session(&mut self) {
        if let Some(s) = self.session.take() {
            let _ = http().delete(&format!("{}/session/{s}", self.base)).call();
        }
    }

    fn url(&self, path: &str) -> String {
        format!(
            "{}/session/{}{}",
            self.base,
            self.session.as_deref().unwrap_or(""),
            path
        )
    }

    fn post(&self, path: &str, body: Value) -> Result<Value, String> {
        answer(http().post(&self.url(path)).send_json(body))
    }

    fn get(&self, path: &str) -> Result<Value, String> {
        answer(http().get(&self.url(path)).call())
    }

    pub fn try_find(&self, css: &str) -> Option<String> {
        self.post("/element", json!({ "using": "css selector", "value": css }))
            .ok()
            .and_then(|v| v[ELEMENT].as_str().map(String::from))
    }

    /// Waits up to 15 s for an element to appear.
    pub fn find(&self, css: &str) -> El<'_> {
        self.find_within(css, Duration::from_secs(15))
    }

    /// Waits up to `wait` for an element to appear: for what comes after work that
    /// runs at idle priority (the check after unlocking), slow on a busy machine.
    pub fn find_within(&self, css: &str, wait: Duration) -> El<'_> {
        let deadline = Instant::now() + wait;
        loop {
            if let Some(id) = self.try_find(css) {
                return El { app: self, id };
            }
            if Instant::now() > deadline {
                let _ = self.screenshot(&format!(
                    "failed-{}",
                    css.replace(|c: char| !c.is_alphanumeric(), "_")
                ));
                panic!("element {css} did not appear; body: {}", self.body_text());
            }
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    pub fn exists(&self, css: &str) -> bool {
        self.try_find(css).is_some()
    }

    pub fn js(&self, script: &str) -> Value {
        self.post("/execute/sync", json!({ "script": script, "args": [] }))
            .unwrap_or_else(|e| panic!("script failed: {e}"))
    }

    /// The WebDriver handles of the app's windows (the main one, the print window).
    pub fn window_handles(&self) -> Vec<String> {
        self.get("/window/handles")
            .ok()
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default()
            .iter()
            .filter_map(|h| h.as_str().map(String::from))
            .collect()
    }

    /// Sends the next commands to another of the app's windows.
    pub fn switch_to(&self, handle: &str) {
        self.post("/window", json!({ "handle": handle }))
            .unwrap_or_else(|e| panic!("no window {handle}: {e}"));
    }

    pub fn body_text(&self) -> String {
        self.js("return document.body.innerText")
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    /// Waits until the page text contains `needle`.
    pub fn wait_text(&self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while !self.body_text().contains(needle) {
            if Instant::now() > deadline {
                panic!("text {needle:?} did not appear; body: {}", self.body_text());
            }
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// Waits until the element with this id has the keyboard focus.
    pub fn wait_focus(&self, id: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while self
            .js("return document.activeElement && document.activeElement.id")
            .as_str()
            != Some(id)
        {
            assert!(Instant::now() < deadline, "focus never reached #{id}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Types into whatever has focus, as a keyboard would.
    pub fn keys(&self, text: &str) {
        let active = self.get("/element/active").unwrap();
        let el = active[ELEMENT].as_str().unwrap().to_string();
        El { app: self, id: el }.keys(text);
    }

    pub fn screenshot(&self, name: &str) -> PathBuf {
        use base64::Engine;
        let png = self.get("/screenshot").unwrap();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(png.as_str().unwrap_or(""))
            .unwrap();
        let dir = target().join("screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// The text of the frame `css` (the summary's preview, on its own origin): the
    /// driver steps into the frame, reads it, and steps back out.
    pub fn frame_text(&self, css: &str) -> String {
        self.in_frame(css, "return document.body ? document.body.innerText : ''")
    }

    /// Every word in the frame `css`, also those of parts not laid out yet (the
    /// summary lays out a person's pages only when scrolled near, and `innerText`
    /// leaves out what is not laid out).
    pub fn frame_words(&self, css: &str) -> String {
        self.in_frame(css, "return document.body ? document.body.textContent : ''")
    }

    fn in_frame(&self, css: &str, script: &str) -> String {
        let el = self.find(css).id.clone();
        self.post("/frame", json!({ "id": { ELEMENT: el } }))
            .unwrap_or_else(|e| panic!("cannot enter the frame: {e}"));
        let text = self.js(script).as_str().unwrap_or("").to_string();
        self.post("/frame/parent", json!({}))
            .unwrap_or_else(|e| panic!("cannot leave the frame: {e}"));
        text
    }

    /// The id of the element that has the keyboard focus ("" for the page's body).
    pub fn focused(&self) -> String {
        self.js("const a = document.activeElement; return a && a !== document.body ? (a.id || a.tagName) : ''")
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    /// Runs axe-core in the page and returns serious and critical violations.
    pub fn axe(&self) -> Vec<String> {
        let src = std::fs::read_to_string(root().join("ui/node_modules/axe-core/axe.min.js"))
            .expect("axe-core (npm) is needed: scripts/e2e.sh installs it");
        self.js(&format!("{src}\n;window.__axe = null; return 1;"));
        self.js("axe.run(document, { resultTypes: ['violations'] }).then(r => { window.__axe = r.violations.map(v => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ') + ')'); }); return 1;");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let v = self.js("return window.__axe");
            if let Some(list) = v.as_array() {
                return list
                    .iter()
                    .filter_map(|x| x.as_str())
                    .filter(|s| s.starts_with("serious") || s.starts_with("critical"))
                    .map(String::from)
                    .collect();
            }
            assert!(Instant::now() < deadline, "axe did not finish");
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

/// A WebDriver answer: its `value`, or the error body the driver sent.
fn answer(r: Result<ureq::Response, ureq::Error>) -> Result<Value, String> {
    match r {
        Ok(r) => Ok(r
            .into_json::<Value>()
            .map(|v| v["value"].clone())
            .unwrap_or(Value::Null)),
        Err(ureq::Error::Status(_, r)) => Err(r.into_string().unwrap_or_default()),
        Err(e) => Err(e.to_string()),
    }
}

impl Drop for App {
    fn drop(&mut self) {
        self.end_session();
        // SAFETY: a plain signal to the process group this App started.
        unsafe { libc::kill(-(self.driver.id() as i32), libc::SIGKILL) };
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

pub struct El<'a> {
    app: &'a App,
    id: String,
}

impl El<'_> {
    pub fn click(&self) -> &Self {
        self.app
            .post(&format!("/element/{}/click", self.id), json!({}))
            .unwrap_or_else(|e| panic!("click failed: {e}"));
        self
    }

    pub fn keys(&self, text: &str) -> &Self {
        self.app
            .post(
                &format!("/element/{}/value", self.id),
                json!({ "text": text }),
            )
            .unwrap_or_else(|e| panic!("typing failed: {e}"));
        self
    }

    pub fn clear(&self) -> &Self {
        let _ = self
            .app
            .post(&format!("/element/{}/clear", self.id), json!({}));
        self
    }

    pub fn text(&self) -> String {
        self.app
            .get(&format!("/element/{}/text", self.id))
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default()
    }

    pub fn value(&self) -> String {
        self.app
            .get(&format!("/element/{}/property/value", self.id))
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default()
    }
}

/// Creates a vault through the first-run screens; returns the recovery code.
pub fn first_run(app: &App, passphrase: Option<&str>) -> String {
    app.find("#create-vault");
    if let Some(p) = passphrase {
        app.find("input[value=passphrase]").click();
        app.find("#pass1").keys(p);
        app.find("#pass2").keys(p);
    }
    app.find("#create-vault").click();
    // The rendered text may carry a line break where the long code wraps.
    let code: String = app
        .find("#recovery-code")
        .text()
        .split_whitespace()
        .collect();
    let n: usize = app
        .js("return document.querySelector('#code-check').parentElement.textContent")
        .as_str()
        .and_then(|t| t.split_whitespace().find_map(|w| w.parse().ok()))
        .expect("the check asks for a group number");
    let group = code.split('-').nth(n - 1).unwrap().to_string();
    app.find("#code-check").keys(&group);
    app.find("#code-confirm").click();
    // Who the log names: optional; the tests name a fictional supporter.
    app.find("#actor-name").keys("Anna de Testbegeleider");
    app.find("#actor-role").keys("ervaringsdeskundige");
    app.find("#actor-continue").click();
    app.find("#nav-log");
    code
}

/// The `naast` command line of this build, on the app's vault: what a script does
/// beside the open app.
pub fn cli(app: &App, args: &[&str], passphrase: Option<&str>) -> std::process::Output {
    let bin = target().join("debug/naast");
    assert!(bin.exists(), "build the CLI first (scripts/e2e.sh does)");
    let mut cmd = Command::new(bin);
    cmd.args(args)
        .env("NAAST_VAULT", app.dir.join("kluis.naast"))
        .env("NAAST_KEYRING_SERVICE", &app.service)
        .env_remove("NAAST_LANG");
    let pass_file = app.dir.join("pw-for-cli.txt");
    if let Some(p) = passphrase {
        std::fs::write(&pass_file, p).unwrap();
        cmd.arg("--passphrase-file").arg(&pass_file);
    }
    let out = cmd.output().unwrap();
    let _ = std::fs::remove_file(&pass_file);
    out
}

/// Waits up to 3 s for an element's box to lie inside the visible window.
pub fn wait_in_view(app: &App, css: &str) {
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let seen = app
            .js(&format!(
                "const r = document.querySelector({css:?}).getBoundingClientRect(); \
                 return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;"
            ))
            .as_bool()
            .unwrap_or(false);
        if seen {
            return;
        }
        assert!(Instant::now() < deadline, "{css} stays out of view");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Waits up to 10 s for an element's text to contain `needle` (lists fill in after
/// the screen has asked the core for them).
pub fn wait_within(app: &App, css: &str, needle: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let got = app
            .try_find(css)
            .map(|_| app.find(css).text())
            .unwrap_or_default();
        if got.contains(needle) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{css} does not show {needle:?}: {got:?}"
        );
        std::thread::sleep(Duration::from_millis(150));
    }
}

/// Waits up to 5 s for a form field to hold exactly `expect` (forms fill in after
/// they load what they need).
pub fn wait_value(app: &App, css: &str, expect: &str) {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let got = app.find(css).value();
        if got == expect {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{css} holds {got:?}, not {expect:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Sends keys to the first window whose title matches, as a person at the keyboard
/// would (the native print and save dialogs are not part of the webview).
pub fn keys_to_window(title: &str, keys: &[&str]) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let id = loop {
        let o = std::process::Command::new("xdotool")
            .args(["search", "--name", title])
            .output()
            .expect("xdotool (scripts/setup.sh installs it)");
        let found = String::from_utf8_lossy(&o.stdout)
            .lines()
            .last()
            .map(str::to_string);
        if let Some(id) = found.filter(|s| !s.is_empty()) {
            break id;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no window titled {title}"
        );
        std::thread::sleep(std::time::Duration::from_millis(300));
    };
    std::thread::sleep(std::time::Duration::from_millis(800));
    let ok = std::process::Command::new("xdotool")
        .args(["windowfocus", "--sync", &id])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    for k in keys {
        let args: Vec<&str> = if let Some(text) = k.strip_prefix("type:") {
            vec!["type", "--delay", "20", text]
        } else {
            vec!["key", "--clearmodifiers", k]
        };
        std::process::Command::new("xdotool")
            .args(&args)
            .status()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

/// Poppler's text of a PDF the app saved: the integration tests' own reader.
#[path = "../../../common/pdf.rs"]
mod pdf;
#[allow(unused_imports)]
pub use pdf::pdftotext;
