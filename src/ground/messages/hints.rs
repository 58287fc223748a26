//! What to do next, after a message: it depends on where the message is shown. The
//! app names its screens and buttons, the command line its commands and options.

use crate::ground::error::{Error, Invalid, Surface};
use crate::ground::lang::Lang;
use crate::ground::limits::NOTE_MAX;

/// The next step, where there is one that depends on the surface.
pub(super) fn hint(e: &Error, lang: Lang, surface: Surface) -> Option<String> {
    use Lang::{En, Nl};
    use Surface::{App, Cli};
    let s: &str = match (e, lang, surface) {
        (Error::VaultMissing(_), Nl, Cli) => "maak er een met `naast init`",
        (Error::VaultMissing(_), En, Cli) => "create one with `naast init`",
        (Error::VaultMissing(_), Nl, App) => "maak een nieuwe kluis, of kies 'Ik heb een back-up'",
        (Error::VaultMissing(_), En, App) => "create a new vault, or choose 'I have a backup'",
        (
            Error::KeyFileMissing(..)
            | Error::KeyFileDamaged(_)
            | Error::KeyFileOtherVault(_)
            | Error::KeyMismatch
            | Error::KeyringEntryMissing,
            Nl,
            Cli,
        ) => "gebruik `naast recover` met de herstelcode",
        (
            Error::KeyFileMissing(..)
            | Error::KeyFileDamaged(_)
            | Error::KeyFileOtherVault(_)
            | Error::KeyMismatch
            | Error::KeyringEntryMissing,
            En,
            Cli,
        ) => "use `naast recover` with the recovery code",
        (
            Error::KeyFileMissing(..)
            | Error::KeyFileDamaged(_)
            | Error::KeyFileOtherVault(_)
            | Error::KeyMismatch
            | Error::KeyringEntryMissing,
            Nl,
            App,
        ) => "typ hieronder je herstelcode",
        (
            Error::KeyFileMissing(..)
            | Error::KeyFileDamaged(_)
            | Error::KeyFileOtherVault(_)
            | Error::KeyMismatch
            | Error::KeyringEntryMissing,
            En,
            App,
        ) => "type your recovery code below",
        (Error::WrongPassphrase, Nl, Cli) => {
            "probeer het opnieuw, of gebruik `naast recover` met de herstelcode"
        }
        (Error::WrongPassphrase, En, Cli) => "try again, or use `naast recover` with the recovery code",
        (Error::WrongPassphrase, Nl, App) => {
            "probeer het opnieuw, of kies 'Ik heb alleen mijn herstelcode'"
        }
        (Error::WrongPassphrase, En, App) => {
            "try again, or choose 'I only have my recovery code'"
        }
        (Error::PassphraseNeeded, Nl, Cli) => "geef die met --passphrase-file",
        (Error::PassphraseNeeded, En, Cli) => "give it with --passphrase-file",
        (Error::PassphraseNeeded, Nl, App) => "typ je wachtwoordzin",
        (Error::PassphraseNeeded, En, App) => "type your passphrase",
        (Error::KeyringUnavailable(_), Nl, Cli) => {
            "ontgrendel de sleutelbos, of gebruik een wachtwoordzin (--passphrase-file)"
        }
        (Error::KeyringUnavailable(_), En, Cli) => {
            "unlock your keyring, or use passphrase mode (--passphrase-file)"
        }
        (Error::KeyringUnavailable(_), Nl, App) => {
            "ontgrendel de sleutelbos van je computer (log zo nodig opnieuw in) en probeer het opnieuw; lukt dat niet, kies dan een wachtwoordzin of gebruik je herstelcode"
        }
        (Error::KeyringUnavailable(_), En, App) => {
            "unlock your computer's keyring (log in again if needed) and try again; if that fails, choose a passphrase or use your recovery code"
        }
        (Error::KeyringLocked, Nl, _) => {
            "ontgrendel hem (bij het inloggen, of in Wachtwoorden en sleutels) en probeer het opnieuw; er is niets veranderd en er is geen nieuwe sleutel gemaakt"
        }
        (Error::KeyringLocked, En, _) => {
            "unlock it (at login, or in Passwords and Keys) and try again; nothing was changed and no new key was made"
        }
        (Error::Damaged, Nl, Cli) => "zet de laatste goede back-up terug met `naast restore`",
        (Error::Damaged, En, Cli) => "restore the last good backup with `naast restore`",
        (Error::Damaged, Nl, App) => {
            "zet een back-up terug: kies 'Ik heb een back-up' op het beginscherm"
        }
        (Error::Damaged, En, App) => "restore a backup: choose 'I have a backup' on the first screen",
        (Error::ReadOnly(_), Nl, _) => {
            "kopieer de kluis en het .keys-bestand naar een map waarin je mag schrijven, of vraag toegang"
        }
        (Error::ReadOnly(_), En, _) => {
            "copy the vault and its .keys file to a folder you may write to, or ask for access"
        }
        (Error::BackupFolderMissing(_), Nl, Cli) => "sluit de schijf aan, of geef een andere map met --to",
        (Error::BackupFolderMissing(_), En, Cli) => "plug in the disk, or give another folder with --to",
        (Error::BackupFolderMissing(_), Nl, App) => {
            "sluit de schijf aan, of kies een andere map bij Instellingen → Back-ups"
        }
        (Error::BackupFolderMissing(_), En, App) => {
            "plug in the disk, or choose another folder under Settings → Backups"
        }
        (Error::BackupDamaged(_), Nl, _) => "kies een andere (oudere) back-up",
        (Error::BackupDamaged(_), En, _) => "choose another (older) backup",
        (Error::BackupOtherKey(_), Nl, Cli) => {
            "geef de herstelcode die gold toen hij gemaakt werd, met --recovery-code-file"
        }
        (Error::BackupOtherKey(_), En, Cli) => {
            "give the recovery code that was valid when it was made, with --recovery-code-file"
        }
        (Error::BackupOtherKey(_), Nl, App) => {
            "typ de herstelcode die gold toen hij gemaakt werd"
        }
        (Error::BackupOtherKey(_), En, App) => "type the recovery code that was valid when it was made",
        (Error::NotFound { hint: "add-person", .. }, Nl, Cli) => "voeg die toe met `naast person add`",
        (Error::NotFound { hint: "add-person", .. }, En, Cli) => "add them with `naast person add`",
        (Error::NotFound { hint: "add-person", .. }, Nl, App) => "voeg die toe bij Mensen",
        (Error::NotFound { hint: "add-person", .. }, En, App) => "add them under People",
        (Error::NotFound { hint: "add-member", .. }, Nl, Cli) => "voeg die toe met `naast circle add`",
        (Error::NotFound { hint: "add-member", .. }, En, Cli) => "add them with `naast circle add`",
        (Error::NotFound { hint: "add-member", .. }, Nl, App) => {
            "voeg die toe aan de kring op de pagina van de persoon"
        }
        (Error::NotFound { hint: "add-member", .. }, En, App) => {
            "add them to the circle on the person's page"
        }
        (Error::NoConsent { .. }, Nl, Cli) => "leg die vast met `naast consent add`",
        (Error::NoConsent { .. }, En, Cli) => "record it with `naast consent add`",
        (Error::NoConsent { .. }, Nl, App) => {
            "leg die vast op de pagina van de persoon, onder Toestemming"
        }
        (Error::NoConsent { .. }, En, App) => "record it on the person's page, under Consent",
        (Error::NotASheet, Nl, _) => "sla het op als CSV, XLSX of ODS en probeer het opnieuw",
        (Error::NotASheet, En, _) => "save it as CSV, XLSX or ODS and try again",
        (Error::SheetDamaged(_), Nl, _) => {
            "open het in je spreadsheetprogramma en sla het opnieuw op"
        }
        (Error::SheetDamaged(_), En, _) => "open it in your spreadsheet program and save it again",
        (Error::NoSuchSheet { .. }, Nl, Cli) => "kies een van die bladen met --sheet",
        (Error::NoSuchSheet { .. }, En, Cli) => "choose one of those sheets with --sheet",
        (Error::NoSuchSheet { .. }, Nl, App) => "kies een van die bladen",
        (Error::NoSuchSheet { .. }, En, App) => "choose one of those sheets",
        (Error::SheetTooLarge(_), Nl, _) => "verdeel het over kleinere bladen",
        (Error::SheetTooLarge(_), En, _) => "split it into smaller sheets",
        (Error::SheetEncrypted, Nl, _) => "sla een kopie op zonder wachtwoord en importeer die",
        (Error::SheetEncrypted, En, _) => "save a copy without a password and import that",
        (Error::ImportChanged, Nl, App) => "bekijk het voorbeeld opnieuw",
        (Error::ImportChanged, En, App) => "look at the preview again",
        (Error::ImportChanged, Nl, Cli) => "probeer het opnieuw",
        (Error::ImportChanged, En, Cli) => "try again",
        (Error::Invalid(Invalid::ImportMissing(_)), Nl, Cli) => "geef die met --map KOLOM=VELD",
        (Error::Invalid(Invalid::ImportMissing(_)), En, Cli) => "give it with --map COLUMN=FIELD",
        (Error::Invalid(Invalid::ImportMissing(_)), Nl, App) => "kies die bij de kolommen",
        (Error::Invalid(Invalid::ImportMissing(_)), En, App) => "choose it among the columns",
        (Error::Invalid(Invalid::PlanOff(_)), Nl, Cli) => "zet het aan met `naast person plan`",
        (Error::Invalid(Invalid::PlanOff(_)), En, Cli) => "turn it on with `naast person plan`",
        (Error::Invalid(Invalid::PlanOff(_)), Nl, App) => {
            "zet 'Eigen plan' aan op de pagina van de persoon"
        }
        (Error::Invalid(Invalid::PlanOff(_)), En, App) => {
            "turn on 'Own plan' on the person's page"
        }
        (Error::Invalid(Invalid::NoGoals(_)), Nl, Cli) => "voeg eerst een doel toe met `naast goal add`",
        (Error::Invalid(Invalid::NoGoals(_)), En, Cli) => "add a goal first with `naast goal add`",
        (Error::Invalid(Invalid::NoGoals(_)), Nl, App) => "voeg eerst een doel toe bij 'Eigen plan'",
        (Error::Invalid(Invalid::NoGoals(_)), En, App) => "add a goal first under 'Own plan'",
        (Error::Invalid(Invalid::TooLong { max, .. }), Nl, _) if *max >= NOTE_MAX => {
            "verdeel de tekst over twee notities"
        }
        (Error::Invalid(Invalid::TooLong { max, .. }), En, _) if *max >= NOTE_MAX => {
            "split the text into two entries"
        }
        _ => return None,
    };
    Some(s.to_string())
}
