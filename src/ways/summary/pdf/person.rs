//! A person's pages, as the HTML's: their own words, their contacts (or weeks), the
//! notes marked for the consult, bridge notes and open check-ins.

use chrono::Datelike;

use crate::ground::lang::Lang;
use crate::ground::numbers;
use crate::ground::vocab::Status;
use crate::ways::pdf::{Col, Flow, Span, Style, BODY, SMALL};
use crate::ways::summary::html::person::by_week;
use crate::ways::summary::html::words::{
    self, bridge_kind, context_name, date, mode_name, support_name, Words,
};
use crate::ways::summary::html::CONTACT_ROWS;
use crate::ways::summary::model::PersonPage;

/// A note's block: indented, a rule down its left, as the HTML's `.note`.
const NOTE: Style = Style {
    indent: 9.0,
    bar: true,
    after: 2.0,
    ..Style::BODY
};

pub(super) fn person(f: &mut Flow, p: &PersonPage, w: &Words, lang: Lang) {
    f.new_page();
    f.heading(
        &format!("{} · {}", p.label, context_name(p.context, lang)),
        13.5,
        true,
    );
    let meta = format!(
        "{} {} · {} {}",
        numbers::number(p.contacts.len() as i64, lang),
        w.contacts(p.contacts.len() as i64),
        words::hours(p.minutes, lang),
        w.hours(p.minutes)
    );
    f.paragraph(
        &[Span::plain(&meta)],
        Style {
            gray: 0.2,
            after: 8.0,
            ..Style::BODY
        },
    );
    let quote = Style {
        indent: 9.0,
        ..Style::BODY
    };
    if !p.wishes.trim().is_empty() {
        f.heading(w.wishes, 10.5, false);
        f.paragraph(&[Span::plain(p.wishes.trim())], quote);
    }
    if !p.strengths.trim().is_empty() {
        f.heading(w.strengths, 10.5, false);
        f.paragraph(&[Span::plain(p.strengths.trim())], Style::BODY);
    }
    goals(f, p, w, lang);
    if p.contacts.len() > CONTACT_ROWS {
        weeks(f, p, w, lang);
    } else if !p.contacts.is_empty() {
        contacts(f, p, w, lang);
    }
    notes(f, p, w, lang);
    if !p.bridge_notes.is_empty() {
        f.heading(w.bridge, 10.5, false);
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
            keep_with_next(f);
            let when = format!(
                "{} · {} · {status}{shared}",
                b.recipient,
                bridge_kind(b.kind, lang)
            );
            f.paragraph(
                &[Span::plain(&when)],
                Style {
                    size: SMALL,
                    ..NOTE
                },
            );
            f.paragraph(&[Span::plain(b.text.trim())], NOTE);
            if !b.client_voice.trim().is_empty() {
                let q = format!("{}: “{}”", w.own_words, b.client_voice.trim());
                f.paragraph(&[Span::plain(&q)], NOTE);
            }
            if b.answered && !b.answer.trim().is_empty() {
                let a = format!(" {}", b.answer.trim());
                f.paragraph(
                    &[Span::bold(&format!("{}:", w.answer)), Span::plain(&a)],
                    NOTE,
                );
            }
            f.space(5.0);
        }
    }
    if !p.open_checkins.is_empty() {
        f.heading(w.checkins, 10.5, false);
        for (due, why) in &p.open_checkins {
            let why = if why.trim().is_empty() {
                String::new()
            } else {
                format!(": {}", why.trim())
            };
            let line = format!("{}{why}", date(*due, lang));
            f.paragraph(
                &[Span::plain(&line)],
                Style {
                    indent: 14.0,
                    bullet: true,
                    after: 2.0,
                    ..Style::BODY
                },
            );
        }
    }
}

/// The goals marked for the consult, where each stands and the person's latest
/// rating in their words, as the HTML: no trend, no colour of judgement.
fn goals(f: &mut Flow, p: &PersonPage, w: &Words, lang: Lang) {
    if p.goals.is_empty() {
        return;
    }
    f.heading(w.plan, 10.5, false);
    let item = Style {
        indent: 14.0,
        bullet: true,
        after: 1.0,
        ..Style::BODY
    };
    for g in &p.goals {
        let status = format!(" [{}]", g.status.words(lang));
        f.paragraph(&[Span::plain(&g.text), Span::plain(&status)], item);
        if let Some(r) = &g.latest {
            let mut line = format!("{} {}: {}/10", w.rated, date(r.on, lang), r.score);
            if !r.words.trim().is_empty() {
                line.push_str(&format!(" · “{}”", r.words.trim()));
            }
            f.paragraph(
                &[Span::plain(&line)],
                Style {
                    bullet: false,
                    ..item
                },
            );
        }
        f.space(3.0);
    }
}

/// A note's day and time never end a page alone: room for it and two lines.
fn keep_with_next(f: &mut Flow) {
    f.room(SMALL * 1.4 + 2.0 * BODY * 1.4);
}

/// The notes marked for the consult, each with its day and time above it.
fn notes(f: &mut Flow, p: &PersonPage, w: &Words, lang: Lang) {
    f.heading(w.notes, 10.5, false);
    let noted: Vec<_> = p
        .contacts
        .iter()
        .filter(|c| c.note.is_some() || c.own_words.is_some() || c.signal_note.is_some())
        .collect();
    if noted.is_empty() {
        f.paragraph(&[Span::plain(w.no_notes)], Style::BODY);
    }
    for c in noted {
        keep_with_next(f);
        let when = format!("{} {}", date(c.date, lang), c.time);
        f.paragraph(
            &[Span::plain(&when)],
            Style {
                size: SMALL,
                ..NOTE
            },
        );
        if let Some(n) = &c.note {
            f.paragraph(&[Span::plain(n.trim())], NOTE);
        }
        if let Some(o) = &c.own_words {
            let q = format!("{}: “{}”", w.own_words, o.trim());
            f.paragraph(&[Span::plain(&q)], NOTE);
        }
        if let Some(sn) = &c.signal_note {
            let t = format!(" {}", sn.trim());
            f.paragraph(
                &[Span::bold(&format!("{}:", w.signal_note)), Span::plain(&t)],
                NOTE,
            );
        }
        f.space(5.0);
    }
}

fn contacts(f: &mut Flow, p: &PersonPage, w: &Words, lang: Lang) {
    let rows: Vec<Vec<String>> = p
        .contacts
        .iter()
        .map(|c| {
            let support: Vec<&str> = c.support.iter().map(|s| support_name(*s, lang)).collect();
            let signal = if c.signal {
                format!(" [{}]", w.signal)
            } else {
                String::new()
            };
            let with = if c.with.is_empty() {
                String::new()
            } else {
                format!(" ({} {})", w.with, c.with.join(", "))
            };
            vec![
                format!("{} {}", date(c.date, lang), c.time),
                c.minutes.to_string(),
                format!("{}{with}", mode_name(c.mode, lang)),
                format!("{}{signal}", support.join(", ")),
            ]
        })
        .collect();
    f.table(&cols(), &[w.date, w.minutes, w.mode, w.support], &rows);
}

/// The four columns of the contacts and weeks tables.
fn cols() -> [Col; 4] {
    let c = |share, right| Col { share, right };
    [c(3.2, false), c(1.0, true), c(2.6, false), c(3.2, false)]
}

/// One row per week: contacts, hours, support, signals.
fn weeks(f: &mut Flow, p: &PersonPage, w: &Words, lang: Lang) {
    let rows: Vec<Vec<String>> = by_week(p)
        .iter()
        .map(|(monday, wk)| {
            let support: Vec<String> = wk
                .support
                .iter()
                .map(|(s, n)| format!("{} {n}", support_name(*s, lang)))
                .collect();
            let signals = match (wk.signals, lang) {
                (0, _) => String::new(),
                (1, Lang::Nl) => " [1 signaal]".into(),
                (n, Lang::Nl) => format!(" [{n} signalen]"),
                (1, Lang::En) => " [1 signal]".into(),
                (n, Lang::En) => format!(" [{n} signals]"),
            };
            vec![
                format!(
                    "{} {} ({})",
                    w.week,
                    monday.iso_week().week(),
                    date(*monday, lang)
                ),
                numbers::number(wk.contacts as i64, lang),
                words::hours(wk.minutes, lang),
                format!("{}{signals}", support.join(", ")),
            ]
        })
        .collect();
    f.table(&cols(), &[w.week, "#", w.hours, w.support], &rows);
}
