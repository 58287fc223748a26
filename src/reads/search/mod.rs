//! Full-text search over notes, own words, signals, own experience shared and bridge
//! notes.
//!
//! What a person types is never passed to FTS5 as query syntax: it is cut into words,
//! each word becomes a quoted prefix term, and all must match. So `uitker` finds
//! `uitkering`, `client` finds `cliënt` (the index folds diacritics), and a stray
//! quote or `NEAR(` is just a character, never an error.

mod hit;
mod page;
mod query;
mod ranked;

pub use hit::{Hit, HitField, HitKind, Segment};
pub use page::{page, Order, Page};
pub use query::{fts_query, RANK_LIMIT};
pub use ranked::{run, search};
