//! "Mijn plan": the person's own plan on its own A4 PDF, for the supporter to hand to
//! them (issue 25). Addressed to the person in plain words ("Wat ik wil", "Hoe het
//! gaat, volgens mij"), with every goal in their words, their ratings and the day
//! each goal was reached or let go, under calm headings of their own. It is theirs:
//! their own name, no codes, nothing pseudonymised.
//!
//! `load` (the plan gathered, or refused by name), `words` (Dutch and English),
//! `layout` (the pages, over [`crate::ways::pdf`]), `print` (written owner-only and
//! atomic with its audit line).

mod layout;
mod load;
mod print;
mod words;

pub use layout::{pages, render};
pub use load::{load, MyPlan};
pub use print::print;
