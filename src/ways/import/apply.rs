//! The import itself: what the plan holds, written in one transaction through the
//! record functions (people as `person` makes them, contacts as `contact` saves
//! them), with one line in the audit log. A failure anywhere (a full disk, a kill)
//! leaves the vault exactly as it was.

use std::collections::HashMap;

use rusqlite::Connection;
use serde_json::json;

use super::fields::Field;
use super::model::{Options, Outcome};
use super::plan::plan;
use super::rows::Who;
use crate::audit::{self, Event};
use crate::ground::error::{Error, Invalid, Result};
use crate::ground::fold::fold;
use crate::ground::ids::PersonId;
use crate::ground::lang::Lang;
use crate::ground::vocab::Action;
use crate::records::contact::{self, NewContact};
use crate::records::person::{self, NewPerson};
use crate::store::db::write_tx;
use crate::ways::sheet::Table;

/// Rows written between two progress reports.
const STEP: usize = 250;

/// Imports the sheet. `progress(done, total)` is called as contacts are written (the
/// app shows it); the vault shows none of them until all are in. `today` decides
/// which follow-up dates are past (see below).
pub fn run(
    conn: &Connection,
    t: &Table,
    o: &Options,
    lang: Lang,
    today: chrono::NaiveDate,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Outcome> {
    if let Some(f) = &o.fingerprint {
        if *f != t.fingerprint {
            return Err(Error::ImportChanged);
        }
    }
    let p = plan(conn, t, o, lang)?;
    if let Some(m) = p.missing.first() {
        return Err(Invalid::ImportMissing(if m == &Field::Person {
            "person"
        } else {
            "date"
        })
        .into());
    }
    let total = p.drafts.len();
    write_tx(conn, |tx| {
        let before: i64 =
            tx.query_row("SELECT coalesce(max(id), 0) FROM contact", [], |r| r.get(0))?;
        let mut made: HashMap<String, PersonId> = HashMap::new();
        let mut contacts: Vec<NewContact> = Vec::with_capacity(total);
        for d in &p.drafts {
            let mut c = d.contact.clone();
            c.persons = Vec::with_capacity(d.who.len());
            let mut ids: Vec<PersonId> = Vec::with_capacity(d.who.len());
            for w in &d.who {
                let id = match w {
                    Who::Known(id) => *id,
                    Who::New(name) => match made.get(&fold(name)) {
                        Some(id) => *id,
                        None => {
                            let p = person::insert(
                                tx,
                                &NewPerson {
                                    alias: name.clone(),
                                    ..NewPerson::default()
                                },
                            )?;
                            made.insert(fold(name), p.id);
                            p.id
                        }
                    },
                };
                ids.push(id);
                if !c.persons.contains(&id) {
                    c.persons.push(id);
                }
            }
            let [signal, words, checkin] = d
                .whose
                .clone()
                .map(|w| w.map(|ix| ix.iter().map(|&i| ids[i]).collect::<Vec<_>>()));
            // A sheet that does not say whose (no `_for` columns: any sheet but
            // Naast's own export) gives a group row's signal, own words and check-in
            // to everyone present, marked for the user to correct, as group contacts
            // from before Naast asked.
            c.whose_unsure = signal.is_none()
                && words.is_none()
                && checkin.is_none()
                && c.persons.len() > 1
                && (c.signal || !c.own_words.trim().is_empty() || c.follow_up.is_some());
            (c.signal_for, c.own_words_for, c.checkin_for) = (signal, words, checkin);
            contacts.push(c);
        }
        progress(0, total);
        for (i, chunk) in contacts.chunks(STEP).enumerate() {
            contact::insert_all(tx, chunk)?;
            progress((i * STEP + chunk.len()).min(total), total);
        }
        // A follow-up date that has passed is history the sheet kept, not a check-in
        // still to do: the contact keeps the date, no open check-in is made for it.
        tx.execute(
            "DELETE FROM followup WHERE contact_id > ?1 AND due < ?2 AND done_on IS NULL",
            (before, today.to_string()),
        )?;
        let mut people: Vec<PersonId> = contacts
            .iter()
            .flat_map(|c| c.persons.iter().copied())
            .collect();
        people.sort_unstable();
        people.dedup();
        audit::record(
            tx,
            &Event::new(Action::Create, "import")
                .people(&people)
                .detail(json!({
                    "format": t.format,
                    "rows": p.rows,
                    "imported": total,
                    "skipped_duplicates": p.duplicates,
                    "refused": p.refused.len(),
                    "new_people": made.len(),
                })),
        )?;
        Ok(())
    })?;
    Ok(Outcome {
        rows: p.rows,
        imported: total,
        skipped_duplicates: p.duplicates,
        refused: p.refused,
        new_people: if o.create_people {
            p.new_people
        } else {
            Vec::new()
        },
    })
}

/// [`run`] on a file, read again: the file as it is now, which the options'
/// fingerprint holds to what the preview showed.
pub fn run_file(
    conn: &Connection,
    path: &std::path::Path,
    o: &Options,
    lang: Lang,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Outcome> {
    let t = crate::ways::sheet::read(path, o.sheet.as_deref())?;
    run(
        conn,
        &t,
        o,
        lang,
        crate::ground::calendar::today(),
        progress,
    )
}
