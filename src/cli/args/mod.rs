//! The command line as clap reads it: the options every command takes, the commands,
//! and the arguments of the team-consult summary and of backups. The commands on the
//! records are in [`records`], the arguments of import and the hours in [`ways`].

mod plan;
mod records;
mod ways;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

pub use plan::GoalCmd;
pub use records::{
    BridgeCmd, CircleCmd, ConsentCmd, ContactCmd, ContactFields, EditFields, FilterArgs,
    FollowupCmd, PersonCmd,
};
pub use ways::{HoursArgs, ImportArgs};

#[derive(Parser, Debug)]
#[command(
    name = "naast",
    version,
    about = "Naast: versleuteld notitieboek voor ervaringsdeskundigen"
)]
pub struct Cli {
    /// The vault file (default: the platform's data folder).
    #[arg(long, global = true, env = "NAAST_VAULT", value_name = "PATH")]
    pub vault: Option<PathBuf>,
    /// A file whose first line is the passphrase (passphrase mode only); `-` reads
    /// it from stdin.
    #[arg(long, global = true, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    /// Language of messages: nl (default) or en. Also NAAST_LANG (which may be a
    /// locale such as en_US.UTF-8).
    #[arg(long, global = true, value_name = "nl|en")]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
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
    /// Contact moments. Boxed: its fields (with whose, per person) make it the
    /// largest command by far.
    #[command(subcommand)]
    Contact(Box<ContactCmd>),
    /// The person's own plan: goals in their words, and how it goes according to them.
    #[command(subcommand)]
    Goal(GoalCmd),
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
        /// Check the hash chain, and its end against the newest line the key file
        /// and the backups' manifests remember; exit 0 only when it is whole and
        /// nothing is missing.
        #[arg(long)]
        verify: bool,
    },
    /// Version, vault format, where the vault and its backups are, and that Naast
    /// never uses the network (the app's About screen).
    About,
    /// Contacts from a sheet (CSV, XLSX, ODS): each column guessed from its heading,
    /// rows read the Dutch way, duplicates skipped. --dry-run shows the preview only.
    Import(ImportArgs),
    /// Everything in the vault, unencrypted: a folder of CSV files, one XLSX
    /// workbook or one JSON file, in --out (made if missing).
    ExportAll {
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[arg(long, default_value = "csv", value_name = "csv|xlsx|json")]
        format: String,
    },
    /// Hours per week or month (the "verantwoording"): contacts and hours by support
    /// type, mode and context, without names or codes.
    Hours(HoursArgs),
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
    pub from: String,
    #[arg(long)]
    pub to: String,
    /// People to include (default: everyone with a contact in the period).
    #[arg(long = "person")]
    pub persons: Vec<String>,
    /// How people are named: code (default), alias or full.
    #[arg(long, default_value = "code")]
    pub level: String,
    /// Include notes not marked for the team consult.
    #[arg(long)]
    pub all_notes: bool,
    /// Name circle members instead of giving only their role.
    #[arg(long)]
    pub circle_names: bool,
    /// Include colleagues and contacts with colleagues only (left out otherwise,
    /// even when named with --person).
    #[arg(long)]
    pub colleagues: bool,
    /// A word that is a name after all: WORD=PERSON (an alias or code) puts that
    /// person's label in its place, WORD=ROLE (anything else) the role.
    #[arg(long = "replace", value_name = "WORD=WITH")]
    pub replace: Vec<String>,
    /// A word that is not a name; remembered in the vault, never warned about again.
    #[arg(long = "not-name", value_name = "WORD")]
    pub not_names: Vec<String>,
    #[arg(long, default_value_t = 4)]
    pub stagnation_weeks: u32,
    /// Weeks without a look at an open goal of a person's plan before the agenda
    /// mentions it.
    #[arg(long, default_value_t = naast::records::goal::QUIET_WEEKS)]
    pub goal_weeks: u32,
    /// Where to write it: a name ending in .pdf gets Naast's own PDF, any other the
    /// HTML page.
    #[arg(long)]
    pub out: PathBuf,
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
