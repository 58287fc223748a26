//! From the vault to a [`Summary`]: which contacts and people, and every free text
//! through the redactor on its way in.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::agenda::Agenda;
use super::chart;
use super::model::{
    BridgeRow, ContactRow, GoalRow, LatestRating, Options, PersonPage, Summary, Totals,
};
use crate::ground::calendar;
use crate::ground::error::{Invalid, Result};
use crate::ground::fold;
use crate::ground::ids::PersonId;
use crate::ground::time;
use crate::ground::vocab::{Context, Mode, Status, Support};
use crate::records::bridge;
use crate::records::circle;
use crate::records::contact::{self, Filter};
use crate::records::followup;
use crate::records::goal;
use crate::records::person::{self, Person};
use crate::ways::redact::{self, Redactor, Rules, Suspect, Tally};

/// Computes the summary. Reads only; recording that it was printed or saved is
/// [`super::record`], called when that really happens.
pub fn compute(conn: &Connection, o: &Options, today: NaiveDate) -> Result<Summary> {
    Ok(compute_checked(conn, o, today)?.0)
}

/// The words that look like names Naast does not know, in exactly the texts the
/// summary with these options would print (after the known names and the
/// `extra_names` are replaced). Empty at level `full`, where nothing is replaced.
pub fn suspects(conn: &Connection, o: &Options, today: NaiveDate) -> Result<Vec<Suspect>> {
    Ok(compute_checked(conn, o, today)?.1)
}

/// The summary and its suspects from one pass over the texts.
pub fn compute_checked(
    conn: &Connection,
    o: &Options,
    today: NaiveDate,
) -> Result<(Summary, Vec<Suspect>)> {
    time::check_day(o.from)?;
    time::check_day(o.to)?;
    followup::check_weeks(o.stagnation_weeks)?;
    followup::check_weeks(o.goal_weeks)?;
    if o.to < o.from {
        return Err(Invalid::Period.into());
    }
    let all_people = person::list(conn)?;
    let people: BTreeMap<PersonId, &Person> = all_people.iter().map(|p| (p.id, p)).collect();
    let included = |id: PersonId| {
        people
            .get(&id)
            .is_some_and(|p| o.colleagues || p.context != Context::Colleague)
    };
    let all_members = circle::all_members(conn)?;
    let mut texts = Texts {
        r: Redactor::new(
            &all_people,
            &all_members,
            Rules {
                circle_names: o.circle_names,
                hide_colleagues: !o.colleagues,
                extra: o.extra_names.clone(),
                ..Rules::new(o.level, o.lang)
            },
            redact::not_names(conn)?
                .iter()
                .map(|w| fold::fold(w))
                .collect(),
        ),
        tally: Tally::default(),
    };
    for x in &o.extra_names {
        if let redact::Replacement::Person(id) = x.with {
            person::get(conn, id)?;
        }
    }

    let contacts = in_period(conn, o)?
        .into_iter()
        .filter(|c| c.persons.iter().any(|p| included(p.id)))
        .collect::<Vec<_>>();
    let chosen: BTreeSet<PersonId> = if o.persons.is_empty() {
        contacts
            .iter()
            .flat_map(|c| c.persons.iter().map(|p| p.id))
            .filter(|&id| included(id))
            .collect()
    } else {
        o.persons
            .iter()
            .copied()
            .filter(|&id| included(id))
            .collect()
    };
    let label = |id: PersonId| {
        people
            .get(&id)
            .map(|p| o.level.label(p))
            .unwrap_or_default()
    };

    let mut by_support: BTreeMap<Support, i64> = Support::ALL.iter().map(|s| (*s, 0)).collect();
    let mut by_mode: BTreeMap<Mode, i64> = BTreeMap::new();
    for c in &contacts {
        for s in &c.support {
            *by_support.entry(*s).or_default() += 1;
        }
        *by_mode.entry(c.mode).or_default() += 1;
    }
    let totals = Totals {
        contacts: contacts.len() as i64,
        people: chosen.len() as i64,
        minutes: contacts.iter().map(|c| c.minutes).sum(),
    };

    let stagnant: BTreeMap<PersonId, Option<i64>> =
        followup::stagnation(conn, today, o.stagnation_weeks)?
            .into_iter()
            .filter(|s| included(s.person_id))
            .map(|s| (s.person_id, s.last_contact))
            .collect();
    let checkins = followup::open(conn, None)?;
    let bridges = bridge::list(conn, None, None)?;
    let members: BTreeMap<i64, &circle::CircleMember> =
        all_members.iter().map(|m| (m.id, m)).collect();

    // An open goal is quiet when nobody looked at it in the last `goal_weeks`.
    let quiet_since = calendar::day_start(today) - i64::from(o.goal_weeks) * 7 * 86_400;
    let mut agenda = Agenda::default();
    let mut pages = Vec::new();
    for &pid in &chosen {
        let Some(p) = people.get(&pid) else { continue };
        let mut rows = Vec::new();
        for c in contacts
            .iter()
            .filter(|c| c.persons.iter().any(|x| x.id == pid))
        {
            let show = o.all_notes || c.for_consult;
            let local = calendar::local(c.at);
            rows.push(ContactRow {
                date: local.date_naive(),
                time: local.format("%H:%M").to_string(),
                minutes: c.minutes,
                mode: c.mode,
                support: c.support.clone(),
                for_consult: c.for_consult,
                // In a group contact the signal and the own words are only on the
                // page of the person they are about.
                signal: c.signal_of(pid),
                with: c
                    .persons
                    .iter()
                    .filter(|x| x.id != pid && included(x.id))
                    .map(|x| label(x.id))
                    .collect(),
                note: texts.opt(show, &c.note),
                own_words: texts.opt(show, c.own_words_of(pid).unwrap_or_default()),
                signal_note: texts.opt(c.signal_of(pid) && c.for_consult, &c.signal_note),
            });
        }
        agenda.signals(&label(pid), &rows);
        if let Some(last) = stagnant.get(&pid) {
            agenda.stagnant(&label(pid), *last, o.stagnation_weeks);
        }
        let mut open_checkins = Vec::new();
        for f in checkins.iter().filter(|f| f.person_id == pid) {
            open_checkins.push((f.due, texts.t(&f.reason(o.lang))));
        }
        agenda.overdue(&label(pid), &open_checkins, today);
        let mut bridge_rows = Vec::new();
        for b in bridges
            .iter()
            .filter(|b| b.person_id == pid && matches!(b.status, Status::Shared | Status::Answered))
        {
            let recipient = match (o.circle_names, members.get(&b.member_id)) {
                (true, Some(m)) => format!("{} ({})", m.name, m.role),
                (_, Some(m)) if !m.role.is_empty() => texts.t(&m.role),
                _ => match o.lang {
                    crate::ground::lang::Lang::Nl => "behandelaar".to_string(),
                    crate::ground::lang::Lang::En => "clinician".to_string(),
                },
            };
            bridge_rows.push(BridgeRow {
                recipient,
                kind: b.kind,
                status: b.status,
                shared_on: b.shared_at.map(|t| calendar::local(t).date_naive()),
                answered: b.status == Status::Answered,
                text: texts.t(&b.text),
                client_voice: texts.t(&b.client_voice),
                answer: texts.t(&b.answer),
            });
        }
        agenda.unanswered(&label(pid), &bridge_rows);
        agenda.quiet_goals(
            &label(pid),
            &goal::quiet(conn, pid, quiet_since)?,
            o.goal_weeks,
        );
        let signals: Vec<NaiveDate> = rows.iter().filter(|r| r.signal).map(|r| r.date).collect();
        let mut goals = Vec::new();
        for g in goal::list(conn, pid)?.into_iter().filter(|g| g.for_consult) {
            goals.push(GoalRow {
                text: texts.t(&g.text),
                status: g.status,
                latest: g.latest().map(|r| LatestRating {
                    on: r.on,
                    score: r.score,
                    words: texts.t(&r.words),
                }),
            });
        }
        pages.push(PersonPage {
            label: label(pid),
            context: p.context,
            wishes: texts.t(&p.wishes),
            strengths: texts.t(&p.strengths),
            minutes: rows.iter().map(|r| r.minutes).sum(),
            contacts: rows,
            bridge_notes: bridge_rows,
            open_checkins,
            signals,
            stagnant: stagnant.contains_key(&pid),
            goals,
        });
    }
    // Stagnation is about people who fell out of view, so by default (no one chosen)
    // it is listed for everyone, not only for those seen in the period.
    if o.persons.is_empty() {
        for (pid, last) in stagnant.iter().filter(|(p, _)| !chosen.contains(p)) {
            agenda.stagnant(&label(*pid), *last, o.stagnation_weeks);
        }
        // So are the quiet goals of everyone still being supported.
        for p in all_people
            .iter()
            .filter(|p| p.active && included(p.id) && !chosen.contains(&p.id))
        {
            let seen = goal::quiet(conn, p.id, quiet_since)?;
            agenda.quiet_goals(&label(p.id), &seen, o.goal_weeks);
        }
    }
    pages.sort_by_key(|p| p.label.to_lowercase());

    let summary = Summary {
        from: o.from,
        to: o.to,
        made_on: today,
        lang: o.lang,
        level: o.level,
        totals,
        by_support: by_support.into_iter().collect(),
        by_mode: by_mode.into_iter().collect(),
        chart: chart::Chart::of(
            o.from,
            o.to,
            contacts
                .iter()
                .map(|c| (calendar::local(c.at).date_naive(), c.support.as_slice())),
        ),
        agenda: agenda.into_items(),
        persons: pages,
        person_ids: chosen
            .iter()
            .copied()
            .filter(|p| people.contains_key(p))
            .collect(),
    };
    Ok((summary, texts.tally.into_list()))
}

/// The contacts in the period, oldest first (it reads like a diary). With people
/// chosen, each one's timeline index is read; a group contact shared by two chosen
/// people is counted once.
fn in_period(conn: &Connection, o: &Options) -> Result<Vec<contact::Contact>> {
    let period = Filter {
        from: Some(o.from),
        to: Some(o.to),
        ..Filter::default()
    };
    let mut v = if o.persons.is_empty() {
        contact::list(conn, &period, None, None)?
    } else {
        let mut seen = BTreeSet::new();
        let mut v = Vec::new();
        for &p in &o.persons {
            let mine = Filter {
                person: Some(p),
                ..period.clone()
            };
            for c in contact::list(conn, &mine, None, None)? {
                if seen.insert(c.id) {
                    v.push(c);
                }
            }
        }
        v
    };
    v.sort_by_key(|c| (c.at, c.id));
    Ok(v)
}

/// Every free text on its way into the summary: redacted, its suspects counted.
struct Texts {
    r: Redactor,
    tally: Tally,
}

impl Texts {
    fn t(&mut self, s: &str) -> String {
        if s.trim().is_empty() {
            return String::new();
        }
        self.r.redact_counting(s, &mut self.tally)
    }

    /// `Some` only when shown and not blank.
    fn opt(&mut self, show: bool, s: &str) -> Option<String> {
        (show && !s.trim().is_empty()).then(|| self.t(s))
    }
}
