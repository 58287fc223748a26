//! `naast circle` and `naast consent`: who is in a person's circle, and what they
//! agreed may be shared with whom.

use std::process::ExitCode;

use naast::ground::calendar;
use naast::ground::error::Result;
use naast::ground::time;
use naast::records::circle;
use naast::records::consent;
use naast::records::person;

use super::args::{CircleCmd, ConsentCmd};
use super::ctx::Ctx;
use super::output::*;

pub(super) fn circle_cmd(ctx: &Ctx, cmd: CircleCmd) -> Result<ExitCode> {
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
            let m = circle::add_member(c, p.id, &member, &role, formal)?;
            if ctx.json {
                print_json(&m);
            } else {
                println!("#{} {} {}", m.id, m.name, m.role);
            }
        }
        CircleCmd::List { person: name } => {
            let p = person::find(c, &name)?;
            let list = circle::circle(c, p.id)?;
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
            let m = circle::find_member(c, p.id, &member)?;
            let formal = if formal {
                true
            } else if informal {
                false
            } else {
                m.formal
            };
            let m = circle::update_member(
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
            let m = circle::find_member(c, p.id, &member)?;
            let removal = circle::remove_member(c, m.id, naast::ground::calendar::today())?;
            if ctx.json {
                print_json(&serde_json::json!({ "id": m.id, "removal": removal }));
            } else {
                println!("#{} {} {}", m.id, m.name, match removal {
                    circle::Removal::Deleted => "verwijderd",
                    circle::Removal::Left => "uit de kring (toestemmingen ingetrokken, gedeelde brugnotities bewaard)",
                });
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn consent_cmd(ctx: &Ctx, cmd: ConsentCmd) -> Result<ExitCode> {
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
            let m = circle::find_member(c, p.id, &to)?;
            let discussed = discussed
                .as_deref()
                .map(time::parse_date)
                .transpose()?
                .unwrap_or_else(calendar::today);
            let k = consent::add_consent(c, &m, &scope, discussed, time::parse_date(&until)?)?;
            if ctx.json {
                print_json(&k);
            } else {
                println!("#{} {} t/m {}", k.id, k.recipient, k.until);
            }
        }
        ConsentCmd::List { person: name } => {
            let p = person::find(c, &name)?;
            let list = consent::consents(c, p.id)?;
            if ctx.json {
                print_json(&list);
            } else {
                for k in list {
                    let valid = if k.valid_on(calendar::today()) {
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
        ConsentCmd::Withdraw { id } => consent::withdraw_consent(c, id, calendar::today())?,
    }
    Ok(ExitCode::SUCCESS)
}
