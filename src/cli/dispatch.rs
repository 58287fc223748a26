//! Which command runs: the match over every command of the command line. Small
//! commands are answered here; the others have a file of their own.

use std::process::ExitCode;

use naast::ground::calendar;
use naast::ground::error::Result;
use naast::ground::lang::Lang;
use naast::ground::numbers::count;
use naast::reads::search;
use naast::records::followup;
use serde_json::json;

use super::args::Command;
use super::ctx::Ctx;
use super::output::*;

pub fn dispatch(ctx: &Ctx, cmd: Command) -> Result<ExitCode> {
    match cmd {
        Command::Init => super::key::init(ctx),
        Command::Recover => super::key::recover(ctx),
        Command::Passphrase {
            new_passphrase_file,
        } => {
            let new = super::ctx::read_passphrase(&new_passphrase_file)?;
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
        Command::Rekey => super::key::rekey(ctx),
        Command::About => super::about::about(ctx),
        Command::Backup { cmd, to } => super::backup::backup(ctx, cmd, to),
        Command::Restore {
            file,
            recovery_code_file,
            replace,
        } => super::backup::restore(ctx, &file, recovery_code_file.as_deref(), replace),
        Command::Person(c) => super::person::person_cmd(ctx, c),
        Command::Circle(c) => super::circle::circle_cmd(ctx, c),
        Command::Consent(c) => super::circle::consent_cmd(ctx, c),
        Command::Contact(c) => super::contact::contact_cmd(ctx, *c),
        Command::Goal(c) => super::goal::goal_cmd(ctx, c),
        Command::Bridge(c) => super::bridge::bridge_cmd(ctx, c),
        Command::Followup(c) => super::checkin::followup_cmd(ctx, c),
        Command::Stagnation { weeks } => {
            let v = ctx.open()?;
            let list = followup::stagnation(v.conn(), calendar::today(), weeks)?;
            if ctx.json {
                print_json(
                    &list
                        .iter()
                        .map(|s| {
                            json!({
                                "person": s.person,
                                "last_contact": s.last_contact.map(calendar::rfc3339_local),
                            })
                        })
                        .collect::<Vec<_>>(),
                );
            } else {
                for s in &list {
                    let last = s
                        .last_contact
                        .map(calendar::short_local)
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
            let f = super::contact::filter_from(v.conn(), &filter)?;
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
                        calendar::short_local(h.at),
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
        } => super::log::log_cmd(ctx, name, from, to, action, csv, verify),
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
        Command::Import(args) => super::import::run(ctx, args),
        Command::ExportAll { out, format } => super::export::export_all(ctx, &out, &format),
        Command::Hours(args) => super::export::hours(ctx, args),
        Command::Demo {
            people,
            contacts,
            seed,
        } => {
            let v = ctx.open()?;
            let ids = naast::ways::demo::fill(v.conn(), people, contacts, seed)?;
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
