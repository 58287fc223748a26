//! Dutch time. People think in local time in the Netherlands; the vault stores
//! instants as UTC seconds, so a contact logged in summer still reads right in winter
//! and the hour that happens twice in October stays two different hours.

use chrono::{DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::error::{Invalid, Result};

pub const ZONE: Tz = chrono_tz::Europe::Amsterdam;

/// The years a date in Naast may fall in. Wide enough for any contact, birthday or
/// consent, narrow enough that a typo ("0226", "+20261") is caught, not stored.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2199;

/// Refuses a day outside [`FIRST_YEAR`]..=[`LAST_YEAR`], with one message for every
/// way in (typed on the command line, sent by the app, read from an import).
pub fn check_day(d: NaiveDate) -> Result<NaiveDate> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&d.year()) {
        Ok(d)
    } else {
        Err(Invalid::DateOutOfRange(d.to_string()).into())
    }
}

/// The same range for an instant (unix seconds).
pub fn check_instant(ts: i64) -> Result<i64> {
    match DateTime::from_timestamp(ts, 0) {
        Some(t) => check_day(t.with_timezone(&ZONE).date_naive()).map(|_| ts),
        None => Err(Invalid::DateOutOfRange(ts.to_string()).into()),
    }
}

/// Reads `YYYY-MM-DD` (exactly four digits for the year).
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    let t = s.trim();
    if t.starts_with(['+', '-']) || t.split('-').next().is_some_and(|y| y.len() > 4) {
        return Err(Invalid::DateOutOfRange(s.into()).into());
    }
    let shaped = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return Err(Invalid::Date(s.into()).into());
    }
    let d = NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| Invalid::Date(s.into()))?;
    check_day(d).map_err(|_| Invalid::DateOutOfRange(s.into()).into())
}

/// Reads `YYYY-MM-DD HH:MM` (or with a `T`) as Dutch local time. A time skipped by
/// the spring change is refused; in the autumn hour that happens twice, the first
/// (summer-time) one is taken, which is what a person writing it down right after
/// the contact most likely meant.
pub fn parse_local(s: &str) -> Result<DateTime<Utc>> {
    let t = s.trim();
    if t.starts_with(['+', '-']) || t.split('-').next().is_some_and(|y| y.len() > 4) {
        return Err(Invalid::DateOutOfRange(s.into()).into());
    }
    let naive = [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
    .filter(|_| t.len() >= 16 && t.as_bytes()[4] == b'-')
    .ok_or_else(|| Invalid::DateTime(s.into()))?;
    check_day(naive.date()).map_err(|_| Invalid::DateOutOfRange(s.into()))?;
    from_local(naive).ok_or_else(|| Invalid::SkippedTime(s.into()).into())
}

pub fn from_local(naive: NaiveDateTime) -> Option<DateTime<Utc>> {
    match ZONE.from_local_datetime(&naive) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Some(first.with_timezone(&Utc)),
        LocalResult::None => None,
    }
}

/// The instant a Dutch calendar day starts. Midnight always exists in Amsterdam
/// (the clocks change at 02:00 and 03:00).
pub fn day_start(d: NaiveDate) -> i64 {
    from_local(d.and_hms_opt(0, 0, 0).unwrap_or_default())
        .map(|t| t.timestamp())
        .unwrap_or_else(|| {
            d.and_hms_opt(0, 0, 0)
                .unwrap_or_default()
                .and_utc()
                .timestamp()
        })
}

/// A UTC instant always has exactly one local time; out-of-range seconds (not
/// produced by Naast) fall back to the epoch rather than panic.
pub fn local(ts: i64) -> DateTime<Tz> {
    let utc = DateTime::from_timestamp(ts, 0).unwrap_or_default();
    utc.with_timezone(&ZONE)
}

/// `2026-11-23T14:05:00+01:00`: local wall time with its offset, unambiguous.
pub fn rfc3339_local(ts: i64) -> String {
    local(ts).to_rfc3339()
}

/// `2026-11-23 14:05`, as people write it.
pub fn short_local(ts: i64) -> String {
    local(ts).format("%Y-%m-%d %H:%M").to_string()
}

pub fn today() -> NaiveDate {
    Utc::now().with_timezone(&ZONE).date_naive()
}

/// Dutch date as the UI shows it: "ma 23 nov. 2026".
pub fn dutch_date(d: NaiveDate) -> String {
    const DAYS: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
    const MONTHS: [&str; 12] = [
        "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.",
        "dec.",
    ];
    format!(
        "{} {} {} {}",
        DAYS[d.weekday().num_days_from_monday() as usize],
        d.day(),
        MONTHS[d.month0() as usize],
        d.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summer_and_winter_times_read_back_as_written() {
        for s in [
            "2026-07-01 14:30",
            "2026-12-01 14:30",
            "2026-03-29 03:00",
            "2026-10-25 01:59",
        ] {
            assert_eq!(short_local(parse_local(s).unwrap().timestamp()), s);
        }
        let summer = parse_local("2026-07-01 12:00").unwrap().timestamp();
        let winter = parse_local("2026-12-01 12:00").unwrap().timestamp();
        assert!(rfc3339_local(summer).ends_with("+02:00"));
        assert!(rfc3339_local(winter).ends_with("+01:00"));
    }

    #[test]
    fn the_skipped_spring_hour_is_refused_and_the_double_autumn_hour_is_the_first() {
        assert!(parse_local("2026-03-29 02:30").is_err());
        let first = parse_local("2026-10-25 02:30").unwrap();
        assert_eq!(
            rfc3339_local(first.timestamp()),
            "2026-10-25T02:30:00+02:00"
        );
        assert!(parse_local("2026-02-30 10:00").is_err());
        assert!(parse_date("2026-02-29").is_err());
        assert!(parse_date("2028-02-29").is_ok());
    }

    #[test]
    fn years_out_of_range_and_odd_spellings_are_refused() {
        for s in [
            "0000-01-01",
            "0226-11-23",
            "+20261-11-23",
            "2200-01-01",
            "1899-12-31",
            "2026-1-5",
        ] {
            assert!(parse_date(s).is_err(), "{s}");
        }
        for s in ["0226-11-23 14:30", "+20261-11-23 14:30", "2200-01-01 00:00"] {
            assert!(parse_local(s).is_err(), "{s}");
        }
        assert!(parse_date("1900-01-01").is_ok());
        assert!(parse_date("2199-12-31").is_ok());
        assert!(check_instant(i64::MAX).is_err());
        assert!(check_instant(-1_000_000_000_000).is_err());
    }

    #[test]
    fn days_start_at_local_midnight() {
        let d = parse_date("2026-07-01").unwrap();
        assert_eq!(rfc3339_local(day_start(d)), "2026-07-01T00:00:00+02:00");
        assert_eq!(
            dutch_date(parse_date("2026-11-23").unwrap()),
            "ma 23 nov. 2026"
        );
    }
}

mod typed;
pub use typed::{day_label, day_text, moment_label, moment_text, read_day, read_moment, Lean};
