//! A way in: the contacts of a sheet a peer supporter kept before Naast (Excel, a
//! CSV, LibreOffice), brought into the vault through the same record functions the
//! quick form uses.
//!
//! Two steps, and nothing is written in the first: [`preview`] reads the sheet,
//! guesses each column from its heading, reads every row the Dutch way and says
//! what would be saved, what is already there, and which rows are refused and why.
//! [`run`] writes what the preview showed, in one transaction: all of it or none.
//! Importing the same file again adds nothing: a contact with the same people, minute
//! and note is recognised and skipped, and counted. The file itself is only read.

mod apply;
pub mod fields;
mod model;
mod plan;
mod rows;
pub mod values;
pub mod words;

#[cfg(test)]
mod tests;

pub use apply::{run, run_file};
pub use fields::Field;
pub use model::{
    Column, ColumnChoice, Options, Outcome, Preview, Refused, Shown, Word, WordChoice, SHOWN,
};
pub use plan::{preview, preview_file};
pub use words::WordTo;
