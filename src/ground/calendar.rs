//! Dutch time as people read it. People think in local time in the Netherlands; the
//! vault stores instants as UTC seconds, so a contact logged in summer still reads
//! right in winter and the hour that happens twice in October stays two different
//! hours. This module writes days and moments the Dutch way (and the English way);
//! reading what people type is [`crate::ground::time`]'s job.

use chrono::{DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::ground::lang::Lang;

pub const ZONE: Tz = chrono_tz::Europe::Amsterdam;

/// The years a date in Naast may fall in. Wide enough for any contact, birthday or
/// consent, narrow enough that a typo ("0226", "+20261") is caught, not stored.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2199;

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

/// Now, as unix seconds.
pub fn now() -> i64 {
    Utc::now().timestamp()
}

/// "23-11-2026": how a day is written back into the field.
pub fn day_text(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// "23-11-2026 14:30" for a wall-clock time that may not exist in Dutch time.
pub fn moment_text_naive(t: NaiveDateTime) -> String {
    t.format("%d-%m-%Y %H:%M").to_string()
}

/// "23-11-2026 14:30", Dutch local time.
pub fn moment_text(ts: i64) -> String {
    moment_text_naive(local(ts).naive_local())
}

/// What the field understood, shown beside it: "ma 23 nov. 2026, week 48" (or in
/// English "Mon 23 Nov 2026, week 48").
pub fn day_label(d: NaiveDate, lang: Lang) -> String {
    let week = d.iso_week().week();
    match lang {
        Lang::Nl => format!("{}, week {week}", dutch_date(d)),
        Lang::En => format!("{}, week {week}", d.format("%a %-d %b %Y")),
    }
}

/// "ma 23 nov. 2026, 14:30 (week 48)".
pub fn moment_label(ts: i64, lang: Lang) -> String {
    let t = local(ts);
    let d = t.date_naive();
    let week = d.iso_week().week();
    let day = match lang {
        Lang::Nl => dutch_date(d),
        Lang::En => d.format("%a %-d %b %Y").to_string(),
    };
    format!("{day}, {} (week {week})", t.format("%H:%M"))
}

/// The first day of the ISO week (Monday) of a date.
pub fn week_start(d: NaiveDate) -> NaiveDate {
    d - chrono::Duration::days(d.weekday().num_days_from_monday() as i64)
}
