//! Argument parsing and the shared plumbing of the commands: which vault, how to
//! unlock it, which language, text or JSON.

mod about;
mod backup;
mod commands;
mod output;
mod summary;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use naast::vault::{KeyStore, OsKeyring, Vault};
use naast::{Error, Lang};
use zeroize::Zeroizing;

#[derive(Parser, Debug)]
#[command(
    name = "naast",
    version,
    about = "Naast: versleuteld notitieboek voor ervaringsdeskundigen"
)]
pub struct Cli {
    /// The vault file (default: the platform's data folder).
    #[arg(long, global = true, env = "NAAST_VAULT", value_name = "PATH")]
    vault: Option<PathBuf>,
    /// A file whose first line is the passphrase (passphrase mode only).
    #[arg(long, global = true, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
    /// Language of messages: nl (default) or en. Also NAAST_LANG (which may be a
    /// locale such as en_US.UTF-8).
    #[arg(long, global = true, value_name = "nl|en")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a new vault (keyring mode unless --passphrase-file is given).
    Init,
    /// Restore access with the recovery code, read from stdin.
    Recover,
    /// Set or change the passphrase (read from --new-passphrase-file). From keyring
    /// mode this switches to passphrase mode and removes the key from the keyring.
    Passphrase {
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: PathBuf,
    },
    /// Switch from passphrase mode to the OS keyring (the passphrase slot is removed).
    UseKeyring,
    /// A new key and recovery code, for when the old code may have been seen. Prints
    /// the new code before it re-encrypts; older backups keep the old code.
    Rekey,
    /// Make and verify a backup now (or: list, verify FILE).
    #[command(args_conflicts_with_subcommands = true)]
    Backup {
        #[command(subcommand)]
        cmd: Option<BackupCmd>,
        /// The folder (default: the one from Settings, else backups/ beside the vault).
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
    },
    /// Put a backup back as the vault at --vault. Refused when a vault is there,
    /// unless --replace, which first keeps that vault under a dated name beside it.
    Restore {
        file: PathBuf,
        /// A file whose first line is the recovery code (else the vault's own key).
        #[arg(long, value_name = "FILE")]
        recovery_code_file: Option<PathBuf>,
        #[arg(long)]
        replace: bool,
    },
    /// People: add, list, show, export, close, erase.
    #[command(subcommand)]
    Person(PersonCmd),
    /// A person's circle: informal and formal contacts.
    #[command(subcommand)]
    Circle(CircleCmd),
    /// Consent for what may be shared with whom.
    #[command(subcommand)]
    Consent(ConsentCmd),
    /// Contact moments.
    #[command(subcommand)]
    Contact(ContactCmd),
    /// Bridge notes to clinicians.
    #[command(subcommand)]
    Bridge(BridgeCmd),
    /// Check-ins (follow-ups).
    #[command(subcommand, alias = "checkin")]
    Followup(FollowupCmd),
    /// People with no contact and no planned check-in for some weeks.
    Stagnation {
        #[arg(long, default_value_t = 4)]
        weeks: u32,
    },
    /// Full-text search over notes, own words and bridge notes.
    Search {
        query: String,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Write the team-consult summary as one self-contained HTML file (A4, printable).
    Summary(SummaryArgs),
    /// Check the vault's integrity and encryption; exit 0 when sound.
    Verify,
    /// The audit log: who did what with whose record, newest first.
    Log {
        #[arg(long)]
        person: Option<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        action: Option<String>,
        /// CSV instead of text.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// Check the hash chain; exit 0 only when it is whole.
        #[arg(long)]
        verify: bool,
    },
    /// Version, vault format, where the vault and its backups are, and that Naast
    /// never uses the network (the app's About screen).
    About,
    /// Fill the vault with clearly fictional demo data.
    Demo {
        #[arg(long, default_value_t = 12)]
        people: usize,
        #[arg(long, default_value_t = 200)]
        contacts: usize,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
}

#[derive(Args, Debug)]
pub struct SummaryArgs {
    #[arg(long)]
    from: String,
    #[arg(long)]
    to: String,
    /// People to include (default: everyone with a contact in the period).
    #[arg(long = "person")]
    persons: Vec<String>,
    /// How people are named: code (default), alias or full.
    #[arg(long, default_value = "code")]
    level: String,
    /// Include notes not marked for the team consult.
    #[arg(long)]
    all_notes: bool,
    /// Name circle members instead of giving only their role.
    #[arg(long)]
    circle_names: bool,
    /// Include colleagues and contacts with colleagues only (left out otherwise,
    /// even when named with --person).
    #[arg(long)]
    colleagues: bool,
    /// A word that is a name after all: WORD=PERSON (an alias or code) puts that
    /// person's label in its place, WORD=ROLE (anything else) the role.
    #[arg(long = "replace", value_name = "WORD=WITH")]
    replace: Vec<String>,
    /// A word that is not a name; remembered in the vault, never warned about again.
    #[arg(long = "not-name", value_name = "WORD")]
    not_names: Vec<String>,
    #[arg(long, default_value_t = 4)]
    stagnation_weeks: u32,
    #[arg(long)]
    out: PathBuf,
}

#[derive(Subcommand, Debug)]
pub enum PersonCmd {
    Add {
        #[arg(long)]
        alias: String,
        /// Optional; printed only in outputs at level full.
        #[arg(long, default_value = "")]
        full_name: String,
        #[arg(long, default_value = "client")]
        context: String,
        #[arg(long, default_value = "")]
        wishes: String,
        #[arg(long, default_value = "")]
        strengths: String,
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
        #[arg(long, default_value = "")]
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
    person: Option<String>,
    #[arg(long)]
    from: Option<String>,
    #[arg(long)]
    to: Option<String>,
    #[arg(long)]
    support: Option<String>,
    #[arg(long)]
    mode: Option<String>,
    /// Only contacts marked for the team consult.
    #[arg(long)]
    consult: bool,
    /// Only contacts with a signal.
    #[arg(long)]
    signal: bool,
}

#[derive(Args, Debug)]
pub struct ContactFields {
    #[arg(long = "person", required = true)]
    persons: Vec<String>,
    #[arg(long)]
    at: Option<String>,
    #[arg(long)]
    minutes: Option<i64>,
    #[arg(long)]
    mode: Option<String>,
    #[arg(long, default_value = "person")]
    initiative: String,
    #[arg(long = "support", required = true)]
    support: Vec<String>,
    #[arg(long = "tag")]
    tags: Vec<String>,
    #[arg(long, conflicts_with = "note_file")]
    note: Option<String>,
    #[arg(long)]
    note_file: Option<PathBuf>,
    #[arg(long)]
    own_words: Option<String>,
    #[arg(long)]
    own_experience: bool,
    #[arg(long)]
    own_experience_note: Option<String>,
    #[arg(long)]
    signal: bool,
    #[arg(long)]
    signal_note: Option<String>,
    #[arg(long)]
    follow_up: Option<String>,
    #[arg(long)]
    consult: bool,
}

/// The fields of `contact edit`: each one optional. Lists given (`--person`,
/// `--support`, `--tag`) replace the contact's list; the `--no-…` forms switch off or
/// clear.
#[derive(Args, Debug)]
pub struct EditFields {
    #[arg(long = "person")]
    persons: Vec<String>,
    #[arg(long)]
    at: Option<String>,
    #[arg(long)]
    minutes: Option<i64>,
    #[arg(long)]
    mode: Option<String>,
    #[arg(long)]
    initiative: Option<String>,
    #[arg(long = "support")]
    support: Vec<String>,
    #[arg(long = "tag", conflicts_with = "no_tags")]
    tags: Vec<String>,
    /// Remove every own tag.
    #[arg(long)]
    no_tags: bool,
    #[arg(long, conflicts_with = "note_file")]
    note: Option<String>,
    #[arg(long)]
    note_file: Option<PathBuf>,
    #[arg(long)]
    own_words: Option<String>,
    #[arg(long, conflicts_with = "no_own_experience")]
    own_experience: bool,
    #[arg(long)]
    no_own_experience: bool,
    #[arg(long)]
    own_experience_note: Option<String>,
    #[arg(long, conflicts_with = "no_signal")]
    signal: bool,
    #[arg(long)]
    no_signal: bool,
    #[arg(long)]
    signal_note: Option<String>,
    #[arg(long, conflicts_with = "no_follow_up")]
    follow_up: Option<String>,
    /// Remove the next check-in.
    #[arg(long)]
    no_follow_up: bool,
    #[arg(long, conflicts_with = "no_consult")]
    consult: bool,
    #[arg(long)]
    no_consult: bool,
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
        #[arg(long, conflicts_with = "text_file")]
        text: Option<String>,
        #[arg(long)]
        text_file: Option<PathBuf>,
        /// The person's own voice.
        #[arg(long, default_value = "")]
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
    /// The note as plain text, for pasting into a care record. Names in it are
    /// replaced at --level (code by default), as in the summary.
    Show {
        id: i64,
        /// How people are named: code (default), alias or full (as written).
        #[arg(long, default_value = "code")]
        level: String,
    },
    Share {
        id: i64,
    },
    Answer {
        id: i64,
        #[arg(long)]
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
        #[arg(long, default_value = "")]
        why: String,
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

#[derive(Subcommand, Debug)]
pub enum BackupCmd {
    /// This vault's backups, newest first.
    List {
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
    },
    /// Check one backup read-only (a restore drill); exit 0 only when sound.
    Verify {
        file: PathBuf,
        /// A file whose first line is the recovery code (else the vault's own key).
        #[arg(long, value_name = "FILE")]
        recovery_code_file: Option<PathBuf>,
    },
}

/// What every command gets: the parsed options and the way to the vault.
pub struct Ctx {
    pub lang: Lang,
    pub json: bool,
    pub path: PathBuf,
    passphrase_file: Option<PathBuf>,
    store: Box<dyn KeyStore>,
}

impl Ctx {
    pub fn passphrase(&self) -> naast::Result<Option<Zeroizing<String>>> {
        self.passphrase_file
            .as_deref()
            .map(read_passphrase)
            .transpose()
    }

    pub fn store(&self) -> &dyn KeyStore {
        self.store.as_ref()
    }

    pub fn open(&self) -> naast::Result<Vault> {
        let p = self.passphrase()?;
        Vault::open(&self.path, self.store(), p.as_deref().map(|s| s.as_str()))
    }
}

/// The first line of the file, without its line ending. Whatever else the file holds
/// is ignored, so a passphrase manager's export with a trailing newline works.
pub fn read_passphrase(path: &Path) -> naast::Result<Zeroizing<String>> {
    let mut raw = Zeroizing::new(String::new());
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_string(&mut raw))
        .map_err(|e| Error::io(path, e))?;
    let line = raw.lines().next().unwrap_or("");
    if line.is_empty() {
        return Err(naast::Invalid::Empty("passphrase").into());
    }
    Ok(Zeroizing::new(line.to_string()))
}

pub fn run() -> ExitCode {
    // The environment may hold any locale; one Naast does not speak means Dutch.
    let lang_guess = std::env::var("NAAST_LANG")
        .ok()
        .and_then(|l| l.parse().ok())
        .unwrap_or_default();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind as K;
            if matches!(
                e.kind(),
                K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                let _ = e.print();
                return if e.kind() == K::DisplayHelpOnMissingArgumentOrSubcommand {
                    ExitCode::from(2)
                } else {
                    ExitCode::SUCCESS
                };
            }
            let first = clap_line(&e, lang_guess);
            let hint = match lang_guess {
                Lang::Nl => "zie `naast --help`",
                Lang::En => "see `naast --help`",
            };
            eprintln!("naast: {first} ({hint})");
            return ExitCode::from(2);
        }
    };
    let lang = match cli.lang.as_deref().map(str::parse::<Lang>) {
        Some(Ok(l)) => l,
        Some(Err(e)) => return fail(&e, lang_guess),
        None => lang_guess,
    };
    let path = match cli.vault.clone().or_else(naast::vault::default_path) {
        Some(p) => p,
        None => {
            eprintln!(
                "naast: {}",
                match lang {
                    Lang::Nl => "geen standaardmap voor de kluis gevonden; geef --vault PAD",
                    Lang::En => "no default folder for the vault; give --vault PATH",
                }
            );
            return ExitCode::from(1);
        }
    };
    let store: Box<dyn KeyStore> = match std::env::var("NAAST_KEYRING_SERVICE") {
        Ok(s) if !s.is_empty() => Box::new(OsKeyring::with_service(&s)),
        _ => Box::new(OsKeyring::default()),
    };
    let ctx = Ctx {
        lang,
        json: cli.json,
        path,
        passphrase_file: cli.passphrase_file,
        store,
    };
    match commands::dispatch(&ctx, cli.command) {
        Ok(code) => code,
        Err(e) => fail(&e, lang),
    }
}

/// One line for a command line clap could not read, in the user's language: clap's
/// own text is English, and spreads some errors over several lines.
fn clap_line(e: &clap::Error, lang: Lang) -> String {
    use clap::error::{ContextKind as C, ContextValue as V, ErrorKind as K};
    let get = |k: C| -> String {
        match e.get(k) {
            Some(V::String(s)) => s.clone(),
            Some(V::Strings(v)) => v.join(", "),
            Some(V::StyledStr(s)) => s.to_string(),
            Some(V::StyledStrs(v)) => v
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            Some(V::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let english = || {
        e.to_string()
            .lines()
            .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
            .trim_start_matches("error: ")
            .to_string()
    };
    if lang == Lang::En {
        return english();
    }
    match e.kind() {
        K::UnknownArgument => format!("onbekende optie '{}'", get(C::InvalidArg)),
        K::InvalidSubcommand => format!("onbekend commando '{}'", get(C::InvalidSubcommand)),
        K::MissingRequiredArgument => format!("dit ontbreekt nog: {}", get(C::InvalidArg)),
        K::MissingSubcommand => "geef een commando".to_string(),
        K::InvalidValue | K::ValueValidation => format!(
            "'{}' is geen geldige waarde voor {}",
            get(C::InvalidValue),
            get(C::InvalidArg)
        ),
        K::ArgumentConflict => format!(
            "{} en {} gaan niet samen",
            get(C::InvalidArg),
            get(C::PriorArg)
        ),
        K::TooManyValues | K::TooFewValues | K::WrongNumberOfValues => {
            format!("verkeerd aantal waarden voor {}", get(C::InvalidArg))
        }
        K::NoEquals => format!("{} heeft een '=' nodig", get(C::InvalidArg)),
        K::InvalidUtf8 => "de opdrachtregel bevat tekens die geen geldige tekst zijn".into(),
        _ => english(),
    }
}

fn fail(e: &Error, lang: Lang) -> ExitCode {
    let msg = e.cli_message(lang);
    eprintln!("naast: {}", msg.lines().next().unwrap_or(""));
    ExitCode::from(1)
}
