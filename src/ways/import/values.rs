//! Values read the Dutch way: dates day-month-year ("3-2-2025", "03-02-25",
//! "3 feb 2025", "ma 3 februari 2025"), times "14.30" or "14:30", durations as minutes
//! ("45"), hours with a decimal comma ("0,75") or hours:minutes ("1:15"), and the
//! numbers Excel keeps dates as. ISO dates ("2025-02-03", and Naast's own export with
//! its offset) are read too. Each reader takes one cell and says plainly why not.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use crate::ways::sheet::Cell;

/// Why a value could not be read: the kind, and the text as it was in the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bad {
    Date(String),
    Time(String),
    Duration(String),
    YesNo(String),
}

const MONTHS: [&[&str]; 12] = [
    &["jan", "januari", "january"],
    &["feb", "febr", "februari", "february"],
    &["mrt", "maart", "mar", "march"],
    &["apr", "april"],
    &["mei", "may"],
    &["jun", "juni", "june"],
    &["jul", "juli", "july"],
    &["aug", "augustus", "august"],
    &["sep", "sept", "september"],
    &["okt", "oktober", "oct", "october"],
    &["nov", "november"],
    &["dec", "december"],
];

const WEEKDAYS: &[&str] = &[
    "ma",
    "di",
    "wo",
    "do",
    "vr",
    "za",
    "zo",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&w.as_str()))
        .map(|i| i as u32 + 1)
}

/// A year as written: four digits, or two (20xx: a contact logged last century is
/// not in anyone's sheet).
fn year(s: &str) -> Option<i32> {
    match s.len() {
        2 => s.parse::<i32>().ok().map(|y| 2000 + y),
        4 => s.parse().ok(),
        _ => None,
    }
}

/// Excel's day numbers: 1 is 1 January 1900, and Excel counts a 29 February 1900
/// that never was (so from 61 on, day 0 is 30 December 1899).
pub fn excel_day(serial: f64) -> Option<NaiveDateTime> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_time(NaiveTime::MIN);
    let days = serial.floor() as i64;
    let days = if days < 61 { days + 1 } else { days };
    let minutes = ((serial - serial.floor()) * 1440.0).round() as i64;
    base.checked_add_signed(Duration::days(days) + Duration::minutes(minutes))
}

/// A day in words or digits, and a time when the same cell carries one.
fn day_text(t: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let t = t.trim();
    // Naast's own export and other programs: 2025-02-03, 2025-02-03 14:30,
    // 2025-02-03T14:30:00+01:00.
    if t.len() >= 10 && t.as_bytes()[4] == b'-' {
        if let Ok(d) = DateTime::parse_from_rfc3339(t) {
            let local = d
                .with_timezone(&crate::ground::calendar::ZONE)
                .naive_local();
            return Some((local.date(), Some(local.time())));
        }
        let (day, rest) = t.split_at(10);
        let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
        let rest = rest.trim_start_matches(['T', ' ']);
        return match rest {
            "" => Some((d, None)),
            r => Some((d, Some(time_text(r)?))),
        };
    }
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // A weekday in front is only for the eye.
    let words: &[&str] = match words.first() {
        Some(w) if WEEKDAYS.contains(&w.trim_end_matches('.').to_lowercase().as_str()) => {
            &words[1..]
        }
        _ => &words,
    };
    let (date, rest): (NaiveDate, &[&str]) = match words {
        [dmy, rest @ ..]
            if dmy.contains(['-', '/', '.']) && dmy.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            let parts: Vec<&str> = dmy.split(['-', '/', '.']).collect();
            let [d, m, y] = parts.as_slice() else {
                return None;
            };
            let num = |s: &str| s.parse::<u32>().ok().filter(|_| (1..=2).contains(&s.len()));
            (NaiveDate::from_ymd_opt(year(y)?, num(m)?, num(d)?)?, rest)
        }
        [d, m, y, rest @ ..] => {
            let day = d.trim_end_matches('.').parse::<u32>().ok()?;
            (NaiveDate::from_ymd_opt(year(y)?, month(m)?, day)?, rest)
        }
        _ => return None,
    };
    match rest {
        [] => Some((date, None)),
        // "3-2-2025 om 14.30", "3-2-2025 14:30 uur"
        r => {
            let r: Vec<&str> = r
                .iter()
                .copied()
                .filter(|w| !matches!(*w, "om" | "at" | "uur" | "u"))
                .collect();
            match r.as_slice() {
                [] => Some((date, None)),
                [t] => Some((date, Some(time_text(t)?))),
                _ => None,
            }
        }
    }
}

/// "14.30", "14:30", "14u30", "14:30:00", "14" (whole hour), "9.05 uur".
fn time_text(t: &str) -> Option<NaiveTime> {
    let t = t.trim().trim_end_matches("uur").trim();
    let t = t.trim_end_matches(['u', 'h']).trim();
    let parts: Vec<&str> = t.split([':', '.', 'u', 'h']).collect();
    let num = |s: &str| s.parse::<u32>().ok().filter(|_| (1..=2).contains(&s.len()));
    match parts.as_slice() {
        [h] => NaiveTime::from_hms_opt(num(h)?, 0, 0),
        [h, m] => NaiveTime::from_hms_opt(num(h)?, num(m).filter(|_| m.len() == 2)?, 0),
        [h, m, s] => NaiveTime::from_hms_opt(num(h)?, num(m)?, num(s)?),
        _ => None,
    }
}

/// The day of a cell, and its time if the cell has one.
pub fn date(c: &Cell) -> Result<(NaiveDate, Option<NaiveTime>), Bad> {
    match c {
        Cell::DateTime(t) if t.time() == NaiveTime::MIN => Ok((t.date(), None)),
        Cell::DateTime(t) => Ok((t.date(), Some(t.time()))),
        Cell::Number(n) => {
            let t = excel_day(*n).ok_or_else(|| Bad::Date(c.text()))?;
            Ok((t.date(), (t.time() != NaiveTime::MIN).then_some(t.time())))
        }
        Cell::Text(s) => day_text(s).ok_or_else(|| Bad::Date(s.trim().to_string())),
        other => Err(Bad::Date(other.text())),
    }
}

/// A time of day.
pub fn time(c: &Cell) -> Result<NaiveTime, Bad> {
    match c {
        Cell::Time(t) => Ok(*t),
        Cell::DateTime(t) => Ok(t.time()),
        // An ODS time cell is a duration since midnight.
        Cell::Minutes(m) if (0.0..1440.0).contains(m) => {
            let m = m.round() as u32;
            NaiveTime::from_hms_opt(m / 60, m % 60, 0).ok_or_else(|| Bad::Time(c.text()))
        }
        // An Excel time kept as a plain number: a fraction of a day.
        Cell::Number(n) if (0.0..1.0).contains(n) => {
            let m = (n * 1440.0).round() as u32;
            NaiveTime::from_hms_opt(m / 60 % 24, m % 60, 0).ok_or_else(|| Bad::Time(c.text()))
        }
        Cell::Number(n) if n.fract() == 0.0 && (0.0..24.0).contains(n) => {
            NaiveTime::from_hms_opt(*n as u32, 0, 0).ok_or_else(|| Bad::Time(c.text()))
        }
        // "14.30" typed in a sheet whose decimal sign is the point arrives as the
        // number 14.3: hours and minutes the Dutch way, not 14 hours and 18 minutes.
        Cell::Number(n) if (1.0..24.0).contains(n) => {
            let h = n.trunc();
            let m = ((n - h) * 100.0).round();
            if m < 60.0 {
                NaiveTime::from_hms_opt(h as u32, m as u32, 0).ok_or_else(|| Bad::Time(c.text()))
            } else {
                Err(Bad::Time(c.text()))
            }
        }
        Cell::Text(s) => time_text(s).ok_or_else(|| Bad::Time(s.trim().to_string())),
        other => Err(Bad::Time(other.text())),
    }
}

/// A number the Dutch way ("0,75") or the English way ("0.75").
fn number(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty() || t.contains(' ') {
        return None;
    }
    // "1.234,5" has a thousands point; "0,75" a decimal comma.
    let t = if t.contains(',') {
        t.replace('.', "").replace(',', ".")
    } else {
        t.to_string()
    };
    t.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// The unit a duration column counts in when a cell is a bare number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Minutes,
    Hours,
}

/// A length of time in whole minutes: "45" (in the column's unit), "0,75" hours,
/// "1:15", "45 min", "1,5 uur", an Excel duration or time cell.
pub fn duration(c: &Cell, unit: Unit) -> Result<i64, Bad> {
    let bad = || Bad::Duration(c.text());
    let minutes = match c {
        Cell::Minutes(m) => *m,
        Cell::Time(t) => {
            use chrono::Timelike;
            (t.hour() * 60 + t.minute()) as f64
        }
        Cell::Number(n) => match unit {
            Unit::Minutes => *n,
            Unit::Hours => n * 60.0,
        },
        Cell::Text(s) => {
            let t = s.trim().to_lowercase();
            if let Some((h, m)) = t.split_once(':') {
                let h: u32 = h.trim().parse().map_err(|_| bad())?;
                let m: u32 = m.trim().parse().map_err(|_| bad())?;
                if m >= 60 {
                    return Err(bad());
                }
                (h * 60 + m) as f64
            } else {
                let (num, unit) = split_unit(&t, unit).ok_or_else(bad)?;
                let n = number(num).ok_or_else(bad)?;
                match unit {
                    Unit::Minutes => n,
                    Unit::Hours => n * 60.0,
                }
            }
        }
        _ => return Err(bad()),
    };
    if !(0.0..=1e6).contains(&minutes) {
        return Err(bad());
    }
    Ok(minutes.round() as i64)
}

/// "45 min" → ("45", minutes); "1,5 uur" → ("1,5", hours); "45" → the column's unit.
fn split_unit(t: &str, default: Unit) -> Option<(&str, Unit)> {
    const UNITS: &[(&str, Unit)] = &[
        ("minuten", Unit::Minutes),
        ("minutes", Unit::Minutes),
        ("minuut", Unit::Minutes),
        ("min.", Unit::Minutes),
        ("min", Unit::Minutes),
        ("m", Unit::Minutes),
        ("uren", Unit::Hours),
        ("uur", Unit::Hours),
        ("hours", Unit::Hours),
        ("hour", Unit::Hours),
        ("u", Unit::Hours),
        ("h", Unit::Hours),
    ];
    for (word, unit) in UNITS {
        if let Some(n) = t.strip_suffix(word) {
            let n = n.trim();
            if !n.is_empty() && n.ends_with(|c: char| c.is_ascii_digit()) {
                return Some((n, *unit));
            }
        }
    }
    t.ends_with(|c: char| c.is_ascii_digit())
        .then_some((t, default))
}

/// Whether a column of bare numbers counts minutes or hours: "0,75", "1,5", "2" are
/// hours; "45", "60", "30" minutes. Nobody logs a contact of more than twelve hours,
/// nor one of twelve minutes or less in a sheet that counts in minutes.
pub fn unit_of(cells: &[&Cell]) -> Unit {
    let mut max: f64 = 0.0;
    for c in cells {
        let n = match c {
            Cell::Number(n) => *n,
            Cell::Text(t) => match number(t) {
                Some(n) => n,
                None => continue,
            },
            _ => continue,
        };
        max = max.max(n);
    }
    if max > 0.0 && max <= 12.0 {
        Unit::Hours
    } else {
        Unit::Minutes
    }
}

/// Ja/nee, yes/no, x, 1/0, waar/onwaar (Dutch Excel's TRUE), and an empty cell is no.
pub fn yes_no(c: &Cell) -> Result<bool, Bad> {
    match c {
        Cell::Empty => Ok(false),
        Cell::Bool(b) => Ok(*b),
        Cell::Number(n) if *n == 0.0 || *n == 1.0 => Ok(*n == 1.0),
        Cell::Text(t) => match crate::ground::fold::fold(t.trim()).as_str() {
            "" | "nee" | "n" | "no" | "false" | "onwaar" | "0" | "-" => Ok(false),
            "ja" | "j" | "yes" | "y" | "true" | "waar" | "1" | "x" | "v" => Ok(true),
            _ => Err(Bad::YesNo(t.trim().to_string())),
        },
        other => Err(Bad::YesNo(other.text())),
    }
}

/// The instant of a Dutch local date and time, or `None` in the hour the clocks skip.
pub fn instant(d: NaiveDate, t: NaiveTime) -> Option<DateTime<Utc>> {
    crate::ground::calendar::from_local(d.and_time(t))
}
