//! The ways in and out from the app: Instellingen → Importeren (a sheet, its preview,
//! the import with its progress), Alles exporteren, and Teamoverleg → Urenoverzicht.

use chrono::NaiveDate;
use naast::ways::{export, hours, import};

crate::ipc::commands! {
/// Instellingen → Importeren: a sheet from the file dialog.
fn import_pick_file(s, app) -> Option<String> {
    Ok(crate::ways::pick_sheet(&app).await)
}
/// What importing the sheet would do, as the options say; writes nothing.
fn import_preview(s, app; path: String, options: import::Options) -> import::Preview {
    s.with(|c| import::preview_file(c, path.as_ref(), &options, s.lang()))
}
/// Imports what the preview showed, in one transaction, on a thread of its own.
fn import_run(s, app; path: String, options: import::Options) -> import::Outcome {
    crate::ways::import(&s, path, options).await
}
/// How far the running import is: contacts written, of how many.
fn import_progress(s, app) -> (usize, usize) {
    Ok(crate::ways::progress())
}
/// Alles exporteren: everything into the folder, unencrypted (the screen asked first).
fn export_all(s, app; folder: String, format: export::Format) -> Vec<String> {
    s.with_v(|v| export::export_all(v.conn(), v.path(), folder.as_ref(), format))
        .map(|files| files.iter().map(|f| f.to_string_lossy().into_owned()).collect())
}
/// Teamoverleg → Urenoverzicht: per week or month, no names.
fn hours_overview(s, app; from: NaiveDate, to: NaiveDate, by: hours::By) -> hours::Overview {
    crate::ways::hours(&s, from, to, by)
}
fn hours_print(s, app) -> bool {
    crate::ways::print_hours(app, &s).await
}
/// Saves the overview on screen as CSV or XLSX; false when cancelled.
fn hours_save(s, app; format: export::Format) -> bool {
    crate::ways::save_hours(&app, &s, format)
}
}
