//! The one error type of the core, and its words in Dutch and English.
//!
//! Every failure a person can meet has its own variant, a stable `kind` code that a
//! UI can react to, and a one-line message that says what to do next. Messages never
//! carry note text or key material: they may end up on a screen, in a terminal
//! scroll-back or in a bug report.

use std::path::PathBuf;

/// The language of messages. Dutch is the default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl std::str::FromStr for Lang {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "nl" | "nl_nl" | "dutch" | "nederlands" => Ok(Lang::Nl),
            "en" | "en_gb" | "en_us" | "english" | "engels" => Ok(Lang::En),
            _ => Err(Error::invalid(Invalid::UnknownLanguage(s.to_string()))),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What is wrong with user input. Kept apart from the vault errors so a form can
/// show it next to the field it concerns.
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
    #[error(
        "the text of {field} is {len} characters; the limit is {max}. Split it into two entries"
    )]
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
    #[error("'{0}' is not a replacement; write WORD=WITH, for example Kees=buurman")]
    Replacement(String),
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no vault at {0}; create one with `naast init`")]
    VaultMissing(PathBuf),
    #[error("a vault already exists at {0}; nothing was overwritten")]
    VaultExists(PathBuf),
    #[error("{0} is not a Naast vault (its key file {1} is missing); use `naast recover` if you have the recovery code")]
    KeyFileMissing(PathBuf, PathBuf),
    #[error("the key file {0} is damaged; restore it from a backup or use `naast recover` with the recovery code")]
    KeyFileDamaged(PathBuf),
    #[error("{0} is not a Naast vault")]
    NotAVault(PathBuf),
    #[error("wrong passphrase; try again, or use `naast recover` with the recovery code")]
    WrongPassphrase,
    #[error("this vault is protected by a passphrase; give it with --passphrase-file")]
    PassphraseNeeded,
    #[error("the key in the keyring does not fit this vault; use `naast recover` with the recovery code")]
    KeyMismatch,
    #[error("the recovery code does not fit this vault; check it against what you wrote down")]
    RecoveryMismatch,
    #[error("the recovery code has a typo (the check letters do not match); check each group")]
    RecoveryTypo,
    #[error("the keyring has no key for this vault; use `naast recover` with the recovery code")]
    KeyringEntryMissing,
    #[error("no keyring service answers ({0}); unlock your keyring, or use passphrase mode (--passphrase-file)")]
    KeyringUnavailable(String),
    #[error("the vault file is damaged; nothing was changed. Restore a backup, or run `naast verify` for details")]
    Damaged,
    #[error("this vault was made by a newer Naast (schema {found}, this version knows up to {known}); update Naast")]
    NewerSchema { found: i64, known: i64 },
    #[error("the vault is in use by another Naast window or command; close it and try again")]
    Busy,
    #[error("the disk is full; nothing was saved. Free some space and save again")]
    DiskFull,
    #[error("no {what} '{name}'{hint}")]
    NotFound {
        what: &'static str,
        name: String,
        hint: &'static str,
    },
    #[error("sharing is blocked: there is no valid consent from {person} for {recipient}; record it with `naast consent add`")]
    NoConsent { person: String, recipient: String },
    #[error("{0}")]
    Invalid(#[from] Invalid),
    #[error("could not read or write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Db(rusqlite::Error),
}

impl From<rusqlite::Error> for Error {
    /// Full-disk and lock errors become their own variants, so that a person is told
    /// what happened instead of an SQLite code.
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DiskFull) => Error::DiskFull,
            Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => Error::Busy,
            Some(C::NotADatabase) | Some(C::DatabaseCorrupt) => Error::Damaged,
            _ => Error::Db(e),
        }
    }
}

impl Error {
    pub fn invalid(i: Invalid) -> Self {
        Error::Invalid(i)
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        // ENOSPC reaches us as an io error when writing the key file.
        if source.raw_os_error() == Some(28) {
            return Error::DiskFull;
        }
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// A stable code for the UI and scripts; never changes once released.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::VaultMissing(_) => "vault_missing",
            Error::VaultExists(_) => "vault_exists",
            Error::KeyFileMissing(..) => "key_file_missing",
            Error::KeyFileDamaged(_) => "key_file_damaged",
            Error::NotAVault(_) => "not_a_vault",
            Error::WrongPassphrase => "wrong_passphrase",
            Error::PassphraseNeeded => "passphrase_needed",
            Error::KeyMismatch => "key_mismatch",
            Error::RecoveryMismatch => "recovery_mismatch",
            Error::RecoveryTypo => "recovery_typo",
            Error::KeyringEntryMissing => "keyring_entry_missing",
            Error::KeyringUnavailable(_) => "keyring_unavailable",
            Error::Damaged => "damaged",
            Error::NewerSchema { .. } => "newer_schema",
            Error::Busy => "busy",
            Error::DiskFull => "disk_full",
            Error::NotFound { .. } => "not_found",
            Error::NoConsent { .. } => "no_consent",
            Error::Invalid(_) => "invalid",
            Error::Io { .. } => "io",
            Error::Db(_) => "db",
        }
    }

    /// The one-line message in the given language.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Nl => crate::i18n::error_nl(self),
        }
    }
}
