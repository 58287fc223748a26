//! The export itself: every table of the vault, in one of three formats, into a
//! folder; written owner-only and atomically, and logged with each person it concerns.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::render::{csv, json, xlsx};
use super::tables;
use crate::audit::{self, Event};
use crate::ground::error::{Error, Invalid, Result};
use crate::ground::vocab::Action;

/// The three formats of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "ExportFormat"))]
pub enum Format {
    Csv,
    Xlsx,
    Json,
}

impl Format {
    pub fn parse(s: &str) -> Result<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "csv" => Ok(Format::Csv),
            "xlsx" => Ok(Format::Xlsx),
            "json" => Ok(Format::Json),
            _ => Err(Invalid::ExportFormat(s.to_string()).into()),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
        }
    }
}

/// Writes everything into `dir` (made, owner-only, when missing) and returns the
/// files written: `<table>.csv` for each kind, or `naast-export.xlsx`, or
/// `naast-export.json`.
pub fn export_all(
    conn: &Connection,
    vault: &Path,
    dir: &Path,
    format: Format,
) -> Result<Vec<PathBuf>> {
    let all = tables::all(conn)?;
    crate::store::files::private_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut written = Vec::new();
    match format {
        Format::Csv => {
            for t in &all {
                let out = dir.join(format!("{}.csv", t.name));
                crate::store::files::write_output(&out, &csv(t), vault)?;
                written.push(out);
            }
        }
        Format::Xlsx => {
            let out = dir.join("naast-export.xlsx");
            crate::store::files::write_output(&out, &xlsx(&all)?, vault)?;
            written.push(out);
        }
        Format::Json => {
            let out = dir.join("naast-export.json");
            crate::store::files::write_output(
                &out,
                &json(&all, crate::ground::calendar::now())?,
                vault,
            )?;
            written.push(out);
        }
    }
    let people: Vec<i64> = conn
        .prepare("SELECT id FROM person ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let counts: serde_json::Map<String, serde_json::Value> = all
        .iter()
        .filter(|t| t.name != "log")
        .map(|t| (t.name.to_string(), t.rows.len().into()))
        .collect();
    audit::log(
        conn,
        &Event::new(Action::Export, "vault")
            .people(&people)
            .detail(serde_json::json!({
                "format": format.as_str(),
                "level": "full",
                "tables": counts,
                "for": "leaving with everything",
            })),
    )?;
    Ok(written)
}
