//! `naast summary`: the team-consult summary to an HTML file, with a warning on
//! stderr for every word that looks like a name Naast does not know.

use std::process::ExitCode;

use naast::ground::calendar;
use naast::ground::error::{Invalid, Result};
use naast::ground::lang::Lang;
use naast::ground::time;
use naast::records::person;
use naast::ways::redact::{self, ExtraName, Replacement, Suspect};
use naast::ways::summary;
use serde_json::json;

use super::args::SummaryArgs;
use super::ctx::Ctx;
use super::output::print_json;
use super::output::say;

pub fn run(ctx: &Ctx, a: SummaryArgs) -> Result<ExitCode> {
    let v = ctx.open()?;
    let c = v.conn();
    let mut o = summary::Options::new(time::parse_date(&a.from)?, time::parse_date(&a.to)?);
    o.persons = a
        .persons
        .iter()
        .map(|n| person::find(c, n).map(|p| p.id))
        .collect::<Result<_>>()?;
    o.level = summary::Level::parse(&a.level)?;
    o.lang = ctx.lang;
    o.all_notes = a.all_notes;
    o.circle_names = a.circle_names;
    o.colleagues = a.colleagues;
    o.stagnation_weeks = a.stagnation_weeks;
    o.extra_names = a
        .replace
        .iter()
        .map(|r| replacement(c, r))
        .collect::<Result<_>>()?;
    for w in &a.not_names {
        redact::add_not_name(c, w)?;
    }
    let (s, suspects) = summary::compute_checked(c, &o, calendar::today())?;
    naast::store::files::write_output(&a.out, summary::html::render(&s).as_bytes(), v.path())?;
    summary::record(c, &o, &s.person_ids, summary::Action::Cli)?;
    for x in &suspects {
        eprintln!("naast: {}", warning(x, ctx.lang));
    }
    if ctx.json {
        print_json(&json!({
            "out": a.out,
            "contacts": s.totals.contacts,
            "people": s.totals.people,
            "agenda": s.agenda.len(),
            "suspects": suspects,
        }));
    } else {
        use naast::ground::numbers::count;
        say(
            ctx,
            &format!(
                "Samenvatting geschreven naar {} ({}, {}).",
                a.out.display(),
                count(s.totals.people, Lang::Nl, "persoon", "personen"),
                count(
                    s.totals.contacts,
                    Lang::Nl,
                    "contactmoment",
                    "contactmomenten"
                )
            ),
            &format!(
                "Summary written to {} ({}, {}).",
                a.out.display(),
                count(s.totals.people, Lang::En, "person", "people"),
                count(s.totals.contacts, Lang::En, "contact", "contacts")
            ),
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `WORD=WITH`: a person when WITH is someone's alias or code, else a role.
fn replacement(conn: &naast::store::db::Connection, arg: &str) -> Result<ExtraName> {
    let Some((word, with)) = arg.split_once('=') else {
        return Err(Invalid::Replacement(arg.into()).into());
    };
    let (word, with) = (word.trim(), with.trim());
    if word.is_empty() || with.is_empty() {
        return Err(Invalid::Replacement(arg.into()).into());
    }
    let with = match person::find(conn, with) {
        Ok(p) => Replacement::Person(p.id),
        Err(naast::ground::error::Error::NotFound { .. }) => Replacement::Role(with.to_string()),
        Err(e) => return Err(e),
    };
    Ok(ExtraName {
        word: word.to_string(),
        with,
    })
}

/// One line per suspect; the word only, never the text around it.
fn warning(s: &Suspect, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "waarschuwing: \"{}\" lijkt een naam die Naast niet kent ({}×) en staat zo in de samenvatting; vervang met --replace \"{}=…\" of markeer met --not-name \"{}\"",
            s.word, s.count, s.word, s.word
        ),
        Lang::En => format!(
            "warning: \"{}\" looks like a name Naast does not know ({}×) and is in the summary as written; replace it with --replace \"{}=…\" or mark it with --not-name \"{}\"",
            s.word, s.count, s.word, s.word
        ),
    }
}
