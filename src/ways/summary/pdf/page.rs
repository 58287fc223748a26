//! The first pages: the title and period, the agenda, the period's numbers and the
//! chart; then a page per person ([`super::person`]).

use chrono::Datelike;

use super::{chart, person};
use crate::ground::error::Result;
use crate::ground::lang::Lang;
use crate::ground::numbers;
use crate::ways::pdf::{self, Col, Flow, Op, Span, Style, SMALL};
use crate::ways::redact::Level;
use crate::ways::summary::html::agenda::{agenda_heading, agenda_text, more};
use crate::ways::summary::html::words::{date, hours, mode_name, support_name, Words, EN, NL};
use crate::ways::summary::html::AGENDA_CAP;
use crate::ways::summary::model::{AgendaItem, AgendaKind, Summary};

pub(super) fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// The period as the HTML writes it: "ma 2 nov. 2026 – zo 29 nov. 2026".
fn period(s: &Summary) -> String {
    format!("{} – {}", date(s.from, s.lang), date(s.to, s.lang))
}

/// Lays the summary out as pages (also what the tests read without a PDF reader).
pub fn pages(s: &Summary) -> Vec<Vec<Op>> {
    let w = words(s.lang);
    let lang = s.lang;
    let mut f = Flow::new();
    f.heading(w.title, 17.0, false);
    let weeks = format!(
        "{} {}–{}",
        match lang {
            Lang::Nl => "week",
            Lang::En => "weeks",
        },
        s.from.iso_week().week(),
        s.to.iso_week().week()
    );
    let level = match s.level {
        Level::Code => w.level_code,
        Level::Alias => w.level_alias,
        Level::Full => w.level_full,
    };
    let meta = format!(
        "{} ({weeks}) · {} {} · ",
        period(s),
        w.made,
        date(s.made_on, lang)
    );
    let small = Style {
        gray: 0.2,
        after: 0.0,
        ..Style::BODY
    };
    f.paragraph(&[Span::plain(&meta), Span::bold(w.confidential)], small);
    f.paragraph(
        &[Span::plain(level)],
        Style {
            after: 12.0,
            ..small
        },
    );

    agenda(&mut f, s, w);

    f.heading(w.totals, 13.5, true);
    let totals = format!(
        "{} {} · {} {} · {} {}",
        numbers::number(s.totals.contacts, lang),
        w.contacts(s.totals.contacts),
        numbers::number(s.totals.people, lang),
        w.people(s.totals.people),
        hours(s.totals.minutes, lang),
        w.hours(s.totals.minutes)
    );
    f.paragraph(
        &[Span::bold(&totals)],
        Style {
            size: 12.0,
            after: 8.0,
            ..Style::BODY
        },
    );
    let cols = [
        Col {
            share: 3.0,
            right: false,
        },
        Col {
            share: 1.0,
            right: true,
        },
    ];
    let rows: Vec<Vec<String>> = s
        .by_support
        .iter()
        .map(|(t, n)| vec![support_name(*t, lang).into(), numbers::number(*n, lang)])
        .collect();
    f.table(&cols, &[w.support, "#"], &rows);
    let rows: Vec<Vec<String>> = s
        .by_mode
        .iter()
        .map(|(m, n)| vec![mode_name(*m, lang).into(), numbers::number(*n, lang)])
        .collect();
    f.table(&cols, &[w.mode, "#"], &rows);
    chart::chart(&mut f, &s.chart, lang);

    for p in &s.persons {
        person::person(&mut f, p, w, lang);
    }
    f.into_pages()
}

/// The agenda: a section per kind, each at most [`AGENDA_CAP`] lines, as the HTML.
fn agenda(f: &mut Flow, s: &Summary, w: &Words) {
    f.heading(w.agenda, 13.5, true);
    if s.agenda.is_empty() {
        f.paragraph(&[Span::plain(w.nothing)], Style::BODY);
    }
    let item = Style {
        indent: 14.0,
        bullet: true,
        after: 2.0,
        ..Style::BODY
    };
    for kind in AgendaKind::ALL {
        let items: Vec<&AgendaItem> = s.agenda.iter().filter(|a| a.kind == kind).collect();
        let Some(first) = items.first() else { continue };
        let head = format!(
            "{} ({})",
            agenda_heading(kind, &first.detail, s.lang),
            items.len()
        );
        f.heading(&head, 10.5, false);
        for a in items.iter().take(AGENDA_CAP) {
            let text = format!(": {}", agenda_text(a, s.lang));
            f.paragraph(&[Span::bold(&a.person), Span::plain(&text)], item);
            if let Some(n) = a.note.as_deref().filter(|t| !t.trim().is_empty()) {
                f.paragraph(
                    &[Span::plain(n.trim())],
                    Style {
                        size: SMALL,
                        bullet: false,
                        ..item
                    },
                );
            }
        }
        if items.len() > AGENDA_CAP {
            f.paragraph(
                &[Span::plain(&more(items.len() - AGENDA_CAP, s.lang))],
                Style {
                    bullet: false,
                    ..item
                },
            );
        }
        f.space(4.0);
    }
    f.space(6.0);
}

/// The whole document as PDF bytes. The document information holds the title of
/// the kind of document only: no period, no person.
pub fn render(s: &Summary) -> Result<Vec<u8>> {
    let w = words(s.lang);
    let head = format!("Naast · {} · {}", w.title, period(s));
    pdf::write(
        pages(s),
        &pdf::Running {
            title: w.title,
            head: &head,
            mark: w.confidential,
            page: w.page,
            of: w.of,
        },
    )
}
