//! Check-ins from the app: open ones, planned, done, moved, the colleague rhythm,
//! and who has fallen out of view.

use chrono::NaiveDate;
use naast::ground::calendar;
use naast::records::followup;
use naast::records::settings;

crate::ipc::commands! {
fn checkins_open(s, app) -> Vec<followup::FollowUp> {
    s.with(|c| followup::open(c, None))
}
fn checkin_add(s, app; person: i64, due: NaiveDate, why: String) -> followup::FollowUp {
    s.with(|c| followup::add(c, person, due, &why))
}
/// "Plan bespreken": a check-in to look at the person's own plan together.
fn checkin_plan_review(s, app; person: i64, due: NaiveDate, why: String) -> followup::FollowUp {
    s.with(|c| followup::add_plan_review(c, person, due, &why))
}
fn checkin_done(s, app; id: i64) -> followup::FollowUp {
    s.with(|c| followup::done(c, id, calendar::today()))
}
fn checkin_move(s, app; id: i64, due: NaiveDate) -> followup::FollowUp {
    s.with(|c| followup::move_to(c, id, due))
}
fn stagnation(s, app) -> Vec<followup::Stagnant> {
    s.with(|c| {
        settings::load(c).and_then(|st| followup::stagnation(c, calendar::today(), st.stagnation_weeks))
    })
}
fn colleague_plan(s, app; person: i64, incident: NaiveDate) -> Vec<followup::FollowUp> {
    s.with(|c| followup::plan_colleague(c, person, incident))
}
fn today(s, app) -> NaiveDate {
    Ok(calendar::today())
}
}
