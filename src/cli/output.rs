//! How the CLI prints things: JSON shapes (a public interface, so field names are
//! stable) and the plain text a person reads in a terminal.

use naast::ground::calendar;
use naast::reads::search::Hit;
use naast::records::bridge::BridgeNote;
use naast::records::contact::Contact;
use naast::records::followup::FollowUp;
use naast::records::person::Person;
use naast::Lang;
use serde::Serialize;
use serde_json::{json, Value};

use super::ctx::Ctx;

pub fn print_json<T: Serialize>(v: &T) {
    match serde_json::to_string_pretty(v) {
        Ok(s) => println!("{s}"),
        Err(_) => println!("null"),
    }
}

pub fn contact_json(c: &Contact) -> Value {
    json!({
        "id": c.id,
        "at": calendar::rfc3339_local(c.at),
        "at_local": calendar::short_local(c.at),
        "minutes": c.minutes,
        "mode": c.mode,
        "initiative": c.initiative,
        "persons": c.persons.iter().map(|p| p.alias.as_str()).collect::<Vec<_>>(),
        "person_codes": c.persons.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(),
        "support": c.support,
        "tags": c.tags,
        "note": c.note,
        "own_experience": c.own_experience,
        "own_experience_note": c.own_experience_note,
        "own_words": c.own_words,
        "signal": c.signal,
        "signal_note": c.signal_note,
        "follow_up": c.follow_up,
        "for_consult": c.for_consult,
        "signal_for": aliases(c, &c.signal_for),
        "own_words_for": aliases(c, &c.own_words_for),
        "follow_up_for": aliases(c, &c.checkin_for),
        "whose_unsure": c.whose_unsure,
    })
}

/// The aliases of the people in `ids`, as the contact names them.
pub fn aliases<'a>(c: &'a Contact, ids: &[i64]) -> Vec<&'a str> {
    c.persons
        .iter()
        .filter(|p| ids.contains(&p.id))
        .map(|p| p.alias.as_str())
        .collect()
}

pub fn contact_line(c: &Contact) -> String {
    let people: Vec<&str> = c.persons.iter().map(|p| p.alias.as_str()).collect();
    let support: Vec<&str> = c.support.iter().map(|s| s.as_str()).collect();
    let mut flags = String::new();
    if c.for_consult {
        flags.push_str(" [teamoverleg]");
    }
    if c.signal {
        flags.push_str(&format!(
            " [signaal: {}]",
            aliases(c, &c.signal_for).join(", ")
        ));
    }
    let first_line = c.note.lines().next().unwrap_or("");
    let short: String = first_line.chars().take(80).collect();
    format!(
        "#{:<6} {}  {:>4} min  {:<12} {:<30} {}{}\n        {}",
        c.id,
        calendar::short_local(c.at),
        c.minutes,
        c.mode.as_str(),
        people.join(", "),
        support.join(","),
        flags,
        short
    )
}

pub fn person_json(p: &Person) -> Value {
    json!({
        "id": p.id,
        "alias": p.alias,
        "code": p.code,
        "context": p.context,
        "wishes": p.wishes,
        "strengths": p.strengths,
        "active": p.active,
    })
}

pub fn person_line(p: &Person) -> String {
    let state = if p.active { "" } else { "  (gesloten)" };
    format!(
        "{:<6} {:<30} {}{}",
        p.code,
        p.alias,
        p.context.as_str(),
        state
    )
}

pub fn hit_json(h: &Hit) -> Value {
    json!({
        "kind": h.kind,
        "id": h.id,
        "at": calendar::rfc3339_local(h.at),
        "persons": h.persons,
        "rank": h.rank,
        "snippet": h.snippet_text(),
        "segments": h.snippet,
        "field": h.field,
        "about": h.about,
    })
}

pub fn bridge_json(b: &BridgeNote) -> Value {
    let when = |t: Option<i64>| t.map(calendar::rfc3339_local);
    json!({
        "id": b.id,
        "person": b.person,
        "to": b.recipient,
        "role": b.role,
        "kind": b.kind,
        "status": b.status,
        "text": b.text,
        "client_voice": b.client_voice,
        "answer": b.answer,
        "created_at": calendar::rfc3339_local(b.created_at),
        "shared_at": when(b.shared_at),
        "answered_at": when(b.answered_at),
        "closed_at": when(b.closed_at),
        "contacts": b.contacts,
    })
}

pub fn bridge_line(b: &BridgeNote) -> String {
    format!(
        "#{:<4} {:<9} {:<11} {} → {} ({})",
        b.id,
        b.status.as_str(),
        b.kind.as_str(),
        b.person,
        b.recipient,
        b.role
    )
}

pub fn followup_json(f: &FollowUp) -> Value {
    json!({
        "id": f.id,
        "person": f.person,
        "due": f.due,
        "why": f.reason(naast::ground::lang::Lang::Nl),
        "rhythm": f.rhythm,
        "incident": f.incident,
        "contact_id": f.contact_id,
        "done_on": f.done_on,
        "moved": f.moved,
        "plan_review": f.plan_review,
    })
}

pub fn followup_line(f: &FollowUp, today: chrono::NaiveDate) -> String {
    let when = match f.due.signed_duration_since(today).num_days() {
        d if d < 0 => "te laat",
        0 => "vandaag",
        1..=6 => "deze week",
        _ => "later",
    };
    format!(
        "#{:<4} {} ({:<9}) {:<24} {}",
        f.id,
        calendar::dutch_date(f.due),
        when,
        f.person,
        f.reason(naast::ground::lang::Lang::Nl)
    )
}

pub fn say(ctx: &Ctx, nl: &str, en: &str) {
    match ctx.lang {
        Lang::Nl => println!("{nl}"),
        Lang::En => println!("{en}"),
    }
}
