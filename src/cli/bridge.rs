//! `naast bridge`: bridge notes written, shared, answered, closed and shown.

use std::process::ExitCode;

use naast::ground::calendar;
use naast::ground::error::{Error, Result};
use naast::ground::vocab::{self, BridgeKind};
use naast::records::bridge;
use naast::records::circle;
use naast::records::person;
use naast::ways::bridge_text;
use naast::ways::redact;
use naast::ways::summary;

use super::args::BridgeCmd;
use super::ctx::Ctx;
use super::output::*;
use super::unsure;

pub(super) fn bridge_cmd(ctx: &Ctx, cmd: BridgeCmd) -> Result<ExitCode> {
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
            let m = circle::find_member(c, p.id, &to)?;
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
            let status = status.as_deref().map(vocab::Status::parse).transpose()?;
            let list = bridge::list(c, pid, status)?;
            if ctx.json {
                print_json(&list.iter().map(bridge_json).collect::<Vec<_>>());
            } else {
                list.iter().for_each(|b| println!("{}", bridge_line(b)));
            }
            return Ok(ExitCode::SUCCESS);
        }
        BridgeCmd::Show {
            id,
            level,
            replace,
            not_names,
        } => {
            let b = bridge::get(c, id)?;
            let extra = replace
                .iter()
                .map(|r| unsure::replacement(c, r))
                .collect::<Result<Vec<_>>>()?;
            for w in &not_names {
                redact::add_not_name(c, w)?;
            }
            if ctx.json {
                print_json(&bridge_json(&b));
            } else {
                let level = summary::Level::parse(&level)?;
                let (text, asked) =
                    bridge_text::text_for_others_checked(c, b.id, level, ctx.lang, extra)?;
                print!("{text}");
                for x in &asked {
                    eprintln!(
                        "naast: {}",
                        unsure::warning(x, ctx.lang, "brugnotitie", "bridge note")
                    );
                }
            }
            return Ok(ExitCode::SUCCESS);
        }
        BridgeCmd::Share { id } => bridge::share(c, id, calendar::today())?,
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
