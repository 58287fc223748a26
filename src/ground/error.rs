//! The one error type of the core, and its words in Dutch and English.
//!
//! Every failure a person can meet has its own variant, a stable `kind` code that a UI can react
//! to, and a one-line message that says what to do next. Messages never carry note text or key
//! material: they may end up on a screen, in a terminal scroll-back or in a bug report.

use std::path::PathBuf;

use crate::ground::lang::Lang;

pub use crate::ground::invalid::Invalid;

/// Where a message is shown. The app names its screens and buttons; the command line
/// names its commands and options. Only the "what to do next" differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Surface {
    App,
    Cli,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl std::str::FromStr for Lang {
    type Err = Error;
    /// Takes `nl`, `en`, and locale names as environments spell them (`en_US.UTF-8`,
    /// `nl-BE`, `nl_NL@euro`), so `NAAST_LANG=$LANG` just works.
    fn from_str(s: &str) -> Result<Self> {
        let t = s.trim().to_ascii_lowercase();
        let base = t.split(['_', '-', '.', '@']).next().unwrap_or_default();
        match base {
            "nl" | "dutch" | "nederlands" => Ok(Lang::Nl),
            "en" | "english" | "engels" => Ok(Lang::En),
            _ => Err(Error::invalid(Invalid::UnknownLanguage(s.to_string()))),
        }
    }
}

/// Everything that can go wrong below the UI. The `#[error]` text is the English message without
/// its "what to do next", which depends on where it is shown: see [`Error::message`] (the app)
/// and [`Error::cli_message`] (the command line).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no vault at {0}")]
    VaultMissing(PathBuf),
    #[error("a vault already exists at {0}; nothing was overwritten")]
    VaultExists(PathBuf),
    #[error("{0} cannot be opened without its key file {1}, which is missing")]
    KeyFileMissing(PathBuf, PathBuf),
    #[error("the key file {0} is damaged")]
    KeyFileDamaged(PathBuf),
    #[error("the key file {0} belongs to another vault, not to this one")]
    KeyFileOtherVault(PathBuf),
    #[error("{0} is not a Naast vault")]
    NotAVault(PathBuf),
    #[error("wrong passphrase")]
    WrongPassphrase,
    #[error("this vault is protected by a passphrase")]
    PassphraseNeeded,
    #[error("the key in the keyring does not fit this vault")]
    KeyMismatch,
    #[error("the recovery code does not fit this vault; check it against what you wrote down")]
    RecoveryMismatch,
    #[error("the recovery code has a typo (the check letters do not match); check each group")]
    RecoveryTypo,
    #[error("the keyring has no key for this vault")]
    KeyringEntryMissing,
    #[error("no keyring service answers ({0})")]
    KeyringUnavailable(String),
    #[error("the keyring is locked")]
    KeyringLocked,
    #[error("the vault file is damaged; nothing was changed")]
    Damaged,
    #[error("the vault at {0} is on a read-only disk or in a folder Naast may not write to; nothing was changed")]
    ReadOnly(PathBuf),
    #[error("this vault was made by a newer Naast (schema {found}, this version knows up to {known}); update Naast")]
    NewerSchema { found: i64, known: i64 },
    #[error("the vault is in use by another Naast window or command; close it and try again")]
    Busy,
    #[error("the disk is full; nothing was saved. Free some space and try again")]
    DiskFull,
    #[error("{0} is the vault or one of its own files; Naast never writes anything over it. Choose another file name")]
    OutputIsVault(PathBuf),
    #[error("the backup folder {0} is not there (a USB disk that is not plugged in?); no backup was made")]
    BackupFolderMissing(PathBuf),
    #[error("the backup {0} did not pass its check; it cannot be used")]
    BackupDamaged(PathBuf),
    #[error("the backup {0} does not open with this key; it was made by another vault, or before a new key")]
    BackupOtherKey(PathBuf),
    #[error("{0} is not a Naast backup")]
    NotABackup(PathBuf),
    #[error("no {what} '{name}'")]
    NotFound {
        what: &'static str,
        name: String,
        /// What to do about it: `""`, `"add-person"` or `"add-member"` (words per surface).
        hint: &'static str,
    },
    #[error("sharing is blocked: there is no valid consent from {person} for {recipient}")]
    NoConsent { person: String, recipient: String },
    #[error("this file is not a sheet Naast can read")]
    NotASheet,
    /// The reader's own words are kept for a bug report, never shown: they are English.
    #[error("the workbook could not be read")]
    SheetDamaged(String),
    #[error("the workbook has no sheet called '{name}' (it has: {have})")]
    NoSuchSheet { name: String, have: String },
    #[error("the sheet is empty: there is no row with column headings")]
    SheetEmpty,
    #[error("the sheet has more than {0} rows")]
    SheetTooLarge(usize),
    #[error("the workbook is protected with a password")]
    SheetEncrypted,
    #[error("the file changed after the preview; nothing was imported")]
    ImportChanged,
    #[error("the current passphrase or recovery code is not right; nothing was changed")]
    CurrentSecretWrong,
    #[error("the clipboard of this computer did not answer; nothing was copied")]
    Clipboard,
    #[error("{} missing from the log: they were there when the vault was last closed or backed up", lines_en(*from, *to))]
    LogCut { from: i64, to: i64 },
    #[error("log line {0} is not the line that was there when the vault was last closed or backed up: the log was cut there and written on")]
    LogRewritten(i64),
    #[error("the log starts after line {0}, but no prune line says it was pruned there")]
    LogPruneUnlogged(i64),
    /// Naast's own PDF could not be made: its embedded font did not subset (a bug).
    #[error("the PDF could not be made ({0}); nothing was saved")]
    Pdf(String),
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
            Some(C::ReadOnly) => Error::ReadOnly(PathBuf::new()),
            // A page SQLCipher cannot decrypt, read from inside FTS5, surfaces as a
            // bare SQLITE_ERROR. Naast's SQL is fixed and tested, and SQLite gives a
            // real mistake in it its own words ("no such table", "near …"), so the
            // bare generic text means the file, not the query.
            Some(C::Unknown) if e.to_string() == "SQL logic error" => Error::Damaged,
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

    /// The form field a refusal is about, so a form can show it right there (and a
    /// screen reader hears it there): `persons`, `when`, `score`, … `None` otherwise.
    pub fn field(&self) -> Option<&'static str> {
        let Error::Invalid(i) = self else {
            return match self {
                Error::NotFound { what: "person", .. } => Some("persons"),
                _ => None,
            };
        };
        Some(match i {
            Invalid::Minutes(_) => "minutes",
            Invalid::NoPerson => "persons",
            Invalid::NoSupport | Invalid::Support(_) => "support",
            Invalid::Mode(_) => "mode",
            Invalid::Initiative(_) => "initiative",
            Invalid::DateTime(_) | Invalid::SkippedTime(_) | Invalid::MomentText(_) => "when",
            Invalid::GoalNotPresent { .. } => "goals",
            Invalid::OutOfRange { what: "score", .. } => "score",
            Invalid::WhoseMissing(what) | Invalid::WhoseNotPresent { what, .. } => match *what {
                "signal" => "signal_for",
                "own words" => "own_words_for",
                _ => "checkin_for",
            },
            Invalid::TooLong { field, .. } => match *field {
                "note" => "note",
                "own words" => "own_words",
                "own experience" => "own_experience_note",
                "signal" => "signal_note",
                "alias" => "alias",
                _ => return None,
            },
            _ => return None,
        })
    }

    /// A stable code for the UI and scripts; never changes once released.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::VaultMissing(_) => "vault_missing",
            Error::VaultExists(_) => "vault_exists",
            Error::KeyFileMissing(..) => "key_file_missing",
            Error::KeyFileDamaged(_) => "key_file_damaged",
            Error::KeyFileOtherVault(_) => "key_file_other_vault",
            Error::NotAVault(_) => "not_a_vault",
            Error::WrongPassphrase => "wrong_passphrase",
            Error::PassphraseNeeded => "passphrase_needed",
            Error::KeyMismatch => "key_mismatch",
            Error::RecoveryMismatch => "recovery_mismatch",
            Error::RecoveryTypo => "recovery_typo",
            Error::KeyringEntryMissing => "keyring_entry_missing",
            Error::KeyringUnavailable(_) => "keyring_unavailable",
            Error::KeyringLocked => "keyring_locked",
            Error::Damaged => "damaged",
            Error::ReadOnly(_) => "read_only",
            Error::NewerSchema { .. } => "newer_schema",
            Error::Busy => "busy",
            Error::DiskFull => "disk_full",
            Error::OutputIsVault(_) => "output_is_vault",
            Error::BackupFolderMissing(_) => "backup_folder_missing",
            Error::BackupDamaged(_) => "backup_damaged",
            Error::BackupOtherKey(_) => "backup_other_key",
            Error::NotABackup(_) => "not_a_backup",
            Error::NotFound { .. } => "not_found",
            Error::NoConsent { .. } => "no_consent",
            Error::NotASheet => "not_a_sheet",
            Error::SheetDamaged(_) => "sheet_damaged",
            Error::NoSuchSheet { .. } => "no_such_sheet",
            Error::SheetEmpty => "sheet_empty",
            Error::SheetTooLarge(_) => "sheet_too_large",
            Error::SheetEncrypted => "sheet_encrypted",
            Error::ImportChanged => "import_changed",
            Error::CurrentSecretWrong => "current_secret_wrong",
            Error::Clipboard => "clipboard",
            Error::LogCut { .. } => "log_cut",
            Error::LogRewritten(_) => "log_rewritten",
            Error::LogPruneUnlogged(_) => "log_prune_unlogged",
            Error::Pdf(_) => "pdf",
            Error::Invalid(_) => "invalid",
            Error::Io { .. } => "io",
            Error::Db(_) => "db",
        }
    }
}

/// "line 1041 is" or "lines 1041–1057 are".
fn lines_en(from: i64, to: i64) -> String {
    if from == to {
        format!("line {from} is")
    } else {
        format!("lines {from}–{to} are")
    }
}
