//! The dossier as a readable A4 document for the person: plain words, every note in
//! full, one self-contained page with no script and no outside reference. Every piece
//! of their text passes through `esc`.

use std::fmt::Write;

use super::load::Dossier;
use crate::ground::calendar;
use crate::ground::lang::Lang;
use crate::ground::vocab::{Context, Initiative, Mode, Support};
use crate::ways::summary::html::esc;

fn t(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

fn when(ts: i64) -> String {
    let l = calendar::local(ts);
    format!(
        "{} {}",
        calendar::dutch_date(l.date_naive()),
        l.format("%H:%M")
    )
}

fn mode(m: Mode, lang: Lang) -> &'static str {
    m.label(lang)
}

fn support(s: Support, lang: Lang) -> &'static str {
    s.label(lang)
}

/// Not the vocabulary's own words: the export speaks to the person themself ("jij").
fn initiative(i: Initiative, lang: Lang) -> &'static str {
    match (i, lang) {
        (Initiative::Person, Lang::Nl) => "jij",
        (Initiative::Me, Lang::Nl) => "je ervaringsdeskundige",
        (Initiative::Other, Lang::Nl) => "iemand anders",
        (Initiative::Person, Lang::En) => "you",
        (Initiative::Me, Lang::En) => "your peer supporter",
        (Initiative::Other, Lang::En) => "someone else",
    }
}

fn context(c: Context, lang: Lang) -> &'static str {
    c.label(lang)
}

fn para(out: &mut String, label: &str, text: &str) {
    if !text.trim().is_empty() {
        let _ = write!(
            out,
            "<p><span class=\"label\">{}</span> {}</p>",
            esc(label),
            esc(text.trim())
        );
    }
}

const STYLE: &str = "@page{size:A4;margin:18mm 16mm}body{font:11pt/1.5 system-ui,'DejaVu Sans',sans-serif;color:#1d2321;max-width:44rem;margin:auto}h1{font-size:18pt;margin:0 0 .3rem}h2{font-size:13pt;margin:1.6rem 0 .4rem;border-bottom:1px solid #ccd;padding-bottom:.2rem}h3{font-size:11pt;margin:1rem 0 .2rem}.muted,.label{color:#56605c}.label{font-weight:600}blockquote{margin:.3rem 0;padding-left:.7rem;border-left:3px solid #165e63;font-style:italic}h2.plan{break-before:page}article{break-inside:avoid;margin:.6rem 0 1rem}p{margin:.2rem 0}.note{white-space:pre-wrap}ul{margin:.2rem 0;padding-left:1.2rem}";

pub fn render(d: &Dossier, lang: Lang) -> String {
    let mut o = String::with_capacity(16 * 1024 + d.contacts.len() * 600);
    let p = &d.person;
    let name = if p.full_name.trim().is_empty() {
        p.alias.clone()
    } else {
        format!("{} ({})", p.full_name, p.alias)
    };
    let _ = write!(
        o,
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"color-scheme\" content=\"light\"><title>{}</title><style>{STYLE}</style></head><body>",
        t(lang, "nl", "en"),
        esc(t(lang, "Alles wat Naast over jou bewaart", "Everything Naast keeps about you"))
    );
    let _ = write!(
        o,
        "<h1>{}</h1><p class=\"muted\">{} {} · {}</p><p>{}</p>",
        esc(t(lang, "Alles wat Naast over jou bewaart", "Everything Naast keeps about you")),
        esc(t(lang, "Voor", "For")),
        esc(&name),
        esc(&when(d.made_at)),
        esc(t(
            lang,
            "Dit zijn alle gegevens over jou in het notitieboek van je ervaringsdeskundige: elk contactmoment met de hele notitie, je eigen woorden, je kring, de toestemming die je gaf, de brugnotities met de antwoorden, de check-ins, en wat er over jou is gedeeld of afgedrukt. Waar anderen bij een contactmoment waren, staan zij er niet met naam in.",
            "This is everything about you in your peer supporter's notebook: every contact with the whole note, your own words, your circle, the consent you gave, the bridge notes with their answers, the check-ins, and what was shared or printed about you. Where others were at a contact, they are not named.",
        ))
    );

    let _ = write!(o, "<h2>{}</h2>", esc(t(lang, "Over jou", "About you")));
    para(&mut o, t(lang, "Naam of alias:", "Name or alias:"), &name);
    para(&mut o, t(lang, "Code:", "Code:"), &p.code);
    para(
        &mut o,
        t(lang, "Context:", "Context:"),
        context(p.context, lang),
    );
    para(
        &mut o,
        t(lang, "Wensen en doelen:", "Wishes and goals:"),
        &p.wishes,
    );
    para(&mut o, t(lang, "Krachten:", "Strengths:"), &p.strengths);
    if !p.active {
        para(
            &mut o,
            t(lang, "Status:", "Status:"),
            t(lang, "afgesloten", "closed"),
        );
    }

    let _ = write!(o, "<h2>{}</h2>", esc(t(lang, "Je kring", "Your circle")));
    if d.circle.is_empty() {
        let _ = write!(
            o,
            "<p class=\"muted\">{}</p>",
            esc(t(lang, "Niemand vastgelegd.", "No one recorded."))
        );
    }
    for (formal, title) in [
        (false, t(lang, "Informeel", "Informal")),
        (true, t(lang, "Formeel", "Formal")),
    ] {
        let members: Vec<_> = d.circle.iter().filter(|m| m.formal == formal).collect();
        if members.is_empty() {
            continue;
        }
        let _ = write!(o, "<h3>{}</h3><ul>", esc(title));
        for m in members {
            let _ = write!(
                o,
                "<li>{}{}</li>",
                esc(&m.name),
                if m.role.is_empty() {
                    String::new()
                } else {
                    format!(", {}", esc(&m.role))
                }
            );
        }
        o.push_str("</ul>");
    }

    let _ = write!(o, "<h2>{}</h2>", esc(t(lang, "Toestemming", "Consent")));
    if d.consents.is_empty() {
        let _ = write!(
            o,
            "<p class=\"muted\">{}</p>",
            esc(t(
                lang,
                "Geen toestemming vastgelegd.",
                "No consent recorded."
            ))
        );
    } else {
        o.push_str("<ul>");
        for c in &d.consents {
            let _ = write!(
                o,
                "<li>{} {}: {} {} {} {}{}{}</li>",
                esc(t(lang, "Voor", "For")),
                esc(&c.recipient),
                esc(t(lang, "besproken op", "discussed on")),
                esc(&calendar::dutch_date(c.discussed_on)),
                esc(t(lang, "tot en met", "until")),
                esc(&calendar::dutch_date(c.until)),
                if c.scope.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", esc(&c.scope))
                },
                c.withdrawn_on
                    .map(|w| format!(
                        ", {} {}",
                        esc(t(lang, "ingetrokken op", "withdrawn on")),
                        esc(&calendar::dutch_date(w))
                    ))
                    .unwrap_or_default()
            );
        }
        o.push_str("</ul>");
    }

    let _ = write!(
        o,
        "<h2>{} ({})</h2>",
        esc(t(lang, "Contactmomenten", "Contacts")),
        d.contacts.len()
    );
    for m in &d.contacts {
        let kinds: Vec<&str> = m.support.iter().map(|s| support(*s, lang)).collect();
        let _ = write!(
            o,
            "<article><h3>{}</h3><p class=\"muted\">{} min · {} · {} {} · {}{}</p>",
            esc(&when(m.at)),
            m.minutes,
            esc(mode(m.mode, lang)),
            esc(t(lang, "initiatief:", "initiative:")),
            esc(initiative(m.initiative, lang)),
            esc(&kinds.join(", ")),
            match (m.others, lang) {
                (0, _) => String::new(),
                (1, Lang::Nl) => " · met 1 andere deelnemer".into(),
                (n, Lang::Nl) => format!(" · met {n} andere deelnemers"),
                (1, Lang::En) => " · with 1 other participant".into(),
                (n, Lang::En) => format!(" · with {n} other participants"),
            }
        );
        if !m.note.trim().is_empty() {
            let _ = write!(o, "<p class=\"note\">{}</p>", esc(&m.note));
        }
        if !m.own_words.trim().is_empty() {
            let _ = write!(o, "<blockquote>“{}”</blockquote>", esc(m.own_words.trim()));
        }
        if m.own_experience {
            para(
                &mut o,
                t(lang, "Eigen ervaring ingezet:", "Own experience shared:"),
                if m.own_experience_note.is_empty() {
                    t(lang, "ja", "yes")
                } else {
                    &m.own_experience_note
                },
            );
        }
        if m.signal {
            para(
                &mut o,
                t(lang, "Signaal:", "Signal:"),
                if m.signal_note.is_empty() {
                    t(lang, "ja", "yes")
                } else {
                    &m.signal_note
                },
            );
        }
        if !m.tags.is_empty() {
            para(&mut o, t(lang, "Labels:", "Tags:"), &m.tags.join(", "));
        }
        if let Some(f) = m.follow_up {
            para(
                &mut o,
                t(lang, "Volgende check-in:", "Next check-in:"),
                &calendar::dutch_date(f),
            );
        }
        if m.for_consult {
            para(
                &mut o,
                t(lang, "Voor het teamoverleg:", "For the team consult:"),
                t(lang, "ja", "yes"),
            );
        }
        o.push_str("</article>");
    }

    let _ = write!(
        o,
        "<h2>{}</h2>",
        esc(t(lang, "Brugnotities", "Bridge notes"))
    );
    if d.bridge_notes.is_empty() {
        let _ = write!(
            o,
            "<p class=\"muted\">{}</p>",
            esc(t(lang, "Geen.", "None."))
        );
    }
    for b in &d.bridge_notes {
        let n = &b.note;
        let _ = write!(
            o,
            "<article><h3>{} {} ({})</h3>",
            esc(t(lang, "Aan", "To")),
            esc(&n.recipient),
            esc(&n.role)
        );
        para(
            &mut o,
            t(lang, "Geschreven op:", "Written on:"),
            &when(n.created_at),
        );
        para(&mut o, t(lang, "Status:", "Status:"), n.status.as_str());
        let _ = write!(o, "<p class=\"note\">{}</p>", esc(&n.text));
        if !n.client_voice.trim().is_empty() {
            let _ = write!(
                o,
                "<blockquote>“{}”</blockquote>",
                esc(n.client_voice.trim())
            );
        }
        for s in &b.shares {
            para(
                &mut o,
                t(lang, "Gedeeld:", "Shared:"),
                &format!("{} · {} ({})", when(s.at), s.recipient, s.role),
            );
        }
        para(&mut o, t(lang, "Antwoord:", "Answer:"), &n.answer);
        o.push_str("</article>");
    }

    super::plan::render(&mut o, &d.plan, lang);
    let _ = write!(o, "<h2>{}</h2>", esc(t(lang, "Check-ins", "Check-ins")));
    if d.checkins.is_empty() {
        let _ = write!(
            o,
            "<p class=\"muted\">{}</p>",
            esc(t(lang, "Geen.", "None."))
        );
    } else {
        o.push_str("<ul>");
        for f in &d.checkins {
            let state = match f.done_on {
                Some(done) => format!(
                    "{} {}",
                    t(lang, "gedaan op", "done on"),
                    calendar::dutch_date(done)
                ),
                None => t(lang, "open", "open").to_string(),
            };
            let _ = write!(
                o,
                "<li>{}{} · {}</li>",
                esc(&calendar::dutch_date(f.due)),
                match f.reason(lang) {
                    r if r.is_empty() => String::new(),
                    r => format!(": {}", esc(&r)),
                },
                esc(&state)
            );
        }
        o.push_str("</ul>");
    }

    let _ = write!(
        o,
        "<h2>{}</h2>",
        esc(t(
            lang,
            "Wat er over jou is gedeeld of afgedrukt",
            "What was shared or printed about you"
        ))
    );
    if d.shared_log.is_empty() {
        let _ = write!(
            o,
            "<p class=\"muted\">{}</p>",
            esc(t(lang, "Niets.", "Nothing."))
        );
    } else {
        o.push_str("<ul>");
        for l in &d.shared_log {
            let what = match (l.what.as_str(), lang) {
                ("summary", Lang::Nl) => "samenvatting voor het teamoverleg",
                ("summary", Lang::En) => "team-consult summary",
                ("bridge_note", Lang::Nl) => "brugnotitie",
                ("bridge_note", Lang::En) => "bridge note",
                ("dossier", Lang::Nl) => "dit overzicht",
                ("dossier", Lang::En) => "this overview",
                (other, _) => other,
            };
            let level = l.detail.get("level").and_then(|v| v.as_str()).unwrap_or("");
            let _ = write!(
                o,
                "<li>{}: {} {}{}</li>",
                esc(&when(l.at)),
                esc(what),
                esc(l.action.label(lang)),
                if level.is_empty() {
                    String::new()
                } else {
                    format!(
                        " ({} {})",
                        esc(t(lang, "je stond erin als", "you appeared as")),
                        esc(match level {
                            "code" => t(lang, "code", "code"),
                            "alias" => t(lang, "alias", "alias"),
                            _ => t(lang, "volledige naam", "full name"),
                        })
                    )
                }
            );
        }
        o.push_str("</ul>");
    }
    o.push_str("</body></html>");
    o
}
