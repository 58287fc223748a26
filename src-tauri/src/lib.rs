//! The Naast desktop shell: a window, the app state, and the IPC commands. All
//! behaviour lives in the `naast` core; this crate only connects it to the webview.

mod backup;
mod clipboard;
mod commands;
mod error;
mod guard;
mod ipc;
mod locking;
mod print;
#[cfg(windows)]
mod session_windows;
mod state;
mod ways;
mod webdata;
#[cfg(windows)]
mod webview2;

use tauri::Manager;

pub use commands::{AppStatus, SummaryFacts};
pub use error::AppError;

pub fn run() {
    naast::store::memory::harden_process();
    #[cfg(target_os = "linux")]
    cpu_drawing_without_gpu();
    #[cfg(windows)]
    if webview2::check().is_none() {
        std::process::exit(webview2::EXIT_MISSING);
    }
    let path = std::env::var_os("NAAST_VAULT")
        .map(Into::into)
        .or_else(naast::vault::default_path)
        .unwrap_or_else(|| "vault.naast".into());
    let store = match std::env::var("NAAST_KEYRING_SERVICE") {
        Ok(s) if !s.is_empty() => naast::store::keys::OsKeyring::with_service(&s),
        _ => naast::store::keys::OsKeyring::default(),
    };
    let state = state::AppState::new(path, store);
    // The first screen's status is in the page before the page's code runs: the
    // webview's first IPC round trip (40–75 ms) was the longest step to it. A reload
    // asks again (ui/src/lib/boot.ts).
    let boot = commands::AppStatus::of(&state)
        .ok()
        .and_then(|s| serde_json::to_string(&s).ok())
        .map(|json| format!("window.__NAAST_STATUS__ = {json};"))
        .unwrap_or_default();
    let result = tauri::Builder::default()
        // A second launch focuses the first window instead of opening the vault twice.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(
            tauri::plugin::Builder::<tauri::Wry, ()>::new("naast-boot")
                .js_init_script(boot)
                .build(),
        )
        // No webview leaves the app's own pages (see `guard`).
        .plugin(
            tauri::plugin::Builder::<tauri::Wry, ()>::new("naast-stay")
                .on_navigation(|_, url| guard::own_page(url))
                .build(),
        )
        .manage(state)
        .manage(clipboard::Copied::default())
        .register_uri_scheme_protocol("summary", print::protocol)
        .invoke_handler(guard::main_window_only(commands::handler()))
        // The session locking or the laptop going to sleep locks Naast too.
        .setup(|app| {
            // The main window, as tauri.conf.json describes it, with its webview's
            // data in a folder of this run only (see `webdata`).
            webdata::remove_stale();
            #[cfg(target_os = "linux")]
            no_recent_files();
            if let Some(config) = app.config().app.windows.first() {
                tauri::WebviewWindowBuilder::from_config(app.handle(), config)?
                    .data_directory(webdata::dir())
                    .build()?;
            }
            locking::watch(app.handle());
            Ok(())
        })
        // Quitting closes the vault like locking does, after the page has written
        // what is half-written (see locking::on_close).
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                if window.label() == "main" {
                    locking::on_close(window, api);
                }
            }
        })
        .build(tauri::generate_context!())
        .map(|app| {
            // However the app ends (the last window gone, a session ending it), a
            // copied note leaves the clipboard before the clipboard itself does.
            app.run(|handle, event| match event {
                tauri::RunEvent::ExitRequested { .. } => clipboard::clear_soon(handle),
                tauri::RunEvent::Exit => webdata::remove(),
                _ => {}
            })
        });
    if let Err(e) = result {
        eprintln!("naast: het venster kon niet starten ({e})");
        std::process::exit(1);
    }
}

/// GTK's file dialogs add every file saved through them to the desktop's list of
/// recent files (`~/.local/share/recently-used.xbel`): a dossier's file name holds
/// the person's name, and that list is read by every other program. Naast's saves
/// stay off it.
#[cfg(target_os = "linux")]
fn no_recent_files() {
    use gtk::prelude::GtkSettingsExt;
    if let Some(s) = gtk::Settings::default() {
        s.set_gtk_recent_files_enabled(false);
        s.set_gtk_recent_files_max_age(0);
    }
}

/// Without a GPU (a virtual desktop, a VM, a CI machine) WebKitGTK's Skia still
/// draws through OpenGL, which Mesa then emulates on the CPU (llvmpipe): half of a
/// consult preview's time went there. Skia drawing on the CPU itself is about
/// twice as fast on such a machine (later typical previews 80-158 ms -> 48-83 ms
/// under Xvfb). A machine with a GPU (a render node in /dev/dri) keeps WebKit's
/// default, and a value the user set wins. Runs before GTK and any thread start.
#[cfg(target_os = "linux")]
fn cpu_drawing_without_gpu() {
    const VAR: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";
    let gpu = std::fs::read_dir("/dev/dri")
        .map(|d| {
            d.flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false);
    if !gpu && std::env::var_os(VAR).is_none() {
        std::env::set_var(VAR, "1");
    }
}

#[cfg(test)]
mod version {
    /// One version everywhere. tauri.conf.json has none of its own, so Tauri (the
    /// app's package info, the bundler's package names and fields) reads this
    /// crate's, which, like the core's, is the Cargo workspace's.
    #[test]
    fn every_part_carries_the_workspace_version() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
        assert!(
            conf.get("version").is_none(),
            "tauri.conf.json must not set a version of its own; the workspace's Cargo.toml holds it"
        );
        assert_eq!(env!("CARGO_PKG_VERSION"), naast::ways::about::VERSION);
        let ui: serde_json::Value =
            serde_json::from_str(include_str!("../../ui/package.json")).unwrap();
        assert_eq!(
            ui["version"],
            naast::ways::about::VERSION,
            "ui/package.json"
        );
    }
}
