//! A summary leaving the app: the check that every unknown name had a choice, and the
//! audit line that it was printed or saved (never its content).

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::model::Options;
use crate::audit::{self, Event};
use crate::ground::error::{Invalid, Result};
use crate::ground::ids::PersonId;
use crate::ground::vocab::Action as LogAction;
use crate::ways::redact::Suspect;

/// How a summary left the app.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Print,
    Save,
    Cli,
}

/// What a summary left as: the HTML page (saved, or printed through the webview) or
/// Naast's own PDF.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Html,
    Pdf,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }
}

/// Records that a summary was printed or saved: when, which period and people, at
/// which level, in which format. Never its content.
pub fn record(
    conn: &Connection,
    o: &Options,
    persons: &[PersonId],
    action: Action,
    format: Format,
) -> Result<()> {
    let audit_action = match action {
        Action::Print => LogAction::Print,
        Action::Save | Action::Cli => LogAction::Save,
    };
    audit::log(
        conn,
        &Event::new(audit_action, "summary")
            .people(persons)
            .detail(serde_json::json!({
                "from": o.from,
                "to": o.to,
                "level": o.level.as_str(),
                "all_notes": o.all_notes,
                "circle_names": o.circle_names,
                "colleagues": o.colleagues,
                "people_count": persons.len(),
                "via": if action == Action::Cli { "cli" } else { "app" },
                "format": format.as_str(),
            })),
    )?;
    Ok(())
}

/// Whether a summary may leave the vault from the app: only once every word that
/// looks like an unknown name has had a choice (a replacement, or "is geen naam").
/// The command line prints them as warnings instead.
pub fn check_suspects(suspects: &[Suspect]) -> Result<()> {
    if suspects.is_empty() {
        Ok(())
    } else {
        Err(Invalid::NamesToCheck(suspects.len()).into())
    }
}
