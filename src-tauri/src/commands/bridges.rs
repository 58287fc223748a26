//! Bridge notes from the app: written, shared, answered, closed, copied as text.

use naast::ground::calendar;
use naast::records::bridge;
use naast::ways::bridge_text;
use naast::ways::redact::{ExtraName, Level, Suspect};
use serde::Serialize;
use ts_rs::TS;

/// What "Kopiëren als tekst" put on the clipboard, and how long it stays there.
#[derive(Serialize, TS)]
#[ts(export)]
pub struct CopiedText {
    pub text: String,
    pub clear_after_seconds: u64,
}

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
/// How long a copied note stays on the clipboard, said beside the button.
fn copy_clears_after(s, app) -> u64 {
    Ok(crate::clipboard::CLEAR_AFTER_SECONDS)
}
/// "Kopiëren als tekst": counts as sharing (consent needed, logged), names replaced
/// at the chosen level (and the unsure words as the user answered them), put on the
/// system clipboard and taken off it again (see `clipboard`).
fn bridge_copy(s, app; id: i64, level: Level, extra: Vec<ExtraName>) -> CopiedText {
    let text = s.with(|c| bridge_text::copy_for_others_with(c, id, level, s.lang(), calendar::today(), extra))?;
    s.map(crate::clipboard::copy(&app, &text))?;
    Ok(CopiedText { text, clear_after_seconds: crate::clipboard::CLEAR_AFTER_SECONDS })
}
/// The words Naast is unsure of in a copy, asked before it is made.
fn bridge_unsure(s, app; id: i64, level: Level, extra: Vec<ExtraName>) -> Vec<Suspect> {
    s.with(|c| bridge_text::unsure_before_copy(c, id, level, s.lang(), calendar::today(), extra))
}
}
