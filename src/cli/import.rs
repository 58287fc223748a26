//! `naast import FILE`: the preview (`--dry-run`), or the import itself, of a sheet.

use std::process::ExitCode;

use naast::ground::calendar;
use naast::ground::error::{Invalid, Result};
use naast::ground::lang::Lang;
use naast::ground::numbers::count;
use naast::ground::vocab::{Mode, Support};
use naast::ways::import::{self, fields, ColumnChoice, Options, Preview, Refused};
use naast::ways::sheet;
use serde_json::json;

use super::args::ImportArgs;
use super::ctx::Ctx;
use super::output::print_json;

pub fn run(ctx: &Ctx, a: ImportArgs) -> Result<ExitCode> {
    let v = ctx.open()?;
    let c = v.conn();
    let table = sheet::read(&a.file, a.sheet.as_deref())?;
    let mut o = Options {
        sheet: a.sheet.clone(),
        create_people: a.create_people,
        mode: a.mode.as_deref().map(Mode::parse).transpose()?,
        ..Options::default()
    };
    for s in &a.support {
        for t in Support::parse_list(s)? {
            if !o.support.contains(&t) {
                o.support.push(t);
            }
        }
    }
    for m in &a.map {
        let (column, field) = fields::map_arg(&table, m)?;
        o.columns.push(ColumnChoice { column, field });
    }
    let p = import::preview(c, &table, &o, ctx.lang)?;
    if a.dry_run {
        if !ctx.json {
            describe(&p, ctx.lang);
        }
        if let Some(m) = p.missing.first() {
            return Err(Invalid::ImportMissing(m.as_str()).into());
        }
        if ctx.json {
            print_json(&json!({
                "dry_run": true,
                "rows": p.rows,
                "imported": p.importable,
                "skipped_duplicates": p.duplicates,
                "refused": p.refused,
                "new_people": p.new_people,
            }));
        } else {
            totals(ctx.lang, p.importable, p.duplicates, &p.refused, true);
        }
        return Ok(if p.refused.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    let done = import::run(c, &table, &o, ctx.lang, calendar::today(), &mut |_, _| {})?;
    if ctx.json {
        print_json(&json!({
            "rows": done.rows,
            "imported": done.imported,
            "skipped_duplicates": done.skipped_duplicates,
            "refused": done.refused,
            "new_people": done.new_people,
        }));
    } else {
        for r in &done.refused {
            println!("{}", refused_line(r, ctx.lang));
        }
        totals(
            ctx.lang,
            done.imported,
            done.skipped_duplicates,
            &done.refused,
            false,
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn refused_line(r: &Refused, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("rij {}: {}", r.row, r.reason),
        Lang::En => format!("row {}: {}", r.row, r.reason),
    }
}

/// The preview for a person at a terminal: the columns as read, new people, unknown
/// words, refused rows.
fn describe(p: &Preview, lang: Lang) {
    let nl = lang == Lang::Nl;
    let what = match (&p.sheet, p.encoding.as_deref()) {
        (Some(s), _) => format!(
            "{} '{s}' ({})",
            if nl { "Blad" } else { "Sheet" },
            format!("{:?}", p.format).to_lowercase()
        ),
        (None, Some(e)) => format!(
            "CSV, {e}, {} '{}'",
            if nl { "scheidingsteken" } else { "separator" },
            p.separator.as_deref().unwrap_or(";")
        ),
        _ => format!("{:?}", p.format),
    };
    println!("{what}");
    for c in &p.columns {
        let field =
            c.field
                .map(|f| f.as_str())
                .unwrap_or(if nl { "(overgeslagen)" } else { "(skipped)" });
        println!("  {:<3} {:<28} → {field}", c.letter, c.header);
    }
    if !p.new_people.is_empty() {
        println!(
            "{}: {}",
            if nl {
                "Nieuwe mensen (alleen gemaakt met --create-people)"
            } else {
                "New people (made only with --create-people)"
            },
            p.new_people.join(", ")
        );
    }
    for w in &p.words {
        println!(
            "{} '{}' ({}, {}×) → {}",
            if nl { "Onbekend woord" } else { "Unknown word" },
            w.word,
            w.field.as_str(),
            w.rows,
            if nl { "eigen label" } else { "own tag" }
        );
    }
    for r in &p.refused {
        println!("{}", refused_line(r, lang));
    }
}

fn totals(lang: Lang, imported: usize, dups: usize, refused: &[Refused], dry: bool) {
    let (n, d, r) = (imported as i64, dups as i64, refused.len() as i64);
    let line = match (lang, dry) {
        (Lang::Nl, true) => format!(
            "Te importeren: {}; al in Naast (overgeslagen): {}; geweigerd: {}.",
            count(n, Lang::Nl, "contactmoment", "contactmomenten"),
            d,
            count(r, Lang::Nl, "rij", "rijen")
        ),
        (Lang::En, true) => format!(
            "To import: {}; already in Naast (skipped): {}; refused: {}.",
            count(n, Lang::En, "contact", "contacts"),
            d,
            count(r, Lang::En, "row", "rows")
        ),
        (Lang::Nl, false) => format!(
            "Geïmporteerd: {}; al in Naast (overgeslagen): {}; geweigerd: {}.",
            count(n, Lang::Nl, "contactmoment", "contactmomenten"),
            d,
            count(r, Lang::Nl, "rij", "rijen")
        ),
        (Lang::En, false) => format!(
            "Imported: {}; already in Naast (skipped): {}; refused: {}.",
            count(n, Lang::En, "contact", "contacts"),
            d,
            count(r, Lang::En, "row", "rows")
        ),
    };
    println!("{line}");
}
