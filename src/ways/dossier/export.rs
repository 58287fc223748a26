//! The dossier rendered (JSON for a system, HTML for the person) and written out,
//! owner-only and atomic, with its line in the audit log.

use rusqlite::Connection;
use serde::Serialize;

use super::html;
use super::load::{load, Dossier};
use crate::audit::{self, Event};
use crate::ground::error::{Error, Invalid, Result};
use crate::ground::ids::PersonId;
use crate::ground::lang::Lang;
use crate::ground::vocab::Action;

/// The two renderings, for the person (`Html`) and for a system (`Json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "DossierFormat")
)]
pub enum Format {
    Json,
    Html,
}

impl Format {
    pub fn parse(s: &str) -> Result<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "json" => Ok(Format::Json),
            "html" => Ok(Format::Html),
            _ => Err(Invalid::Format(s.to_string()).into()),
        }
    }
}

/// Renders the dossier.
pub fn render(d: &Dossier, format: Format, lang: Lang) -> Result<Vec<u8>> {
    match format {
        Format::Json => serde_json::to_vec_pretty(d).map_err(|e| Error::io("dossier", e.into())),
        Format::Html => Ok(html::render(d, lang).into_bytes()),
    }
}

/// Writes the dossier to `out` (owner-only, atomic, never over the vault) and logs
/// the export. Returns what was written, for the caller to tell.
pub fn export(
    conn: &Connection,
    vault: &std::path::Path,
    id: PersonId,
    format: Format,
    lang: Lang,
    out: &std::path::Path,
) -> Result<Dossier> {
    let d = load(conn, id, lang)?;
    crate::store::files::write_output(out, &render(&d, format, lang)?, vault)?;
    audit::log(
        conn,
        &Event::new(Action::Export, "dossier")
            .person(id)
            .detail(serde_json::json!({
                "format": match format { Format::Json => "json", Format::Html => "html" },
                "level": "full",
                "contacts": d.contacts.len(),
                "bridge_notes": d.bridge_notes.len(),
                "checkins": d.checkins.len(),
                "for": "the person",
            })),
    )?;
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ways::dossier::load::SCHEMA;

    #[test]
    fn the_schema_is_named_and_versioned() {
        assert_eq!(SCHEMA, "naast-dossier/1");
        assert!(Format::parse("HTML").is_ok() && Format::parse("pdf").is_err());
    }

    #[test]
    fn times_read_in_dutch() {
        assert_eq!(
            crate::ground::calendar::dutch_date(
                crate::ground::time::parse_date("2026-11-23").unwrap()
            ),
            "ma 23 nov. 2026"
        );
    }
}
