//! `naast log`: the audit log listed, exported as CSV, and verified.

use std::process::ExitCode;

use naast::ground::calendar;
use naast::ground::error::Result;
use naast::ground::lang::Lang;
use naast::ground::time;
use naast::records::person;
use serde_json::json;

use super::ctx::Ctx;
use super::output::*;

#[allow(clippy::too_many_arguments)]
pub(super) fn log_cmd(
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
        // The chain, and the log held against what the key file and the backups'
        // manifests remember of its newest line.
        let r = naast::ways::backup::verify_log(&v)?;
        if ctx.json {
            // For scripts: how many anchors, and the missing lines as numbers.
            let mut j = serde_json::to_value(&r).unwrap_or_default();
            j["anchors"] = r.anchors.into();
            if let Some(audit::Gap::Cut { from, to }) = r.gap {
                j["missing"] = json!([from, to]);
            }
            print_json(&j);
        } else if r.sound {
            say(
                ctx,
                &format!(
                    "Logboek in orde: {} regels, de keten is heel en klopt met {} {} buiten de kluis.",
                    naast::ground::numbers::number(r.entries, Lang::Nl),
                    r.anchors,
                    if r.anchors == 1 { "anker" } else { "ankers" }
                ),
                &format!(
                    "Log sound: {} entries, the chain is whole and agrees with {} {} outside the vault.",
                    naast::ground::numbers::number(r.entries, Lang::En),
                    r.anchors,
                    if r.anchors == 1 { "anchor" } else { "anchors" }
                ),
            );
        }
        if !r.sound {
            let at = r.broken_at.unwrap_or_default();
            if let Some(gap) = r.gap {
                eprintln!("naast: {}", gap.error().cli_message(ctx.lang));
                return Ok(ExitCode::from(1));
            }
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
        action: action
            .as_deref()
            .map(naast::ground::vocab::Action::parse)
            .transpose()?,
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
                calendar::short_local(e.at),
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
