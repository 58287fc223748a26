//! The hours overview as one printable page: A4 landscape, one table, no script and
//! nothing from outside. A year by month or a quarter by week fits on one page.

use std::fmt::Write;

use super::model::{By, Overview, Period};
use crate::ground::calendar::dutch_date;
use crate::ground::lang::Lang;
use crate::ground::vocab::{Context, Mode, Support};

/// Hours the Dutch way ("1,5") or the English way ("1.5"); nothing for zero, so the
/// numbers that matter stand out.
fn hours(h: f64, lang: Lang) -> String {
    if h == 0.0 {
        return String::new();
    }
    let s = format!("{h:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s.to_string(),
    }
}

fn row(out: &mut String, p: &Period, lang: Lang, total: bool) {
    let tag = if total { "th" } else { "td" };
    let _ = write!(
        out,
        "<tr{}><th scope=\"row\">{}</th><{tag}>{}</{tag}><{tag}>{}</{tag}>",
        if total { " class=\"total\"" } else { "" },
        crate::ways::summary::html::esc(&p.label),
        p.contacts,
        hours(p.hours, lang)
    );
    for h in p
        .support
        .values()
        .chain(p.mode.values())
        .chain(p.context.values())
    {
        let _ = write!(out, "<{tag}>{}</{tag}>", hours(*h, lang));
    }
    out.push_str("</tr>\n");
}

/// The whole page.
pub fn render(o: &Overview) -> String {
    let lang = o.lang;
    let nl = lang == Lang::Nl;
    let t = |n: &'static str, e: &'static str| if nl { n } else { e };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>\
         @page {{ size: A4 landscape; margin: 12mm; }}\
         body {{ font-family: system-ui, sans-serif; font-size: 9pt; color: #111; margin: 0; }}\
         h1 {{ font-size: 13.5pt; margin: 0 0 2mm; }}\
         p {{ margin: 0 0 2mm; }}\
         table {{ border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }}\
         th, td {{ border-bottom: 1px solid #ccc; padding: 1.2mm 1.5mm; text-align: right; }}\
         thead th {{ font-weight: 600; vertical-align: bottom; }}\
         thead tr.group th {{ text-align: center; border-bottom: 1px solid #555; }}\
         tbody th {{ text-align: left; font-weight: normal; white-space: nowrap; }}\
         tr.total th, tr.total td {{ font-weight: 600; border-top: 2px solid #555; }}\
         .note {{ color: #444; margin-top: 3mm; }}\
         </style></head><body>",
        if nl { "nl" } else { "en" },
        t("Urenoverzicht", "Hours overview")
    );
    let _ = write!(
        out,
        "<h1>{} {} – {}</h1><p>{} {}. {}</p>",
        t("Urenoverzicht", "Hours overview"),
        dutch_date(o.from),
        dutch_date(o.to),
        t("Per", "By"),
        match (o.by, nl) {
            (By::Week, true) => "week",
            (By::Week, false) => "week",
            (By::Month, true) => "maand",
            (By::Month, false) => "month",
        },
        t(
            "Zonder namen of codes: alleen aantallen en uren.",
            "Without names or codes: only counts and hours."
        )
    );
    let (ns, nm, nc) = (Support::ALL.len(), Mode::ALL.len(), Context::ALL.len());
    let _ = write!(
        out,
        "<table><thead><tr class=\"group\"><th colspan=\"3\"></th>\
         <th colspan=\"{ns}\" scope=\"colgroup\">{}</th><th colspan=\"{nm}\" scope=\"colgroup\">{}</th>\
         <th colspan=\"{nc}\" scope=\"colgroup\">{}</th></tr><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th>",
        t("Soort steun (uren)", "Support (hours)"),
        t("Vorm (uren)", "Mode (hours)"),
        t("Met wie (uren)", "With whom (hours)"),
        t("Periode", "Period"),
        t("Contact&shy;momenten", "Contacts"),
        t("Uren", "Hours"),
    );
    for w in Support::ALL
        .iter()
        .map(|x| x.label(lang))
        .chain(Mode::ALL.iter().map(|x| x.label(lang)))
        .chain(Context::ALL.iter().map(|x| x.label(lang)))
    {
        let _ = write!(
            out,
            "<th scope=\"col\">{}</th>",
            crate::ways::summary::html::esc(w)
        );
    }
    out.push_str("</tr></thead><tbody>\n");
    for p in &o.periods {
        row(&mut out, p, lang, false);
    }
    row(&mut out, &o.total, lang, true);
    let _ = write!(
        out,
        "</tbody></table><p class=\"note\">{}</p></body></html>",
        t(
            "Een contactmoment telt één keer. Heeft het twee soorten steun, dan telt de tijd voor de helft bij elk; zo ook bij een groep met mensen uit verschillende contexten. Zo tellen de kolommen per groep op tot de uren.",
            "A contact counts once. With two kinds of support, its time counts half for each; likewise for a group with people of different contexts. So each group of columns adds up to the hours."
        )
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_read_the_dutch_way_and_zero_is_left_empty() {
        assert_eq!(hours(1.5, Lang::Nl), "1,5");
        assert_eq!(hours(1.5, Lang::En), "1.5");
        assert_eq!(hours(2.0, Lang::Nl), "2");
        assert_eq!(hours(0.38, Lang::Nl), "0,38");
        assert_eq!(hours(0.0, Lang::Nl), "");
    }
}
