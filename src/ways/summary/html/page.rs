//! The summary as one self-contained HTML document: inline CSS and SVG, no script,
//! no external resource, A4 print rules (a page per person, a header with the period
//! and "vertrouwelijk" and page numbers on every page).
//!
//! Every piece of user text passes through [`esc`]; everything else on the page is
//! ours. The page is made for Chromium/WebKit printing: CSS `@page` margin boxes
//! carry the header and footer.

use std::fmt::Write;

use chrono::Datelike;

use super::words::date;
use super::words::hours;
use super::words::mode_name;
use super::words::support_name;
use super::words::{esc, Words, EN, NL};
use super::{agenda, person};
use crate::ground::lang::Lang;
use crate::ground::numbers;
use crate::ways::redact::Level;
use crate::ways::summary::model::Summary;

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
        numbers::number(s.totals.contacts, lang),
        w.contacts(s.totals.contacts),
        numbers::number(s.totals.people, lang),
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
            numbers::number(*n, lang)
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
            numbers::number(*n, lang)
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
