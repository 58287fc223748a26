//! People from the app: the list, the person page, the circle and consent, closing
//! and erasing, and the person's own dossier.

use chrono::NaiveDate;
use naast::ground::calendar;
use naast::reads::person_page::{self, Detail};
use naast::records::circle::{self, CircleMember};
use naast::records::consent::{self, Consent};
use naast::records::contact;
use naast::records::erasure;
use naast::records::person::{self, NewPerson, Person};
use naast::records::settings;

crate::ipc::commands! {
fn person_list(s, app) -> Vec<Person> {
    s.with(person::list)
}
fn person_add(s, app; person: NewPerson) -> Person {
    s.with(|c| person::add(c, &person))
}
fn person_detail(s, app; id: i64) -> Detail {
    s.with(|c| person_page::view(c, id))
}
fn person_own_words(s, app; id: i64, wishes: String, strengths: String) -> () {
    s.with(|c| person::set_own_words(c, id, &wishes, &strengths))
}
fn person_close(s, app; id: i64) -> () {
    s.with(|c| person::set_active(c, id, false))
}
fn person_erase(s, app; id: i64) -> usize {
    s.with(|c| erasure::erase(c, id))
}
fn circle_add(s, app; person: i64, name: String, role: String, formal: bool) -> CircleMember {
    s.with(|c| circle::add_member(c, person, &name, &role, formal))
}
fn circle_update(s, app; id: i64, name: String, role: String, formal: bool) -> CircleMember {
    s.with(|c| circle::update_member(c, id, &name, &role, formal))
}
/// Today: consents to them end at once, what was shared with them stays recorded.
fn circle_remove(s, app; id: i64) -> circle::Removal {
    s.with(|c| circle::remove_member(c, id, calendar::today()))
}
fn consent_add(s, app; member: i64, scope: String, discussed_on: NaiveDate, until: NaiveDate) -> Consent {
    s.with(|c| consent::add_consent_for(c, member, &scope, discussed_on, until))
}
/// Withdrawn today: sharing and copying for that recipient stop at once.
fn consent_withdraw(s, app; id: i64) -> () {
    s.with(|c| consent::withdraw_consent(c, id, calendar::today()))
}
/// The order for what is typed (see `contact::rank_people`), everyone; the picker
/// keeps the active people.
fn person_rank(s, app; typed: String) -> Vec<i64> {
    s.with(|c| Ok(contact::rank_people(&person::list(c)?, &typed)))
}
/// Mensen: everyone with their last contact and next check-in.
fn person_overview(s, app) -> Vec<person_page::PersonRow> {
    s.with(person_page::overview)
}
/// "Klaar om te wissen?": closed longer than the settings' months.
fn ready_to_erase(s, app) -> Vec<Person> {
    s.with(|c| {
        let months = settings::load(c)?.erase_after_months;
        person::ready_to_erase(c, calendar::today(), months)
    })
}
/// "Alles over deze persoon": the readable document and the JSON, into a folder the
/// person picks; the folder, or nothing when they cancelled.
fn person_export(s, app; id: i64) -> Option<String> {
    crate::print::export_dossier(&app, &s, id)
}
}
