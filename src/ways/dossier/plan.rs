//! The person's own plan in their readable dossier: each goal in their words, why,
//! their steps, who helps, where it stands (reached and let go said alike, never as
//! a failure), and every rating they gave, in a table.

use std::fmt::Write;

use crate::ground::calendar;
use crate::ground::lang::Lang;
use crate::records::goal::Goal;
use crate::ways::summary::html::esc;

fn t(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// Appends the section "Jouw plan" to the dossier's page. Printed, it starts a page
/// of its own (`h2.plan`), so the supporter can hand the plan over apart.
pub(super) fn render(o: &mut String, plan: &[Goal], lang: Lang) {
    let _ = write!(
        o,
        "<h2 class=\"plan\">{}</h2>",
        esc(t(lang, "Jouw plan", "Your plan"))
    );
    if plan.is_empty() {
        let _ = write!(
            o,
            "<p class=\"muted\">{}</p>",
            esc(t(lang, "Geen doelen.", "No goals."))
        );
        return;
    }
    for g in plan {
        let _ = write!(
            o,
            "<article><h3>{}</h3><p class=\"muted\">{}</p>",
            esc(&g.text),
            esc(g.status.words(lang))
        );
        line(o, t(lang, "Waarom:", "Why:"), &g.why);
        line(o, t(lang, "Eerste stappen:", "First steps:"), &g.steps);
        let helpers: Vec<&str> = g
            .helpers
            .iter()
            .map(|h| match h.member_id {
                Some(_) => h.name.as_str(),
                None => t(lang, "je ervaringsdeskundige", "your peer supporter"),
            })
            .collect();
        line(o, t(lang, "Wie helpt:", "Who helps:"), &helpers.join(", "));
        if !g.ratings.is_empty() {
            let _ = write!(
                o,
                "<table><caption>{}</caption><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
                esc(t(
                    lang,
                    "Hoe ver je bent, volgens jezelf",
                    "How far you are, in your own view"
                )),
                esc(t(lang, "Datum", "Date")),
                esc(t(lang, "Cijfer (0–10)", "Score (0–10)")),
                esc(t(lang, "In jouw woorden", "In your words")),
            );
            for r in &g.ratings {
                let _ = write!(
                    o,
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&calendar::dutch_date(r.on)),
                    r.score,
                    esc(&r.words)
                );
            }
            o.push_str("</table>");
        }
        o.push_str("</article>");
    }
}

fn line(o: &mut String, label: &str, text: &str) {
    if !text.trim().is_empty() {
        let _ = write!(
            o,
            "<p><span class=\"label\">{}</span> {}</p>",
            esc(label),
            esc(text.trim())
        );
    }
}
