//! Dutch words for the core's messages. English lives next to each variant (its
//! `Display`); Dutch is here, in one match, so that a new variant without a Dutch
//! message does not compile.

use crate::error::{Error, Invalid};

pub(crate) fn error_nl(e: &Error) -> String {
    match e {
        Error::VaultMissing(p) => format!(
            "geen kluis gevonden in {}; maak er een met `naast init`",
            p.display()
        ),
        Error::VaultExists(p) => format!(
            "er staat al een kluis in {}; er is niets overschreven",
            p.display()
        ),
        Error::KeyFileMissing(p, k) => format!(
            "{} is geen Naast-kluis (het sleutelbestand {} ontbreekt); gebruik `naast recover` als je de herstelcode hebt",
            p.display(),
            k.display()
        ),
        Error::KeyFileDamaged(p) => format!(
            "het sleutelbestand {} is beschadigd; zet een back-up terug of gebruik `naast recover` met de herstelcode",
            p.display()
        ),
        Error::NotAVault(p) => format!("{} is geen Naast-kluis", p.display()),
        Error::WrongPassphrase => {
            "verkeerde wachtwoordzin; probeer het opnieuw, of gebruik `naast recover` met de herstelcode".into()
        }
        Error::PassphraseNeeded => {
            "deze kluis is beveiligd met een wachtwoordzin; geef die met --passphrase-file".into()
        }
        Error::KeyMismatch => {
            "de sleutel in de sleutelbos past niet bij deze kluis; gebruik `naast recover` met de herstelcode".into()
        }
        Error::RecoveryMismatch => {
            "deze herstelcode past niet bij deze kluis; vergelijk hem met wat je hebt opgeschreven".into()
        }
        Error::RecoveryTypo => {
            "er zit een typefout in de herstelcode (de controletekens kloppen niet); controleer elk groepje".into()
        }
        Error::KeyringEntryMissing => {
            "de sleutelbos heeft geen sleutel voor deze kluis; gebruik `naast recover` met de herstelcode".into()
        }
        Error::KeyringUnavailable(d) => format!(
            "de sleutelbos van het systeem antwoordt niet ({d}); ontgrendel de sleutelbos, of gebruik een wachtwoordzin (--passphrase-file)"
        ),
        Error::Damaged => {
            "het kluisbestand is beschadigd; er is niets veranderd. Zet een back-up terug, of kijk met `naast verify` wat er mis is".into()
        }
        Error::NewerSchema { found, known } => format!(
            "deze kluis is gemaakt met een nieuwere Naast (schema {found}, deze versie kent tot {known}); werk Naast bij"
        ),
        Error::Busy => {
            "de kluis is in gebruik door een ander Naast-venster of -commando; sluit dat en probeer het opnieuw".into()
        }
        Error::DiskFull => {
            "de schijf is vol; er is niets opgeslagen. Maak ruimte vrij en sla opnieuw op".into()
        }
        Error::NotFound { what, name, hint } => {
            let what = match *what {
                "person" => "persoon",
                "contact" => "contactmoment",
                "bridge note" => "brugnotitie",
                "follow-up" => "check-in",
                "circle member" => "iemand in de kring",
                "consent" => "toestemming",
                other => other,
            };
            let hint = match *hint {
                "" => "",
                "; add them with `naast person add`" => "; voeg die toe met `naast person add`",
                "; add them with `naast circle add`" => "; voeg die toe met `naast circle add`",
                other => other,
            };
            format!("geen {what} '{name}'{hint}")
        }
        Error::NoConsent { person, recipient } => format!(
            "delen is geblokkeerd: er is geen geldige toestemming van {person} voor {recipient}; leg die vast met `naast consent add`"
        ),
        Error::Invalid(i) => invalid_nl(i),
        Error::Io { path, source } => format!(
            "kan {} niet lezen of schrijven: {source}",
            path.display()
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
            "de tekst van {} is {len} tekens; de grens is {max}. Verdeel hem over twee notities",
            field_nl(field)
        ),
        Invalid::Empty(f) => format!("{} mag niet leeg zijn", field_nl(f)),
        Invalid::DuplicateAlias(a) => format!("er is al iemand met de naam '{a}'; kies een andere alias"),
        Invalid::DuplicateMember(a) => format!("'{a}' staat al in de kring van deze persoon"),
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
        Invalid::Replacement(s) => format!(
            "'{s}' is geen vervanging; schrijf WOORD=DOOR, bijvoorbeeld Kees=buurman"
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
        "word" => "het woord",
        other => other,
    }
}

fn status_nl(s: &str) -> &str {
    match s {
        "draft" => "concept",
        "shared" => "gedeeld",
        "answered" => "beantwoord",
        "closed" => "gesloten",
        other => other,
    }
}
