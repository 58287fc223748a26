//! Dates and times as people type them in the app: always day-month-year and 24-hour,
//! whatever the operating system's locale says, and forgiving ("23-11", "gisteren
//! 14:00", "ma 15:30", "nu"). The webview's own date fields followed the OS locale
//! (11/23/2026 under English) and had hidden tab stops that swallowed keystrokes; one
//! text field read here is the same on every machine, and the CLI and the app agree.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};

use super::strict::check_day;
use crate::ground::calendar::{from_local, moment_text_naive, ZONE};
use crate::ground::error::{Invalid, Result};

/// Which way a bare weekday or a day without a year points: a contact happened in the
/// past ("ma" is the last Monday), a check-in is planned ahead ("ma" is next Monday).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum Lean {
    Past,
    Future,
}

const WEEKDAYS: [(&[&str], Weekday); 7] = [
    (&["ma", "maandag", "mo", "mon", "monday"], Weekday::Mon),
    (&["di", "dinsdag", "tu", "tue", "tuesday"], Weekday::Tue),
    (&["wo", "woensdag", "we", "wed", "wednesday"], Weekday::Wed),
    (&["do", "donderdag", "th", "thu", "thursday"], Weekday::Thu),
    (&["vr", "vrijdag", "fr", "fri", "friday"], Weekday::Fri),
    (&["za", "zaterdag", "sa", "sat", "saturday"], Weekday::Sat),
    (&["zo", "zondag", "su", "sun", "sunday"], Weekday::Sun),
];

const MONTHS: [&[&str]; 12] = [
    &["jan", "januari", "january"],
    &["feb", "februari", "february"],
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

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|names| names.contains(&w))
        .map(|i| i as u32 + 1)
}

fn relative(word: &str, today: NaiveDate) -> Option<NaiveDate> {
    let days = match word {
        "vandaag" | "today" => 0,
        "gisteren" | "yesterday" => -1,
        "eergisteren" => -2,
        "morgen" | "tomorrow" => 1,
        "overmorgen" => 2,
        _ => return None,
    };
    today.checked_add_signed(Duration::days(days))
}

fn weekday(word: &str, today: NaiveDate, lean: Lean) -> Option<NaiveDate> {
    let w = word.trim_end_matches('.');
    let (_, day) = WEEKDAYS.iter().find(|(names, _)| names.contains(&w))?;
    let now = today.weekday().num_days_from_monday() as i64;
    let want = day.num_days_from_monday() as i64;
    let shift = match lean {
        Lean::Past => -((now - want).rem_euclid(7)),
        Lean::Future => (want - now).rem_euclid(7),
    };
    today.checked_add_signed(Duration::days(shift))
}

/// A year as typed: four digits, or two meaning 20xx.
fn year(s: &str) -> Option<i32> {
    match s.len() {
        2 => s.parse::<i32>().ok().map(|y| 2000 + y),
        4 => s.parse().ok(),
        _ => None,
    }
}

/// A day and month without a year: this year, or the nearest one in the lean's
/// direction ("23-12" typed in January for a contact is last December).
fn place_year(d: u32, m: u32, today: NaiveDate, lean: Lean) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(today.year(), m, d)?;
    Some(match lean {
        Lean::Past if this > today => NaiveDate::from_ymd_opt(today.year() - 1, m, d)?,
        Lean::Future if this < today => NaiveDate::from_ymd_opt(today.year() + 1, m, d)?,
        _ => this,
    })
}

/// One or more words that name a day, or `None`.
fn day_words(words: &[&str], today: NaiveDate, lean: Lean) -> Option<NaiveDate> {
    let named = |w: &str| {
        let w = w.trim_end_matches('.');
        WEEKDAYS
            .iter()
            .find(|(names, _)| names.contains(&w))
            .map(|(_, d)| *d)
    };
    if let Some(d) = super::ahead::phrase(words, today, named) {
        return Some(d);
    }
    match words {
        [w] => {
            if let Some(d) = relative(w, today).or_else(|| weekday(w, today, lean)) {
                return Some(d);
            }
            // ISO first (2026-11-23), then day-month[-year] with -, / or .
            if let Ok(d) = NaiveDate::parse_from_str(w, "%Y-%m-%d") {
                if w.len() == 10 {
                    return Some(d);
                }
            }
            let parts: Vec<&str> = w.split(['-', '/', '.']).collect();
            let num = |s: &str| s.parse::<u32>().ok().filter(|_| (1..=2).contains(&s.len()));
            match parts.as_slice() {
                [d, m] => place_year(num(d)?, num(m)?, today, lean),
                [d, m, y] => NaiveDate::from_ymd_opt(year(y)?, num(m)?, num(d)?),
                _ => None,
            }
        }
        // "ma 23-11" or "maandag 23 nov": the weekday is only a check for the eye.
        [w, rest @ ..] if weekday(w, today, lean).is_some() && !rest.is_empty() => {
            day_words(rest, today, lean)
        }
        [d, m] => {
            let d = d.parse::<u32>().ok()?;
            place_year(d, month(m)?, today, lean)
        }
        [d, m, y] => NaiveDate::from_ymd_opt(year(y)?, month(m)?, d.parse().ok()?),
        _ => None,
    }
}

/// "14:30", "14.30", "9:05", "14u", "14u30".
fn time_word(w: &str) -> Option<NaiveTime> {
    let (h, m) = if let Some((h, m)) = w.split_once([':', '.', 'u']) {
        (h, if m.is_empty() { "0" } else { m })
    } else {
        return None;
    };
    if h.is_empty() || h.len() > 2 || m.len() > 2 || (m.len() == 1 && m != "0") {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

fn words(text: &str) -> (String, Vec<String>) {
    let lower = text.trim().to_lowercase();
    let ws = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    (lower, ws)
}

/// A day as typed in the app. `today` is the Dutch calendar day.
pub fn read_day(text: &str, today: NaiveDate, lean: Lean) -> Result<NaiveDate> {
    let (_, ws) = words(text);
    let refs: Vec<&str> = ws.iter().map(String::as_str).collect();
    // The example in the message fits the field: days ahead for a check-in.
    let unread = || match lean {
        Lean::Past => Invalid::DayText(text.trim().into()),
        Lean::Future => Invalid::DayTextAhead(text.trim().into()),
    };
    let d = day_words(&refs, today, lean).ok_or_else(unread)?;
    check_day(d).map_err(|_| Invalid::DateOutOfRange(text.trim().into()).into())
}

/// A moment as typed in the app: a day and a time in either order, a time alone
/// (today), a day alone (at the clock time of `now`), or "nu". Dutch local time; a
/// time skipped by the spring clock change is refused with its own message.
pub fn read_moment(text: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    let (lower, ws) = words(text);
    let here = now.with_timezone(&ZONE).naive_local();
    if matches!(lower.as_str(), "nu" | "now") {
        return Ok(now);
    }
    let bad = || Invalid::MomentText(text.trim().into());
    // The time is the word that reads as one; everything else names the day.
    let (time, rest): (Option<NaiveTime>, Vec<&str>) = {
        let mut time = None;
        let mut rest = Vec::new();
        for w in &ws {
            match (time, time_word(w)) {
                (None, Some(t)) => time = Some(t),
                _ => rest.push(w.as_str()),
            }
        }
        (time, rest)
    };
    let day = if rest.is_empty() {
        here.date()
    } else {
        day_words(&rest, here.date(), Lean::Past).ok_or_else(bad)?
    };
    let time = match time {
        Some(t) => t,
        None if !rest.is_empty() => {
            NaiveTime::from_hms_opt(here.hour_min().0, here.hour_min().1, 0).ok_or_else(bad)?
        }
        None => return Err(bad().into()),
    };
    check_day(day).map_err(|_| Invalid::DateOutOfRange(text.trim().into()))?;
    let naive = NaiveDateTime::new(day, time);
    from_local(naive).ok_or_else(|| Invalid::SkippedTime(moment_text_naive(naive)).into())
}

trait HourMin {
    fn hour_min(&self) -> (u32, u32);
}

impl HourMin for NaiveDateTime {
    fn hour_min(&self) -> (u32, u32) {
        use chrono::Timelike;
        (self.hour(), self.minute())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ground::calendar::{day_label, moment_label, moment_text};
    use crate::ground::lang::Lang;
    use chrono::TimeZone;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Monday 23 November 2026, 16:33 in Amsterdam.
    fn now() -> DateTime<Utc> {
        ZONE.with_ymd_and_hms(2026, 11, 23, 16, 33, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn moment(s: &str) -> String {
        moment_text(read_moment(s, now()).unwrap().timestamp())
    }

    #[test]
    fn days_are_day_month_year_whatever_the_locale() {
        let today = d("2026-11-23");
        let day = |s: &str, lean| read_day(s, today, lean).unwrap().to_string();
        assert_eq!(day("23-11-2026", Lean::Past), "2026-11-23");
        assert_eq!(day("2-1-2027", Lean::Future), "2027-01-02");
        assert_eq!(day("23/11/26", Lean::Past), "2026-11-23");
        assert_eq!(day("23.11.2026", Lean::Past), "2026-11-23");
        assert_eq!(day("2026-11-23", Lean::Past), "2026-11-23");
        assert_eq!(day("23 nov", Lean::Past), "2026-11-23");
        assert_eq!(day("3 december 2026", Lean::Past), "2026-12-03");
        assert_eq!(day("gisteren", Lean::Past), "2026-11-22");
        assert_eq!(day("Morgen", Lean::Future), "2026-11-24");
        // A bare weekday: the last one for a contact, the next one for a check-in.
        assert_eq!(day("vr", Lean::Past), "2026-11-20");
        assert_eq!(day("vr", Lean::Future), "2026-11-27");
        assert_eq!(day("ma", Lean::Past), "2026-11-23");
        assert_eq!(day("ma 30-11", Lean::Future), "2026-11-30");
        // Without a year: the nearest one in the lean's direction.
        assert_eq!(day("24-12", Lean::Past), "2025-12-24");
        assert_eq!(day("2-1", Lean::Future), "2027-01-02");
        // Never the US order, never a silent guess.
        for bad in [
            "11/31/2026",
            "31-02-2026",
            "23",
            "gister",
            "",
            "12-13-2026",
            "0226-01-01",
        ] {
            assert!(read_day(bad, today, Lean::Past).is_err(), "{bad}");
        }
        assert!(read_day("1-1-1800", today, Lean::Past).is_err());
        // Planning ahead: the phrases people say, and a refusal that shows them.
        assert_eq!(day("volgende week", Lean::Future), "2026-11-30");
        assert_eq!(day("over 2 weken", Lean::Future), "2026-12-07");
        assert_eq!(day("volgende maand", Lean::Future), "2026-12-23");
        assert_eq!(day("vr", Lean::Future), "2026-11-27");
        let e = read_day("ooit", today, Lean::Future).unwrap_err();
        assert!(e.message(Lang::Nl).contains("volgende week"), "{e}");
        assert!(!e.message(Lang::Nl).contains("gisteren"), "{e}");
    }

    #[test]
    fn moments_are_24_hour_dutch_time() {
        assert_eq!(moment("nu"), "23-11-2026 16:33");
        assert_eq!(moment("14:00"), "23-11-2026 14:00");
        assert_eq!(moment("gisteren 14:00"), "22-11-2026 14:00");
        assert_eq!(moment("14.30 gisteren"), "22-11-2026 14:30");
        assert_eq!(moment("vr 9u"), "20-11-2026 09:00");
        assert_eq!(moment("ma 15:30"), "23-11-2026 15:30");
        assert_eq!(moment("23-11 8:05"), "23-11-2026 08:05");
        assert_eq!(moment("20-11-2026, 10u30"), "20-11-2026 10:30");
        assert_eq!(moment("gisteren"), "22-11-2026 16:33");
        for bad in ["25:00", "14:7", "morgenochtend", "", "11/23/2026 4:33 PM"] {
            assert!(read_moment(bad, now()).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_skipped_spring_hour_is_explained() {
        let e = read_moment("29-3-2026 02:30", now()).unwrap_err();
        assert!(matches!(
            e,
            crate::ground::error::Error::Invalid(Invalid::SkippedTime(ref s)) if s == "29-03-2026 02:30"
        ));
        assert!(
            e.message(Lang::Nl).contains("03:00"),
            "{}",
            e.message(Lang::Nl)
        );
    }

    #[test]
    fn labels_say_the_weekday_and_the_iso_week() {
        assert_eq!(
            day_label(d("2026-11-23"), Lang::Nl),
            "ma 23 nov. 2026, week 48"
        );
        assert_eq!(
            day_label(d("2026-11-23"), Lang::En),
            "Mon 23 Nov 2026, week 48"
        );
        let t = read_moment("22-11-2026 14:00", now()).unwrap().timestamp();
        assert_eq!(
            moment_label(t, Lang::Nl),
            "zo 22 nov. 2026, 14:00 (week 47)"
        );
        // Sunday 3 January 2027 is in week 53 of 2026.
        assert_eq!(
            day_label(d("2027-01-03"), Lang::Nl),
            "zo 3 jan. 2027, week 53"
        );
    }
}
