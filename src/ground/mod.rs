//! The ground: what every other layer stands on and what stands on nothing of Naast's
//! own. No database, no files, no keys: the error type and its words, limits on text,
//! Dutch time, numbers, the closed vocabularies, ids, and text folding.

pub mod calendar;
pub mod error;
pub mod fold;
pub mod ids;
pub mod invalid;
pub mod lang;
pub mod language;
pub mod limits;
mod messages;
pub mod numbers;
pub mod time;
pub mod vocab;
