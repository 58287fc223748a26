//! A bare Tauri window showing one static line: the start-up floor that Naast's
//! cold start is measured against (`make bench-app`).
fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| eprintln!("floor: {e}"));
}
