//! The preview: every row read, people looked up, duplicates found; nothing written.
//! The import itself ([`super::apply`]) writes exactly what this plan holds.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::Connection;

use super::fields::{self, Field};
use super::model::{Column, Options, Preview, Refused, Shown, Word, SHOWN};
use super::rows::{Draft, Reader, Who, Why};
use super::words::{self, WordTo};
use crate::ground::error::Result;
use crate::ground::fold::fold;
use crate::ground::ids::PersonId;
use crate::ground::lang::Lang;
use crate::records::person;
use crate::ways::sheet::{Cell, Table};

/// What the sheet holds, read and checked against the vault.
pub(crate) struct Plan {
    pub rows: usize,
    /// Rows to import, in sheet order.
    pub drafts: Vec<Draft>,
    pub duplicates: usize,
    pub refused: Vec<Refused>,
    /// New people by the name as first written, in order of appearance.
    pub new_people: Vec<String>,
    pub missing: Vec<Field>,
    preview: Preview,
}

/// Reads the sheet as the options say and tells what an import would do. Writes
/// nothing, not even to the audit log: the file is not in the vault.
pub fn preview(conn: &Connection, t: &Table, o: &Options, lang: Lang) -> Result<Preview> {
    Ok(plan(conn, t, o, lang)?.preview)
}

/// [`preview`] of a file, read with the options' sheet.
pub fn preview_file(
    conn: &Connection,
    path: &std::path::Path,
    o: &Options,
    lang: Lang,
) -> Result<Preview> {
    preview(
        conn,
        &crate::ways::sheet::read(path, o.sheet.as_deref())?,
        o,
        lang,
    )
}

pub(crate) fn plan(conn: &Connection, t: &Table, o: &Options, lang: Lang) -> Result<Plan> {
    let guessed = fields::guess_all(t);
    let choices: Vec<(usize, Option<Field>)> =
        o.columns.iter().map(|c| (c.column, c.field)).collect();
    let chosen = fields::apply(&guessed, &choices);
    let col: HashMap<Field, usize> = chosen
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.map(|f| (f, i)))
        .collect();
    let mut missing = Vec::new();
    if !col.contains_key(&Field::Date) && !col.contains_key(&Field::At) {
        missing.push(Field::Date);
    }
    if !col.contains_key(&Field::Person) {
        missing.push(Field::Person);
    }
    let reader = Reader {
        col: col.clone(),
        options: o,
        choices: o
            .words
            .iter()
            .map(|w| (words::key(&w.word), w.to.clone()))
            .collect(),
    };
    let people = person::list(conn)?;
    let by_alias: HashMap<String, PersonId> =
        people.iter().map(|p| (fold(&p.alias), p.id)).collect();
    let by_code: HashMap<String, PersonId> = people
        .iter()
        .map(|p| (p.code.to_ascii_uppercase(), p.id))
        .collect();
    let alias_of: HashMap<PersonId, String> =
        people.iter().map(|p| (p.id, p.alias.clone())).collect();
    let find = |name: &str| -> Option<i64> {
        by_alias
            .get(&fold(name.trim()))
            .or_else(|| by_code.get(&name.trim().to_ascii_uppercase()))
            .copied()
    };

    let mut drafts = Vec::new();
    let mut refused = Vec::new();
    let mut new_people: Vec<String> = Vec::new();
    let mut new_keys: HashSet<String> = HashSet::new();
    let mut seen: HashSet<(Vec<String>, i64, String)> = HashSet::new();
    let mut duplicates = 0;
    let mut shown = Vec::new();
    let mut counts: BTreeMap<(String, Field), (String, usize)> = BTreeMap::new();
    let rows = if missing.is_empty() { t.rows.len() } else { 0 };
    let mut same = Same { conn };
    for row in t.rows.iter().take(rows) {
        count_words(row, &col, &mut counts);
        let mut d = match reader.read(row, &find) {
            Ok(d) => d,
            Err(why) => {
                refused.push(refuse(row.number, &why, lang));
                continue;
            }
        };
        let unknown: Vec<String> = d
            .who
            .iter()
            .filter_map(|w| match w {
                Who::New(n) => Some(n.clone()),
                Who::Known(_) => None,
            })
            .collect();
        for n in &unknown {
            if new_keys.insert(fold(n)) {
                new_people.push(n.clone());
            }
        }
        if !unknown.is_empty() && !o.create_people {
            refused.push(refuse(row.number, &Why::UnknownPeople(unknown), lang));
            continue;
        }
        // Checked as the record functions will check it, with a stand-in id for a
        // person not made yet.
        d.contact.persons = d.who.iter().map(|_| 0).collect();
        if let Err(e) = crate::records::contact::validate(&d.contact) {
            refused.push(refuse(row.number, &Why::Invalid(e.message(lang)), lang));
            continue;
        }
        let mut key: Vec<String> = d
            .who
            .iter()
            .map(|w| match w {
                Who::Known(id) => format!("#{id}"),
                Who::New(n) => fold(n),
            })
            .collect();
        key.sort();
        let minute = d.contact.at.div_euclid(60);
        let dup = !seen.insert((key, minute, d.contact.note.clone())) || same.in_vault(&d)?;
        if shown.len() < SHOWN {
            shown.push(show(&d, dup, &alias_of));
        }
        if dup {
            duplicates += 1;
        } else {
            drafts.push(d);
        }
    }
    let mut words: Vec<Word> = counts
        .into_iter()
        .map(|((key, field), (word, rows))| Word {
            to: reader.choices.get(&key).cloned().unwrap_or(WordTo::Tag),
            word,
            field,
            rows,
        })
        .collect();
    words.sort_by(|a, b| b.rows.cmp(&a.rows).then(a.word.cmp(&b.word)));
    let columns = t
        .header
        .iter()
        .enumerate()
        .map(|(i, h)| Column {
            index: i,
            letter: fields::letter(i),
            header: h.clone(),
            field: chosen.get(i).copied().flatten(),
            guessed: guessed.get(i).copied().flatten(),
            samples: t
                .rows
                .iter()
                .filter_map(|r| r.cells.get(i))
                .filter(|c| !c.is_empty())
                .take(3)
                .map(Cell::text)
                .collect(),
        })
        .collect();
    let preview = Preview {
        format: t.format,
        encoding: t.encoding.map(String::from),
        separator: t.separator.map(|c| match c {
            '\t' => "tab".to_string(),
            c => c.to_string(),
        }),
        sheet: t.sheet.clone(),
        sheets: t.sheets.clone(),
        columns,
        missing: missing.clone(),
        rows: t.rows.len(),
        importable: drafts.len(),
        duplicates,
        refused: refused.clone(),
        new_people: new_people.clone(),
        words,
        shown,
        fingerprint: t.fingerprint.clone(),
    };
    Ok(Plan {
        rows: t.rows.len(),
        drafts,
        duplicates,
        refused,
        new_people,
        missing,
        preview,
    })
}

fn refuse(row: usize, why: &Why, lang: Lang) -> Refused {
    Refused {
        row,
        reason: why.text(lang),
    }
}

/// Counts the words of the mode and support columns that Naast does not know.
fn count_words(
    row: &crate::ways::sheet::Row,
    col: &HashMap<Field, usize>,
    counts: &mut BTreeMap<(String, Field), (String, usize)>,
) {
    let text = |f: Field| {
        col.get(&f)
            .and_then(|&i| row.cells.get(i))
            .map(Cell::text)
            .unwrap_or_default()
    };
    let mode = text(Field::Mode);
    let mut found: Vec<(String, Field)> = Vec::new();
    if !mode.is_empty() && words::mode(&mode).is_none() {
        found.push((mode, Field::Mode));
    }
    for w in words::split(&text(Field::Support)) {
        if words::support(&w).is_none() {
            found.push((w, Field::Support));
        }
    }
    for (w, f) in found {
        let e = counts.entry((words::key(&w), f)).or_insert((w, 0));
        e.1 += 1;
    }
}

fn show(d: &Draft, duplicate: bool, alias_of: &HashMap<PersonId, String>) -> Shown {
    let c = &d.contact;
    Shown {
        row: d.row,
        at: c.at,
        minutes: c.minutes,
        mode: c.mode,
        initiative: c.initiative,
        persons: d
            .who
            .iter()
            .map(|w| match w {
                Who::Known(id) => alias_of.get(id).cloned().unwrap_or_default(),
                Who::New(n) => {
                    crate::ground::limits::one_line("alias", n).unwrap_or_else(|_| n.clone())
                }
            })
            .collect(),
        support: c.support.clone(),
        tags: c.tags.clone(),
        note: c.note.clone(),
        own_words: c.own_words.clone(),
        own_experience: c.own_experience,
        signal: c.signal,
        follow_up: c.follow_up,
        for_consult: c.for_consult,
        duplicate,
    }
}

/// Finds a contact already in the vault with the same people, minute and note.
struct Same<'c> {
    conn: &'c Connection,
}

impl Same<'_> {
    fn in_vault(&mut self, d: &Draft) -> Result<bool> {
        let mut ids: Vec<PersonId> = Vec::new();
        for w in &d.who {
            match w {
                Who::Known(id) => ids.push(*id),
                // Someone not yet in the vault has no contacts there.
                Who::New(_) => return Ok(false),
            }
        }
        ids.sort_unstable();
        let from = d.contact.at.div_euclid(60) * 60;
        let mut st = self.conn.prepare_cached(
            "SELECT c.id, c.note FROM contact_person cp JOIN contact c ON c.id = cp.contact_id
             WHERE cp.person_id = ?1 AND cp.at >= ?2 AND cp.at < ?3",
        )?;
        let candidates: Vec<(i64, String)> = st
            .query_map((ids[0], from, from + 60), |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut people = self.conn.prepare_cached(
            "SELECT person_id FROM contact_person WHERE contact_id = ?1 ORDER BY person_id",
        )?;
        for (id, note) in candidates {
            // Whitespace around a note is not part of what makes it the same note:
            // a sheet trims it, the form may not have.
            if note.trim() != d.contact.note.trim() {
                continue;
            }
            let theirs: Vec<PersonId> = people
                .query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if theirs == ids {
                return Ok(true);
            }
        }
        Ok(false)
    }
}
