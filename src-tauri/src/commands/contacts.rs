//! Contacts from the app: the form (saving, drafts, the peer-language hint, who was
//! there last) and Overzicht (pages, counts, search).

use naast::ground::lang::Lang;
use naast::ground::language;
use naast::reads::search::{self, Hit};
use naast::records::contact::{self, Contact, Cursor, Filter, NewContact};
use naast::records::draft;
use naast::records::settings;

crate::ipc::commands! {
fn contact_add(s, app; contact: NewContact) -> i64 {
    s.with(|c| contact::add(c, &contact))
}
fn contact_update(s, app; id: i64, contact: NewContact) -> () {
    s.with(|c| contact::update(c, id, &contact))
}
fn contact_get(s, app; id: i64) -> Contact {
    s.with(|c| contact::get(c, id))
}
fn contact_delete(s, app; id: i64) -> Contact {
    s.with(|c| contact::delete(c, id))
}
fn contact_page(s, app; filter: Filter, after: Option<Cursor>, limit: u32) -> Vec<Contact> {
    s.with(|c| contact::list(c, &filter, after, Some(limit.min(200))))
}
fn contact_count(s, app; filter: Filter) -> i64 {
    s.with(|c| contact::count(c, &filter))
}
fn contact_last_mode(s, app) -> Option<naast::ground::vocab::Mode> {
    s.with(contact::last_mode)
}
/// The people of the last contact, offered first in the picker.
fn contact_last_persons(s, app) -> Vec<i64> {
    s.with(contact::last_persons)
}
fn search_notes(s, app; query: String, filter: Filter) -> Vec<Hit> {
    s.with(|c| search::run(c, &query, &filter, 50))
}
/// Overzicht's search: a page, with how many match in all.
fn search_page(s, app; query: String, filter: Filter, order: search::Order, offset: u32, limit: u32) -> search::Page {
    s.with(|c| search::page(c, &query, &filter, order, offset, limit))
}
fn language_hints(s, app; text: String) -> Vec<String> {
    s.with(|c| {
        settings::load(c).map(|st| {
            language::hints(
                &text,
                if st.lang == Lang::En {
                    &st.hint_words_en
                } else {
                    &st.hint_words_nl
                },
            )
        })
    })
}
fn draft_save(s, app; contact: Option<i64>, body: String, persons: Vec<i64>) -> () {
    s.with(|c| draft::save(c, contact, &body, &persons))
}
fn draft_load(s, app; contact: Option<i64>) -> Option<draft::Draft> {
    s.with(|c| draft::load(c, contact))
}
}
