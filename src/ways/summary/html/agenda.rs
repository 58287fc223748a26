//! The agenda on the first page: a section per kind, one line per person.

use std::fmt::Write;

use chrono::NaiveDate;

use super::words::{esc, Words};
use crate::ground::calendar::dutch_date;
use crate::ground::lang::Lang;
use crate::ways::summary::model::{AgendaItem, AgendaKind, Summary};

/// An agenda section longer than this ends in "en 40 meer": the team reads the
/// most pressing lines; everyone's page follows anyway.
pub const AGENDA_CAP: usize = 15;

/// "di 3 nov.": the period is at most a few months, the year is in the header.
pub(in crate::ways::summary) fn short_date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Nl => {
            let full = dutch_date(d);
            full.rsplit_once(' ')
                .map(|(a, _)| a.to_string())
                .unwrap_or(full)
        }
        Lang::En => d.format("%a %-d %b").to_string(),
    }
}

/// The heading of one kind's section, as plain text (escaped by the caller).
pub(in crate::ways::summary) fn agenda_heading(k: AgendaKind, weeks: &str, lang: Lang) -> String {
    match (lang, k) {
        (Lang::Nl, AgendaKind::Signal) => "Signalen: gaat verder dan peer-support".into(),
        (Lang::Nl, AgendaKind::Stagnation) => {
            format!("Uit beeld: geen contact en geen check-in gepland in {weeks} weken")
        }
        (Lang::Nl, AgendaKind::UnansweredBridge) => "Brugnotities nog niet beantwoord".into(),
        (Lang::Nl, AgendaKind::OverdueCheckIn) => "Check-ins te laat".into(),
        (Lang::Nl, AgendaKind::QuietGoal) => {
            format!("Eigen plan: doelen waar {weeks} weken niet samen naar gekeken is")
        }
        (Lang::En, AgendaKind::Signal) => "Signals: beyond peer support".into(),
        (Lang::En, AgendaKind::Stagnation) => {
            format!("Out of view: no contact and no check-in planned for {weeks} weeks")
        }
        (Lang::En, AgendaKind::UnansweredBridge) => "Bridge notes not yet answered".into(),
        (Lang::En, AgendaKind::OverdueCheckIn) => "Check-ins overdue".into(),
        (Lang::En, AgendaKind::QuietGoal) => {
            format!("Own plan: goals not looked at together for {weeks} weeks")
        }
    }
}

/// What one agenda line says after the person's label, as plain text: the HTML
/// escapes it, the PDF sets it as it is.
pub(in crate::ways::summary) fn agenda_text(a: &AgendaItem, lang: Lang) -> String {
    let n = a.count;
    let one = n == 1;
    let d = a.date.map(|d| short_date(d, lang)).unwrap_or_default();
    let to = &a.detail;
    match (lang, a.kind) {
        (Lang::Nl, AgendaKind::Signal) if one => format!("1 signaal, {d}"),
        (Lang::Nl, AgendaKind::Signal) => format!("{n} signalen, laatste {d}"),
        (Lang::En, AgendaKind::Signal) if one => format!("1 signal, {d}"),
        (Lang::En, AgendaKind::Signal) => format!("{n} signals, last {d}"),
        (Lang::Nl, AgendaKind::Stagnation) if a.date.is_none() => "nog geen contact".into(),
        (Lang::Nl, AgendaKind::Stagnation) => format!("laatste contact {d}"),
        (Lang::En, AgendaKind::Stagnation) if a.date.is_none() => "no contact yet".into(),
        (Lang::En, AgendaKind::Stagnation) => format!("last contact {d}"),
        (Lang::Nl, AgendaKind::UnansweredBridge) if one => {
            format!("1 brugnotitie aan {to}, gedeeld {d}")
        }
        (Lang::Nl, AgendaKind::UnansweredBridge) => {
            format!("{n} brugnotities aan {to}, de eerste gedeeld {d}")
        }
        (Lang::En, AgendaKind::UnansweredBridge) if one => {
            format!("1 bridge note to {to}, shared {d}")
        }
        (Lang::En, AgendaKind::UnansweredBridge) => {
            format!("{n} bridge notes to {to}, the first shared {d}")
        }
        (Lang::Nl, AgendaKind::OverdueCheckIn) if one => format!("1 check-in, gepland {d}"),
        (Lang::Nl, AgendaKind::OverdueCheckIn) => {
            format!("{n} check-ins, de eerste gepland {d}")
        }
        (Lang::En, AgendaKind::OverdueCheckIn) if one => format!("1 check-in, due {d}"),
        (Lang::En, AgendaKind::OverdueCheckIn) => format!("{n} check-ins, the first due {d}"),
        (Lang::Nl, AgendaKind::QuietGoal) if one => format!("1 doel, laatst bekeken {d}"),
        (Lang::Nl, AgendaKind::QuietGoal) => format!("{n} doelen, het eerste laatst bekeken {d}"),
        (Lang::En, AgendaKind::QuietGoal) if one => format!("1 goal, last looked at {d}"),
        (Lang::En, AgendaKind::QuietGoal) => format!("{n} goals, the first last looked at {d}"),
    }
}

/// "and 40 more" under a section cut at [`AGENDA_CAP`].
pub(in crate::ways::summary) fn more(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("en {n} meer"),
        Lang::En => format!("and {n} more"),
    }
}

/// One agenda line: the person's label, then what it is, escaped.
fn agenda_line(a: &AgendaItem, lang: Lang) -> String {
    let text = esc(&agenda_text(a, lang));
    let note = a
        .note
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .map(|t| format!("<div class=\"sn\">{}</div>", esc(t.trim())))
        .unwrap_or_default();
    format!("<li><b>{}</b>: {text}{note}</li>", esc(&a.person))
}

/// The agenda: a section per kind, each at most [`AGENDA_CAP`] lines.
pub(super) fn agenda(h: &mut String, s: &Summary, w: &Words) {
    let _ = write!(h, "<section><h2>{}</h2>", w.agenda);
    if s.agenda.is_empty() {
        let _ = write!(h, "<p>{}</p>", w.nothing);
    }
    for kind in AgendaKind::ALL {
        let items: Vec<&AgendaItem> = s.agenda.iter().filter(|a| a.kind == kind).collect();
        let Some(first) = items.first() else { continue };
        let _ = write!(
            h,
            "<h3>{} ({})</h3><ul class=\"agenda\">",
            esc(&agenda_heading(kind, &first.detail, s.lang)),
            items.len()
        );
        for a in items.iter().take(AGENDA_CAP) {
            h.push_str(&agenda_line(a, s.lang));
        }
        if items.len() > AGENDA_CAP {
            let _ = write!(
                h,
                "<li class=\"more\">{}</li>",
                more(items.len() - AGENDA_CAP, s.lang)
            );
        }
        h.push_str("</ul>");
    }
    h.push_str("</section>");
}
