//! `naast person`: add, list, show, export, close and erase people.

use std::process::ExitCode;

use naast::ground::error::{Invalid, Result};
use naast::ground::lang::Lang;
use naast::ground::numbers::count;
use naast::ground::vocab::Context;
use naast::reads::person_page;
use naast::records::bridge;
use naast::records::circle;
use naast::records::consent;
use naast::records::contact::{self, Filter};
use naast::records::erasure;
use naast::records::followup;
use naast::records::person::{self, NewPerson, Person};
use serde_json::json;

use super::args::PersonCmd;
use super::ctx::Ctx;
use super::output::*;

pub(super) fn person_cmd(ctx: &Ctx, cmd: PersonCmd) -> Result<ExitCode> {
    let v = ctx.open()?;
    let c = v.conn();
    match cmd {
        PersonCmd::Add {
            alias,
            full_name,
            context,
            wishes,
            strengths,
            plan,
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
            if plan {
                naast::records::goal::set_plan(c, p.id, true)?;
            }
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
            person_page::view(c, p.id)?;
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
                for m in circle::circle(c, p.id)? {
                    println!(
                        "  kring ({}): {} {}",
                        if m.formal { "formeel" } else { "informeel" },
                        m.name,
                        m.role
                    );
                }
                for g in naast::records::goal::list(c, p.id)? {
                    println!(
                        "  doel #{} ({}): {}",
                        g.id,
                        g.status.words(Lang::Nl),
                        g.text
                    );
                }
                for k in consent::consents(c, p.id)? {
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
            let format = naast::ways::dossier::Format::parse(&format)?;
            naast::ways::dossier::export(c, v.path(), p.id, format, ctx.lang, &out)?;
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
        PersonCmd::Plan { person: name, off } => {
            let p = person::find(c, &name)?;
            naast::records::goal::set_plan(c, p.id, !off)?;
            match off {
                false => say(
                    ctx,
                    &format!("{} heeft nu een eigen plan.", p.alias),
                    &format!("{} now has an own plan.", p.alias),
                ),
                true => say(
                    ctx,
                    &format!(
                        "Geen nieuwe doelen meer voor {}; de bestaande blijven.",
                        p.alias
                    ),
                    &format!("No new goals for {}; the ones there are stay.", p.alias),
                ),
            }
        }
        PersonCmd::Erase { person: name, yes } => {
            let p = person::find(c, &name)?;
            if !yes {
                return Err(Invalid::EraseNeedsYes(p.alias).into());
            }
            let n = erasure::erase(c, p.id)? as i64;
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
pub(super) fn person_everything(c: &rusqlite::Connection, p: &Person) -> Result<serde_json::Value> {
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
        "circle": circle::circle(c, p.id)?,
        "consents": consent::consents(c, p.id)?,
        "contacts": contacts.iter().map(contact_json).collect::<Vec<_>>(),
        "bridge_notes": bridge::list(c, Some(p.id), None)?.iter().map(bridge_json).collect::<Vec<_>>(),
        "followups": followup::open(c, Some(p.id))?.iter().map(followup_json).collect::<Vec<_>>(),
        "plan": naast::records::goal::list(c, p.id)?,
    }))
}
