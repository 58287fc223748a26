//! The Dutch words of every error. One match over every variant, so that a new
//! variant without its Dutch message does not compile.

use super::os::io_reason;
use crate::ground::error::{Error, Invalid};
use crate::ground::lang::Lang;
use crate::ground::vocab::Status;
use crate::ground::{calendar, numbers};

pub(super) fn error_nl(e: &Error) -> String {
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
                "goal" => "doel",
                other => other,
            };
            format!("geen {what} '{name}'")
        }
        Error::NoConsent { person, recipient } => format!(
            "delen is geblokkeerd: er is geen geldige toestemming van {person} voor {recipient}"
        ),
        Error::NotASheet => "dit bestand is geen blad dat Naast kan lezen".into(),
        Error::SheetDamaged(_) => "de werkmap kon niet gelezen worden".into(),
        Error::NoSuchSheet { name, have } => {
            format!("de werkmap heeft geen blad '{name}' (wel: {have})")
        }
        Error::LogCut { from, to } => format!(
            "{} in het logboek: ze waren er toen de kluis voor het laatst werd gesloten of geback-upt",
            if from == to {
                format!("regel {from} ontbreekt")
            } else {
                format!("regels {from}–{to} ontbreken")
            }
        ),
        Error::LogRewritten(n) => format!(
            "regel {n} van het logboek is niet de regel die er stond toen de kluis voor het laatst werd gesloten of geback-upt: het logboek is daar ingekort en verder geschreven"
        ),
        Error::LogPruneUnlogged(n) => format!(
            "het logboek begint na regel {n}, maar geen opruimregel zegt dat het daar is opgeruimd"
        ),
        Error::SheetEmpty => "het blad is leeg: er is geen rij met kolomkoppen".into(),
        Error::SheetTooLarge(n) => format!(
            "het blad heeft meer dan {} rijen",
            numbers::number(*n as i64, Lang::Nl)
        ),
        Error::SheetEncrypted => "de werkmap is beveiligd met een wachtwoord".into(),
        Error::ImportChanged => {
            "het bestand is veranderd na het voorbeeld; er is niets geïmporteerd".into()
        }
        Error::CurrentSecretWrong => {
            "de huidige wachtwoordzin of herstelcode klopt niet; er is niets veranderd".into()
        }
        Error::Clipboard => {
            "het klembord van deze computer antwoordde niet; er is niets gekopieerd".into()
        }
        Error::Pdf(why) => format!("de pdf kon niet gemaakt worden ({why}); er is niets bewaard"),
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
            calendar::day_label(*d, Lang::Nl)
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
            calendar::FIRST_YEAR,
            calendar::LAST_YEAR
        ),
        Invalid::EraseNeedsYes(who) => format!(
            "wissen kan niet ongedaan worden gemaakt; bevestig met --yes dat {who} en alles wat alleen over die persoon gaat weg mag"
        ),
        Invalid::StdinTwice { first, second } => format!(
            "{first} en {second} willen allebei van stdin lezen ('-'); dat kan er maar één: geef de ander als tekst of als bestand"
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
        Invalid::DayTextAhead(t) => format!(
            "'{t}' is geen datum; schrijf een dag vooruit, bijvoorbeeld 30-11-2026, morgen, vr, volgende week of over 2 weken"
        ),
        Invalid::RecoveryCodeShown => {
            "de herstelcode is bevestigd en wordt niet opnieuw getoond; maak bij Instellingen een nieuwe sleutel als hij kwijt kan zijn".into()
        }
        Invalid::WhoseMissing(what) => format!(
            "kies van wie {} is: een of meer van de mensen die erbij waren",
            whose_nl(what)
        ),
        Invalid::GoalNotPresent { goal, who } => format!(
            "doel {goal} is van {who}, en {who} was niet bij dit contactmoment"
        ),
        Invalid::PlanOff(a) => format!(
            "{a} is een collega: collegiale steun houdt geen plan bij, tenzij je dat voor {a} aanzet"
        ),
        Invalid::NoGoals(a) => format!("{a} heeft nog geen doelen, dus er is geen plan om te printen"),
        Invalid::WhoseNotPresent { what, who } => format!(
            "{} kan alleen van iemand zijn die bij dit contactmoment was, en {who} was er niet bij",
            whose_nl(what)
        ),
        Invalid::MomentText(t) => format!(
            "'{t}' is geen tijdstip; schrijf bijvoorbeeld 23-11-2026 14:30, gisteren 14:00, ma 9:30 of nu"
        ),
        Invalid::MapArg(s) => format!(
            "'{s}' is geen kolomkeuze; schrijf KOLOM=VELD, bijvoorbeeld Cliënt=person"
        ),
        Invalid::ImportField(s) => format!(
            "onbekend veld '{s}' (gebruik person, date, time, at, minutes, hours, mode, support, tags, note, own_words, follow_up, initiative, own_experience, own_experience_note, signal, signal_note, consult of skip)"
        ),
        Invalid::ImportColumn(s) => format!("het blad heeft geen kolom '{s}'"),
        Invalid::ImportMissing(s) => format!(
            "geen kolom bevat {}",
            match *s {
                "date" => "de datum",
                "person" => "de persoon",
                other => other,
            }
        ),
        Invalid::HoursBy(s) => format!("onbekende periode '{s}' (gebruik week of month)"),
        Invalid::ExportFormat(s) => {
            format!("onbekend formaat '{s}' (gebruik csv, xlsx of json)")
        }
        Invalid::NamesToCheck(n) => format!(
            "{} in de notities {} een naam zijn die Naast niet kent; kies bij elk wat ermee moet voordat je afdrukt of opslaat",
            numbers::count(*n as i64, Lang::Nl, "woord", "woorden"),
            if *n == 1 { "kan" } else { "kunnen" }
        ),
    }
}

fn whose_nl(what: &str) -> &str {
    match what {
        "own words" => "de eigen woorden",
        "check-in" => "de volgende check-in",
        _ => "het signaal",
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
        "goal" => "het doel",
        "why" => "waarom",
        "steps" => "de stappen",
        "score" => "het cijfer",
        "words" => "de woorden",
        "position" => "de plaats",
        other => other,
    }
}

fn status_nl(s: &str) -> &str {
    Status::parse(s).map_or(s, |st| st.label(Lang::Nl))
}
