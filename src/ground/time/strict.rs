//! Dates and times as scripts and files give them: `YYYY-MM-DD` and `YYYY-MM-DD HH:MM`,
//! exactly, in the years Naast accepts. Anything else is refused with a message that
//! shows the form to use.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};

use crate::ground::calendar::{from_local, FIRST_YEAR, LAST_YEAR, ZONE};
use crate::ground::error::{Invalid, Result};

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
    let long_year = |y: &str| y.len() > 4 && y.bytes().all(|b| b.is_ascii_digit());
    if t.starts_with(['+', '-']) || t.split('-').next().is_some_and(long_year) {
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
    let long_year = |y: &str| y.len() > 4 && y.bytes().all(|b| b.is_ascii_digit());
    if t.starts_with(['+', '-']) || t.split('-').next().is_some_and(long_year) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ground::calendar::{day_start, dutch_date, rfc3339_local, short_local};

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
