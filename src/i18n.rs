//! The words of the core's messages. English is the `#[error]` text next to each
//! variant; Dutch is here, in one match, so that a new variant without a Dutch message
//! does not compile. What to do next differs per surface (the app names screens and
//! buttons, the command line names commands) and is added here too.

use std::io::ErrorKind;

use crate::error::{Error, Invalid, Lang, Surface};

/// The whole one-line message: what happened, then what to do next.
pub(crate) fn message(e: &Error, lang: Lang, surface: Surface) -> String {
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

/// The next step, where there is one that depends on the surface.
fn hint(e: &Error, lang: Lang, surface: Surface) -> Option<String> {
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
        ) => "kies 'Herstelcode gebruiken' en typ je herstelcode",
        (
            Error::KeyFileMissing(..)
            | Error::KeyFileDamaged(_)
            | Error::KeyFileOtherVault(_)
            | Error::KeyMismatch
            | Error::KeyringEntryMissing,
            En,
            App,
        ) => "choose 'Use recovery code' and type your recovery code",
        (Error::WrongPassphrase, Nl, Cli) => {
            "probeer het opnieuw, of gebruik `naast recover` met de herstelcode"
        }
        (Error::WrongPassphrase, En, Cli) => "try again, or use `naast recover` with the recovery code",
        (Error::WrongPassphrase, Nl, App) => {
            "probeer het opnieuw, of kies 'Herstelcode gebruiken'"
        }
        (Error::WrongPassphrase, En, App) => "try again, or choose 'Use recovery code'",
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
        (Error::Invalid(Invalid::TooLong { max, .. }), Nl, _) if *max >= crate::text::NOTE_MAX => {
            "verdeel de tekst over twee notities"
        }
        (Error::Invalid(Invalid::TooLong { max, .. }), En, _) if *max >= crate::text::NOTE_MAX => {
            "split the text into two entries"
        }
        _ => return None,
    };
    Some(s.to_string())
}

/// The operating system's reason, in plain words: its own text is English only.
pub(crate) fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    let nl = lang == Lang::Nl;
    let s = match e.kind() {
        ErrorKind::NotFound => [
            "the folder or file does not exist",
            "de map of het bestand bestaat niet",
        ],
        ErrorKind::PermissionDenied => ["no permission", "geen toestemming"],
        ErrorKind::AlreadyExists => ["it already exists", "het bestaat al"],
        ErrorKind::ReadOnlyFilesystem => ["the disk is read-only", "de schijf is alleen-lezen"],
        ErrorKind::IsADirectory => ["it is a folder", "het is een map"],
        ErrorKind::NotADirectory => [
            "part of the path is not a folder",
            "een deel van het pad is geen map",
        ],
        ErrorKind::InvalidData => [
            "the content is not readable text",
            "de inhoud is geen leesbare tekst",
        ],
        ErrorKind::StorageFull => ["the disk is full", "de schijf is vol"],
        _ => return e.to_string(),
    };
    s[nl as usize].to_string()
}

pub(crate) fn error_nl(e: &Error) -> String {
    match e {
        Error::VaultMissing(p) => format!("geen kluis gevonden in {}", p.display()),
        Error::VaultExists(p) => format!(
            "er staat al een kluis in {}; er is niets overschreven",
            p.display()
        ),
        Error::KeyFileMissing(p, k) => format!(
            "{} kan niet open zonder het sleutelbestand {}, en dat ontbreekt",
            p.display(),
            k.display()
        ),
        Error::KeyFileDamaged(p) => format!("het sleutelbestand {} is beschadigd", p.display()),
        Error::KeyFileOtherVault(p) => format!(
            "het sleutelbestand {} hoort bij een andere kluis, niet bij deze",
            p.display()
        ),
        Error::NotAVault(p) => format!("{} is geen Naast-kluis", p.display()),
        Error::WrongPassphrase => "verkeerde wachtwoordzin".into(),
        Error::PassphraseNeeded => "deze kluis is beveiligd met een wachtwoordzin".into(),
        Error::KeyMismatch => "de sleutel in de sleutelbos past niet bij deze kluis".into(),
        Error::RecoveryMismatch => {
            "deze herstelcode past niet bij deze kluis; vergelijk hem met wat je hebt opgeschreven".into()
        }
        Error::RecoveryTypo => {
            "er zit een typefout in de herstelcode (de controletekens kloppen niet); controleer elk groepje".into()
        }
        Error::KeyringEntryMissing => "de sleutelbos heeft geen sleutel voor deze kluis".into(),
        Error::KeyringUnavailable(d) => {
            format!("de sleutelbos van het systeem antwoordt niet ({d})")
        }
        Error::KeyringLocked => "de sleutelbos van deze computer is op slot".into(),
        Error::Damaged => "het kluisbestand is beschadigd; er is niets veranderd".into(),
        Error::ReadOnly(p) if p.as_os_str().is_empty() => {
            "de kluis staat op een alleen-lezen schijf of in een map waarin Naast niet mag schrijven; er is niets veranderd".into()
        }
        Error::ReadOnly(p) => format!(
            "de kluis {} staat op een alleen-lezen schijf of in een map waarin Naast niet mag schrijven; er is niets veranderd",
            p.display()
        ),
        Error::NewerSchema { found, known } => format!(
            "deze kluis is gemaakt met een nieuwere Naast (schema {found}, deze versie kent tot {known}); werk Naast bij"
        ),
        Error::Busy => {
            "de kluis is in gebruik door een ander Naast-venster of -commando; sluit dat en probeer het opnieuw".into()
        }
        Error::DiskFull => {
            "de schijf is vol; er is niets opgeslagen. Maak ruimte vrij en probeer het opnieuw".into()
        }
        Error::OutputIsVault(p) => format!(
            "{} is de kluis of een van haar eigen bestanden; Naast schrijft daar nooit iets overheen. Kies een andere bestandsnaam",
            p.display()
        ),
        Error::BackupFolderMissing(p) => format!(
            "de back-upmap {} is er niet (een USB-schijf die niet is aangesloten?); er is geen back-up gemaakt",
            p.display()
        ),
        Error::BackupDamaged(p) => format!(
            "de back-up {} kwam niet door de controle; hij is niet te gebruiken",
            p.display()
        ),
        Error::BackupOtherKey(p) => format!(
            "de back-up {} gaat niet open met deze sleutel; hij is van een andere kluis, of van vóór een nieuwe sleutel",
            p.display()
        ),
        Error::NotABackup(p) => format!("{} is geen Naast-back-up", p.display()),
        Error::NotFound { what, name, .. } => {
            let what = match *what {
                "person" => "persoon",
                "contact" => "contactmoment",
                "bridge note" => "brugnotitie",
                "follow-up" => "check-in",
                "circle member" => "iemand in de kring",
                "consent" => "toestemming",
                other => other,
            };
            format!("geen {what} '{name}'")
        }
        Error::NoConsent { person, recipient } => format!(
            "delen is geblokkeerd: er is geen geldige toestemming van {person} voor {recipient}"
        ),
        Error::Invalid(i) => invalid_nl(i),
        Error::Io { path, source } => format!(
            "kan {} niet lezen of schrijven: {}",
            path.display(),
            io_reason(source, Lang::Nl)
        ),
        Error::Db(e) => format!("databasefout: {e}"),
    }
}

fn invalid_nl(i: &Invalid) -> String {
    match i {
        Invalid::Minutes(n) => format!("het aantal minuten moet tussen 1 en 1440 liggen, niet {n}"),
        Invalid::Support(s) => format!(
            "onbekende soort steun '{s}' (gebruik practical, emotional, informational, navigation)"
        ),
        Invalid::NoSupport => {
            "kies minstens één soort steun: praktisch, emotioneel, informatief of navigatie".into()
        }
        Invalid::Mode(s) => format!(
            "onbekende vorm '{s}' (gebruik face-to-face, walk, home-visit, phone, video, chat, group)"
        ),
        Invalid::Initiative(s) => format!("onbekend initiatief '{s}' (gebruik person, me, other)"),
        Invalid::Context(s) => format!(
            "onbekende context '{s}' (gebruik client, youth, colleague, group-member)"
        ),
        Invalid::BridgeKind(s) => format!(
            "onbekende soort brugnotitie '{s}' (gebruik experience, stagnation, question, signal)"
        ),
        Invalid::BridgeStatus(s) => format!(
            "onbekende status '{s}' (gebruik draft, shared, answered, closed)"
        ),
        Invalid::Level(s) => format!("onbekend niveau '{s}' (gebruik code, alias, full)"),
        Invalid::NoPerson => "een contactmoment heeft minstens één persoon nodig".into(),
        Invalid::Date(s) => format!("'{s}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-23"),
        Invalid::DateTime(s) => format!(
            "'{s}' is geen tijdstip; schrijf JJJJ-MM-DD UU:MM, bijvoorbeeld 2026-11-23 14:30"
        ),
        Invalid::SkippedTime(s) => format!(
            "{s} bestaat niet in Nederlandse tijd (de klok gaat die nacht vooruit); kies een tijd na 03:00"
        ),
        Invalid::Period => "de periode eindigt voordat hij begint".into(),
        Invalid::TooLong { field, len, max } => format!(
            "de tekst van {} is {len} tekens; de grens is {max}",
            field_nl(field)
        ),
        Invalid::Empty(f) => format!("{} mag niet leeg zijn", field_nl(f)),
        Invalid::DuplicateAlias(a) => format!("er is al iemand met de naam '{a}'; kies een andere alias"),
        Invalid::DuplicateMember(a) => format!("'{a}' staat al in de kring van deze persoon"),
        Invalid::MemberLeft(a) => {
            format!("{a} staat niet meer in de kring van deze persoon; voeg {a} eerst weer toe")
        }
        Invalid::MemberHasBridgeNotes(a) => format!(
            "aan {a} zijn brugnotities geschreven als professional, dus {a} blijft bij de formele kring"
        ),
        Invalid::RhythmPlanned(d) => format!(
            "de check-ins na het incident van {} zijn al gepland",
            crate::time::day_label(*d, Lang::Nl)
        ),
        Invalid::Rhythm(s) => format!("onbekend ritme '{s}' (gebruik first of second)"),
        Invalid::UnknownLanguage(s) => format!("onbekende taal '{s}' (gebruik nl of en)"),
        Invalid::PassphraseTooShort(n) => format!("een wachtwoordzin heeft minstens {n} tekens nodig"),
        Invalid::ConsentPeriod => {
            "de toestemming moet eindigen op of na de dag waarop ze besproken is".into()
        }
        Invalid::InformalRecipient => {
            "een brugnotitie kan alleen naar een formele contactpersoon (een professional) in de kring".into()
        }
        Invalid::Transition { from, to } => format!(
            "een brugnotitie met status {} kan niet {} worden",
            status_nl(from),
            status_nl(to)
        ),
        Invalid::NotDraft(s) => format!(
            "alleen een concept kan worden bewerkt; deze brugnotitie is {}",
            status_nl(s)
        ),
        Invalid::OutOfRange { what, min, max, got } => format!(
            "{} moet tussen {min} en {max} liggen, niet {got}",
            field_nl(what)
        ),
        Invalid::DateOutOfRange(s) => format!(
            "'{s}' valt buiten de jaren die Naast aanneemt ({}–{}); kijk het jaartal na",
            crate::time::FIRST_YEAR,
            crate::time::LAST_YEAR
        ),
        Invalid::EraseNeedsYes(who) => format!(
            "wissen kan niet ongedaan worden gemaakt; bevestig met --yes dat {who} en alles wat alleen over die persoon gaat weg mag"
        ),
        Invalid::LogAction(s) => format!(
            "onbekende handeling '{s}' (gebruik create, change, delete, erase, view, search, print, save, export, copy, share, backup, restore, unlock, lock, key, prune)"
        ),
        Invalid::Format(s) => format!("onbekend formaat '{s}' (gebruik json of html)"),
        Invalid::NothingToChange => {
            "er is niets te wijzigen: geef minstens één veld om te bewerken".into()
        }
        Invalid::Replacement(s) => format!(
            "'{s}' is geen vervanging; schrijf WOORD=DOOR, bijvoorbeeld Kees=buurman"
        ),
        Invalid::DayText(t) => format!(
            "'{t}' is geen datum; schrijf dag-maand-jaar, bijvoorbeeld 23-11-2026, 23-11, gisteren of ma"
        ),
        Invalid::MomentText(t) => format!(
            "'{t}' is geen tijdstip; schrijf bijvoorbeeld 23-11-2026 14:30, gisteren 14:00, ma 9:30 of nu"
        ),
        Invalid::NamesToCheck(n) => format!(
            "{} in de notities {} een naam zijn die Naast niet kent; kies bij elk wat ermee moet voordat je afdrukt of opslaat",
            crate::text::count(*n as i64, Lang::Nl, "woord", "woorden"),
            if *n == 1 { "kan" } else { "kunnen" }
        ),
    }
}

fn field_nl(f: &str) -> &str {
    match f {
        "note" => "de notitie",
        "own words" => "in eigen woorden",
        "alias" => "de alias",
        "text" => "de tekst",
        "passphrase" => "de wachtwoordzin",
        "name" => "de naam",
        "answer" => "het antwoord",
        "reason" => "de reden",
        "full name" => "de volledige naam",
        "wishes" => "wensen en doelen",
        "strengths" => "krachten",
        "tag" => "een eigen label",
        "role" => "de rol",
        "scope" => "de reikwijdte",
        "draft" => "het concept",
        "own experience" => "eigen ervaring",
        "signal" => "het signaal",
        "minutes" => "het aantal minuten",
        "weeks" => "het aantal weken",
        "year" => "het jaar",
        "date" => "de datum",
        "limit" => "het maximum aantal resultaten",
        "people" => "het aantal personen",
        "contacts" => "het aantal contactmomenten",
        "auto-lock minutes" => "het aantal minuten voor automatisch vergrendelen",
        "word" => "het woord",
        other => other,
    }
}

fn status_nl(s: &str) -> &str {
    crate::bridge::Status::parse(s).map_or(s, |st| st.label(Lang::Nl))
}

#[cfg(test)]
mod tests {
    use super::*;
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
                    max: crate::text::NOTE_MAX,
                },
                Invalid::TooLong {
                    field: "alias",
                    len: 201,
                    max: crate::text::SHORT_MAX,
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
