//! `naast summary`: the team-consult summary to an HTML file (or Naast's own PDF when
//! the name ends in `.pdf`), with a warning on stderr for every word that looks like
//! a name Naast does not know.

use std::process::ExitCode;

use naast::ground::calendar;
use naast::ground::error::Result;
use naast::ground::lang::Lang;
use naast::ground::time;
use naast::records::person;
use naast::ways::redact;
use naast::ways::summary;
use serde_json::json;

use super::args::SummaryArgs;
use super::ctx::Ctx;
use super::output::print_json;
use super::output::say;
use super::unsure::{replacement, warning};

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
    o.goal_weeks = a.goal_weeks;
    o.extra_names = a
        .replace
        .iter()
        .map(|r| replacement(c, r))
        .collect::<Result<_>>()?;
    for w in &a.not_names {
        redact::add_not_name(c, w)?;
    }
    let (s, suspects) = summary::compute_checked(c, &o, calendar::today())?;
    let format = if a
        .out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
    {
        summary::Format::Pdf
    } else {
        summary::Format::Html
    };
    let bytes = match format {
        summary::Format::Pdf => summary::pdf::render(&s)?,
        summary::Format::Html => summary::html::render(&s).into_bytes(),
    };
    naast::store::files::write_output(&a.out, &bytes, v.path())?;
    summary::record(c, &o, &s.person_ids, summary::Action::Cli, format)?;
    for x in &suspects {
        eprintln!("naast: {}", warning(x, ctx.lang, "samenvatting", "summary"));
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
