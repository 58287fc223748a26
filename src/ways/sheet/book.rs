//! Workbooks (XLSX, ODS, and the old XLS) through `calamine`, a pure-Rust reader: no
//! office suite, no conversion step, nothing written to disk. Dates, times and
//! durations keep their type, so `3-2-2025` typed in Excel arrives as a date
//! whatever the display format was.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Ods, Reader, Xls, Xlsx};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::model::{table, Cell, Format, Table};
use crate::ground::error::{Error, Result};

/// A ZIP container: XLSX or ODS.
pub(crate) fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Table> {
    match open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes)) {
        Ok(mut wb) => return pick(&mut wb, Format::Xlsx, sheet),
        Err(calamine::XlsxError::Password) => return Err(Error::SheetEncrypted),
        Err(_) => {}
    }
    match open_workbook_from_rs::<Ods<_>, _>(Cursor::new(bytes)) {
        Ok(mut wb) => pick(&mut wb, Format::Ods, sheet),
        Err(calamine::OdsError::Password) => Err(Error::SheetEncrypted),
        Err(e) => Err(Error::SheetDamaged(e.to_string())),
    }
}

/// An OLE container: an old XLS, or an XLSX Excel encrypted with a password.
pub(crate) fn read_xls(bytes: &[u8], sheet: Option<&str>) -> Result<Table> {
    if let Err(calamine::XlsxError::Password) =
        open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes))
    {
        return Err(Error::SheetEncrypted);
    }
    match open_workbook_from_rs::<Xls<_>, _>(Cursor::new(bytes)) {
        Ok(mut wb) => pick(&mut wb, Format::Xls, sheet),
        Err(calamine::XlsError::Password) => Err(Error::SheetEncrypted),
        Err(e) => Err(Error::SheetDamaged(e.to_string())),
    }
}

/// The named sheet, or the first one with a heading row.
fn pick<R, RS>(wb: &mut R, format: Format, wanted: Option<&str>) -> Result<Table>
where
    R: Reader<RS>,
    RS: std::io::Read + std::io::Seek,
    R::Error: std::fmt::Display,
{
    let names = wb.sheet_names();
    let order: Vec<String> = match wanted {
        Some(w) => {
            let found = names
                .iter()
                .find(|n| n.trim().eq_ignore_ascii_case(w.trim()))
                .ok_or_else(|| Error::NoSuchSheet {
                    name: w.to_string(),
                    have: names.join(", "),
                })?;
            vec![found.clone()]
        }
        None => names.clone(),
    };
    let mut last = Err(Error::SheetEmpty);
    for name in order {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| Error::SheetDamaged(e.to_string()))?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let rows = range.rows().enumerate().map(|(i, row)| {
            let mut cells = vec![Cell::Empty; c0 as usize];
            cells.extend(row.iter().map(cell));
            (r0 as usize + i + 1, cells)
        });
        last = table(format, rows, Some(name.clone()), names.clone());
        if last.is_ok() {
            break;
        }
    }
    last
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.replace("\r\n", "\n")),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(t) if t.is_duration() => Cell::Minutes(t.as_f64() * 24.0 * 60.0),
        // A date cell below 1 is a time of day alone (Excel's `14:30`).
        Data::DateTime(t) if (0.0..1.0).contains(&t.as_f64()) => t
            .as_datetime()
            .map(|dt| Cell::Time(round_minute(dt).time()))
            .unwrap_or(Cell::Empty),
        Data::DateTime(t) => t
            .as_datetime()
            .map(|dt| Cell::DateTime(round_minute(dt)))
            .unwrap_or_else(|| Cell::Number(t.as_f64())),
        Data::DateTimeIso(s) => iso(s).unwrap_or_else(|| Cell::Text(s.clone())),
        Data::DurationIso(s) => iso_duration(s).unwrap_or_else(|| Cell::Text(s.clone())),
        // "#N/A" and the like stay visible, so the row is refused with its reason.
        Data::Error(e) => Cell::Text(e.to_string()),
    }
}

/// Excel keeps times as fractions of a day; 14:30 may come back as 14:29:59.999.
fn round_minute(t: NaiveDateTime) -> NaiveDateTime {
    let secs = t.and_utc().timestamp();
    let rounded = (secs + 30).div_euclid(60) * 60;
    chrono::DateTime::from_timestamp(rounded, 0)
        .map(|d| d.naive_utc())
        .unwrap_or(t)
}

/// ODS dates: `2025-02-03`, `2025-02-03T14:30:00`; times alone: `PT14H30M00S`
/// comes as a duration, and is a duration here.
fn iso(s: &str) -> Option<Cell> {
    if let Ok(t) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
        return Some(Cell::DateTime(round_minute(t)));
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(Cell::DateTime(d.and_time(NaiveTime::MIN)));
    }
    NaiveTime::parse_from_str(s, "%H:%M:%S%.f")
        .ok()
        .map(Cell::Time)
}

/// `PT1H15M0S`, `PT01H15M00S`, `P0DT1H15M` → minutes.
fn iso_duration(s: &str) -> Option<Cell> {
    let body = s.strip_prefix('P')?;
    let (days, time) = match body.split_once('T') {
        Some((d, t)) => (d, t),
        None => (body, ""),
    };
    let mut minutes = 0.0;
    if let Some(d) = days.strip_suffix('D') {
        minutes += d.parse::<f64>().ok()? * 1440.0;
    } else if !days.is_empty() {
        return None;
    }
    let mut num = String::new();
    for c in time.chars() {
        match c {
            'H' => minutes += num.parse::<f64>().ok()? * 60.0,
            'M' => minutes += num.parse::<f64>().ok()?,
            'S' => minutes += num.parse::<f64>().ok()? / 60.0,
            c if c.is_ascii_digit() || c == '.' || c == ',' => {
                num.push(if c == ',' { '.' } else { c });
                continue;
            }
            _ => return None,
        }
        num.clear();
    }
    Some(Cell::Minutes(minutes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ods_durations_and_dates_read_as_minutes_and_dates() {
        assert_eq!(iso_duration("PT01H15M00S"), Some(Cell::Minutes(75.0)));
        assert_eq!(iso_duration("PT0H45M"), Some(Cell::Minutes(45.0)));
        assert_eq!(iso_duration("P1DT0H0M"), Some(Cell::Minutes(1440.0)));
        assert_eq!(iso_duration("xyz"), None);
        let d = NaiveDate::from_ymd_opt(2025, 2, 3).unwrap();
        assert_eq!(
            iso("2025-02-03T14:30:00"),
            Some(Cell::DateTime(d.and_hms_opt(14, 30, 0).unwrap()))
        );
        assert_eq!(
            iso("2025-02-03"),
            Some(Cell::DateTime(d.and_time(NaiveTime::MIN)))
        );
    }

    #[test]
    fn excel_fractions_of_a_day_round_to_the_minute() {
        let d = NaiveDate::from_ymd_opt(2025, 2, 3).unwrap();
        let almost = d.and_hms_milli_opt(14, 29, 59, 999).unwrap();
        assert_eq!(round_minute(almost), d.and_hms_opt(14, 30, 0).unwrap());
    }
}
