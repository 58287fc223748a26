//! The person's own plan from the app (issue 25): their goals, in their words and
//! their order, how it goes according to them, and whether a colleague has a plan
//! at all.

use naast::records::contact::{self, Contact};
use naast::records::goal::{
    self, GivenRating, Goal, GoalPatch, NewGoal, NewRating, Rating, Status,
};

crate::ipc::commands! {
/// Whether goals may be kept: everyone but a colleague, unless turned on for them.
fn plan_on(s, app; person: i64) -> bool {
    s.with(|c| goal::plan_on(c, person))
}
/// The switch on a colleague's page; turning it off keeps the goals there are.
fn plan_set(s, app; person: i64, on: bool) -> () {
    s.with(|c| goal::set_plan(c, person, on))
}
/// The person's goals in their own order, with ratings and history.
fn goal_list(s, app; person: i64) -> Vec<Goal> {
    s.with(|c| goal::list(c, person))
}
fn goal_add(s, app; person: i64, goal: NewGoal) -> Goal {
    s.with(|c| goal::add(c, person, &goal))
}
fn goal_change(s, app; id: i64, patch: GoalPatch) -> Goal {
    s.with(|c| goal::change(c, id, &patch))
}
/// Reached, let go, or working on it again.
fn goal_status(s, app; id: i64, status: Status) -> Goal {
    s.with(|c| goal::set_status(c, id, status))
}
/// The goals a contact touched, for the form that edits it.
fn contact_goals(s, app; id: i64) -> Vec<i64> {
    s.with(|c| goal::for_contact(c, id))
}
/// "Hoe ver ben je, volgens jezelf?": the person's own score and words.
fn goal_rate(s, app; id: i64, rating: NewRating) -> Rating {
    s.with(|c| goal::rate(c, id, &rating))
}
/// The ratings given at a contact, for the form that edits it.
fn contact_ratings(s, app; id: i64) -> Vec<GivenRating> {
    s.with(|c| goal::rated_at(c, id))
}
/// The contacts that touched a goal, newest first, for its card.
fn goal_contacts(s, app; id: i64) -> Vec<Contact> {
    s.with(|c| contact::for_goal(c, id))
}
/// "Mijn plan" as a PDF of its own, to give to the person: the name of the file
/// saved, or nothing when the save dialog was cancelled.
fn goal_print(s, app; person: i64) -> Option<String> {
    crate::print::save_plan_pdf(&app, &s, person)
}
}
