//! Tables as bytes: CSV as Dutch Excel opens it, an XLSX workbook with real dates and
//! numbers, JSON. All in memory: nothing is written until `files::write_output`
//! writes the whole, owner-only.

use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Workbook};
use serde_json::{json, Map, Value as Json};

use super::tables::{Table, Value};
use crate::ground::error::{Error, Result};

/// The JSON's schema name and version.
pub const SCHEMA: &str = "naast-export/1";

/// A day as the CSV and JSON write it: `2026-11-23`.
fn day(d: chrono::NaiveDate) -> String {
    d.to_string()
}

/// A moment: `2026-11-23T14:30:00+01:00`, local time with its offset (unambiguous
/// in the autumn hour that happens twice).
fn moment(ts: i64) -> String {
    crate::ground::calendar::rfc3339_local(ts)
}

fn as_text(v: &Value) -> String {
    match v {
        Value::Text(s) => s.clone(),
        Value::Int(i) => i.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Day(d) => d.map(day).unwrap_or_default(),
        Value::Moment(t) => t.map(moment).unwrap_or_default(),
        Value::Decimal(n) => format!("{n}").replace('.', ","),
    }
}

/// A cell text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first)
/// gets an apostrophe in front, as spreadsheets themselves mark text; the import
/// takes it off again. A note starting "- goed gesprek" stays a note.
fn safe(s: String) -> String {
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s
    }
}

/// One table as CSV: UTF-8 with a byte-order mark, `;` between cells, CRLF between
/// rows, quotes where a cell needs them (a `;`, a quote, a line break).
pub fn csv(t: &Table) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        // Writing into a Vec cannot fail; a failure would only lose this table's rows.
        let _ = w.write_record(&t.columns);
        for row in &t.rows {
            let _ = w.write_record(row.iter().map(|v| match v {
                Value::Text(_) => safe(as_text(v)),
                _ => as_text(v),
            }));
        }
        let _ = w.flush();
    }
    out
}

fn excel(ts: i64) -> Option<ExcelDateTime> {
    use chrono::{Datelike, Timelike};
    let t = crate::ground::calendar::local(ts);
    ExcelDateTime::from_ymd(t.year() as u16, t.month() as u8, t.day() as u8)
        .and_then(|d| d.and_hms(t.hour() as u16, t.minute() as u8, t.second()))
        .ok()
}

fn excel_day(d: chrono::NaiveDate) -> Option<ExcelDateTime> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).ok()
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::io("xlsx", std::io::Error::other(e.to_string()))
}

/// The tables as one workbook, a sheet per table: headings in bold and frozen,
/// dates and times as real dates (Dutch display), numbers as numbers.
pub fn xlsx(tables: &[Table]) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let bold = XFormat::new().set_bold();
    let when = XFormat::new().set_num_format("d-m-yyyy hh:mm");
    let date = XFormat::new().set_num_format("d-m-yyyy");
    let decimal = XFormat::new().set_num_format("0.00");
    for t in tables {
        let ws = wb.add_worksheet();
        ws.set_name(t.name).map_err(xlsx_error)?;
        for (c, name) in t.columns.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, name.as_str(), &bold)
                .map_err(xlsx_error)?;
        }
        ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        for (r, row) in t.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, v) in row.iter().enumerate() {
                let c = c as u16;
                let done = match v {
                    Value::Text(s) if s.is_empty() => continue,
                    Value::Text(s) => ws.write_string(r, c, s),
                    Value::Int(i) => ws.write_number(r, c, *i as f64),
                    Value::Bool(b) => ws.write_boolean(r, c, *b),
                    Value::Decimal(n) => ws.write_number_with_format(r, c, *n, &decimal),
                    Value::Day(Some(d)) => match excel_day(*d) {
                        Some(x) => ws.write_datetime_with_format(r, c, &x, &date),
                        None => ws.write_string(r, c, day(*d)),
                    },
                    Value::Moment(Some(ts)) => match excel(*ts) {
                        Some(x) => ws.write_datetime_with_format(r, c, &x, &when),
                        None => ws.write_string(r, c, moment(*ts)),
                    },
                    Value::Day(None) | Value::Moment(None) => continue,
                };
                done.map_err(xlsx_error)?;
            }
        }
    }
    wb.save_to_buffer().map_err(xlsx_error)
}

fn json_value(v: &Value) -> Json {
    match v {
        Value::Text(s) => Json::String(s.clone()),
        Value::Int(i) => json!(i),
        Value::Bool(b) => json!(b),
        Value::Day(d) => d.map(|d| json!(day(d))).unwrap_or(Json::Null),
        Value::Moment(t) => t.map(|t| json!(moment(t))).unwrap_or(Json::Null),
        Value::Decimal(n) => json!(n),
    }
}

/// The tables as one JSON object: `{"schema", "made_at", "tables": {name: [row]}}`,
/// each row an object keyed by the column names.
pub fn json(tables: &[Table], made_at: i64) -> Result<Vec<u8>> {
    let mut all = Map::new();
    for t in tables {
        let rows: Vec<Json> = t
            .rows
            .iter()
            .map(|row| {
                Json::Object(
                    t.columns
                        .iter()
                        .zip(row)
                        .map(|(c, v)| (c.to_string(), json_value(v)))
                        .collect(),
                )
            })
            .collect();
        all.insert(t.name.to_string(), Json::Array(rows));
    }
    serde_json::to_vec_pretty(&json!({
        "schema": SCHEMA,
        "made_at": moment(made_at),
        "tables": all,
    }))
    .map_err(|e| Error::io("json", e.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t() -> Table {
        Table {
            name: "contacts",
            columns: ["note", "minutes", "follow_up"].map(String::from).to_vec(),
            rows: vec![vec![
                Value::Text("=SUM(A1); \"x\"\nregel 2".into()),
                Value::Int(45),
                Value::Day(chrono::NaiveDate::from_ymd_opt(2026, 11, 23)),
            ]],
        }
    }

    #[test]
    fn csv_for_dutch_excel_with_a_bom_semicolons_and_formulas_kept_as_text() {
        let bytes = csv(&t());
        assert!(bytes.starts_with(b"\xEF\xBB\xBFnote;minutes;follow_up\r\n"));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(
            text.contains("\"'=SUM(A1); \"\"x\"\"\nregel 2\";45;2026-11-23\r\n"),
            "{text}"
        );
    }

    #[test]
    fn json_rows_are_objects_keyed_by_column() {
        let v: Json = serde_json::from_slice(&json(&[t()], 0).unwrap()).unwrap();
        assert_eq!(v["schema"], "naast-export/1");
        assert_eq!(v["tables"]["contacts"][0]["minutes"], 45);
        assert_eq!(v["tables"]["contacts"][0]["follow_up"], "2026-11-23");
    }
}
