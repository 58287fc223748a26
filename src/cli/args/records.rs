//! The commands on the records: people, their circle and consent, contacts, bridge
//! notes and check-ins, with the fields they take.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::cli::stdin::FreeText;

#[derive(Subcommand, Debug)]
pub enum PersonCmd {
    Add {
        #[arg(long)]
        alias: String,
        /// Optional; printed only in outputs at level full. `-` reads it from stdin.
        #[arg(long, value_parser = FreeText, default_value = "")]
        full_name: String,
        #[arg(long, default_value = "client")]
        context: String,
        /// `-` reads it from stdin (never in the shell's history).
        #[arg(long, value_parser = FreeText, default_value = "")]
        wishes: String,
        /// `-` reads it from stdin (never in the shell's history).
        #[arg(long, value_parser = FreeText, default_value = "")]
        strengths: String,
        /// Keep a plan (goals) for this colleague; others always have one.
        #[arg(long)]
        plan: bool,
    },
    List,
    /// Everything about one person.
    Show {
        person: String,
    },
    /// Everything about one person, for them: json (for a system) or html (a
    /// readable document). Owner-only, and logged.
    Export {
        person: String,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value = "json", value_name = "json|html")]
        format: String,
    },
    Close {
        person: String,
    },
    /// Turn a colleague's own plan on (or off with --off); colleague support keeps
    /// no plan unless turned on. Turning it off keeps the goals there are.
    Plan {
        person: String,
        #[arg(long)]
        off: bool,
    },
    /// Erase a person and everything only about them. Needs --yes (it cannot be undone).
    Erase {
        person: String,
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum CircleCmd {
    Add {
        #[arg(long)]
        person: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        role: String,
        /// A professional (clinician, case manager); informal otherwise.
        #[arg(long)]
        formal: bool,
    },
    List {
        #[arg(long)]
        person: String,
    },
    /// Change a member's name, role or group; what is not given stays.
    Edit {
        #[arg(long)]
        person: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        new_name: Option<String>,
        #[arg(long)]
        role: Option<String>,
        /// Move them to the formal group (a professional).
        #[arg(long, conflicts_with = "informal")]
        formal: bool,
        /// Move them to the informal group.
        #[arg(long)]
        informal: bool,
    },
    /// Take a member out of the circle. With a consent or bridge note behind them
    /// they are marked as left (consents withdrawn today), never deleted.
    Remove {
        #[arg(long)]
        person: String,
        #[arg(long)]
        name: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum ConsentCmd {
    Add {
        #[arg(long)]
        person: String,
        /// The circle member the consent is for.
        #[arg(long)]
        to: String,
        /// The day it was discussed with the person (default: today).
        #[arg(long)]
        discussed: Option<String>,
        /// The last day it is valid.
        #[arg(long)]
        until: String,
        /// What the consent covers. `-` reads it from stdin.
        #[arg(long, value_parser = FreeText, default_value = "")]
        scope: String,
    },
    List {
        #[arg(long)]
        person: String,
    },
    Withdraw {
        id: i64,
    },
}

#[derive(Args, Debug, Default)]
pub struct FilterArgs {
    #[arg(long)]
    pub person: Option<String>,
    #[arg(long)]
    pub from: Option<String>,
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub support: Option<String>,
    #[arg(long)]
    pub mode: Option<String>,
    /// Only contacts marked for the team consult.
    #[arg(long)]
    pub consult: bool,
    /// Only contacts with a signal.
    #[arg(long)]
    pub signal: bool,
}

#[derive(Args, Debug)]
pub struct ContactFields {
    #[arg(long = "person", required = true)]
    pub persons: Vec<String>,
    #[arg(long)]
    pub at: Option<String>,
    #[arg(long)]
    pub minutes: Option<i64>,
    #[arg(long)]
    pub mode: Option<String>,
    #[arg(long, default_value = "person")]
    pub initiative: String,
    #[arg(long = "support", required = true)]
    pub support: Vec<String>,
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// `-` reads it from stdin (never in the shell's history).
    #[arg(long, value_parser = FreeText, conflicts_with = "note_file")]
    pub note: Option<String>,
    #[arg(long)]
    pub note_file: Option<PathBuf>,
    /// `-` reads it from stdin (never in the shell's history).
    #[arg(long, value_parser = FreeText)]
    pub own_words: Option<String>,
    #[arg(long)]
    pub own_experience: bool,
    /// `-` reads it from stdin (never in the shell's history).
    #[arg(long, value_parser = FreeText)]
    pub own_experience_note: Option<String>,
    #[arg(long)]
    pub signal: bool,
    /// `-` reads it from stdin (never in the shell's history).
    #[arg(long, value_parser = FreeText)]
    pub signal_note: Option<String>,
    /// Whose the signal is (an alias of someone present; repeat for more). Default:
    /// everyone present.
    #[arg(long = "signal-for")]
    pub signal_for: Vec<String>,
    /// Whose own words these are; default: everyone present.
    #[arg(long = "own-words-for")]
    pub own_words_for: Vec<String>,
    #[arg(long)]
    pub follow_up: Option<String>,
    /// Who gets the next check-in; default: everyone present.
    #[arg(long = "follow-up-for")]
    pub follow_up_for: Vec<String>,
    #[arg(long)]
    pub consult: bool,
    /// A goal (its id, from `naast goal list`) of someone present that this contact
    /// touched. Repeatable.
    #[arg(long = "goal", value_name = "ID")]
    pub goals: Vec<i64>,
}

/// The fields of `contact edit`: each one optional. Lists given (`--person`,
/// `--support`, `--tag`) replace the contact's list; the `--no-…` forms switch off or
/// clear.
#[derive(Args, Debug)]
pub struct EditFields {
    #[arg(long = "person")]
    pub persons: Vec<String>,
    #[arg(long)]
    pub at: Option<String>,
    #[arg(long)]
    pub minutes: Option<i64>,
    #[arg(long)]
    pub mode: Option<String>,
    #[arg(long)]
    pub initiative: Option<String>,
    #[arg(long = "support")]
    pub support: Vec<String>,
    #[arg(long = "tag", conflicts_with = "no_tags")]
    pub tags: Vec<String>,
    /// Remove every own tag.
    #[arg(long)]
    pub no_tags: bool,
    /// `-` reads it from stdin (never in the shell's history).
    #[arg(long, value_parser = FreeText, conflicts_with = "note_file")]
    pub note: Option<String>,
    #[arg(long)]
    pub note_file: Option<PathBuf>,
    /// `-` reads it from stdin (never in the shell's history).
    #[arg(long, value_parser = FreeText)]
    pub own_words: Option<String>,
    #[arg(long, conflicts_with = "no_own_experience")]
    pub own_experience: bool,
    #[arg(long)]
    pub no_own_experience: bool,
    /// `-` reads it from stdin (never in the shell's history).
    #[arg(long, value_parser = FreeText)]
    pub own_experience_note: Option<String>,
    #[arg(long, conflicts_with = "no_signal")]
    pub signal: bool,
    #[arg(long)]
    pub no_signal: bool,
    /// `-` reads it from stdin (never in the shell's history).
    #[arg(long, value_parser = FreeText)]
    pub signal_note: Option<String>,
    /// Whose the signal is (replaces the list).
    #[arg(long = "signal-for")]
    pub signal_for: Vec<String>,
    /// Whose the own words are (replaces the list).
    #[arg(long = "own-words-for")]
    pub own_words_for: Vec<String>,
    #[arg(long, conflicts_with = "no_follow_up")]
    pub follow_up: Option<String>,
    /// Who gets the next check-in (replaces the list).
    #[arg(long = "follow-up-for")]
    pub follow_up_for: Vec<String>,
    /// Remove the next check-in.
    #[arg(long)]
    pub no_follow_up: bool,
    #[arg(long, conflicts_with = "no_consult")]
    pub consult: bool,
    #[arg(long)]
    pub no_consult: bool,
}

#[derive(Subcommand, Debug)]
pub enum ContactCmd {
    Add(ContactFields),
    List {
        #[command(flatten)]
        filter: FilterArgs,
    },
    Show {
        id: i64,
    },
    /// Change exactly the fields given; everything else stays as it is.
    Edit {
        id: i64,
        #[command(flatten)]
        fields: EditFields,
    },
    Delete {
        id: i64,
    },
}

#[derive(Subcommand, Debug)]
pub enum BridgeCmd {
    Add {
        #[arg(long)]
        person: String,
        /// The formal circle member it is addressed to.
        #[arg(long)]
        to: String,
        #[arg(long)]
        kind: String,
        /// `-` reads it from stdin (never in the shell's history).
        #[arg(long, value_parser = FreeText, conflicts_with = "text_file")]
        text: Option<String>,
        #[arg(long)]
        text_file: Option<PathBuf>,
        /// The person's own voice. `-` reads it from stdin.
        #[arg(long, value_parser = FreeText, default_value = "")]
        voice: String,
        #[arg(long = "contact")]
        contacts: Vec<i64>,
    },
    List {
        #[arg(long)]
        person: Option<String>,
        #[arg(long)]
        status: Option<String>,
    },
    /// The note as plain text, for pasting into a care record. Names, phone
    /// numbers, addresses and other identifiers in it are replaced at --level (code
    /// by default), as in the summary; each word Naast is unsure of is a warning.
    Show {
        id: i64,
        /// How people are named: code (default), alias or full (as written).
        #[arg(long, default_value = "code")]
        level: String,
        /// WORD=WITH: replace a word Naast is unsure of with a person (alias or
        /// code) or a role. Repeatable.
        #[arg(long = "replace")]
        replace: Vec<String>,
        /// A word Naast asked about that points at no one; remembered. Repeatable.
        #[arg(long = "not-name")]
        not_names: Vec<String>,
    },
    Share {
        id: i64,
    },
    Answer {
        id: i64,
        /// `-` reads it from stdin (never in the shell's history).
        #[arg(long, value_parser = FreeText)]
        text: String,
    },
    Close {
        id: i64,
    },
}

#[derive(Subcommand, Debug)]
pub enum FollowupCmd {
    Add {
        #[arg(long)]
        person: String,
        #[arg(long)]
        due: String,
        /// `-` reads it from stdin (never in the shell's history).
        #[arg(long, value_parser = FreeText, default_value = "")]
        why: String,
        /// A plan review ("plan bespreken"): the person's own plan looked at together.
        #[arg(long)]
        plan_review: bool,
    },
    List {
        #[arg(long)]
        person: Option<String>,
    },
    Done {
        id: i64,
    },
    Move {
        id: i64,
        #[arg(long)]
        to: String,
    },
}
