//! The floor for the cold-start benchmark: a bare Tauri window in the same webview,
//! showing one static line. Naast's start-up is measured against this.
fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!("tauri.floor.conf.json"))
        .unwrap_or_else(|e| eprintln!("floor: {e}"));
}
