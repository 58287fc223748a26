//! The words of "Mijn plan", in the person's own voice: "ik", "mijn", never "de
//! cliënt". Dutch first, English second.

use chrono::{Datelike, NaiveDate};

use crate::ground::lang::Lang;
use crate::records::goal::Status;

pub(super) struct Words {
    pub title: &'static str,
    pub of: &'static str,
    pub printed: &'static str,
    pub intro: &'static str,
    pub want: &'static str,
    pub why: &'static str,
    pub steps: &'static str,
    pub helps: &'static str,
    pub supporter: &'static str,
    pub how: &'static str,
    pub date: &'static str,
    pub score: &'static str,
    pub my_words: &'static str,
    pub out_of: &'static str,
    pub reached: &'static str,
    pub let_go: &'static str,
    pub let_go_intro: &'static str,
    pub mark: &'static str,
    pub page: &'static str,
    pub page_of: &'static str,
}

pub(super) const NL: Words = Words {
    title: "Mijn plan",
    of: "van",
    printed: "geprint op",
    intro: "Wat ik wil bereiken, in mijn eigen woorden, en hoe het volgens mij gaat.",
    want: "Wat ik wil",
    why: "Waarom dat voor mij telt",
    steps: "Mijn eerste stappen",
    helps: "Wie helpt",
    supporter: "mijn ervaringsdeskundige",
    how: "Hoe het gaat, volgens mij",
    date: "Datum",
    score: "Mijn cijfer",
    my_words: "In mijn woorden",
    out_of: "van de 10",
    reached: "Wat ik bereikt heb",
    let_go: "Wat ik heb losgelaten",
    let_go_intro: "Loslaten hoort er ook bij.",
    mark: "Persoonlijk",
    page: "pagina",
    page_of: "van",
};

pub(super) const EN: Words = Words {
    title: "My plan",
    of: "by",
    printed: "printed on",
    intro: "What I want to reach, in my own words, and how it is going in my view.",
    want: "What I want",
    why: "Why it matters to me",
    steps: "My first steps",
    helps: "Who helps",
    supporter: "my peer supporter",
    how: "How it is going, in my view",
    date: "Date",
    score: "My score",
    my_words: "In my words",
    out_of: "out of 10",
    reached: "What I have reached",
    let_go: "What I have let go",
    let_go_intro: "Letting go is part of it too.",
    mark: "Personal",
    page: "page",
    page_of: "of",
};

pub(super) fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// A day written out in full, as a letter would: "6 december 2026".
pub(super) fn long_date(d: NaiveDate, lang: Lang) -> String {
    const NL_MONTHS: [&str; 12] = [
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
    match lang {
        Lang::Nl => format!(
            "{} {} {}",
            d.day(),
            NL_MONTHS[d.month0() as usize],
            d.year()
        ),
        Lang::En => d.format("%-d %B %Y").to_string(),
    }
}

/// How often the supporter and the person worked on it together (the contacts that
/// touched it): "3 keer samen aan gewerkt".
pub(super) fn together(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Nl, _) => format!("{n} keer samen aan gewerkt"),
        (Lang::En, 1) => "worked on together once".into(),
        (Lang::En, _) => format!("worked on together {n} times"),
    }
}

/// One step in a goal's history, said by the person: "begonnen op", "bereikt op".
pub(super) fn step(status: Status, first: bool, lang: Lang) -> &'static str {
    match (status, first, lang) {
        (Status::Working, true, Lang::Nl) => "begonnen op",
        (Status::Working, true, Lang::En) => "started on",
        (Status::Working, false, Lang::Nl) => "weer opgepakt op",
        (Status::Working, false, Lang::En) => "picked up again on",
        (Status::Reached, _, Lang::Nl) => "bereikt op",
        (Status::Reached, _, Lang::En) => "reached on",
        (Status::LetGo, _, Lang::Nl) => "losgelaten op",
        (Status::LetGo, _, Lang::En) => "let go on",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_written_out_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 6).unwrap();
        assert_eq!(long_date(d, Lang::Nl), "6 maart 2026");
        assert_eq!(long_date(d, Lang::En), "6 March 2026");
    }
}
