//! Saving a contact moment: add (one or many in one transaction), update, edit and
//! delete, each with its audit line and its check-in, in one transaction.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::model::{validate, Contact, NewContact, Patch, Whose};
use super::read::get;
use crate::audit::{self, Event};
use crate::ground::calendar;
use crate::ground::error::{Error, Result};
use crate::ground::ids::{ContactId, PersonId};
use crate::ground::vocab::{Action, Support};
use crate::records::goal;
use crate::store::db::write_tx;

/// Saves one contact durably: when this returns `Ok`, the contact survives a crash
/// or a power cut.
pub fn add(conn: &Connection, c: &NewContact) -> Result<ContactId> {
    validate(c)?;
    write_tx(conn, |tx| {
        let id = insert(tx, c)?;
        audit::record(
            tx,
            &Event::new(Action::Create, "contact")
                .id(id)
                .people(&c.persons),
        )?;
        Ok(id)
    })
}

/// Saves many contacts in one transaction: all or none.
pub fn import<'a>(
    conn: &Connection,
    contacts: impl IntoIterator<Item = &'a NewContact>,
) -> Result<usize> {
    write_tx(conn, |tx| {
        let n = insert_all(tx, contacts)?;
        audit::record(
            tx,
            &Event::new(Action::Create, "contacts").detail(serde_json::json!({ "count": n })),
        )?;
        Ok(n)
    })
}

/// Validates and inserts; the caller holds the transaction.
pub(crate) fn insert_all<'a>(
    tx: &Connection,
    contacts: impl IntoIterator<Item = &'a NewContact>,
) -> Result<usize> {
    let mut n = 0;
    for c in contacts {
        validate(c)?;
        insert(tx, c)?;
        n += 1;
    }
    Ok(n)
}

/// The insert itself; the caller holds the transaction.
fn insert(tx: &Connection, c: &NewContact) -> Result<ContactId> {
    let now = calendar::now();
    let mut st = tx.prepare_cached(
        "INSERT INTO contact (at, minutes, mode, initiative, support, note, own_experience,
             own_experience_note, own_words, signal, signal_note, follow_up, for_consult,
             created_at, updated_at, whose_unsure)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15)",
    )?;
    st.execute(rusqlite::params![
        c.at,
        c.minutes,
        c.mode.as_str(),
        c.initiative.as_str(),
        Support::to_bits(&c.support),
        c.note,
        c.own_experience,
        c.own_experience_note,
        c.own_words,
        c.signal,
        c.signal_note,
        c.follow_up.map(|d| d.to_string()),
        c.for_consult,
        now,
        c.whose_unsure,
    ])?;
    let id = tx.last_insert_rowid();
    link(tx, id, c)?;
    Ok(id)
}

/// People (with what of the contact is theirs), tags and the planned check-ins of a
/// new contact: one for each person the check-in is for.
fn link(tx: &Connection, id: ContactId, c: &NewContact) -> Result<()> {
    link_persons(tx, id, c.at, &c.persons)?;
    let whose = c.whose();
    set_whose(tx, id, &c.persons, &whose)?;
    link_tags(tx, id, &c.tags)?;
    if let Some(goals) = &c.goals {
        goal::link_contact(tx, id, goals)?;
    }
    if let Some(ratings) = &c.ratings {
        goal::rate_at_contact(tx, id, day_of(c.at), ratings)?;
    }
    if let Some(day) = c.follow_up {
        for p in &whose.checkin {
            add_followup(tx, *p, day, id)?;
        }
    }
    Ok(())
}

/// Marks, for each person on the contact, whether the signal, the own words and the
/// check-in are theirs.
fn set_whose(tx: &Connection, id: ContactId, persons: &[PersonId], w: &Whose) -> Result<()> {
    let mut st = tx.prepare_cached(
        "UPDATE contact_person SET signal = ?3, own_words = ?4, checkin = ?5
         WHERE contact_id = ?1 AND person_id = ?2",
    )?;
    for p in persons {
        st.execute((
            id,
            p,
            w.signal.contains(p),
            w.own_words.contains(p),
            w.checkin.contains(p),
        ))?;
    }
    Ok(())
}

fn link_persons(tx: &Connection, id: ContactId, at: i64, persons: &[PersonId]) -> Result<()> {
    let mut person = tx.prepare_cached(
        "INSERT OR IGNORE INTO contact_person (person_id, at, contact_id) VALUES (?1, ?2, ?3)",
    )?;
    let mut exists = tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM person WHERE id = ?1)")?;
    for p in persons {
        if !exists.query_row([p], |r| r.get::<_, bool>(0))? {
            return Err(Error::NotFound {
                what: "person",
                name: p.to_string(),
                hint: "",
            });
        }
        person.execute((p, at, id))?;
    }
    Ok(())
}

fn link_tags(tx: &Connection, id: ContactId, tags: &[String]) -> Result<()> {
    let mut tag =
        tx.prepare_cached("INSERT OR IGNORE INTO contact_tag (contact_id, tag) VALUES (?1, ?2)")?;
    for t in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        tag.execute((id, t))?;
    }
    Ok(())
}

fn add_followup(
    tx: &Connection,
    person: PersonId,
    day: NaiveDate,
    contact: ContactId,
) -> Result<()> {
    let mut f = tx.prepare_cached(
        "INSERT INTO followup (person_id, due, why, contact_id, created_at) VALUES (?1, ?2, '', ?3, ?4)",
    )?;
    f.execute((person, day.to_string(), contact, calendar::now()))?;
    Ok(())
}

/// Replaces a contact's fields with `c`: what the app's edit form sends, every field
/// as the user now sees it (tags included).
///
/// The contact's open check-ins are the user's own records once touched: one that was
/// moved or given a reason on the Check-ins screen stays exactly as it is. Only
/// untouched ones follow a changed "next check-in" date (or go when it is cleared, or
/// when their person left the contact), and a person newly on the contact gets one.
/// An edit that leaves the date and the people alone leaves every check-in alone.
pub fn update(conn: &Connection, id: ContactId, c: &NewContact) -> Result<()> {
    validate(c)?;
    write_tx(conn, |tx| {
        let old = get(tx, id)?;
        tx.execute(
            "UPDATE contact SET at = ?2, minutes = ?3, mode = ?4, initiative = ?5, support = ?6,
                 note = ?7, own_experience = ?8, own_experience_note = ?9, own_words = ?10,
                 signal = ?11, signal_note = ?12, follow_up = ?13, for_consult = ?14, updated_at = ?15,
                 whose_unsure = ?16
             WHERE id = ?1",
            rusqlite::params![
                id,
                c.at,
                c.minutes,
                c.mode.as_str(),
                c.initiative.as_str(),
                Support::to_bits(&c.support),
                c.note,
                c.own_experience,
                c.own_experience_note,
                c.own_words,
                c.signal,
                c.signal_note,
                c.follow_up.map(|d| d.to_string()),
                c.for_consult,
                calendar::now(),
                c.whose_unsure,
            ],
        )?;
        let old_persons: Vec<PersonId> = old.persons.iter().map(|p| p.id).collect();
        if !same_set(&old_persons, &c.persons) {
            tx.execute("DELETE FROM contact_person WHERE contact_id = ?1", [id])?;
            link_persons(tx, id, c.at, &c.persons)?;
            goal::unlink_absent(tx, id)?;
        }
        if let Some(goals) = &c.goals {
            goal::link_contact(tx, id, goals)?;
        }
        match &c.ratings {
            Some(ratings) => goal::rate_at_contact(tx, id, day_of(c.at), ratings)?,
            None => goal::redate_at_contact(tx, id, day_of(c.at))?,
        }
        set_whose(tx, id, &c.persons, &c.whose())?;
        let mut new_tags: Vec<String> = c
            .tags
            .iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        new_tags.sort();
        new_tags.dedup();
        if new_tags != old.tags {
            tx.execute("DELETE FROM contact_tag WHERE contact_id = ?1", [id])?;
            link_tags(tx, id, &new_tags)?;
        }
        sync_followups(tx, id, &old, c)?;
        let mut people: Vec<PersonId> = old_persons;
        people.extend(
            c.persons
                .iter()
                .filter(|p| !people.contains(p))
                .collect::<Vec<_>>(),
        );
        audit::record(
            tx,
            &Event::new(Action::Change, "contact").id(id).people(&people),
        )?;
        Ok(())
    })
}

/// The contact's day in Dutch time: the day its ratings are dated.
fn day_of(at: i64) -> NaiveDate {
    calendar::local(at).date_naive()
}

fn same_set(a: &[PersonId], b: &[PersonId]) -> bool {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort_unstable();
    a.dedup();
    b.sort_unstable();
    b.dedup();
    a == b
}

/// See [`update`]: untouched check-ins follow the contact; touched ones are kept.
/// "The people" here are those the check-in is for.
fn sync_followups(tx: &Connection, id: ContactId, old: &Contact, new: &NewContact) -> Result<()> {
    let wanted = new.whose().checkin;
    if old.follow_up == new.follow_up && same_set(&old.checkin_for, &wanted) {
        return Ok(());
    }
    let open: Vec<(i64, PersonId, String, String, i64)> = tx
        .prepare_cached(
            "SELECT id, person_id, due, why, moved FROM followup
             WHERE contact_id = ?1 AND done_on IS NULL",
        )?
        .query_map([id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let old_due = old.follow_up.map(|d| d.to_string());
    let mut covered: Vec<PersonId> = Vec::new();
    for (fid, person, due, why, moved) in open {
        let untouched = moved == 0 && why.is_empty() && Some(&due) == old_due.as_ref();
        if !untouched {
            covered.push(person);
            continue;
        }
        match new.follow_up {
            Some(day) if wanted.contains(&person) => {
                tx.execute(
                    "UPDATE followup SET due = ?2 WHERE id = ?1",
                    (fid, day.to_string()),
                )?;
                covered.push(person);
            }
            _ => {
                tx.execute("DELETE FROM followup WHERE id = ?1", [fid])?;
            }
        }
    }
    if let Some(day) = new.follow_up {
        for p in &wanted {
            if !covered.contains(p) {
                add_followup(tx, *p, day, id)?;
                covered.push(*p);
            }
        }
    }
    Ok(())
}

/// Changes exactly the fields in `patch` and returns the contact as saved.
pub fn edit(conn: &Connection, id: ContactId, patch: &Patch) -> Result<Contact> {
    let current = get(conn, id)?;
    if !patch.is_empty() {
        update(conn, id, &patch.apply(&current))?;
    }
    get(conn, id)
}

/// Deletes a contact and returns what it was, so the caller can offer Undo. Its open
/// check-ins and any half-written edit of it go with it; done check-ins stay, as
/// history.
pub fn delete(conn: &Connection, id: ContactId) -> Result<Contact> {
    write_tx(conn, |tx| {
        let old = get(tx, id)?;
        tx.execute(
            "DELETE FROM followup WHERE contact_id = ?1 AND done_on IS NULL",
            [id],
        )?;
        tx.execute("DELETE FROM draft WHERE contact_id = ?1", [id])?;
        tx.execute("DELETE FROM contact WHERE id = ?1", [id])?;
        let people: Vec<PersonId> = old.persons.iter().map(|p| p.id).collect();
        audit::record(
            tx,
            &Event::new(Action::Delete, "contact").id(id).people(&people),
        )?;
        Ok(old)
    })
}
