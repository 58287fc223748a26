//! The arguments of the ways in and out that take more than a line: importing a
//! sheet and the hours overview.

use std::path::PathBuf;

use clap::Args;

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The sheet: .csv, .xlsx or .ods.
    pub file: PathBuf,
    /// Show what would be imported and what is refused; write nothing. Exit 0 when
    /// every row can be imported.
    #[arg(long)]
    pub dry_run: bool,
    /// A column and what it holds (repeatable): a heading or a column letter, and
    /// person, date, time, at, minutes, hours, mode, support, tags, note, own_words,
    /// follow_up (also initiative, own_experience, own_experience_note, signal,
    /// signal_note, consult), or skip.
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,
    /// The sheet of a workbook (default: the first with data).
    #[arg(long)]
    pub sheet: Option<String>,
    /// Make the people the sheet names that Naast does not know yet.
    #[arg(long)]
    pub create_people: bool,
    /// Support types for rows that name none (practical, emotional, ...).
    #[arg(long = "support", value_name = "T[,T...]")]
    pub support: Vec<String>,
    /// The mode for rows that name none (default face-to-face).
    #[arg(long)]
    pub mode: Option<String>,
}

#[derive(Args, Debug)]
pub struct HoursArgs {
    #[arg(long)]
    pub from: String,
    #[arg(long)]
    pub to: String,
    #[arg(long, default_value = "month", value_name = "week|month")]
    pub by: String,
    /// Write the overview as CSV (UTF-8 with BOM, ';', as Dutch Excel opens it).
    #[arg(long, value_name = "FILE", conflicts_with = "xlsx")]
    pub csv: Option<PathBuf>,
    /// Write the overview as an XLSX workbook.
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
}
