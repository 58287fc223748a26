//! Counting the hours: every contact of the period once, its minutes split equally
//! over its support types and over the contexts of its people, per ISO week or
//! calendar month; every week or month of the period present, empty ones too.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::Connection;

use super::model::{By, Overview, Period};
use crate::ground::calendar;
use crate::ground::error::{Invalid, Result};
use crate::ground::lang::Lang;
use crate::ground::time;
use crate::ground::vocab::{Context, Mode, Support};

/// Minutes while counting; hours only at the end, so rounding happens once.
#[derive(Default)]
struct Tally {
    contacts: i64,
    minutes: f64,
    support: BTreeMap<Support, f64>,
    mode: BTreeMap<Mode, f64>,
    context: BTreeMap<Context, f64>,
}

impl Tally {
    fn add(&mut self, minutes: f64, mode: Mode, support: &[Support], contexts: &[Context]) {
        self.contacts += 1;
        self.minutes += minutes;
        *self.mode.entry(mode).or_default() += minutes;
        for s in support {
            *self.support.entry(*s).or_default() += minutes / support.len() as f64;
        }
        for c in contexts {
            *self.context.entry(*c).or_default() += minutes / contexts.len() as f64;
        }
    }

    fn period(&self, period: String, label: String, from: NaiveDate, to: NaiveDate) -> Period {
        Period {
            period,
            label,
            from,
            to,
            contacts: self.contacts,
            hours: hours(self.minutes),
            support: every(&self.support, Support::ALL),
            mode: every(&self.mode, Mode::ALL),
            context: every(&self.context, Context::ALL),
        }
    }
}

/// Every word of a vocabulary, in hours, zero where nothing was counted: the columns
/// of the overview stay the same whatever the period held.
fn every<K: Ord + Copy>(minutes: &BTreeMap<K, f64>, keys: &[K]) -> BTreeMap<K, f64> {
    keys.iter()
        .map(|k| (*k, hours(minutes.get(k).copied().unwrap_or(0.0))))
        .collect()
}

/// Minutes to hours, two decimals.
fn hours(m: f64) -> f64 {
    (m / 60.0 * 100.0).round() / 100.0
}

/// The key and the first day of the week or month a day falls in.
fn slot(d: NaiveDate, by: By) -> (String, NaiveDate) {
    match by {
        By::Week => {
            let w = d.iso_week();
            let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
            (format!("{:04}-W{:02}", w.year(), w.week()), monday)
        }
        By::Month => (
            format!("{:04}-{:02}", d.year(), d.month()),
            d.with_day(1).unwrap_or(d),
        ),
    }
}

/// The last day of the slot that starts on `first`.
fn slot_end(first: NaiveDate, by: By) -> NaiveDate {
    match by {
        By::Week => first + Duration::days(6),
        By::Month => first
            .checked_add_months(chrono::Months::new(1))
            .map(|d| d - Duration::days(1))
            .unwrap_or(first),
    }
}

fn label(key: &str, from: NaiveDate, to: NaiveDate, by: By, lang: Lang) -> String {
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match by {
        By::Month => {
            let m = from.month0() as usize;
            let name = if lang == Lang::Nl { NL[m] } else { EN[m] };
            format!("{name} {}", from.year())
        }
        By::Week => {
            let n: u32 = key
                .rsplit('W')
                .next()
                .and_then(|w| w.parse().ok())
                .unwrap_or(0);
            format!(
                "week {n} ({} – {})",
                calendar::day_text(from),
                calendar::day_text(to)
            )
        }
    }
}

/// The overview of `from` to `to` (both included), per week or month. Every week or
/// month of the period is there, also one without contacts: a gap is information.
pub fn compute(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    by: By,
    lang: Lang,
) -> Result<Overview> {
    time::check_day(from)?;
    time::check_day(to)?;
    if to < from {
        return Err(Invalid::Period.into());
    }
    let mut slots: BTreeMap<NaiveDate, (String, Tally)> = BTreeMap::new();
    let mut d = slot(from, by).1;
    while d <= to {
        let (key, first) = slot(d, by);
        slots.insert(first, (key, Tally::default()));
        d = slot_end(first, by) + Duration::days(1);
    }
    let end = to.succ_opt().unwrap_or(to);
    let mut st = conn.prepare_cached(
        "SELECT c.at, c.minutes, c.mode, c.support,
                (SELECT group_concat(DISTINCT p.context) FROM contact_person cp
                   JOIN person p ON p.id = cp.person_id WHERE cp.contact_id = c.id)
         FROM contact c WHERE c.at >= ?1 AND c.at < ?2",
    )?;
    let mut rows = st.query((calendar::day_start(from), calendar::day_start(end)))?;
    let mut total = Tally::default();
    while let Some(r) = rows.next()? {
        let at: i64 = r.get(0)?;
        let minutes: i64 = r.get(1)?;
        let mode = Mode::parse(&r.get::<_, String>(2)?).unwrap_or(Mode::FaceToFace);
        let support = Support::from_bits(r.get(3)?);
        let contexts: Vec<Context> = r
            .get::<_, Option<String>>(4)?
            .unwrap_or_default()
            .split(',')
            .filter_map(|c| Context::parse(c).ok())
            .collect();
        let day = calendar::local(at).date_naive();
        let (_, first) = slot(day, by);
        let m = minutes as f64;
        if let Some((_, t)) = slots.get_mut(&first) {
            t.add(m, mode, &support, &contexts);
        }
        total.add(m, mode, &support, &contexts);
    }
    let periods = slots
        .into_iter()
        .map(|(first, (key, t))| {
            let (a, b) = (first.max(from), slot_end(first, by).min(to));
            let l = label(&key, a, b, by, lang);
            t.period(key, l, a, b)
        })
        .collect();
    let total_label = match lang {
        Lang::Nl => "totaal",
        Lang::En => "total",
    };
    Ok(Overview {
        from,
        to,
        by,
        lang,
        periods,
        total: total.period("total".into(), total_label.into(), from, to),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        time::parse_date(s).unwrap()
    }

    #[test]
    fn weeks_are_iso_weeks_and_months_calendar_months() {
        assert_eq!(
            slot(d("2026-11-25"), By::Week),
            ("2026-W48".into(), d("2026-11-23"))
        );
        assert_eq!(
            slot(d("2027-01-01"), By::Week),
            ("2026-W53".into(), d("2026-12-28"))
        );
        assert_eq!(
            slot(d("2026-02-14"), By::Month),
            ("2026-02".into(), d("2026-02-01"))
        );
        assert_eq!(slot_end(d("2026-02-01"), By::Month), d("2026-02-28"));
        assert_eq!(
            label(
                "2026-W48",
                d("2026-11-23"),
                d("2026-11-29"),
                By::Week,
                Lang::Nl
            ),
            "week 48 (23-11-2026 – 29-11-2026)"
        );
        assert_eq!(
            label(
                "2026-11",
                d("2026-11-01"),
                d("2026-11-30"),
                By::Month,
                Lang::En
            ),
            "November 2026"
        );
    }

    #[test]
    fn splits_add_up_to_the_hours() {
        let mut t = Tally::default();
        t.add(
            60.0,
            Mode::Walk,
            &[Support::Practical, Support::Emotional],
            &[Context::Client],
        );
        t.add(
            45.0,
            Mode::Group,
            &[Support::Navigation],
            &[Context::Client, Context::GroupMember],
        );
        let p = t.period("x".into(), "x".into(), d("2026-01-01"), d("2026-01-01"));
        assert_eq!(p.hours, 1.75);
        assert_eq!(p.support[&Support::Practical], 0.5);
        assert_eq!(p.support[&Support::Informational], 0.0);
        assert_eq!(p.context[&Context::GroupMember], 0.38);
        assert_eq!(p.mode[&Mode::Walk], 1.0);
        assert_eq!(p.support.len(), 4);
        assert_eq!(p.mode.len(), Mode::ALL.len());
    }
}
