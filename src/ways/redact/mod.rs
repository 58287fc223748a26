//! Names out of everything that leaves the vault.
//!
//! Every output for others (the team-consult summary, a bridge note copied as text)
//! passes its free text through one [`Redactor`]. It knows the names in the vault
//! (every person's alias, full name and code, every circle member's name and role)
//! and replaces them at the chosen [`Level`]:
//! - `Code`: a person's alias and full name become their code, a circle member's
//!   name their role ("de psychiater");
//! - `Alias`: a full name becomes the alias, a circle member's name their role;
//! - `Full`: nothing is replaced.
//!
//! In the same single pass over the text it spots words that look like names Naast
//! does not know ([`Suspect`]s): the app asks about each before printing, the CLI
//! warns. Matching is on whole words, in any case and without accents; see
//! `names.rs` for which phrases a name yields and `suspects.rs` for what looks like
//! a name.

mod heuristic;
mod names;
mod redactor;
mod rules;
mod suspects;
mod tokens;
pub mod words;

pub use heuristic::Heuristic;
pub use redactor::{Redactor, Scan};
pub use rules::{ExtraName, Level, Replacement, Rules};
pub use suspects::{add_not_name, not_names, Suspect, Tally};

#[cfg(test)]
mod tests;
