//! A made-up summary with one of every part the page can have, for warming the
//! webview before the first real preview.
//!
//! The first time a page uses a font size, weight or style, WebKit asks the system
//! for that font, and with Skia on Linux each question walks the desktop font's
//! whole fallback list (210 families on a stock Debian): about 10 ms apiece on a
//! slow laptop, and most of the gap between the first preview after starting and
//! the ones after it. The Consult screen loads this page in a hidden frame while
//! the user picks a period, so the real preview finds every font ready.
//!
//! Nothing here comes from the vault: the labels are "VB" codes (voorbeeld), the
//! words are invented, and the page never leaves the app.

use chrono::{Duration, NaiveDate};

use super::chart::Chart;
use super::model::{
    AgendaItem, AgendaKind, BridgeRow, ContactRow, GoalRow, LatestRating, PersonPage, Summary,
    Totals,
};
use crate::ground::lang::Lang;
use crate::ground::vocab::{BridgeKind, Context, Mode, Status, Support};
use crate::ways::redact::Level;

/// The specimen for the quarter ending `today`, in `lang`, as a whole HTML page.
pub fn html(lang: Lang, today: NaiveDate) -> String {
    super::html::render(&specimen(lang, today))
}

fn specimen(lang: Lang, today: NaiveDate) -> Summary {
    let from = today - Duration::days(90);
    let t = |nl: &'static str, en: &'static str| match lang {
        Lang::Nl => nl.to_string(),
        Lang::En => en.to_string(),
    };
    let note = t("Voorbeeldnotitie.", "Example note.");
    let contact = |days: i64, signal: bool, noted: bool| ContactRow {
        date: today - Duration::days(days),
        time: "10:00".into(),
        minutes: 45,
        mode: Mode::ALL[days as usize % Mode::ALL.len()],
        support: Support::ALL.to_vec(),
        for_consult: noted,
        signal,
        with: if noted {
            vec!["VB02".into()]
        } else {
            Vec::new()
        },
        note: noted.then(|| note.clone()),
        own_words: noted.then(|| t("Eigen woorden.", "Own words.")),
        signal_note: (noted && signal).then(|| note.clone()),
    };
    let bridge = |answered: bool| BridgeRow {
        recipient: t("psychiater", "psychiatrist"),
        kind: BridgeKind::Question,
        status: if answered {
            Status::Answered
        } else {
            Status::Shared
        },
        shared_on: Some(today - Duration::days(20)),
        answered,
        text: note.clone(),
        client_voice: t("Eigen woorden.", "Own words."),
        answer: if answered {
            note.clone()
        } else {
            String::new()
        },
    };
    let person = |label: &str, contacts: Vec<ContactRow>| PersonPage {
        label: label.into(),
        context: Context::Client,
        wishes: t("Een wens.", "A wish."),
        strengths: t("Een kracht.", "A strength."),
        minutes: contacts.iter().map(|c| c.minutes).sum(),
        signals: contacts
            .iter()
            .filter(|c| c.signal)
            .map(|c| c.date)
            .collect(),
        contacts,
        bridge_notes: vec![bridge(true), bridge(false)],
        open_checkins: vec![(today - Duration::days(3), note.clone())],
        stagnant: false,
        goals: vec![GoalRow {
            text: note.clone(),
            status: crate::records::goal::Status::Working,
            latest: Some(LatestRating {
                on: today - Duration::days(3),
                score: 6,
                words: note.clone(),
            }),
        }],
    };
    // A short page lists each contact, a long one lists weeks: one of each.
    let short = vec![contact(2, true, true), contact(9, false, false)];
    let long: Vec<ContactRow> = (0..=super::html::CONTACT_ROWS as i64)
        .map(|i| contact(i * 4, i == 0, i == 0))
        .collect();
    let chart = Chart::of(
        from,
        today,
        short
            .iter()
            .chain(&long)
            .map(|c| (c.date, c.support.as_slice())),
    );
    let agenda = [
        AgendaKind::Signal,
        AgendaKind::Stagnation,
        AgendaKind::UnansweredBridge,
        AgendaKind::OverdueCheckIn,
    ]
    .into_iter()
    // One kind longer than the agenda shows, for its "en 1 meer" line.
    .flat_map(|kind| {
        let n = if kind == AgendaKind::Signal {
            super::html::AGENDA_CAP + 1
        } else {
            1
        };
        std::iter::repeat_n(kind, n)
    })
    .map(|kind| AgendaItem {
        kind,
        person: "VB01".into(),
        count: 2,
        date: Some(today - Duration::days(2)),
        detail: t("psychiater", "psychiatrist"),
        note: (kind == AgendaKind::Signal).then(|| note.clone()),
    })
    .collect();
    let persons = vec![person("VB01", short), person("VB02", long)];
    Summary {
        from,
        to: today,
        made_on: today,
        lang,
        level: Level::Code,
        totals: Totals {
            contacts: persons.iter().map(|p| p.contacts.len() as i64).sum(),
            people: persons.len() as i64,
            minutes: persons.iter().map(|p| p.minutes).sum(),
        },
        by_support: Support::ALL.iter().map(|s| (*s, 1)).collect(),
        by_mode: Mode::ALL.iter().map(|m| (*m, 1)).collect(),
        chart,
        agenda,
        persons,
        person_ids: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The specimen only warms what it shows: every class the page's style sheet
    /// gives a font of its own must be on the specimen page, or the first preview
    /// meets that font cold again. Breaks when the style sheet gains a class the
    /// specimen lacks.
    #[test]
    fn the_specimen_uses_every_styled_class() {
        for lang in [Lang::Nl, Lang::En] {
            let page = html(lang, NaiveDate::from_ymd_opt(2026, 12, 6).unwrap());
            let css = &page[page.find("<style>").unwrap()..page.find("</style>").unwrap()];
            let body = &page[page.find("<body>").unwrap()..];
            let mut classes: Vec<&str> = css
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'))
                .flat_map(|w| w.split('.').skip(1))
                .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
                .collect();
            classes.sort_unstable();
            classes.dedup();
            assert!(classes.len() > 10, "{classes:?}");
            for class in classes {
                assert!(
                    body.contains(&format!("class=\"{class}\"")),
                    "no element of class {class} on the specimen page"
                );
            }
            for tag in [
                "<h1>",
                "<h2>",
                "<h3>",
                "<b>",
                "<th>",
                "<blockquote>",
                "<table>",
            ] {
                assert!(body.contains(tag), "no {tag} on the specimen page");
            }
        }
    }
}
