//! A bridge note as text for others: pasted into the care record of the recipient's
//! institution, so it leaves the vault. Only with a valid consent (fail closed), with
//! names replaced at the chosen level, and logged as a copy, refused ones too.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::audit::{self, Event};
use crate::ground::error::{Error, Result};
use crate::ground::lang::Lang;
use crate::ground::vocab::Action;
use crate::records::bridge::{self, BridgeNote};
use crate::records::consent;
use crate::records::person::{self, Person};
use crate::ways::redact::{ExtraName, Level, Redactor, Rules, Suspect, Tally};

/// For pasting into the institution's care record ("copy as text"): the person
/// by their label at the redactor's level, the recipient by role unless names
/// are kept, and names and other identifiers in the text and the own words
/// replaced.
pub fn plain_text_for(b: &BridgeNote, r: &Redactor, about: &Person) -> String {
    plain_text_counting(b, r, about, &mut Tally::default())
}

/// Same, counting into `tally` the words the redactor is unsure of.
pub fn plain_text_counting(
    b: &BridgeNote,
    r: &Redactor,
    about: &Person,
    tally: &mut Tally,
) -> String {
    let rules = r.rules();
    let names = rules.level == Level::Full || rules.circle_names;
    let to = match (names, b.role.trim()) {
        (true, "") => b.recipient.clone(),
        (true, role) => format!("{} ({role})", b.recipient),
        (false, "") => r.redact(&b.recipient),
        (false, role) => r.redact(role),
    };
    let (head, over, voice) = match rules.lang {
        Lang::Nl => ("Brugnotitie aan", "Over", "In eigen woorden"),
        Lang::En => ("Bridge note to", "About", "In their own words"),
    };
    let mut s = format!(
        "{head} {to}\n{over}: {}\n\n{}\n",
        rules.level.label(about),
        r.redact_counting(b.text.trim(), tally)
    );
    if !b.client_voice.trim().is_empty() {
        s.push_str(&format!(
            "\n{voice}: \"{}\"\n",
            r.redact_counting(b.client_voice.trim(), tally)
        ));
    }
    s
}

/// "Copy as text" of bridge note `id` at `level`: see [`plain_text_for`].
pub fn text_for_others(conn: &Connection, id: i64, level: Level, lang: Lang) -> Result<String> {
    Ok(text_for_others_checked(conn, id, level, lang, Vec::new())?.0)
}

/// Same, with the words the redactor is unsure of (names, places, institutions it
/// did not replace): the command line warns about each.
pub fn text_for_others_checked(
    conn: &Connection,
    id: i64,
    level: Level,
    lang: Lang,
    extra: Vec<ExtraName>,
) -> Result<(String, Vec<Suspect>)> {
    let b = bridge::get(conn, id)?;
    let (about, r) = redactor_for(conn, &b, level, lang, extra)?;
    let mut tally = Tally::default();
    let text = plain_text_counting(&b, &r, &about, &mut tally);
    Ok((text, tally.into_list()))
}

/// "Copy as text" from the app or a script: it leaves the vault for the care record
/// of the recipient's institution, so it counts as sharing. Only with a valid consent
/// from the person for this recipient (fail closed: no consent, no text), with names
/// replaced at `level`, and logged as a copy (refused ones too).
pub fn copy_for_others(
    conn: &Connection,
    id: i64,
    level: Level,
    lang: Lang,
    today: NaiveDate,
) -> Result<String> {
    copy_for_others_with(conn, id, level, lang, today, Vec::new())
}

/// The words Naast is unsure of in what a copy of note `id` would hold, asked before
/// anything leaves (the app's "Kopiëren als tekst" waits for an answer to each), in
/// its text, the own words and the recipient's answer. Nothing is copied yet, so
/// nothing is logged but a refusal: without a valid consent the user is told at once,
/// not after answering.
pub fn unsure_before_copy(
    conn: &Connection,
    id: i64,
    level: Level,
    lang: Lang,
    today: NaiveDate,
    extra: Vec<ExtraName>,
) -> Result<Vec<Suspect>> {
    let b = bridge::get(conn, id)?;
    valid_consent(conn, &b, today)?;
    let (about, r) = redactor_for(conn, &b, level, lang, extra)?;
    let mut tally = Tally::default();
    plain_text_counting(&b, &r, &about, &mut tally);
    // The answer leaves with the copy too (see `copy_footer`).
    r.redact_counting(b.answer.trim(), &mut tally);
    Ok(tally.into_list())
}

/// [`copy_for_others`], with the replacements the user chose for unsure words.
pub fn copy_for_others_with(
    conn: &Connection,
    id: i64,
    level: Level,
    lang: Lang,
    today: NaiveDate,
    extra: Vec<ExtraName>,
) -> Result<String> {
    let b = bridge::get(conn, id)?;
    let consent = valid_consent(conn, &b, today)?;
    let (about, r) = redactor_for(conn, &b, level, lang, extra)?;
    let mut text = plain_text_for(&b, &r, &about);
    // The answer leaves with the note: replaced like its text.
    text.push_str(&copy_footer(&b, &consent, &r.redact(b.answer.trim()), lang));
    audit::log(
        conn,
        &Event::new(Action::Copy, "bridge_note")
            .id(id)
            .person(b.person_id)
            .detail(
                serde_json::json!({ "level": level.as_str(), "to": b.role, "consent": consent.id }),
            ),
    )?;
    Ok(text)
}

/// The note's person and the redactor at `level`, with the replacements the user
/// chose for unsure words.
fn redactor_for(
    conn: &Connection,
    b: &BridgeNote,
    level: Level,
    lang: Lang,
    extra: Vec<ExtraName>,
) -> Result<(Person, Redactor)> {
    let about = person::get(conn, b.person_id)?;
    let rules = Rules {
        extra,
        ..Rules::new(level, lang)
    };
    Ok((about, Redactor::load(conn, rules)?))
}

/// The person's consent for the note's recipient valid on `today`, or a refusal,
/// logged (fail closed).
fn valid_consent(conn: &Connection, b: &BridgeNote, today: NaiveDate) -> Result<consent::Consent> {
    let found = consent::consents(conn, b.person_id)?
        .into_iter()
        .find(|k| k.member_id == b.member_id && k.valid_on(today));
    match found {
        Some(k) => Ok(k),
        None => {
            audit::log(
                conn,
                &Event::new(Action::Copy, "bridge_note")
                    .id(b.id)
                    .person(b.person_id)
                    .refused(),
            )?;
            Err(Error::NoConsent {
                person: b.person.clone(),
                recipient: b.recipient.clone(),
            })
        }
    }
}

/// What a care record needs to know about a copied note beyond its text: its kind,
/// when it was written and shared, the consent it rests on, and the answer if any.
fn copy_footer(
    b: &BridgeNote,
    consent: &consent::Consent,
    answer_text: &str,
    lang: Lang,
) -> String {
    let day = |ts: i64| {
        crate::ground::calendar::local(ts)
            .format("%d-%m-%Y")
            .to_string()
    };
    let d = |n: NaiveDate| n.format("%d-%m-%Y").to_string();
    let (kind, written, shared, rests, until, scope_word, answer) = match lang {
        Lang::Nl => (
            "Soort",
            "geschreven",
            "gedeeld",
            "Toestemming",
            "geldig tot",
            "voor",
            "Antwoord",
        ),
        Lang::En => (
            "Kind",
            "written",
            "shared",
            "Consent",
            "valid until",
            "for",
            "Answer",
        ),
    };
    let mut s = format!(
        "\n{kind}: {} · {written} {}",
        b.kind.label(lang),
        day(b.created_at)
    );
    if let Some(t) = b.shared_at {
        s.push_str(&format!(" · {shared} {}", day(t)));
    }
    s.push_str(&format!("\n{rests}: {} {}", d(consent.discussed_on), until));
    s.push_str(&format!(" {}", d(consent.until)));
    if !consent.scope.trim().is_empty() {
        s.push_str(&format!(" ({scope_word} {})", consent.scope.trim()));
    }
    s.push('\n');
    if !answer_text.is_empty() {
        s.push_str(&format!("{answer}: {answer_text}\n"));
    }
    s
}
