//! Reading the dates and times people and scripts give: strictly (`YYYY-MM-DD`, for
//! scripts and files) or as people type them in the app ("23-11", "gisteren 14:00").
//! Writing them back is [`crate::ground::calendar`]'s job.

mod ahead;
mod strict;
mod typed;

pub use strict::{check_day, check_instant, parse_date, parse_local};
pub use typed::{read_day, read_moment, Lean};
