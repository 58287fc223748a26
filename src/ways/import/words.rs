//! The words people write in a "vorm" or "soort steun" column, mapped to Naast's
//! vocabularies. A word Naast does not know is never dropped: it becomes one of the
//! user's own tags (as the quick form allows beside the four support types), unless
//! the user chooses otherwise in the preview.

use serde::{Deserialize, Serialize};

use crate::ground::fold::fold;
use crate::ground::vocab::{Mode, Support};

/// What an unknown word becomes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "WordTo"))]
pub enum WordTo {
    /// One of the user's own tags (the default).
    Tag,
    Support(Support),
    Mode(Mode),
    /// Left out.
    Skip,
}

fn norm(w: &str) -> String {
    fold(w)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How an unknown word is recognised again: any case, accents or not.
pub fn key(word: &str) -> String {
    norm(word)
}

/// The mode a word names, in Dutch, English or as people shorten it.
pub fn mode(word: &str) -> Option<Mode> {
    let w = norm(word);
    let m = match w.as_str() {
        "face to face" | "facetoface" | "f2f" | "ftf" | "persoonlijk" | "fysiek" | "live"
        | "gesprek" | "op kantoor" | "kantoor" | "in person" | "afspraak" => Mode::FaceToFace,
        "wandeling" | "wandelen" | "gewandeld" | "walk" | "wandel" | "buiten" => Mode::Walk,
        "huisbezoek" | "thuis" | "thuisbezoek" | "bij hem thuis" | "bij haar thuis"
        | "home visit" | "home" => Mode::HomeVisit,
        "telefoon" | "telefonisch" | "tel" | "gebeld" | "bellen" | "phone" | "call" => Mode::Phone,
        "beeldbellen" | "video" | "videobellen" | "videocall" | "teams" | "zoom" | "online"
        | "beeld" => Mode::Video,
        "chat" | "chatten" | "whatsapp" | "app" | "appen" | "sms" | "berichtje" | "signal"
        | "tekst" => Mode::Chat,
        "groep" | "groepsbijeenkomst" | "group" | "eetgroep" | "groepsgesprek" => Mode::Group,
        _ => return None,
    };
    Some(m)
}

/// The support type a word names.
pub fn support(word: &str) -> Option<Support> {
    let w = norm(word);
    let w = w
        .strip_suffix(" steun")
        .or_else(|| w.strip_suffix(" ondersteuning"))
        .or_else(|| w.strip_suffix(" hulp"))
        .or_else(|| w.strip_suffix(" support"))
        .unwrap_or(&w);
    let s = match w {
        "praktisch" | "praktische" | "practical" | "prakt" => Support::Practical,
        "emotioneel" | "emotionele" | "emotional" | "emo" | "steun" => Support::Emotional,
        "informatief" | "informatieve" | "informatie" | "info" | "informational"
        | "information" | "voorlichting" => Support::Informational,
        "navigatie" | "navigation" | "zorgnavigatie" | "wegwijs" | "wegwijzen" | "navigeren" => {
            Support::Navigation
        }
        _ => return None,
    };
    Some(s)
}

/// The words of a cell that holds a list: "praktisch, emotioneel", "praktisch en
/// emotioneel", "praktisch/emotioneel", one per line.
pub fn split(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in cell.split([',', ';', '/', '+', '&', '\n', '|']) {
        for w in part
            .split(" en ")
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
            .filter(|w| !w.is_empty())
        {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(w)) {
                out.push(w.to_string());
            }
        }
    }
    out
}

/// Names in a person cell: "Sanne", "Sanne, Mo", "Sanne en Mo". A slash or a plus
/// also separates; a hyphen does not (Jan-Willem).
pub fn people(cell: &str) -> Vec<String> {
    split(cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_in_dutch_english_and_as_people_write_them() {
        assert_eq!(mode("Wandeling"), Some(Mode::Walk));
        assert_eq!(mode("telefonisch"), Some(Mode::Phone));
        assert_eq!(mode("Face-to-face"), Some(Mode::FaceToFace));
        assert_eq!(mode("face to face"), Some(Mode::FaceToFace));
        assert_eq!(mode("huisbezoek"), Some(Mode::HomeVisit));
        assert_eq!(mode("home-visit"), Some(Mode::HomeVisit));
        assert_eq!(mode("Beeldbellen"), Some(Mode::Video));
        assert_eq!(mode("WhatsApp"), Some(Mode::Chat));
        assert_eq!(mode("groep"), Some(Mode::Group));
        assert_eq!(mode("fietstocht"), None);
        // Every word of the vocabulary, in both languages and as the CLI names it.
        for m in Mode::ALL {
            for w in [
                m.as_str(),
                m.label(crate::ground::lang::Lang::Nl),
                m.label(crate::ground::lang::Lang::En),
            ] {
                assert_eq!(mode(w), Some(*m), "{w}");
            }
        }
    }

    #[test]
    fn support_words_with_and_without_steun() {
        assert_eq!(support("praktische steun"), Some(Support::Practical));
        assert_eq!(support("Emotioneel"), Some(Support::Emotional));
        assert_eq!(support("informatie"), Some(Support::Informational));
        assert_eq!(support("zorgnavigatie"), Some(Support::Navigation));
        assert_eq!(support("sociale vaardigheden"), None);
        for s in Support::ALL {
            for w in [
                s.as_str(),
                s.label(crate::ground::lang::Lang::Nl),
                s.label(crate::ground::lang::Lang::En),
            ] {
                assert_eq!(support(w), Some(*s), "{w}");
            }
        }
    }

    #[test]
    fn lists_split_on_commas_slashes_and_en() {
        assert_eq!(
            split("praktisch, emotioneel/navigatie en informatief"),
            ["praktisch", "emotioneel", "navigatie", "informatief"]
        );
        assert_eq!(people("Sanne en Mo"), ["Sanne", "Mo"]);
        assert_eq!(people("Jan-Willem"), ["Jan-Willem"]);
        assert_eq!(split("a, A"), ["a"]);
    }
}
