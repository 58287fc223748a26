//! `naast goal`: the person's own plan from the command line. Text from `--text-file`
//! or `--words-file` (`-` for standard input) so that words with quotes or several
//! lines need no shell quoting, as `--note-file` does for a contact.

use std::path::Path;
use std::process::ExitCode;

use naast::ground::calendar;
use naast::ground::error::Result;
use naast::ground::lang::Lang;
use naast::ground::time;
use naast::records::goal::{self, Goal, GoalPatch, NewGoal, NewRating, Status};
use naast::records::person;
use naast::ways::my_plan;

use super::args::GoalCmd;
use super::ctx::Ctx;
use super::output::*;

pub(super) fn goal_cmd(ctx: &Ctx, cmd: GoalCmd) -> Result<ExitCode> {
    let v = ctx.open()?;
    let c = v.conn();
    match cmd {
        GoalCmd::Add {
            person: name,
            text,
            text_file,
            why,
            steps,
            helpers,
            consult,
        } => {
            let p = person::find(c, &name)?;
            let (helpers, supporter) = split_helpers(helpers);
            let g = goal::add(
                c,
                p.id,
                &NewGoal {
                    text: text_or_file(text, text_file.as_deref())?.unwrap_or_default(),
                    why,
                    steps,
                    helpers,
                    supporter,
                    for_consult: consult,
                },
            )?;
            if ctx.json {
                print_json(&g);
            } else {
                println!("{}", g.id);
            }
        }
        GoalCmd::List { person: name } => {
            let p = person::find(c, &name)?;
            let plan = goal::list(c, p.id)?;
            if ctx.json {
                print_json(&plan);
            } else {
                plan.iter()
                    .for_each(|g| println!("{}", goal_line(g, ctx.lang)));
            }
        }
        GoalCmd::Show { id } => show(ctx, &goal::get(c, id)?),
        GoalCmd::Change {
            id,
            text,
            text_file,
            why,
            steps,
            helpers,
            no_helpers,
            consult,
            no_consult,
            position,
        } => {
            let (names, supporter) = split_helpers(helpers);
            let given = no_helpers || !names.is_empty() || supporter;
            let g = goal::change(
                c,
                id,
                &GoalPatch {
                    text: text_or_file(text, text_file.as_deref())?,
                    why,
                    steps,
                    helpers: given.then_some(names),
                    supporter: given.then_some(supporter),
                    for_consult: (consult || no_consult).then_some(consult),
                    position,
                },
            )?;
            show(ctx, &g);
        }
        GoalCmd::Rate {
            id,
            score,
            words,
            words_file,
            contact,
            on,
        } => {
            let r = goal::rate(
                c,
                id,
                &NewRating {
                    score,
                    words: text_or_file(words, words_file.as_deref())?.unwrap_or_default(),
                    on: on.as_deref().map(time::parse_date).transpose()?,
                    contact,
                },
            )?;
            if ctx.json {
                print_json(&r);
            } else {
                println!("{}", r.id);
            }
        }
        GoalCmd::Reached { id } => show(ctx, &goal::set_status(c, id, Status::Reached)?),
        GoalCmd::LetGo { id } => show(ctx, &goal::set_status(c, id, Status::LetGo)?),
        GoalCmd::Reopen { id } => show(ctx, &goal::set_status(c, id, Status::Working)?),
        GoalCmd::Print { person: name, out } => {
            let p = person::find(c, &name)?;
            let plan = my_plan::print(c, v.path(), p.id, ctx.lang, &out)?;
            if ctx.json {
                print_json(&serde_json::json!({ "out": out, "goals": plan.goals.len() }));
            } else {
                use naast::ground::numbers::count;
                say(
                    ctx,
                    &format!(
                        "“Mijn plan” van {} geschreven naar {} ({}).",
                        p.alias,
                        out.display(),
                        count(plan.goals.len() as i64, Lang::Nl, "doel", "doelen")
                    ),
                    &format!(
                        "“My plan” for {} written to {} ({}).",
                        p.alias,
                        out.display(),
                        count(plan.goals.len() as i64, Lang::En, "goal", "goals")
                    ),
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `--helper ik` (or `me`) is the supporter; every other name a circle member's.
fn split_helpers(names: Vec<String>) -> (Vec<String>, bool) {
    let me = |n: &str| matches!(n.trim().to_lowercase().as_str(), "ik" | "me");
    let supporter = names.iter().any(|n| me(n));
    (names.into_iter().filter(|n| !me(n)).collect(), supporter)
}

/// The text given (`-` was read from standard input by the option itself, see
/// `cli::stdin`), or read from a file, as UTF-8.
fn text_or_file(text: Option<String>, file: Option<&Path>) -> Result<Option<String>> {
    match (text, file) {
        (Some(t), _) => Ok(Some(t)),
        (None, Some(p)) => super::contact::read_note(p).map(Some),
        (None, None) => Ok(None),
    }
}

fn show(ctx: &Ctx, g: &Goal) {
    if ctx.json {
        print_json(g);
        return;
    }
    println!("{}", goal_line(g, ctx.lang));
    let (why, steps, helps, rated) = match ctx.lang {
        Lang::Nl => ("waarom", "stappen", "helpt", "volgens"),
        Lang::En => ("why", "steps", "helps", "rated"),
    };
    if !g.why.is_empty() {
        println!("  {why}: {}", g.why);
    }
    if !g.steps.is_empty() {
        println!("  {steps}: {}", g.steps);
    }
    for h in &g.helpers {
        let name = match (&h.member_id, ctx.lang) {
            (Some(_), _) => h.name.as_str(),
            (None, Lang::Nl) => "ik",
            (None, Lang::En) => "me",
        };
        println!("  {helps}: {name}");
    }
    for r in &g.ratings {
        println!(
            "  {rated} {}: {}/10 {}",
            calendar::dutch_date(r.on),
            r.score,
            r.words
        );
    }
}

/// `#3 [mee bezig] Ik wil weer zelf mijn post openen (7/10)`
fn goal_line(g: &Goal, lang: Lang) -> String {
    let latest = g
        .latest()
        .map(|r| format!(" ({}/10)", r.score))
        .unwrap_or_default();
    format!("#{} [{}] {}{latest}", g.id, g.status.words(lang), g.text)
}
