//! The summary as one self-contained HTML document: inline CSS and SVG, no script,
//! no external resource, A4 print rules (a page per person, a header with the period
//! and "vertrouwelijk" and page numbers on every page).
//!
//! Every piece of user text passes through [`esc`]; everything else on the page is
//! ours. The page is made for Chromium/WebKit printing: CSS `@page` margin boxes
//! carry the header and footer.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

mod agenda;
mod person;

pub use agenda::AGENDA_CAP;
pub use person::CONTACT_ROWS;

use super::{Level, Summary};
use crate::error::Lang;
use crate::model::{BridgeKind, Context, Mode, Support};
use crate::text;
use crate::time::dutch_date;

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

struct Words {
    title: &'static str,
    confidential: &'static str,
    made: &'static str,
    page: &'static str,
    of: &'static str,
    agenda: &'static str,
    nothing: &'static str,
    totals: &'static str,
    contact: &'static str,
    contacts: &'static str,
    person: &'static str,
    people: &'static str,
    hour: &'static str,
    hours: &'static str,
    support: &'static str,
    mode: &'static str,
    date: &'static str,
    week: &'static str,
    minutes: &'static str,
    notes: &'static str,
    own_words: &'static str,
    wishes: &'static str,
    strengths: &'static str,
    bridge: &'static str,
    checkins: &'static str,
    signal: &'static str,
    signal_note: &'static str,
    with: &'static str,
    answer: &'static str,
    level_code: &'static str,
    level_alias: &'static str,
    level_full: &'static str,
    no_notes: &'static str,
}

const NL: Words = Words {
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

const EN: Words = Words {
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
    fn contacts(&self, n: i64) -> &'static str {
        if n == 1 {
            self.contact
        } else {
            self.contacts
        }
    }

    fn people(&self, n: i64) -> &'static str {
        if n == 1 {
            self.person
        } else {
            self.people
        }
    }

    fn hours(&self, minutes: i64) -> &'static str {
        if minutes == 60 {
            self.hour
        } else {
            self.hours
        }
    }
}

/// Minutes as hours with one decimal, the language's way: "3,8" or "3.8".
fn hours(minutes: i64, lang: Lang) -> String {
    text::decimal(minutes as f64 / 60.0, 1, lang)
}

fn date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Nl => dutch_date(d),
        Lang::En => d.format("%a %-d %b %Y").to_string(),
    }
}

fn support_name(s: Support, lang: Lang) -> &'static str {
    s.label(lang)
}

fn mode_name(m: Mode, lang: Lang) -> &'static str {
    m.label(lang)
}

fn context_name(c: Context, lang: Lang) -> &'static str {
    c.label(lang)
}

fn bridge_kind(k: BridgeKind, lang: Lang) -> &'static str {
    k.label(lang)
}

/// Keeps the author's paragraphs: blank lines split paragraphs, single newlines break.
fn paragraphs(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .map(|p| format!("<p>{}</p>", esc(p.trim()).replace('\n', "<br>")))
        .collect()
}

// One family and its generic: each family named that the machine lacks costs WebKit a
// fontconfig lookup for every size and weight used, and the summary uses many; with
// the longer list the first preview spent ~200 ms more. system-ui is Segoe UI on
// Windows, the system font on macOS and the desktop's font on Linux.
//
// Few sizes and weights, on purpose: WebKit looks up a font for every distinct
// (size, weight, style) the page uses, the first time it meets it, and with Skia on
// Linux each lookup walks the desktop font's whole fallback list (210 families on a
// stock Debian, about 8 ms each on a slow laptop). The page uses six: the text at
// 10.5pt in regular, semibold and italic, the small print at 9pt, and two heading
// sizes; headings below h2 and every bold are the text's semibold.
const CSS: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 system-ui, sans-serif; color: #111; margin: 0; }
b, th, h1, h2, h3, .conf { font-weight: 600; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 13.5pt; margin: 0 0 3mm; border-bottom: 0.6pt solid #444; padding-bottom: 1.5mm; }
h3 { font-size: 10.5pt; margin: 5mm 0 1.5mm; }
p { margin: 0 0 2mm; }
.meta { color: #333; margin-bottom: 5mm; }
.conf { letter-spacing: 0.08em; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; }
th, td { text-align: left; padding: 1mm 2mm 1mm 0; vertical-align: top; border-bottom: 0.3pt solid #bbb; }
th { border-bottom: 0.6pt solid #444; }
td.n, th.n { text-align: right; }
.totals { display: flex; gap: 10mm; margin: 2mm 0 4mm; }
.totals div b { font-size: 13.5pt; display: block; }
.cols { display: flex; gap: 8mm; }
.cols > div { flex: 1; }
ul.agenda { padding-left: 5mm; margin: 0 0 4mm; }
ul.agenda li { margin-bottom: 1mm; }
ul.agenda li.more { list-style: none; font-style: italic; }
.sn, .note .when, .tag, .chart { font-size: 9pt; font-weight: 400; font-style: normal; }
.sn { margin: 0.5mm 0 0 0; }
.note { margin: 0 0 3mm; padding-left: 3mm; border-left: 1.2pt solid #666; break-inside: avoid; }
.note .when { color: #333; margin-bottom: 0.5mm; }
blockquote { margin: 1mm 0 2mm 3mm; font-style: italic; }
.person { break-before: page; }
.tag { border: 0.5pt solid #555; border-radius: 2pt; padding: 0 1.2mm; margin-left: 1mm; }
.chart { color: #333; margin: 1mm 0 0; break-inside: avoid; }
.chart .plot { position: relative; }
.chart svg { display: block; }
.chart .max { position: absolute; left: 0; top: 0; text-align: right; padding-right: 1mm; line-height: 1; }
.chart .ticks { display: flex; }
.chart .ticks span { flex: 1 1 0; text-align: center; }
.chart .legend { display: flex; flex-wrap: wrap; gap: 1mm 8mm; margin-top: 2mm; }
.chart .legend svg { display: inline; width: 2.6mm; height: 2.6mm; margin-right: 1.5mm; vertical-align: -0.3mm; }
@media screen {
  body { max-width: 190mm; margin: 8mm auto; padding: 0 6mm; }
  .person { border-top: 1pt dashed #888; margin-top: 10mm; padding-top: 6mm; }
  /* A busy quarter is a long document: on screen, a person's pages are laid out
     only when scrolled near (print lays out everything, as always). */
  .person { content-visibility: auto; contain-intrinsic-size: auto 900px; }
}
"#;

/// The print page: A4, with the header and page numbers in the margin boxes. The
/// strings are ours (title, dates), quoted for CSS all the same.
fn page_rule(head: &str, w: &Words) -> String {
    let q = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let small =
        "font-family: system-ui, sans-serif; font-size: 9pt; font-weight: 400; color: #333;";
    format!(
        "@page {{ size: A4; margin: 18mm 16mm 16mm 16mm; \
         @top-left {{ content: {}; {small} }} \
         @top-right {{ content: {}; {small} font-weight: 600; letter-spacing: 0.08em; }} \
         @bottom-right {{ content: {} \" \" counter(page) \" \" {} \" \" counter(pages); {small} }} }}",
        q(head),
        q(w.confidential),
        q(w.page),
        q(w.of)
    )
}

/// Renders the whole document.
pub fn render(s: &Summary) -> String {
    let w = match s.lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    };
    let lang = s.lang;
    let period = format!("{} – {}", date(s.from, lang), date(s.to, lang));
    let weeks = format!(
        "{} {}–{}",
        match lang {
            Lang::Nl => "week",
            Lang::En => "weeks",
        },
        s.from.iso_week().week(),
        s.to.iso_week().week()
    );
    let mut h = String::with_capacity(64 * 1024);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} · {}</title><style>{CSS}{}</style></head><body>",
        match lang {
            Lang::Nl => "nl",
            Lang::En => "en",
        },
        w.title,
        esc(&period),
        page_rule(&format!("Naast · {} · {period}", w.title), w)
    );
    let level = match s.level {
        Level::Code => w.level_code,
        Level::Alias => w.level_alias,
        Level::Full => w.level_full,
    };
    let _ = write!(
        h,
        "<header><h1>{}</h1><p class=\"meta\">{} ({weeks}) · {} {} · <span class=\"conf\">{}</span><br>{level}</p></header>",
        w.title,
        esc(&period),
        w.made,
        date(s.made_on, lang),
        w.confidential
    );

    // The agenda first: what asks for the team's attention.
    agenda::agenda(&mut h, s, w);

    // Totals, the two breakdowns and the chart.
    let _ = write!(
        h,
        "<section><h2>{}</h2><div class=\"totals\"><div><b>{}</b>{}</div><div><b>{}</b>{}</div><div><b>{}</b>{}</div></div><div class=\"cols\"><div><table><tr><th>{}</th><th class=\"n\">#</th></tr>",
        w.totals,
        text::number(s.totals.contacts, lang),
        w.contacts(s.totals.contacts),
        text::number(s.totals.people, lang),
        w.people(s.totals.people),
        hours(s.totals.minutes, lang),
        w.hours(s.totals.minutes),
        w.support
    );
    for (t, n) in &s.by_support {
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"n\">{}</td></tr>",
            support_name(*t, lang),
            text::number(*n, lang)
        );
    }
    let _ = write!(
        h,
        "</table></div><div><table><tr><th>{}</th><th class=\"n\">#</th></tr>",
        w.mode
    );
    for (m, n) in &s.by_mode {
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"n\">{}</td></tr>",
            mode_name(*m, lang),
            text::number(*n, lang)
        );
    }
    h.push_str("</table></div></div>");
    h.push_str(&s.chart.html(lang));
    h.push_str("</section>");

    for p in &s.persons {
        person::person(&mut h, p, w, lang);
    }
    h.push_str("</body></html>\n");
    h
}
