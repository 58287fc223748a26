//! What the import's two steps take and give: the user's choices ([`Options`]), the
//! preview of a sheet and what an import did. Serialized for the app (ts-rs).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::fields::Field;
use super::words::WordTo;
use crate::ground::vocab::{Initiative, Mode, Support};

/// How many rows the preview shows as they will be saved.
pub const SHOWN: usize = 20;

/// The user's choice for one column: the field it holds, or `None` to leave it out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "ImportColumnChoice")
)]
pub struct ColumnChoice {
    pub column: usize,
    pub field: Option<Field>,
}

/// The user's choice for a word Naast does not know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "ImportWordChoice")
)]
pub struct WordChoice {
    pub word: String,
    pub to: WordTo,
}

/// Everything the user decided; the default is what Naast guessed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "ImportOptions")
)]
pub struct Options {
    /// The sheet of a workbook; by default the first with data.
    #[serde(default)]
    pub sheet: Option<String>,
    #[serde(default)]
    pub columns: Vec<ColumnChoice>,
    #[serde(default)]
    pub words: Vec<WordChoice>,
    /// Make the people the sheet names that Naast does not know yet.
    #[serde(default)]
    pub create_people: bool,
    /// The support types of a row that names none.
    #[serde(default)]
    pub support: Vec<Support>,
    /// The mode of a row that names none (face-to-face when not chosen).
    #[serde(default)]
    pub mode: Option<Mode>,
    /// The preview's fingerprint of the file: the import refuses a file that changed
    /// after the user saw its preview.
    #[serde(default)]
    pub fingerprint: Option<String>,
}

/// A column of the sheet and what it is read as.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "ImportColumn"))]
pub struct Column {
    pub index: usize,
    /// The spreadsheet's letter: A, B, …
    pub letter: String,
    pub header: String,
    pub field: Option<Field>,
    /// What Naast guessed from the heading.
    pub guessed: Option<Field>,
    /// The first few values, as written.
    pub samples: Vec<String>,
}

/// A row that will not be imported, and why, in plain words.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "ImportRefused")
)]
pub struct Refused {
    pub row: usize,
    pub reason: String,
}

/// A word of a mode or support column that is not in Naast's words.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "ImportWord"))]
pub struct Word {
    pub word: String,
    /// The column's field: `mode` or `support`.
    pub field: Field,
    /// In how many rows.
    pub rows: usize,
    pub to: WordTo,
}

/// A row as it will be saved.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "ImportRow"))]
pub struct Shown {
    pub row: usize,
    /// Unix seconds (UTC).
    pub at: i64,
    pub minutes: i64,
    pub mode: Mode,
    pub initiative: Initiative,
    /// Aliases as they will be saved; new people as written in the sheet.
    pub persons: Vec<String>,
    pub support: Vec<Support>,
    pub tags: Vec<String>,
    pub note: String,
    pub own_words: String,
    pub own_experience: bool,
    pub signal: bool,
    pub follow_up: Option<NaiveDate>,
    pub for_consult: bool,
    /// Already in the vault (or earlier in the sheet): skipped.
    pub duplicate: bool,
}

/// What an import would do; nothing is written to make it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "ImportPreview")
)]
pub struct Preview {
    pub format: crate::ways::sheet::Format,
    pub encoding: Option<String>,
    pub separator: Option<String>,
    pub sheet: Option<String>,
    pub sheets: Vec<String>,
    pub columns: Vec<Column>,
    /// `date` and `person` when no column holds them: nothing can be imported.
    pub missing: Vec<Field>,
    /// Rows with data below the heading.
    pub rows: usize,
    /// Rows that will be imported.
    pub importable: usize,
    /// Rows already in the vault (or twice in the sheet), skipped.
    pub duplicates: usize,
    pub refused: Vec<Refused>,
    /// People the sheet names that Naast does not know yet.
    pub new_people: Vec<String>,
    /// Unknown words, the most frequent first, with what each becomes.
    pub words: Vec<Word>,
    /// The first rows as they will be saved.
    pub shown: Vec<Shown>,
    pub fingerprint: String,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "ImportOutcome")
)]
pub struct Outcome {
    pub rows: usize,
    pub imported: usize,
    pub skipped_duplicates: usize,
    pub refused: Vec<Refused>,
    pub new_people: Vec<String>,
}
