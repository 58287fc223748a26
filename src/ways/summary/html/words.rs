//! The words of the summary page in both languages, and the small helpers that write
//! user text, dates, hours and names of the vocabularies into it, always escaped.

use chrono::NaiveDate;

use crate::ground::calendar::dutch_date;
use crate::ground::lang::Lang;
use crate::ground::numbers;
use crate::ground::vocab::{BridgeKind, Context, Mode, Support};

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub(in crate::ways::summary) struct Words {
    pub(in crate::ways::summary) title: &'static str,
    pub(in crate::ways::summary) confidential: &'static str,
    pub(in crate::ways::summary) made: &'static str,
    pub(in crate::ways::summary) page: &'static str,
    pub(in crate::ways::summary) of: &'static str,
    pub(in crate::ways::summary) agenda: &'static str,
    pub(in crate::ways::summary) nothing: &'static str,
    pub(in crate::ways::summary) totals: &'static str,
    pub(in crate::ways::summary) contact: &'static str,
    pub(in crate::ways::summary) contacts: &'static str,
    pub(in crate::ways::summary) person: &'static str,
    pub(in crate::ways::summary) people: &'static str,
    pub(in crate::ways::summary) hour: &'static str,
    pub(in crate::ways::summary) hours: &'static str,
    pub(in crate::ways::summary) support: &'static str,
    pub(in crate::ways::summary) mode: &'static str,
    pub(in crate::ways::summary) date: &'static str,
    pub(in crate::ways::summary) week: &'static str,
    pub(in crate::ways::summary) minutes: &'static str,
    pub(in crate::ways::summary) notes: &'static str,
    pub(in crate::ways::summary) own_words: &'static str,
    pub(in crate::ways::summary) wishes: &'static str,
    pub(in crate::ways::summary) strengths: &'static str,
    pub(in crate::ways::summary) plan: &'static str,
    pub(in crate::ways::summary) rated: &'static str,
    pub(in crate::ways::summary) bridge: &'static str,
    pub(in crate::ways::summary) checkins: &'static str,
    pub(in crate::ways::summary) signal: &'static str,
    pub(in crate::ways::summary) signal_note: &'static str,
    pub(in crate::ways::summary) with: &'static str,
    pub(in crate::ways::summary) answer: &'static str,
    pub(in crate::ways::summary) level_code: &'static str,
    pub(in crate::ways::summary) level_alias: &'static str,
    pub(in crate::ways::summary) level_full: &'static str,
    pub(in crate::ways::summary) no_notes: &'static str,
}

pub(in crate::ways::summary) const NL: Words = Words {
    title: "Samenvatting voor het teamoverleg",
    confidential: "VERTROUWELIJK",
    made: "gemaakt op",
    page: "pagina",
    of: "van",
    agenda: "Agenda: wat aandacht vraagt",
    nothing: "Niets dat om aandacht vraagt.",
    totals: "In deze periode",
    contact: "contactmoment",
    contacts: "contactmomenten",
    person: "persoon",
    people: "personen",
    hour: "uur",
    hours: "uur",
    support: "Soort steun",
    mode: "Vorm",
    date: "Datum",
    week: "week",
    minutes: "min",
    notes: "Notities voor het teamoverleg",
    own_words: "In eigen woorden",
    wishes: "Wensen en doelen",
    strengths: "Krachten",
    plan: "Eigen plan",
    rated: "volgens henzelf",
    bridge: "Brugnotities",
    checkins: "Open check-ins",
    signal: "signaal",
    signal_note: "Signaal",
    with: "met",
    answer: "Antwoord",
    level_code: "Personen staan er met een code in.",
    level_alias: "Personen staan er met hun alias in.",
    level_full: "Personen staan er met hun volledige naam in.",
    no_notes: "Geen notities gemarkeerd voor het teamoverleg.",
};

pub(in crate::ways::summary) const EN: Words = Words {
    title: "Summary for the team consult",
    confidential: "CONFIDENTIAL",
    made: "made on",
    page: "page",
    of: "of",
    agenda: "Agenda: what needs attention",
    nothing: "Nothing that needs attention.",
    totals: "In this period",
    contact: "contact",
    contacts: "contacts",
    person: "person",
    people: "people",
    hour: "hour",
    hours: "hours",
    support: "Support",
    mode: "Mode",
    date: "Date",
    week: "week",
    minutes: "min",
    notes: "Notes for the team consult",
    own_words: "In their own words",
    wishes: "Wishes and goals",
    strengths: "Strengths",
    plan: "Own plan",
    rated: "in their own view",
    bridge: "Bridge notes",
    checkins: "Open check-ins",
    signal: "signal",
    signal_note: "Signal",
    with: "with",
    answer: "Answer",
    level_code: "People appear by code.",
    level_alias: "People appear by alias.",
    level_full: "People appear by full name.",
    no_notes: "No notes marked for the team consult.",
};

impl Words {
    pub(in crate::ways::summary) fn contacts(&self, n: i64) -> &'static str {
        if n == 1 {
            self.contact
        } else {
            self.contacts
        }
    }

    pub(in crate::ways::summary) fn people(&self, n: i64) -> &'static str {
        if n == 1 {
            self.person
        } else {
            self.people
        }
    }

    pub(in crate::ways::summary) fn hours(&self, minutes: i64) -> &'static str {
        if minutes == 60 {
            self.hour
        } else {
            self.hours
        }
    }
}

/// Minutes as hours with one decimal, the language's way: "3,8" or "3.8".
pub(in crate::ways::summary) fn hours(minutes: i64, lang: Lang) -> String {
    numbers::decimal(minutes as f64 / 60.0, 1, lang)
}

pub(in crate::ways::summary) fn date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Nl => dutch_date(d),
        Lang::En => d.format("%a %-d %b %Y").to_string(),
    }
}

pub(in crate::ways::summary) fn support_name(s: Support, lang: Lang) -> &'static str {
    s.label(lang)
}

pub(in crate::ways::summary) fn mode_name(m: Mode, lang: Lang) -> &'static str {
    m.label(lang)
}

pub(in crate::ways::summary) fn context_name(c: Context, lang: Lang) -> &'static str {
    c.label(lang)
}

pub(in crate::ways::summary) fn bridge_kind(k: BridgeKind, lang: Lang) -> &'static str {
    k.label(lang)
}

/// Keeps the author's paragraphs: blank lines split paragraphs, single newlines break.
pub(in crate::ways::summary) fn paragraphs(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .map(|p| format!("<p>{}</p>", esc(p.trim()).replace('\n', "<br>")))
        .collect()
}
