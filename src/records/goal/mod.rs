//! The person's own plan (issue 25): goals in their own words, who helps, and how it
//! goes according to them. Plans are made *with* people, never *for* them: the text,
//! the order and the rating are the person's; "let go" is a normal outcome.
//!
//! `model` (what a goal is), `read` (one, a person's plan, a contact's goals and
//! ratings), `save` (add, change, status, rate), `at_contact` (the links from a
//! contact and the ratings given at it, in the contact's transaction), `plan`
//! (whether a person has a plan at all: colleagues only when turned on).

mod at_contact;
mod model;
mod plan;
mod read;
mod save;

pub(crate) use at_contact::{link_contact, rate_at_contact, redate_at_contact, unlink_absent};
pub use model::{
    GivenRating, Goal, GoalPatch, Helper, NewGoal, NewRating, Rating, Status, StatusChange,
};
pub use plan::{plan_on, set_plan};
pub use read::{for_contact, get, list, quiet, rated_at};
pub use save::{add, change, rate, set_status};

/// Weeks without a look at an open goal before the consult's agenda mentions it, by
/// default: six, about three contacts at the usual fortnightly rhythm.
pub const QUIET_WEEKS: u32 = 6;
