//! `naast export-all` (everything, to leave with) and `naast hours` (the hours
//! overview). Both write files that are not encrypted: one line on stderr says so
//! before anything is written, as a person at a terminal must know.

use std::path::Path;
use std::process::ExitCode;

use naast::ground::error::Result;
use naast::ground::lang::Lang;
use naast::ground::time;
use naast::ways::export::{self, Format};
use naast::ways::hours::{self, By};
use serde_json::json;

use super::args::HoursArgs;
use super::ctx::Ctx;
use super::output::{print_json, say};

/// The warning before an unencrypted output, on stderr so it never mixes with JSON.
pub fn warn_unencrypted(ctx: &Ctx, what: &Path) {
    eprintln!(
        "naast: {}",
        match ctx.lang {
            Lang::Nl => format!(
                "let op: {} wordt niet versleuteld; wie erbij kan, kan het lezen. Bewaar het veilig en verwijder het als je het niet meer nodig hebt",
                what.display()
            ),
            Lang::En => format!(
                "note: {} is not encrypted; anyone who can reach it can read it. Keep it safe and delete it when you no longer need it",
                what.display()
            ),
        }
    );
}

pub fn export_all(ctx: &Ctx, out: &Path, format: &str) -> Result<ExitCode> {
    let format = Format::parse(format)?;
    let v = ctx.open()?;
    warn_unencrypted(ctx, out);
    let files = export::export_all(v.conn(), v.path(), out, format)?;
    if ctx.json {
        print_json(&json!({ "format": format.as_str(), "files": files }));
    } else {
        for f in &files {
            println!("{}", f.display());
        }
        say(
            ctx,
            &format!("Alles uit de kluis staat in {}.", out.display()),
            &format!("Everything in the vault is in {}.", out.display()),
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn hours(ctx: &Ctx, a: HoursArgs) -> Result<ExitCode> {
    let from = time::parse_date(&a.from)?;
    let to = time::parse_date(&a.to)?;
    let by = By::parse(&a.by)?;
    let v = ctx.open()?;
    let o = hours::compute(v.conn(), from, to, by, ctx.lang)?;
    let file = a
        .csv
        .as_ref()
        .map(|p| (p, Format::Csv))
        .or(a.xlsx.as_ref().map(|p| (p, Format::Xlsx)));
    if let Some((path, format)) = file {
        warn_unencrypted(ctx, path);
        hours::save(v.conn(), v.path(), &o, path, format)?;
        if !ctx.json {
            say(
                ctx,
                &format!("Urenoverzicht geschreven naar {}.", path.display()),
                &format!("Hours overview written to {}.", path.display()),
            );
        }
    }
    if ctx.json {
        let periods: Vec<_> = o
            .periods
            .iter()
            .map(|p| {
                json!({
                    "period": p.period,
                    "from": p.from,
                    "to": p.to,
                    "contacts": p.contacts,
                    "hours": p.hours,
                    "support": p.support,
                    "mode": p.mode,
                    "context": p.context,
                })
            })
            .collect();
        print_json(&periods);
    } else if file.is_none() {
        let nl = ctx.lang == Lang::Nl;
        println!(
            "{:<34} {:>8} {:>8}  {}",
            if nl { "periode" } else { "period" },
            if nl { "contact" } else { "contacts" },
            if nl { "uren" } else { "hours" },
            if nl {
                "soort steun (uren)"
            } else {
                "support (hours)"
            }
        );
        for p in o.periods.iter().chain(std::iter::once(&o.total)) {
            let split: Vec<String> = p
                .support
                .iter()
                .filter(|(_, h)| **h > 0.0)
                .map(|(s, h)| format!("{} {h}", s.label(ctx.lang)))
                .collect();
            println!(
                "{:<34} {:>8} {:>8}  {}",
                p.label,
                p.contacts,
                p.hours,
                split.join(", ")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
