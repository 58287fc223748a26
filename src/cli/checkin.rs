//! `naast followup`: check-ins planned, done and moved.

use std::process::ExitCode;

use naast::ground::calendar;
use naast::ground::error::Result;
use naast::ground::time;
use naast::records::followup;
use naast::records::person;

use super::args::FollowupCmd;
use super::ctx::Ctx;
use super::output::*;

pub(super) fn followup_cmd(ctx: &Ctx, cmd: FollowupCmd) -> Result<ExitCode> {
    let v = ctx.open()?;
    let c = v.conn();
    let today = calendar::today();
    let f = match cmd {
        FollowupCmd::Add {
            person: name,
            due,
            why,
            plan_review,
        } => {
            let p = person::find(c, &name)?;
            let due = time::parse_date(&due)?;
            match plan_review {
                true => followup::add_plan_review(c, p.id, due, &why)?,
                false => followup::add(c, p.id, due, &why)?,
            }
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
