//! `naast contact`: contacts added, listed, shown, edited and deleted, and the
//! fields and filters read from the command line.

use std::path::Path;
use std::process::ExitCode;

use naast::ground::error::{Error, Invalid, Result};
use naast::ground::time;
use naast::ground::vocab::{Initiative, Mode, Support};
use naast::records::contact::{self, Filter, NewContact};
use naast::records::person;

use super::args::{ContactCmd, ContactFields, EditFields, FilterArgs};
use super::ctx::Ctx;
use super::output::*;

pub(super) fn filter_from(c: &rusqlite::Connection, f: &FilterArgs) -> Result<Filter> {
    Ok(Filter {
        from: f.from.as_deref().map(time::parse_date).transpose()?,
        to: f.to.as_deref().map(time::parse_date).transpose()?,
        person: f
            .person
            .as_deref()
            .map(|a| person::find(c, a).map(|p| p.id))
            .transpose()?,
        support: f.support.as_deref().map(Support::parse_any).transpose()?,
        mode: f.mode.as_deref().map(Mode::parse).transpose()?,
        for_consult: f.consult.then_some(true),
        signal: f.signal.then_some(true),
    })
}

pub(super) fn new_contact(c: &rusqlite::Connection, f: ContactFields) -> Result<NewContact> {
    let persons = persons_from(c, &f.persons)?;
    let signal_for = whose_present(c, &persons, "signal", &f.signal_for)?;
    let own_words_for = whose_present(c, &persons, "own words", &f.own_words_for)?;
    let checkin_for = whose_present(c, &persons, "check-in", &f.follow_up_for)?;
    let support = support_from(&f.support)?;
    let note = match (f.note, f.note_file) {
        (Some(n), _) => n,
        (None, Some(path)) => read_note(&path)?,
        (None, None) => String::new(),
    };
    let mode = match f.mode {
        Some(m) => Mode::parse(&m)?,
        None => contact::last_mode(c)?.unwrap_or(Mode::FaceToFace),
    };
    Ok(NewContact {
        at: match f.at {
            Some(a) => time::parse_local(&a)?.timestamp(),
            None => chrono::Utc::now().timestamp(),
        },
        minutes: f.minutes.unwrap_or(contact::DEFAULT_MINUTES),
        mode,
        initiative: Initiative::parse(&f.initiative)?,
        persons,
        support,
        tags: f.tags,
        note,
        own_experience: f.own_experience || f.own_experience_note.is_some(),
        own_experience_note: f.own_experience_note.unwrap_or_default(),
        own_words: f.own_words.unwrap_or_default(),
        signal: f.signal || f.signal_note.is_some(),
        signal_note: f.signal_note.unwrap_or_default(),
        follow_up: f.follow_up.as_deref().map(time::parse_date).transpose()?,
        for_consult: f.consult,
        signal_for,
        own_words_for,
        checkin_for,
        whose_unsure: false,
        goals: (!f.goals.is_empty()).then_some(f.goals),
        ratings: None,
    })
}

/// `--signal-for A --signal-for B`: those people; none given: `None`, everyone present.
fn whose_from(c: &rusqlite::Connection, names: &[String]) -> Result<Option<Vec<i64>>> {
    (!names.is_empty())
        .then(|| persons_from(c, names))
        .transpose()
}

/// [`whose_from`] for a new contact: someone named who is not among `present` is
/// refused by the name as typed (the core's check knows only their number).
fn whose_present(
    c: &rusqlite::Connection,
    present: &[i64],
    what: &'static str,
    names: &[String],
) -> Result<Option<Vec<i64>>> {
    for name in names {
        if !present.contains(&person::find(c, name)?.id) {
            let who = name.clone();
            return Err(Invalid::WhoseNotPresent { what, who }.into());
        }
    }
    whose_from(c, names)
}

pub(super) fn read_note(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    String::from_utf8(bytes).map_err(|_| {
        Error::io(
            path,
            std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text"),
        )
    })
}

pub(super) fn persons_from(c: &rusqlite::Connection, names: &[String]) -> Result<Vec<i64>> {
    let mut persons = Vec::new();
    for name in names {
        let id = person::find(c, name)?.id;
        if !persons.contains(&id) {
            persons.push(id);
        }
    }
    Ok(persons)
}

pub(super) fn support_from(list: &[String]) -> Result<Vec<Support>> {
    let mut support = Vec::new();
    for s in list {
        for t in Support::parse_list(s)? {
            if !support.contains(&t) {
                support.push(t);
            }
        }
    }
    Ok(support)
}

/// `contact edit`: only what was given.
pub(super) fn patch_from(c: &rusqlite::Connection, f: EditFields) -> Result<contact::Patch> {
    let flag = |on: bool, off: bool| match (on, off) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    };
    let note = match (f.note, f.note_file) {
        (Some(n), _) => Some(n),
        (None, Some(path)) => Some(read_note(&path)?),
        (None, None) => None,
    };
    Ok(contact::Patch {
        at: f
            .at
            .as_deref()
            .map(|a| time::parse_local(a).map(|t| t.timestamp()))
            .transpose()?,
        minutes: f.minutes,
        mode: f.mode.as_deref().map(Mode::parse).transpose()?,
        initiative: f.initiative.as_deref().map(Initiative::parse).transpose()?,
        persons: (!f.persons.is_empty())
            .then(|| persons_from(c, &f.persons))
            .transpose()?,
        support: (!f.support.is_empty())
            .then(|| support_from(&f.support))
            .transpose()?,
        tags: if f.no_tags {
            Some(Vec::new())
        } else {
            (!f.tags.is_empty()).then_some(f.tags)
        },
        note,
        own_experience: flag(
            f.own_experience || f.own_experience_note.is_some(),
            f.no_own_experience,
        ),
        own_experience_note: f.own_experience_note,
        own_words: f.own_words,
        signal: flag(f.signal || f.signal_note.is_some(), f.no_signal),
        signal_note: f.signal_note,
        follow_up: if f.no_follow_up {
            Some(None)
        } else {
            f.follow_up
                .as_deref()
                .map(time::parse_date)
                .transpose()?
                .map(Some)
        },
        for_consult: flag(f.consult, f.no_consult),
        signal_for: whose_from(c, &f.signal_for)?,
        own_words_for: whose_from(c, &f.own_words_for)?,
        checkin_for: whose_from(c, &f.follow_up_for)?,
    })
}

pub(super) fn contact_cmd(ctx: &Ctx, cmd: ContactCmd) -> Result<ExitCode> {
    let v = ctx.open()?;
    let c = v.conn();
    match cmd {
        ContactCmd::Add(fields) => {
            let new = new_contact(c, fields)?;
            let id = contact::add(c, &new)?;
            let saved = contact::get(c, id)?;
            if ctx.json {
                print_json(&contact_json(&saved));
            } else {
                println!("{}", contact_line(&saved));
            }
        }
        ContactCmd::Edit { id, fields } => {
            let patch = patch_from(c, fields)?;
            if patch.is_empty() {
                return Err(Invalid::NothingToChange.into());
            }
            let saved = contact::edit(c, id, &patch)?;
            if ctx.json {
                print_json(&contact_json(&saved));
            } else {
                println!("{}", contact_line(&saved));
            }
        }
        ContactCmd::List { filter } => {
            let f = filter_from(c, &filter)?;
            let list = contact::list(c, &f, None, None)?;
            if ctx.json {
                print_json(&list.iter().map(contact_json).collect::<Vec<_>>());
            } else {
                list.iter().for_each(|x| println!("{}", contact_line(x)));
            }
        }
        ContactCmd::Show { id } => {
            let x = contact::get(c, id)?;
            if ctx.json {
                print_json(&contact_json(&x));
            } else {
                println!("{}\n\n{}", contact_line(&x), x.note);
                if !x.own_words.is_empty() {
                    println!(
                        "\nIn eigen woorden ({}): \"{}\"",
                        aliases(&x, &x.own_words_for).join(", "),
                        x.own_words
                    );
                }
            }
        }
        ContactCmd::Delete { id } => {
            let old = contact::delete(c, id)?;
            say(
                ctx,
                &format!("Contactmoment #{} verwijderd.", old.id),
                &format!("Contact #{} deleted.", old.id),
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
