//! A person's page: their own words, their contacts, the notes marked for the
//! consult, bridge notes and open check-ins.

use std::fmt::Write;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::words::{
    self, bridge_kind, context_name, date, esc, mode_name, paragraphs, support_name, Words,
};
use crate::ground::calendar::week_start;
use crate::ground::lang::Lang;
use crate::ground::numbers;
use crate::ground::vocab::{Status, Support};
use crate::ways::summary::model::PersonPage;

/// Up to this many contacts a person's page lists each one; with more (a quarter of
/// weekly contacts) it lists weeks, so the page stays a page. The notes marked for
/// the consult are listed in full either way.
pub const CONTACT_ROWS: usize = 20;

pub(super) fn person(h: &mut String, p: &PersonPage, w: &Words, lang: Lang) {
    let _ = write!(
        h,
        "<section class=\"person\"><h2>{} <span class=\"tag\">{}</span></h2>",
        esc(&p.label),
        context_name(p.context, lang)
    );
    let _ = write!(
        h,
        "<p class=\"meta\">{} {} · {} {}</p>",
        numbers::number(p.contacts.len() as i64, lang),
        w.contacts(p.contacts.len() as i64),
        words::hours(p.minutes, lang),
        w.hours(p.minutes)
    );
    if !p.wishes.trim().is_empty() {
        let _ = write!(
            h,
            "<h3>{}</h3><blockquote>{}</blockquote>",
            w.wishes,
            paragraphs(&p.wishes)
        );
    }
    if !p.strengths.trim().is_empty() {
        let _ = write!(h, "<h3>{}</h3>{}", w.strengths, paragraphs(&p.strengths));
    }
    goals(h, p, w, lang);
    if p.contacts.len() > CONTACT_ROWS {
        weeks(h, p, w, lang);
    } else if !p.contacts.is_empty() {
        contacts(h, p, w, lang);
    }
    let noted: Vec<_> = p
        .contacts
        .iter()
        .filter(|c| c.note.is_some() || c.own_words.is_some() || c.signal_note.is_some())
        .collect();
    let _ = write!(h, "<h3>{}</h3>", w.notes);
    if noted.is_empty() {
        let _ = write!(h, "<p>{}</p>", w.no_notes);
    }
    for c in noted {
        let _ = write!(
            h,
            "<div class=\"note\"><div class=\"when\">{} {}</div>",
            date(c.date, lang),
            c.time
        );
        if let Some(n) = &c.note {
            h.push_str(&paragraphs(n));
        }
        if let Some(o) = &c.own_words {
            let _ = write!(
                h,
                "<blockquote>{}: “{}”</blockquote>",
                w.own_words,
                esc(o.trim())
            );
        }
        if let Some(sn) = &c.signal_note {
            let _ = write!(h, "<p><b>{}:</b> {}</p>", w.signal_note, esc(sn.trim()));
        }
        h.push_str("</div>");
    }
    if !p.bridge_notes.is_empty() {
        let _ = write!(h, "<h3>{}</h3>", w.bridge);
        for b in &p.bridge_notes {
            let status = match (lang, b.status) {
                (Lang::Nl, Status::Answered) => "beantwoord",
                (Lang::Nl, _) => "gedeeld, nog geen antwoord",
                (Lang::En, Status::Answered) => "answered",
                (Lang::En, _) => "shared, not yet answered",
            };
            let shared = b
                .shared_on
                .map(|d| format!(", {}", date(d, lang)))
                .unwrap_or_default();
            let _ = write!(
                h,
                "<div class=\"note\"><div class=\"when\">{} · {} · {status}{shared}</div>{}",
                esc(&b.recipient),
                bridge_kind(b.kind, lang),
                paragraphs(&b.text)
            );
            if !b.client_voice.trim().is_empty() {
                let _ = write!(
                    h,
                    "<blockquote>{}: “{}”</blockquote>",
                    w.own_words,
                    esc(b.client_voice.trim())
                );
            }
            if b.answered && !b.answer.trim().is_empty() {
                let _ = write!(h, "<p><b>{}:</b> {}</p>", w.answer, esc(b.answer.trim()));
            }
            h.push_str("</div>");
        }
    }
    if !p.open_checkins.is_empty() {
        let _ = write!(h, "<h3>{}</h3><ul>", w.checkins);
        for (due, why) in &p.open_checkins {
            let why = if why.trim().is_empty() {
                String::new()
            } else {
                format!(": {}", esc(why.trim()))
            };
            let _ = write!(h, "<li>{}{why}</li>", date(*due, lang));
        }
        h.push_str("</ul>");
    }
    h.push_str("</section>");
}

fn contacts(h: &mut String, p: &PersonPage, w: &Words, lang: Lang) {
    let _ = write!(
        h,
        "<table><tr><th>{}</th><th class=\"n\">{}</th><th>{}</th><th>{}</th></tr>",
        w.date, w.minutes, w.mode, w.support
    );
    for c in &p.contacts {
        let support: Vec<&str> = c.support.iter().map(|s| support_name(*s, lang)).collect();
        let signal = if c.signal {
            format!(" <span class=\"tag\">{}</span>", w.signal)
        } else {
            String::new()
        };
        let with = if c.with.is_empty() {
            String::new()
        } else {
            format!(" ({} {})", w.with, esc(&c.with.join(", ")))
        };
        let _ = write!(
            h,
            "<tr><td>{} {}</td><td class=\"n\">{}</td><td>{}{with}</td><td>{}{signal}</td></tr>",
            date(c.date, lang),
            c.time,
            c.minutes,
            mode_name(c.mode, lang),
            support.join(", ")
        );
    }
    h.push_str("</table>");
}

/// A week of one person's contacts, for pages with more than [`CONTACT_ROWS`].
#[derive(Default)]
pub(in crate::ways::summary) struct Week {
    pub(in crate::ways::summary) contacts: usize,
    pub(in crate::ways::summary) minutes: i64,
    pub(in crate::ways::summary) support: BTreeMap<Support, usize>,
    pub(in crate::ways::summary) signals: usize,
}

/// The person's contacts by the Monday of their week.
pub(in crate::ways::summary) fn by_week(p: &PersonPage) -> BTreeMap<NaiveDate, Week> {
    let mut by_week: BTreeMap<NaiveDate, Week> = BTreeMap::new();
    for c in &p.contacts {
        let wk = by_week.entry(week_start(c.date)).or_default();
        wk.contacts += 1;
        wk.minutes += c.minutes;
        wk.signals += usize::from(c.signal);
        for s in &c.support {
            *wk.support.entry(*s).or_default() += 1;
        }
    }
    by_week
}

/// One row per week: contacts, hours, support, signals.
fn weeks(h: &mut String, p: &PersonPage, w: &Words, lang: Lang) {
    let by_week = by_week(p);
    let _ = write!(
        h,
        "<table><tr><th>{}</th><th class=\"n\">#</th><th class=\"n\">{}</th><th>{}</th></tr>",
        w.week, w.hours, w.support
    );
    for (monday, wk) in &by_week {
        let support: Vec<String> = wk
            .support
            .iter()
            .map(|(s, n)| format!("{} {n}", support_name(*s, lang)))
            .collect();
        let signals = match (wk.signals, lang) {
            (0, _) => String::new(),
            (1, Lang::Nl) => " <span class=\"tag\">1 signaal</span>".into(),
            (n, Lang::Nl) => format!(" <span class=\"tag\">{n} signalen</span>"),
            (1, Lang::En) => " <span class=\"tag\">1 signal</span>".into(),
            (n, Lang::En) => format!(" <span class=\"tag\">{n} signals</span>"),
        };
        let _ = write!(
            h,
            "<tr><td>{} {} ({})</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}{signals}</td></tr>",
            w.week,
            monday.iso_week().week(),
            date(*monday, lang),
            numbers::number(wk.contacts as i64, lang),
            words::hours(wk.minutes, lang),
            support.join(", ")
        );
    }
    h.push_str("</table>");
}

/// The goals marked for the consult, each with where it stands and the person's
/// latest rating in their words; no trend, no colour of judgement.
fn goals(h: &mut String, p: &PersonPage, w: &Words, lang: Lang) {
    if p.goals.is_empty() {
        return;
    }
    let _ = write!(h, "<h3>{}</h3><ul class=\"goals\">", w.plan);
    for g in &p.goals {
        let _ = write!(
            h,
            "<li>{} <span class=\"tag\">{}</span>",
            esc(&g.text),
            esc(g.status.words(lang))
        );
        if let Some(r) = &g.latest {
            let _ = write!(h, "<br>{} {}: {}/10", w.rated, date(r.on, lang), r.score);
            if !r.words.trim().is_empty() {
                let _ = write!(h, " · “{}”", esc(r.words.trim()));
            }
        }
        h.push_str("</li>");
    }
    h.push_str("</ul>");
}
