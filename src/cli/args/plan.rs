//! The commands on a person's own plan (issue 25): goals added, listed, changed,
//! rated, reached, let go and reopened.

use std::path::PathBuf;

use clap::Subcommand;

use crate::cli::stdin::FreeText;

#[derive(Subcommand, Debug)]
pub enum GoalCmd {
    /// A goal in the person's own words; prints its id.
    Add {
        #[arg(long)]
        person: String,
        /// The goal in their words (`-`: read from standard input).
        #[arg(
            long,
            value_parser = FreeText,
            conflicts_with = "text_file",
            required_unless_present = "text_file"
        )]
        text: Option<String>,
        /// The text from a file.
        #[arg(long, value_name = "FILE")]
        text_file: Option<PathBuf>,
        /// Why it matters to them (`-`: standard input).
        #[arg(long, value_parser = FreeText, default_value = "")]
        why: String,
        /// The first steps they choose (`-`: standard input).
        #[arg(long, value_parser = FreeText, default_value = "")]
        steps: String,
        /// Who helps: a circle member's name, or `ik` / `me` for you. Repeatable.
        #[arg(long = "helper", value_name = "NAME")]
        helpers: Vec<String>,
        /// Show this goal in the team-consult summary.
        #[arg(long)]
        consult: bool,
    },
    /// The person's plan, in their own order.
    List {
        #[arg(long)]
        person: String,
    },
    /// One goal with its ratings, history and contacts.
    Show { id: i64 },
    /// Change exactly the fields given; everything else stays.
    Change {
        id: i64,
        #[arg(long, value_parser = FreeText, conflicts_with = "text_file")]
        text: Option<String>,
        #[arg(long, value_name = "FILE")]
        text_file: Option<PathBuf>,
        #[arg(long, value_parser = FreeText)]
        why: Option<String>,
        #[arg(long, value_parser = FreeText)]
        steps: Option<String>,
        /// Who helps (replaces the list): a circle member's name, or `ik` / `me`.
        #[arg(long = "helper", value_name = "NAME", conflicts_with = "no_helpers")]
        helpers: Vec<String>,
        /// Nobody is named as helping any more.
        #[arg(long)]
        no_helpers: bool,
        #[arg(long, conflicts_with = "no_consult")]
        consult: bool,
        #[arg(long)]
        no_consult: bool,
        /// Its place in the person's order (1 first).
        #[arg(long)]
        position: Option<i64>,
    },
    /// How far the person is, according to them: 0 to 10, with their words.
    Rate {
        id: i64,
        /// A negative number is read as one, so it gets the range's own message.
        #[arg(long, allow_negative_numbers = true)]
        score: i64,
        /// Their words (`-`: read from standard input).
        #[arg(long, value_parser = FreeText, conflicts_with = "words_file")]
        words: Option<String>,
        /// Their words from a file.
        #[arg(long, value_name = "FILE")]
        words_file: Option<PathBuf>,
        /// The contact it was given at.
        #[arg(long, value_name = "ID")]
        contact: Option<i64>,
        /// The day (YYYY-MM-DD; default today).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// The goal is reached.
    Reached { id: i64 },
    /// The person let the goal go ("losgelaten"): a normal outcome.
    LetGo { id: i64 },
    /// Working on it again.
    Reopen { id: i64 },
    /// "Mijn plan": the person's whole plan as a PDF of its own, in plain words, to give
    /// to them (`--lang en`: "My plan").
    Print {
        #[arg(long)]
        person: String,
        /// The PDF to write (owner-only; never over the vault).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}
