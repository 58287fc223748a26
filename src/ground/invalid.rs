//! What is wrong with what a person typed or chose: the `Invalid` half of the core's
//! [`Error`](crate::ground::error::Error), kept in a file of its own so a form can
//! show it beside the field it concerns and the vault's errors stay readable apart.

use crate::ground::calendar;
use crate::ground::lang::Lang;

/// What is wrong with user input. Kept apart from the vault errors so a form can show it
/// next to the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("minutes must be between 1 and 1440, not {0}")]
    Minutes(i64),
    #[error("unknown support type '{0}' (use practical, emotional, informational, navigation)")]
    Support(String),
    #[error("choose at least one support type: practical, emotional, informational or navigation")]
    NoSupport,
    #[error("unknown mode '{0}' (use face-to-face, walk, home-visit, phone, video, chat, group)")]
    Mode(String),
    #[error("unknown initiative '{0}' (use person, me, other)")]
    Initiative(String),
    #[error("unknown context '{0}' (use client, youth, colleague, group-member)")]
    Context(String),
    #[error("unknown bridge-note kind '{0}' (use experience, stagnation, question, signal)")]
    BridgeKind(String),
    #[error("unknown status '{0}' (use draft, shared, answered, closed)")]
    BridgeStatus(String),
    #[error("unknown check-in rhythm '{0}' (use first, second)")]
    Rhythm(String),
    #[error("unknown level '{0}' (use code, alias, full)")]
    Level(String),
    #[error("a contact needs at least one person")]
    NoPerson,
    #[error("'{0}' is not a date; write YYYY-MM-DD, for example 2026-11-23")]
    Date(String),
    #[error("'{0}' is not a time; write YYYY-MM-DD HH:MM, for example 2026-11-23 14:30")]
    DateTime(String),
    #[error("{0} does not exist in Dutch time (the clocks jump forward that night); pick a time after 03:00")]
    SkippedTime(String),
    #[error("the period ends before it starts")]
    Period,
    #[error("the text of {field} is {len} characters; the limit is {max}")]
    TooLong {
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error("{0} may not be empty")]
    Empty(&'static str),
    #[error("someone called '{0}' already exists; choose another alias")]
    DuplicateAlias(String),
    #[error("'{0}' is already in this person's circle")]
    DuplicateMember(String),
    #[error("{0} is no longer in this person's circle; add them again first")]
    MemberLeft(String),
    #[error(
        "{0} has bridge notes written to them as a professional, so they stay in the formal group"
    )]
    MemberHasBridgeNotes(String),
    #[error("the check-ins after the incident of {} are already planned", calendar::day_label(*.0, Lang::En))]
    RhythmPlanned(chrono::NaiveDate),
    #[error("unknown language '{0}' (use nl or en)")]
    UnknownLanguage(String),
    #[error("a passphrase needs at least {0} characters")]
    PassphraseTooShort(usize),
    #[error("the consent must end on or after the day it was discussed")]
    ConsentPeriod,
    #[error("a bridge note can only go to a formal contact (a professional) in the circle")]
    InformalRecipient,
    #[error("a {from} bridge note cannot become {to}")]
    Transition {
        from: &'static str,
        to: &'static str,
    },
    #[error("only a draft can be edited; this bridge note is {0}")]
    NotDraft(&'static str),
    #[error("{what} must be between {min} and {max}, not {got}")]
    OutOfRange {
        what: &'static str,
        min: String,
        max: String,
        got: String,
    },
    #[error("'{0}' is outside the years Naast accepts ({FIRST}–{LAST}); check the year", FIRST = calendar::FIRST_YEAR, LAST = calendar::LAST_YEAR)]
    DateOutOfRange(String),
    #[error("erasing cannot be undone; add --yes to confirm that {0} and everything only about them may go")]
    EraseNeedsYes(String),
    #[error("nothing to change: give at least one field to edit")]
    NothingToChange,
    #[error("{first} and {second} both ask to read stdin ('-'); only one can: give the other as text or a file")]
    StdinTwice { first: String, second: String },
    #[error("unknown log action '{0}' (use create, change, delete, erase, view, search, print, save, export, copy, share, backup, restore, unlock, lock, key, prune)")]
    LogAction(String),
    #[error("unknown format '{0}' (use json or html)")]
    Format(String),
    #[error("'{0}' is not a replacement; write WORD=WITH, for example Kees=buurman")]
    Replacement(String),
    #[error("'{0}' is not a date; write day-month-year, for example 23-11-2026, 23-11, yesterday or mon")]
    DayText(String),
    #[error("'{0}' is not a date; write a day ahead, for example 30-11-2026, tomorrow, fri, next week or in 2 weeks")]
    DayTextAhead(String),
    #[error(
        "'{0}' is not a time; write for example 23-11-2026 14:30, yesterday 14:00, mon 9:30 or now"
    )]
    MomentText(String),
    #[error("the recovery code was confirmed and is not shown again; make a new key in Settings if it may be lost")]
    RecoveryCodeShown,
    #[error("say whose the {} is: one or more of the people present", whose_en(.0))]
    WhoseMissing(&'static str),
    #[error("the {} can only be for someone present at this contact, and {who} was not", whose_en(.what))]
    WhoseNotPresent { what: &'static str, who: String },
    #[error("{0} words in the notes may be names Naast does not know; choose for each one before printing or saving")]
    NamesToCheck(usize),
    #[error("'{0}' is not a column choice; write COLUMN=FIELD, for example Client=person")]
    MapArg(String),
    #[error("unknown field '{0}' (use person, date, time, at, minutes, hours, mode, support, tags, note, own_words, follow_up, initiative, own_experience, own_experience_note, signal, signal_note, consult or skip)")]
    ImportField(String),
    #[error("the sheet has no column '{0}'")]
    ImportColumn(String),
    #[error("no column holds the {0}")]
    ImportMissing(&'static str),
    #[error("unknown period '{0}' (use week or month)")]
    HoursBy(String),
    #[error("unknown format '{0}' (use csv, xlsx or json)")]
    ExportFormat(String),
    #[error("goal {goal} is {who}'s, and {who} was not at this contact")]
    GoalNotPresent { goal: i64, who: String },
    #[error("{0} is a colleague: colleague support keeps no plan unless you turn it on for them")]
    PlanOff(String),
    #[error("{0} has no goals yet, so there is no plan to print")]
    NoGoals(String),
}

/// The English name of what a "whose" choice is about.
fn whose_en(what: &str) -> &str {
    match what {
        "own words" => "own words",
        "check-in" => "next check-in",
        _ => "signal",
    }
}
