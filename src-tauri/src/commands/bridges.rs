//! Bridge notes from the app: written, shared, answered, closed, copied as text.

use naast::ground::calendar;
use naast::records::bridge;
use naast::ways::bridge_text;
use naast::ways::redact::{ExtraName, Level, Suspect};

crate::ipc::commands! {
fn bridge_list(s, app; person: Option<i64>) -> Vec<bridge::BridgeNote> {
    s.with(|c| bridge::list(c, person, None))
}
fn bridge_add(s, app; note: bridge::NewBridgeNote) -> bridge::BridgeNote {
    s.with(|c| bridge::add(c, &note))
}
/// A draft's text and own words, changed (only a draft can be).
fn bridge_edit(s, app; id: i64, text: String, voice: String) -> bridge::BridgeNote {
    s.with(|c| bridge::edit(c, id, &text, &voice))
}
fn bridge_share(s, app; id: i64) -> bridge::BridgeNote {
    s.with(|c| bridge::share(c, id, calendar::today()))
}
fn bridge_answer(s, app; id: i64, answer: String) -> bridge::BridgeNote {
    s.with(|c| bridge::answer(c, id, &answer))
}
fn bridge_close(s, app; id: i64) -> bridge::BridgeNote {
    s.with(|c| bridge::close(c, id))
}
/// "Kopiëren als tekst": counts as sharing (consent needed, logged), names replaced
/// at the chosen level.
fn bridge_text(s, app; id: i64, level: Level, extra: Vec<ExtraName>) -> String {
    s.with(|c| bridge_text::copy_for_others_with(c, id, level, s.lang(), calendar::today(), extra))
}
/// The words Naast is unsure of in a copy, asked before it is made.
fn bridge_unsure(s, app; id: i64, level: Level, extra: Vec<ExtraName>) -> Vec<Suspect> {
    s.with(|c| bridge_text::unsure_before_copy(c, id, level, s.lang(), calendar::today(), extra))
}
}
