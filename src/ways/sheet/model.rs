//! A sheet read into memory: typed cells, rows with the numbers the spreadsheet
//! shows, the heading row; what the CSV and workbook readers both make.

use chrono::{NaiveDateTime, NaiveTime};
use serde::Serialize;

use crate::ground::error::{Error, Result};

/// One cell, as the writer typed it. A CSV has only text; a workbook also has
/// numbers, dates, times and durations.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date, or a date with a time (midnight when the cell had none).
    DateTime(NaiveDateTime),
    /// A time of day without a date (an Excel time cell, `14:30`).
    Time(NaiveTime),
    /// A length of time in minutes (an Excel `[h]:mm` cell, an ODS duration).
    Minutes(f64),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as a person reads it; used for headers, samples and plain text.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => format!("{n}").replace('.', ","),
            Cell::Bool(true) => "ja".into(),
            Cell::Bool(false) => "nee".into(),
            Cell::DateTime(t) if t.time() == NaiveTime::MIN => t.format("%-d-%-m-%Y").to_string(),
            Cell::DateTime(t) => t.format("%-d-%-m-%Y %H:%M").to_string(),
            Cell::Time(t) => t.format("%H:%M").to_string(),
            Cell::Minutes(m) => {
                let m = m.round() as i64;
                format!("{}:{:02}", m / 60, m % 60)
            }
        }
    }
}

/// What kind of file it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "SheetFormat"))]
pub enum Format {
    Csv,
    Xlsx,
    Xls,
    Ods,
}

/// One row of data and where it is in the sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The row number the spreadsheet shows (1 is the first line of the file), so a
    /// person can find a refused row.
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// A sheet read into memory: its header (the first row that is not empty) and every
/// row below it that has anything in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub format: Format,
    /// `utf-8` or `windows-1252` for a CSV.
    pub encoding: Option<&'static str>,
    /// `;`, `,` or a tab for a CSV.
    pub separator: Option<char>,
    /// The sheet read, and all sheets of a workbook.
    pub sheet: Option<String>,
    pub sheets: Vec<String>,
    pub header: Vec<String>,
    pub rows: Vec<Row>,
    /// SHA-256 of the file's bytes: tells whether the file changed between the
    /// preview and the import.
    pub fingerprint: String,
}

/// Most rows one import reads: far above any sheet kept by hand, low enough that a
/// wrong file (a log of millions of lines) is refused before it fills the memory.
pub const MAX_ROWS: usize = 200_000;

/// The table from rows of cells: the header is the first row with anything in it,
/// empty rows are dropped, and trailing empty cells do not make columns.
pub(super) fn table(
    format: Format,
    rows: impl Iterator<Item = (usize, Vec<Cell>)>,
    sheet: Option<String>,
    sheets: Vec<String>,
) -> Result<Table> {
    let mut header: Option<Vec<String>> = None;
    let mut out = Vec::new();
    for (number, cells) in rows {
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        match header {
            None => {
                let mut h: Vec<String> = cells.iter().map(Cell::text).collect();
                while h.last().is_some_and(|c| c.is_empty()) {
                    h.pop();
                }
                header = Some(h);
            }
            Some(_) => {
                if out.len() >= MAX_ROWS {
                    return Err(Error::SheetTooLarge(MAX_ROWS));
                }
                out.push(Row { number, cells });
            }
        }
    }
    let header = header.ok_or(Error::SheetEmpty)?;
    Ok(Table {
        format,
        encoding: None,
        separator: None,
        sheet,
        sheets,
        header,
        rows: out,
        fingerprint: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_a_person_reads_them() {
        assert_eq!(Cell::Number(45.0).text(), "45");
        assert_eq!(Cell::Number(0.75).text(), "0,75");
        assert_eq!(Cell::Minutes(75.0).text(), "1:15");
        let d = chrono::NaiveDate::from_ymd_opt(2025, 2, 3).unwrap();
        assert_eq!(
            Cell::DateTime(d.and_hms_opt(0, 0, 0).unwrap()).text(),
            "3-2-2025"
        );
        assert_eq!(
            Cell::DateTime(d.and_hms_opt(14, 30, 0).unwrap()).text(),
            "3-2-2025 14:30"
        );
        assert!(Cell::Text("  ".into()).is_empty());
    }
}
