//! The words of the core's messages. English is the `#[error]` text next to each
//! variant; Dutch is here, in one match, so that a new variant without a Dutch message
//! does not compile. What to do next differs per surface (the app names screens and
//! buttons, the command line names commands) and is added here too.

mod dutch;
mod hints;
mod os;

use crate::ground::error::{Error, Surface};
use crate::ground::lang::Lang;
use dutch::error_nl;
use hints::hint;
use os::io_reason;

/// The whole one-line message: what happened, then what to do next.
fn message(e: &Error, lang: Lang, surface: Surface) -> String {
    let base = match lang {
        Lang::En => english(e),
        Lang::Nl => error_nl(e),
    };
    match hint(e, lang, surface) {
        Some(h) => format!("{base}; {h}"),
        None => base,
    }
}

fn english(e: &Error) -> String {
    match e {
        Error::Io { path, source } => format!(
            "could not read or write {}: {}",
            path.display(),
            io_reason(source, Lang::En)
        ),
        Error::ReadOnly(p) if p.as_os_str().is_empty() => {
            "the vault is on a read-only disk or in a folder Naast may not write to; nothing was changed".into()
        }
        other => other.to_string(),
    }
}

impl Error {
    /// The one-line message for the app, in the given language: what happened and
    /// what to do next, naming screens and buttons, never a command.
    pub fn message(&self, lang: Lang) -> String {
        message(self, lang, Surface::App)
    }

    /// The one-line message for the command line: the next step names a command.
    pub fn cli_message(&self, lang: Lang) -> String {
        message(self, lang, Surface::Cli)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ground::error::Invalid;
    use crate::ground::limits;
    use std::path::PathBuf;

    /// One of every error a person can meet in the app.
    fn every_error() -> Vec<Error> {
        let p = || PathBuf::from("/home/anna/kluis.naast");
        let mut v = vec![
            Error::VaultMissing(p()),
            Error::VaultExists(p()),
            Error::KeyFileMissing(p(), p()),
            Error::KeyFileDamaged(p()),
            Error::KeyFileOtherVault(p()),
            Error::NotAVault(p()),
            Error::WrongPassphrase,
            Error::PassphraseNeeded,
            Error::KeyMismatch,
            Error::RecoveryMismatch,
            Error::RecoveryTypo,
            Error::KeyringEntryMissing,
            Error::KeyringUnavailable("no service".into()),
            Error::KeyringLocked,
            Error::Damaged,
            Error::ReadOnly(p()),
            Error::NewerSchema { found: 9, known: 5 },
            Error::Busy,
            Error::DiskFull,
            Error::OutputIsVault(p()),
            Error::BackupFolderMissing(p()),
            Error::BackupDamaged(p()),
            Error::BackupOtherKey(p()),
            Error::NotABackup(p()),
            Error::NotFound {
                what: "person",
                name: "Sanne".into(),
                hint: "add-person",
            },
            Error::NotFound {
                what: "circle member",
                name: "dr. Visser".into(),
                hint: "add-member",
            },
            Error::NoConsent {
                person: "Sanne".into(),
                recipient: "dr. Visser".into(),
            },
            Error::io(p(), std::io::Error::from(std::io::ErrorKind::NotFound)),
            Error::NotASheet,
            Error::SheetDamaged("Zip error: invalid Zip archive".into()),
            Error::NoSuchSheet {
                name: "Blad9".into(),
                have: "Contacten".into(),
            },
            Error::SheetEmpty,
            Error::SheetTooLarge(200_000),
            Error::SheetEncrypted,
            Error::ImportChanged,
            Error::CurrentSecretWrong,
            Error::Clipboard,
            Error::LogCut {
                from: 1041,
                to: 1057,
            },
            Error::LogCut { from: 9, to: 9 },
            Error::LogRewritten(1041),
            Error::LogPruneUnlogged(300),
            Error::Pdf("font".into()),
        ];
        v.extend(
            [
                Invalid::Minutes(0),
                Invalid::NoSupport,
                Invalid::NoPerson,
                Invalid::Date("x".into()),
                Invalid::DateTime("x".into()),
                Invalid::SkippedTime("2026-03-29 02:30".into()),
                Invalid::Period,
                Invalid::TooLong {
                    field: "note",
                    len: 200_001,
                    max: limits::NOTE_MAX,
                },
                Invalid::TooLong {
                    field: "alias",
                    len: 201,
                    max: limits::SHORT_MAX,
                },
                Invalid::DuplicateAlias("Sanne".into()),
                Invalid::PassphraseTooShort(8),
                Invalid::ConsentPeriod,
                Invalid::InformalRecipient,
                Invalid::MemberLeft("dr. Visser".into()),
                Invalid::MemberHasBridgeNotes("dr. Visser".into()),
                Invalid::RhythmPlanned(
                    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default(),
                ),
                Invalid::NotDraft("shared"),
                Invalid::DateOutOfRange("0226-11-23".into()),
                Invalid::ImportMissing("date"),
                Invalid::ImportField("kleur".into()),
                Invalid::ImportColumn("Onbekend".into()),
                Invalid::MapArg("Vorm".into()),
                Invalid::HoursBy("dag".into()),
                Invalid::ExportFormat("pdf".into()),
                Invalid::DayTextAhead("volgend jaar".into()),
                Invalid::WhoseMissing("signal"),
                Invalid::WhoseNotPresent {
                    what: "own words",
                    who: "Esra".into(),
                },
                Invalid::GoalNotPresent {
                    goal: 3,
                    who: "Esra".into(),
                },
                Invalid::PlanOff("Joris".into()),
                Invalid::NoGoals("Joris".into()),
            ]
            .into_iter()
            .map(Error::Invalid),
        );
        v
    }

    /// The app names screens and buttons; a command or an option would send a peer
    /// supporter to a terminal they never use.
    #[test]
    fn messages_in_the_app_never_name_a_command_or_an_option() {
        for e in every_error() {
            for lang in [Lang::Nl, Lang::En] {
                let m = e.message(lang);
                assert!(
                    !m.contains(" naast ") && !m.contains("--") && !m.contains('`'),
                    "{m}"
                );
                assert_eq!(m.lines().count(), 1, "{m}");
            }
        }
    }

    /// The command line does tell which command helps next.
    #[test]
    fn messages_on_the_command_line_name_the_command_that_helps() {
        assert!(Error::WrongPassphrase
            .cli_message(Lang::Nl)
            .contains("naast recover"));
        assert!(Error::Damaged
            .cli_message(Lang::En)
            .contains("naast restore"));
        assert!(Error::PassphraseNeeded
            .cli_message(Lang::Nl)
            .contains("--passphrase-file"));
    }

    /// Dutch lines stay Dutch: no English words from the OS or a library inside.
    #[test]
    fn dutch_messages_carry_no_english_fragments() {
        for e in every_error() {
            let m = e.message(Lang::Nl);
            for english in ["No such file", "permission denied", " the ", " error"] {
                assert!(!m.contains(english), "{m}");
            }
        }
    }
}
