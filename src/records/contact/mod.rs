//! Contact moments: what happened, with whom, what kind of support, in plain words.
//!
//! Validation lives here, not in a form: every way in (CLI, app, import) goes through
//! [`validate`]. Lists are newest first and paged by a keyset cursor, so a page costs
//! the same at contact 50 as at contact 1,000,000.

mod model;
mod read;
mod save;

pub use model::{validate, Contact, Cursor, Filter, NewContact, Patch, PersonRef, DEFAULT_MINUTES};
pub(crate) use read::conditions;
pub use read::{count, exists, for_goal, get, last_mode, last_persons, list, rank_people};
pub(crate) use save::insert_all;
pub use save::{add, delete, edit, import, update};
