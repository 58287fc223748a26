//! Reading the log: lines by date, person and action, newest first, and the log as
//! CSV for an export the user asks for.

use chrono::NaiveDate;
use rusqlite::{params_from_iter, types::Value, Connection, Row};
use serde::{Deserialize, Serialize};

use crate::ground::error::Result;
use crate::ground::ids::PersonId;
use crate::ground::lang::Lang;
use crate::ground::vocab::Action;

/// One line of the log, as views and exports show it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "LogEntry"))]
pub struct Entry {
    pub id: i64,
    /// Unix seconds (UTC).
    pub at: i64,
    pub actor: String,
    pub action: Action,
    pub object: String,
    pub object_id: Option<i64>,
    pub person_id: Option<i64>,
    pub person_code: Option<String>,
    pub refused: bool,
    #[cfg_attr(feature = "ts", ts(type = "Record<string, unknown>"))]
    pub detail: serde_json::Value,
    pub hash: String,
}

const COLUMNS: &str =
    "id, at, actor, action, object, object_id, person_id, person_code, outcome, detail, hash";

fn from_row(r: &Row) -> rusqlite::Result<Entry> {
    let action: String = r.get(3)?;
    let outcome: String = r.get(8)?;
    let detail: String = r.get(9)?;
    Ok(Entry {
        id: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        action: Action::parse(&action).unwrap_or(Action::Change),
        object: r.get(4)?,
        object_id: r.get(5)?,
        person_id: r.get(6)?,
        person_code: r.get(7)?,
        refused: outcome == "refused",
        detail: serde_json::from_str(&detail).unwrap_or_default(),
        hash: r.get(10)?,
    })
}

/// Which lines to show. Dates are Dutch calendar days, both ends included.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "LogQuery"))]
pub struct Query {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub person: Option<PersonId>,
    pub action: Option<Action>,
    /// Only what left the vault (print, save, export, copy, share).
    #[serde(default)]
    pub outputs_only: bool,
    /// Lines older than this id (the next page).
    #[serde(default)]
    pub before: Option<i64>,
}

/// Lines matching the query, newest first; `limit: None` returns all.
pub fn list(conn: &Connection, q: &Query, limit: Option<u32>) -> Result<Vec<Entry>> {
    let mut w = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    if let Some(d) = q.from {
        crate::ground::time::check_day(d)?;
        params.push(Value::Integer(crate::ground::calendar::day_start(d)));
        w.push("a.at >= ?".to_string());
    }
    if let Some(d) = q.to {
        crate::ground::time::check_day(d)?;
        let next = d.succ_opt().unwrap_or(d);
        params.push(Value::Integer(crate::ground::calendar::day_start(next)));
        w.push("a.at < ?".to_string());
    }
    if let Some(p) = q.person {
        params.push(Value::Integer(p));
        w.push("a.id IN (SELECT audit_id FROM audit_person WHERE person_id = ?)".to_string());
    }
    if let Some(a) = q.action {
        params.push(Value::Text(a.as_str().into()));
        w.push("a.action = ?".to_string());
    }
    if q.outputs_only {
        w.push("a.action IN ('print', 'save', 'export', 'copy', 'share')".to_string());
    }
    if let Some(b) = q.before {
        params.push(Value::Integer(b));
        w.push("a.id < ?".to_string());
    }
    let w = if w.is_empty() {
        "1".to_string()
    } else {
        w.join(" AND ")
    };
    let mut sql = format!(
        "SELECT {} FROM audit_log a WHERE {w} ORDER BY a.id DESC",
        COLUMNS
            .split(", ")
            .map(|c| format!("a.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if let Some(n) = limit {
        sql.push_str(&format!(" LIMIT {n}"));
    }
    let mut st = conn.prepare(&sql)?;
    let rows = st.query_map(params_from_iter(params), from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The log as CSV (RFC 4180), for an export the user asked for.
pub fn csv(entries: &[Entry], lang: Lang) -> String {
    let head = match lang {
        Lang::Nl => "id,tijd (UTC),wie,handeling,soort,nummer,persoon,uitkomst,details,hash\n",
        Lang::En => "id,time (UTC),who,action,kind,number,person,outcome,details,hash\n",
    };
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = String::from(head);
    for e in entries {
        let at = chrono::DateTime::from_timestamp(e.at, 0)
            .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default();
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{}\n",
            e.id,
            at,
            q(&e.actor),
            q(e.action.as_str()),
            q(&e.object),
            e.object_id.map(|i| i.to_string()).unwrap_or_default(),
            q(e.person_code.as_deref().unwrap_or("")),
            if e.refused { "refused" } else { "ok" },
            q(&e.detail.to_string()),
            e.hash
        ));
    }
    out
}
