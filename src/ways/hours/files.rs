//! The hours overview as files: a table for CSV (decimal commas, as Dutch Excel
//! reads them) and XLSX, written owner-only and atomically, and logged when it
//! leaves (saved, or printed from the app).

use rusqlite::Connection;

use super::model::{Overview, Period};
use crate::ground::error::Result;
use crate::ground::lang::Lang;
use crate::ground::vocab::{Action, Context, Mode, Support};
use crate::ways::export::{self, Format, Table, Value};

/// The overview as a table, for CSV (decimal commas, as Dutch Excel reads them) and
/// XLSX (numbers): a row per period and one for the total, the words in the
/// overview's language.
pub fn table(o: &Overview) -> Table {
    let nl = o.lang == Lang::Nl;
    let mut columns: Vec<String> = if nl {
        ["periode", "van", "tot en met", "contactmomenten", "uren"]
    } else {
        ["period", "from", "to", "contacts", "hours"]
    }
    .map(String::from)
    .to_vec();
    let (s, m, c) = if nl {
        ("steun: ", "vorm: ", "met: ")
    } else {
        ("support: ", "mode: ", "with: ")
    };
    columns.extend(
        Support::ALL
            .iter()
            .map(|x| format!("{s}{}", x.label(o.lang))),
    );
    columns.extend(Mode::ALL.iter().map(|x| format!("{m}{}", x.label(o.lang))));
    columns.extend(
        Context::ALL
            .iter()
            .map(|x| format!("{c}{}", x.label(o.lang))),
    );
    let row = |p: &Period| -> Vec<Value> {
        let mut v = vec![
            Value::Text(p.label.clone()),
            Value::Day(Some(p.from)),
            Value::Day(Some(p.to)),
            Value::Int(p.contacts),
            Value::Decimal(p.hours),
        ];
        v.extend(p.support.values().map(|h| Value::Decimal(*h)));
        v.extend(p.mode.values().map(|h| Value::Decimal(*h)));
        v.extend(p.context.values().map(|h| Value::Decimal(*h)));
        v
    };
    let mut rows: Vec<Vec<Value>> = o.periods.iter().map(row).collect();
    rows.push(row(&o.total));
    Table {
        name: if nl { "uren" } else { "hours" },
        columns,
        rows,
    }
}

/// Writes the overview as CSV or XLSX (owner-only, atomic, never over the vault) and
/// logs it. It names no one, but it is not encrypted: callers warn first.
pub fn save(
    conn: &Connection,
    vault: &std::path::Path,
    o: &Overview,
    out: &std::path::Path,
    format: Format,
) -> Result<()> {
    let t = table(o);
    let bytes = match format {
        Format::Xlsx => export::xlsx(&[t])?,
        Format::Json => serde_json::to_vec_pretty(o)
            .map_err(|e| crate::ground::error::Error::io(out, e.into()))?,
        Format::Csv => export::csv(&t),
    };
    crate::store::files::write_output(out, &bytes, vault)?;
    record(conn, o, Action::Save, format.as_str())
}

/// Logs that the overview left the vault: saved, or printed from the app.
pub fn record(conn: &Connection, o: &Overview, action: Action, format: &str) -> Result<()> {
    crate::audit::log(
        conn,
        &crate::audit::Event::new(action, "hours").detail(serde_json::json!({
            "from": o.from, "to": o.to, "by": o.by, "format": format, "contacts": o.total.contacts,
        })),
    )?;
    Ok(())
}
