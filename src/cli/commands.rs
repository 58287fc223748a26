//! One function per command; each opens the vault, calls the core, prints.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use naast::contact::{self, Filter, NewContact};
use naast::model::{BridgeKind, Context, Initiative, Mode, Support};
use naast::person::{self, NewPerson, Person};
use naast::text::count;
use naast::vault::Vault;
use naast::{bridge, followup, search, summary, time, Error, Invalid, Lang, Result};
use serde_json::json;

use super::output::*;
use super::{
    BridgeCmd, CircleCmd, Command, ConsentCmd, ContactCmd, ContactFields, Ctx, EditFields,
    FilterArgs, FollowupCmd, PersonCmd,
};

pub fn dispatch(ctx: &Ctx, cmd: Command) -> Result<ExitCode> {
    match cmd {
        Command::Init => init(ctx),
        Command::Recover => recover(ctx),
        Command::Passphrase {
            new_passphrase_file,
        } => {
            let new = super::read_passphrase(&new_passphrase_file)?;
            let mut v = ctx.open()?;
            v.set_passphrase(ctx.store(), &new)?;
            say(
                ctx,
                "Wachtwoordzin ingesteld; de sleutel staat niet (meer) in de sleutelbos.",
                "Passphrase set; the key is not (or no longer) in the keyring.",
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::UseKeyring => {
            let mut v = ctx.open()?;
            v.use_keyring(ctx.store())?;
            say(
                ctx,
                "De sleutel staat nu in de sleutelbos; de wachtwoordzin is verwijderd.",
                "The key is now in the keyring; the passphrase was removed.",
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Rekey => rekey(ctx),
        Command::About => super::about::about(ctx),
        Command::Backup { cmd, to } => super::backup::backup(ctx, cmd, to),
        Command::Restore {
            file,
            recovery_code_file,
            replace,
        } => super::backup::restore(ctx, &file, recovery_code_file.as_deref(), replace),
        Command::Person(c) => person_cmd(ctx, c),
        Command::Circle(c) => circle_cmd(ctx, c),
        Command::Consent(c) => consent_cmd(ctx, c),
        Command::Contact(c) => contact_cmd(ctx, c),
        Command::Bridge(c) => bridge_cmd(ctx, c),
        Command::Followup(c) => followup_cmd(ctx, c),
        Command::Stagnation { weeks } => {
            let v = ctx.open()?;
            let list = followup::stagnation(v.conn(), time::today(), weeks)?;
            if ctx.json {
                print_json(
                    &list
                        .iter()
                        .map(|s| {
                            json!({
                                "person": s.person,
                                "last_contact": s.last_contact.map(time::rfc3339_local),
                            })
                        })
                        .collect::<Vec<_>>(),
                );
            } else {
                for s in &list {
                    let last = s
                        .last_contact
                        .map(time::short_local)
                        .unwrap_or_else(|| "—".into());
                    println!("{:<30} {}", s.person, last);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Search {
            query,
            filter,
            limit,
        } => {
            let v = ctx.open()?;
            let f = filter_from(v.conn(), &filter)?;
            let hits = search::run(v.conn(), &query, &f, limit)?;
            if ctx.json {
                print_json(&hits.iter().map(hit_json).collect::<Vec<_>>());
            } else {
                for h in &hits {
                    let kind = match h.kind {
                        search::HitKind::Contact => "contact",
                        search::HitKind::BridgeNote => "brug",
                    };
                    println!(
                        "{kind} #{} {} {}\n        {}",
                        h.id,
                        time::short_local(h.at),
                        h.persons.join(", "),
                        h.snippet_text()
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Summary(args) => super::summary::run(ctx, args),
        Command::Log {
            person: name,
            from,
            to,
            action,
            csv,
            verify,
        } => log_cmd(ctx, name, from, to, action, csv, verify),
        Command::Verify => {
            let v = ctx.open()?;
            let problems = v.verify()?;
            if ctx.json {
                let lines: Vec<String> = problems.iter().map(|p| p.describe(ctx.lang)).collect();
                print_json(
                    &json!({ "sound": problems.is_empty(), "problems": lines, "details": problems }),
                );
            } else {
                for p in &problems {
                    println!("{}", p.describe(ctx.lang));
                }
            }
            if problems.is_empty() {
                if !ctx.json {
                    say(
                        ctx,
                        "Kluis in orde: versleuteling en samenhang gecontroleerd.",
                        "Vault sound: encryption and integrity checked.",
                    );
                }
                Ok(ExitCode::SUCCESS)
            } else {
                let n = problems.len() as i64;
                eprintln!(
                    "naast: {}",
                    match ctx.lang {
                        Lang::Nl => format!(
                            "de kluis is beschadigd ({} gevonden, hierboven); wat nog leesbaar is blijft bewaard. Zet de laatste goede back-up terug met `naast restore`",
                            count(n, Lang::Nl, "probleem", "problemen")
                        ),
                        Lang::En => format!(
                            "the vault is damaged ({} found, listed above); what is still readable stays. Restore the last good backup with `naast restore`",
                            count(n, Lang::En, "problem", "problems")
                        ),
                    }
                );
                Ok(ExitCode::from(1))
            }
        }
        Command::Demo {
            people,
            contacts,
            seed,
        } => {
            let v = ctx.open()?;
            let ids = naast::demo::fill(v.conn(), people, contacts, seed)?;
            if ctx.json {
                print_json(&json!({ "people": ids.len(), "contacts": contacts }));
            } else {
                let (p, n) = (ids.len() as i64, contacts as i64);
                say(
                    ctx,
                    &format!(
                        "{} en {} toegevoegd.",
                        count(p, Lang::Nl, "demo-persoon", "demo-personen"),
                        count(n, Lang::Nl, "contactmoment", "contactmomenten")
                    ),
                    &format!(
                        "Added {} and {}.",
                        count(p, Lang::En, "demo person", "demo people"),
                        count(n, Lang::En, "contact", "contacts")
                    ),
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

pub(super) fn say(ctx: &Ctx, nl: &str, en: &str) {
    match ctx.lang {
        Lang::Nl => println!("{nl}"),
        Lang::En => println!("{en}"),
    }
}

fn init(ctx: &Ctx) -> Result<ExitCode> {
    let pass = ctx.passphrase()?;
    let (vault, code) = Vault::init(&ctx.path, ctx.store(), pass.as_deref().map(|s| s.as_str()))?;
    if ctx.json {
        print_json(&json!({
            "vault_id": vault.id(),
            "recovery_code": code.as_str(),
            "path": vault.path(),
            "mode": vault.mode(),
        }));
    } else {
        match ctx.lang {
            Lang::Nl => {
                println!("Kluis gemaakt: {}", vault.path().display());
                println!("\nJe herstelcode (wordt maar één keer getoond; schrijf hem op en bewaar hem veilig):\n\n    {}\n", code.as_str());
                println!("Met deze code kom je weer in je kluis als de sleutelbos of je wachtwoordzin kwijt is: `naast recover`.");
            }
            Lang::En => {
                println!("Vault created: {}", vault.path().display());
                println!("\nYour recovery code (shown only once; write it down and keep it safe):\n\n    {}\n", code.as_str());
                println!("With this code you can get back in if the keyring or your passphrase is lost: `naast recover`.");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The new code is printed (and flushed) before the vault is re-encrypted: whatever
/// happens next, the person has the code that will open it.
fn rekey(ctx: &Ctx) -> Result<ExitCode> {
    use std::io::Write;
    let pass = ctx.passphrase()?;
    let mut v = ctx.open()?;
    let code = v.rekey_begin()?;
    if ctx.json {
        print_json(&json!({ "recovery_code": code.as_str() }));
    } else {
        match ctx.lang {
            Lang::Nl => println!("Je nieuwe herstelcode (schrijf hem nu op; hij wordt maar één keer getoond):\n\n    {}\n\nOudere back-ups gaan nog open met de oude code. Maak na afloop een nieuwe back-up.", code.as_str()),
            Lang::En => println!("Your new recovery code (write it down now; it is shown only once):\n\n    {}\n\nOlder backups still open with the old code. Make a fresh backup afterwards.", code.as_str()),
        }
    }
    let _ = std::io::stdout().flush();
    drop(code);
    let v = v.rekey_finish(ctx.store(), pass.as_deref().map(|s| s.as_str()))?;
    if !ctx.json {
        say(
            ctx,
            "De kluis is opnieuw versleuteld met de nieuwe sleutel.",
            "The vault is re-encrypted with the new key.",
        );
    }
    drop(v);
    Ok(ExitCode::SUCCESS)
}

fn recover(ctx: &Ctx) -> Result<ExitCode> {
    let mut code = zeroize::Zeroizing::new(String::new());
    std::io::stdin()
        .read_to_string(&mut code)
        .map_err(|e| Error::io("stdin", e))?;
    let pass = ctx.passphrase()?;
    let v = Vault::recover(
        &ctx.path,
        &code,
        ctx.store(),
        pass.as_deref().map(|s| s.as_str()),
    )?;
    if ctx.json {
        print_json(&json!({ "vault_id": v.id(), "mode": v.mode() }));
    } else {
        say(
            ctx,
            "Toegang hersteld; de sleutel is opnieuw bewaard.",
            "Access restored; the key is stored again.",
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn person_cmd(ctx: &Ctx, cmd: PersonCmd) -> Result<ExitCode> {
    let v = ctx.open()?;
    let c = v.conn();
    match cmd {
        PersonCmd::Add {
            alias,
            full_name,
            context,
            wishes,
            strengths,
        } => {
            let p = person::add(
                c,
                &NewPerson {
                    alias,
                    full_name,
                    context: Some(Context::parse(&context)?),
                    wishes,
                    strengths,
                },
            )?;
            if ctx.json {
                print_json(&person_json(&p));
            } else {
                println!("{}", person_line(&p));
            }
        }
        PersonCmd::List => {
            let all = person::list(c)?;
            if ctx.json {
                print_json(&all.iter().map(person_json).collect::<Vec<_>>());
            } else {
                all.iter().for_each(|p| println!("{}", person_line(p)));
            }
        }
        PersonCmd::Show { person: name } => {
            let p = person::find(c, &name)?;
            person::view(c, p.id)?;
            let everything = person_everything(c, &p)?;
            if ctx.json {
                print_json(&everything);
            } else {
                println!("{}", person_line(&p));
                if !p.wishes.is_empty() {
                    println!("  wensen en doelen: {}", p.wishes);
                }
                if !p.strengths.is_empty() {
                    println!("  krachten: {}", p.strengths);
                }
                for m in person::circle(c, p.id)? {
                    println!(
                        "  kring ({}): {} {}",
                        if m.formal { "formeel" } else { "informeel" },
                        m.name,
                        m.role
                    );
                }
                for k in person::consents(c, p.id)? {
                    println!(
                        "  toestemming #{} voor {} t/m {}{}",
                        k.id,
                        k.recipient,
                        k.until,
                        if k.withdrawn_on.is_some() {
                            " (ingetrokken)"
                        } else {
                            ""
                        }
                    );
                }
                for x in contact::list(
                    c,
                    &Filter {
                        person: Some(p.id),
                        ..Filter::default()
                    },
                    None,
                    None,
                )? {
                    println!("{}", contact_line(&x));
                }
            }
        }
        PersonCmd::Export {
            person: name,
            out,
            format,
        } => {
            let p = person::find(c, &name)?;
            let format = naast::dossier::Format::parse(&format)?;
            naast::dossier::export(c, v.path(), p.id, format, ctx.lang, &out)?;
            say(
                ctx,
                &format!("Alles over {} staat in {}.", p.alias, out.display()),
                &format!("Everything about {} is in {}.", p.alias, out.display()),
            );
        }
        PersonCmd::Close { person: name } => {
            let p = person::find(c, &name)?;
            person::set_active(c, p.id, false)?;
        }
        PersonCmd::Erase { person: name, yes } => {
            let p = person::find(c, &name)?;
            if !yes {
                return Err(Invalid::EraseNeedsYes(p.alias).into());
            }
            let n = person::erase(c, p.id)? as i64;
            say(
                ctx,
                &format!(
                    "{} is gewist, met {}.",
                    p.alias,
                    count(n, Lang::Nl, "contactmoment", "contactmomenten")
                ),
                &format!(
                    "{} was erased, with {}.",
                    p.alias,
                    count(n, Lang::En, "contact", "contacts")
                ),
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Everything the vault holds about one person (the right of access).
fn person_everything(c: &rusqlite::Connection, p: &Person) -> Result<serde_json::Value> {
    let contacts = contact::list(
        c,
        &Filter {
            person: Some(p.id),
            ..Filter::default()
        },
        None,
        None,
    )?;
    Ok(json!({
        "person": person_json(p),
        "circle": person::circle(c, p.id)?,
        "consents": person::consents(c, p.id)?,
        "contacts": contacts.iter().map(contact_json).collect::<Vec<_>>(),
        "bridge_notes": bridge::list(c, Some(p.id), None)?.iter().map(bridge_json).collect::<Vec<_>>(),
        "followups": followup::open(c, Some(p.id))?.iter().map(followup_json).collect::<Vec<_>>(),
    }))
}

fn circle_cmd(ctx: &Ctx, cmd: CircleCmd) -> Result<ExitCode> {
    let v = ctx.open()?;
    let c = v.conn();
    match cmd {
        CircleCmd::Add {
            person: name,
            name: member,
            role,
            formal,
        } => {
            let p = person::find(c, &name)?;
            let m = person::add_member(c, p.id, &member, &role, formal)?;
            if ctx.json {
                print_json(&m);
            } else {
                println!("#{} {} {}", m.id, m.name, m.role);
            }
        }
        CircleCmd::List { person: name } => {
            let p = person::find(c, &name)?;
            let list = person::circle(c, p.id)?;
            if ctx.json {
                print_json(&list);
            } else {
                for m in list {
                    println!(
                        "#{:<4} {:<10} {:<24} {}",
                        m.id,
                        if m.formal { "formeel" } else { "informeel" },
                        m.name,
                        m.role
                    );
                }
            }
        }
        CircleCmd::Edit {
            person: name,
            name: member,
            new_name,
            role,
            formal,
            informal,
        } => {
            let p = person::find(c, &name)?;
            let m = person::find_member(c, p.id, &member)?;
            let formal = if formal {
                true
            } else if informal {
                false
            } else {
                m.formal
            };
            let m = person::update_member(
                c,
                m.id,
                new_name.as_deref().unwrap_or(&m.name),
                role.as_deref().unwrap_or(&m.role),
                formal,
            )?;
            if ctx.json {
                print_json(&m);
            } else {
                println!("#{} {} {}", m.id, m.name, m.role);
            }
        }
        CircleCmd::Remove {
            person: name,
            name: member,
        } => {
            let p = person::find(c, &name)?;
            let m = person::find_member(c, p.id, &member)?;
            let removal = person::remove_member(c, m.id, naast::time::today())?;
            if ctx.json {
                print_json(&serde_json::json!({ "id": m.id, "removal": removal }));
            } else {
                println!("#{} {} {}", m.id, m.name, match removal {
                    person::Removal::Deleted => "verwijderd",
                    person::Removal::Left => "uit de kring (toestemmingen ingetrokken, gedeelde brugnotities bewaard)",
                });
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn consent_cmd(ctx: &Ctx, cmd: ConsentCmd) -> Result<ExitCode> {
    let v = ctx.open()?;
    let c = v.conn();
    match cmd {
        ConsentCmd::Add {
            person: name,
            to,
            discussed,
            until,
            scope,
        } => {
            let p = person::find(c, &name)?;
            let m = person::find_member(c, p.id, &to)?;
            let discussed = discussed
                .as_deref()
                .map(time::parse_date)
                .transpose()?
                .unwrap_or_else(time::today);
            let k = person::add_consent(c, &m, &scope, discussed, time::parse_date(&until)?)?;
            if ctx.json {
                print_json(&k);
            } else {
                println!("#{} {} t/m {}", k.id, k.recipient, k.until);
            }
        }
        ConsentCmd::List { person: name } => {
            let p = person::find(c, &name)?;
            let list = person::consents(c, p.id)?;
            if ctx.json {
                print_json(&list);
            } else {
                for k in list {
                    let valid = if k.valid_on(time::today()) {
                        "geldig"
                    } else {
                        "niet geldig"
                    };
                    println!(
                        "#{:<4} {:<24} {} t/m {} ({valid})",
                        k.id, k.recipient, k.discussed_on, k.until
                    );
                }
            }
        }
        ConsentCmd::Withdraw { id } => person::withdraw_consent(c, id, time::today())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn filter_from(c: &rusqlite::Connection, f: &FilterArgs) -> Result<Filter> {
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

fn new_contact(c: &rusqlite::Connection, f: ContactFields) -> Result<NewContact> {
    let persons = persons_from(c, &f.persons)?;
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
    })
}

fn read_note(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    String::from_utf8(bytes).map_err(|_| {
        Error::io(
            path,
            std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text"),
        )
    })
}

fn persons_from(c: &rusqlite::Connection, names: &[String]) -> Result<Vec<i64>> {
    let mut persons = Vec::new();
    for name in names {
        let id = person::find(c, name)?.id;
        if !persons.contains(&id) {
            persons.push(id);
        }
    }
    Ok(persons)
}

fn support_from(list: &[String]) -> Result<Vec<Support>> {
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
fn patch_from(c: &rusqlite::Connection, f: EditFields) -> Result<contact::Patch> {
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
    })
}

fn contact_cmd(ctx: &Ctx, cmd: ContactCmd) -> Result<ExitCode> {
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
                    println!("\nIn eigen woorden: \"{}\"", x.own_words);
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

fn bridge_cmd(ctx: &Ctx, cmd: BridgeCmd) -> Result<ExitCode> {
    let v = ctx.open()?;
    let c = v.conn();
    let b = match cmd {
        BridgeCmd::Add {
            person: name,
            to,
            kind,
            text,
            text_file,
            voice,
            contacts,
        } => {
            let p = person::find(c, &name)?;
            let m = person::find_member(c, p.id, &to)?;
            let text = match (text, text_file) {
                (Some(t), _) => t,
                (None, Some(path)) => {
                    std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?
                }
                (None, None) => String::new(),
            };
            bridge::add(
                c,
                &bridge::NewBridgeNote {
                    person_id: p.id,
                    member_id: m.id,
                    kind: BridgeKind::parse(&kind)?,
                    text,
                    client_voice: voice,
                    contacts,
                },
            )?
        }
        BridgeCmd::List {
            person: name,
            status,
        } => {
            let pid = name
                .as_deref()
                .map(|n| person::find(c, n).map(|p| p.id))
                .transpose()?;
            let status = status.as_deref().map(bridge::Status::parse).transpose()?;
            let list = bridge::list(c, pid, status)?;
            if ctx.json {
                print_json(&list.iter().map(bridge_json).collect::<Vec<_>>());
            } else {
                list.iter().for_each(|b| println!("{}", bridge_line(b)));
            }
            return Ok(ExitCode::SUCCESS);
        }
        BridgeCmd::Show { id, level } => {
            let b = bridge::get(c, id)?;
            if ctx.json {
                print_json(&bridge_json(&b));
            } else {
                let level = summary::Level::parse(&level)?;
                print!("{}", bridge::text_for_others(c, b.id, level, ctx.lang)?);
            }
            return Ok(ExitCode::SUCCESS);
        }
        BridgeCmd::Share { id } => bridge::share(c, id, time::today())?,
        BridgeCmd::Answer { id, text } => bridge::answer(c, id, &text)?,
        BridgeCmd::Close { id } => bridge::close(c, id)?,
    };
    if ctx.json {
        print_json(&bridge_json(&b));
    } else {
        println!("{}", bridge_line(&b));
    }
    Ok(ExitCode::SUCCESS)
}

fn followup_cmd(ctx: &Ctx, cmd: FollowupCmd) -> Result<ExitCode> {
    let v = ctx.open()?;
    let c = v.conn();
    let today = time::today();
    let f = match cmd {
        FollowupCmd::Add {
            person: name,
            due,
            why,
        } => {
            let p = person::find(c, &name)?;
            followup::add(c, p.id, time::parse_date(&due)?, &why)?
        }
        FollowupCmd::List { person: name } => {
            let pid = name
                .as_deref()
                .map(|n| person::find(c, n).map(|p| p.id))
                .transpose()?;
            let list = followup::open(c, pid)?;
            if ctx.json {
                print_json(&list.iter().map(followup_json).collect::<Vec<_>>());
            } else {
                list.iter()
                    .for_each(|f| println!("{}", followup_line(f, today)));
            }
            return Ok(ExitCode::SUCCESS);
        }
        FollowupCmd::Done { id } => followup::done(c, id, today)?,
        FollowupCmd::Move { id, to } => followup::move_to(c, id, time::parse_date(&to)?)?,
    };
    if ctx.json {
        print_json(&followup_json(&f));
    } else {
        println!("{}", followup_line(&f, today));
    }
    Ok(ExitCode::SUCCESS)
}

#[allow(clippy::too_many_arguments)]
fn log_cmd(
    ctx: &Ctx,
    name: Option<String>,
    from: Option<String>,
    to: Option<String>,
    action: Option<String>,
    csv: bool,
    verify: bool,
) -> Result<ExitCode> {
    use naast::audit;
    let v = ctx.open()?;
    let c = v.conn();
    if verify {
        let r = audit::verify(c)?;
        if ctx.json {
            print_json(&r);
        } else if r.sound {
            say(
                ctx,
                &format!(
                    "Logboek in orde: {} regels, de keten is heel.",
                    naast::text::number(r.entries, Lang::Nl)
                ),
                &format!(
                    "Log sound: {} entries, the chain is whole.",
                    naast::text::number(r.entries, Lang::En)
                ),
            );
        }
        if !r.sound {
            let at = r.broken_at.unwrap_or_default();
            eprintln!(
                "naast: {}",
                match ctx.lang {
                    Lang::Nl => format!(
                        "het logboek is aangepast of ingekort: de keten breekt bij regel {at}"
                    ),
                    Lang::En =>
                        format!("the log was altered or cut short: the chain breaks at entry {at}"),
                }
            );
            return Ok(ExitCode::from(1));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let q = audit::Query {
        from: from.as_deref().map(time::parse_date).transpose()?,
        to: to.as_deref().map(time::parse_date).transpose()?,
        person: name
            .as_deref()
            .map(|n| person::find(c, n).map(|p| p.id))
            .transpose()?,
        action: action.as_deref().map(audit::Action::parse).transpose()?,
        ..Default::default()
    };
    let entries = audit::list(c, &q, None)?;
    if csv {
        print!("{}", audit::csv(&entries, ctx.lang));
    } else if ctx.json {
        print_json(
            &entries
                .iter()
                .map(|e| {
                    json!({
                        "id": e.id,
                        "at": chrono::DateTime::from_timestamp(e.at, 0).map(|t| t.to_rfc3339()),
                        "actor": e.actor,
                        "action": e.action,
                        "object": e.object,
                        "object_id": e.object_id,
                        "person": e.person_code,
                        "outcome": if e.refused { "refused" } else { "ok" },
                        "detail": e.detail,
                        "hash": e.hash,
                    })
                })
                .collect::<Vec<_>>(),
        );
    } else {
        for e in &entries {
            println!(
                "#{:<6} {}  {:<10} {:<14} {:<6} {}{}",
                e.id,
                time::short_local(e.at),
                e.action.as_str(),
                e.object,
                e.person_code.as_deref().unwrap_or("—"),
                if e.refused { "[geweigerd] " } else { "" },
                e.actor
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
