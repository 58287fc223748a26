//! Days named by how far they are from today, as people plan a check-in: "volgende
//! week", "over 2 weken", "volgende maand", "volgende vrijdag" (and the English
//! "next week", "in 3 days"), and the same backwards ("vorige week").

use chrono::{Datelike, Duration, Months, NaiveDate};

/// A count as typed: digits, or a small number written out.
fn count(w: &str) -> Option<u32> {
    match w {
        "een" | "één" | "a" | "an" | "one" => Some(1),
        "twee" | "two" => Some(2),
        "drie" | "three" => Some(3),
        "vier" | "four" => Some(4),
        "vijf" | "five" => Some(5),
        "zes" | "six" => Some(6),
        _ => w.parse().ok().filter(|n| (1..=999).contains(n)),
    }
}

enum Unit {
    Day,
    Week,
    Month,
}

fn unit(w: &str) -> Option<Unit> {
    match w {
        "dag" | "dagen" | "day" | "days" => Some(Unit::Day),
        "week" | "weken" | "weeks" => Some(Unit::Week),
        "maand" | "maanden" | "month" | "months" => Some(Unit::Month),
        _ => None,
    }
}

/// `n` units from `today`, forwards or backwards. A month later is the same day of
/// the month, or the month's last day when it has no such day (31 jan → 28 feb).
fn shift(today: NaiveDate, n: u32, u: Unit, ahead: bool) -> Option<NaiveDate> {
    let days = |d: i64| today.checked_add_signed(Duration::days(if ahead { d } else { -d }));
    match u {
        Unit::Day => days(n as i64),
        Unit::Week => days(7 * n as i64),
        Unit::Month if ahead => today.checked_add_months(Months::new(n)),
        Unit::Month => today.checked_sub_months(Months::new(n)),
    }
}

/// The day these words name, or `None` when they are not such a phrase. `weekday`
/// reads a weekday's name (for "volgende vrijdag").
pub(super) fn phrase(
    words: &[&str],
    today: NaiveDate,
    weekday: impl Fn(&str) -> Option<chrono::Weekday>,
) -> Option<NaiveDate> {
    match words {
        ["volgende" | "next", w] => {
            if let Some(u) = unit(w) {
                return shift(today, 1, u, true);
            }
            // The named weekday after today: on a Friday, "volgende vrijdag" is a
            // week on.
            let want = weekday(w)?.num_days_from_monday() as i64;
            let now = today.weekday().num_days_from_monday() as i64;
            let d = (want - now).rem_euclid(7);
            today.checked_add_signed(Duration::days(if d == 0 { 7 } else { d }))
        }
        ["vorige" | "last", w] => shift(today, 1, unit(w)?, false),
        ["over" | "in", n, u] => shift(today, count(n)?, unit(u)?, true),
        [n, u, "geleden" | "ago"] => shift(today, count(n)?, unit(u)?, false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn read(s: &str) -> Option<String> {
        let words: Vec<&str> = s.split_whitespace().collect();
        let fri = |w: &str| (w == "vrijdag").then_some(chrono::Weekday::Fri);
        // Monday 23 November 2026.
        phrase(&words, d("2026-11-23"), fri).map(|d| d.to_string())
    }

    #[test]
    fn weeks_months_and_days_ahead_and_back() {
        assert_eq!(read("volgende week").as_deref(), Some("2026-11-30"));
        assert_eq!(read("next week").as_deref(), Some("2026-11-30"));
        assert_eq!(read("over 2 weken").as_deref(), Some("2026-12-07"));
        assert_eq!(read("over twee weken").as_deref(), Some("2026-12-07"));
        assert_eq!(read("in 3 days").as_deref(), Some("2026-11-26"));
        assert_eq!(read("volgende maand").as_deref(), Some("2026-12-23"));
        assert_eq!(read("over een maand").as_deref(), Some("2026-12-23"));
        assert_eq!(read("volgende vrijdag").as_deref(), Some("2026-11-27"));
        assert_eq!(read("vorige week").as_deref(), Some("2026-11-16"));
        assert_eq!(read("2 weken geleden").as_deref(), Some("2026-11-09"));
        for bad in [
            "volgende",
            "over weken",
            "over 0 weken",
            "volgende jaar",
            "over 2",
        ] {
            assert_eq!(read(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_month_on_from_the_31st_is_the_last_day_of_a_short_month() {
        let words = ["volgende", "maand"];
        let got = phrase(&words, d("2027-01-31"), |_| None);
        assert_eq!(got, Some(d("2027-02-28")));
    }
}
