//! Sheets as peer supporters keep them: a CSV from Dutch Excel, an XLSX, an ODS, read
//! into one plain table of typed cells. Nothing here knows what a contact is; the
//! import reads the table.
//!
//! The file is only read, into memory: nothing is written beside it, no temporary
//! copy is made (its content is as private as a note). The reader is chosen by the
//! file's first bytes, not its name, so a workbook saved as `.csv` by mistake is still
//! read as a workbook, and a text file called `.xlsx` gets a clear message.

mod book;
mod csv;
mod model;
mod read;

pub use model::{Cell, Format, Row, Table, MAX_ROWS};
pub use read::{read, read_bytes};
