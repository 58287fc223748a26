//! Names and other identifiers out of everything that leaves the vault.
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
//! Beyond the vault's names it replaces what else points at a person, by what it is
//! ([`Category`]: "[telefoonnummer]", "[e-mailadres]", "[adres]", "[BSN]",
//! "[nummer]", "[website]", "[geboortedatum]", and "[naam]" for a name Naast is sure
//! of), and in the same single pass spots what it is unsure of ([`Suspect`]s: names,
//! places, care institutions): the app asks about each before printing, the CLI
//! warns. Ordinary dates, weekdays and ages stay. Matching is on whole words, in any
//! case and without accents; see `names.rs` for which phrases a name yields,
//! `detect.rs` for the patterns, `unknown.rs` for names the vault does not know and
//! `suspects.rs` for the "is geen naam" list.

mod address;
mod birth;
mod category;
mod contact_info;
mod detect;
mod heuristic;
mod names;
mod numbers;
mod redactor;
mod rules;
mod suspects;
mod tokens;
mod unknown;
pub mod words;

pub use category::{Category, Hit};
pub use detect::patterns;
pub use heuristic::Heuristic;
pub use numbers::elfproef;
pub use redactor::{Redactor, Scan};
pub use rules::{ExtraName, Level, Replacement, Rules};
pub use suspects::{add_not_name, not_names, Suspect, SuspectKind, Tally};

#[cfg(test)]
mod tests;
