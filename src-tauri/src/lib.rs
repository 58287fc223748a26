//! The Naast desktop shell: a window, the app state, and the IPC commands. All
//! behaviour lives in the `naast` core; this crate only connects it to the webview.

mod commands;
mod error;
mod print;
mod state;

use tauri::Manager;

pub use commands::{AppStatus, SummaryFacts};
pub use error::AppError;

pub fn run() {
    let path = std::env::var_os("NAAST_VAULT")
        .map(Into::into)
        .or_else(naast::vault::default_path)
        .unwrap_or_else(|| "vault.naast".into());
    let store = match std::env::var("NAAST_KEYRING_SERVICE") {
        Ok(s) if !s.is_empty() => naast::vault::OsKeyring::with_service(&s),
        _ => naast::vault::OsKeyring::default(),
    };
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
        .manage(state::AppState::new(path, store))
        .register_uri_scheme_protocol("summary", print::protocol)
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::set_lang,
            commands::vault_create,
            commands::vault_unlock,
            commands::vault_recover,
            commands::vault_lock,
            commands::settings_get,
            commands::settings_set,
            commands::person_list,
            commands::person_add,
            commands::person_detail,
            commands::person_own_words,
            commands::person_close,
            commands::person_erase,
            commands::circle_add,
            commands::consent_add,
            commands::contact_add,
            commands::contact_update,
            commands::contact_get,
            commands::contact_delete,
            commands::contact_page,
            commands::contact_count,
            commands::contact_last_mode,
            commands::search_notes,
            commands::language_hints,
            commands::draft_save,
            commands::draft_load,
            commands::bridge_list,
            commands::bridge_add,
            commands::bridge_share,
            commands::bridge_answer,
            commands::bridge_close,
            commands::bridge_text,
            commands::checkins_open,
            commands::checkin_add,
            commands::checkin_done,
            commands::checkin_move,
            commands::stagnation,
            commands::colleague_plan,
            commands::today,
            commands::summary_preview,
            commands::summary_print,
            commands::summary_save,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("naast: het venster kon niet starten ({e})");
        std::process::exit(1);
    }
}
