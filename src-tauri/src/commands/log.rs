//! The logbook from the app: its lines, its check, its CSV, and who the log names.

crate::ipc::commands! {
/// The audit log, newest first, a page at a time.
fn log_list(s, app; query: naast::audit::Query, limit: u32) -> Vec<naast::audit::Entry> {
    s.with(|c| naast::audit::list(c, &query, Some(limit.min(500))))
}
/// Walks the log's hash chain and holds it against the anchors kept outside the
/// vault (its key file, its backups' manifests): a cut of the newest lines is named.
fn log_verify(s, app) -> naast::audit::Verification {
    s.with_v(|v| naast::ways::backup::verify_log(v).map(|r| r.told(s.lang())))
}
/// Saves the lines matching the query as CSV where the person chooses; false when
/// they cancelled. An export of the log is itself logged.
fn log_export_csv(s, app; query: naast::audit::Query) -> bool {
    crate::print::save_log_csv(&app, &s, &query)
}
fn actor_get(s, app) -> naast::audit::Actor {
    s.with(naast::audit::actor)
}
/// Who the log names: asked once at first run, optional.
fn actor_set(s, app; actor: naast::audit::Actor) -> () {
    s.with(|c| naast::audit::set_actor(c, &actor))
}
}
