//! The gentle peer-language hint: words that label or judge rather than describe.
//! Peer notes are written on equal footing, in plain words, without diagnoses; when
//! such a word appears, the app says so quietly under the note. The lists are a
//! starting point, editable in the settings.

use crate::ground::lang::Lang;

const NL: &[&str] = &[
    "patiënt",
    "patient",
    "manipulatief",
    "manipuleert",
    "non-compliant",
    "therapieontrouw",
    "ongemotiveerd",
    "lastig",
    "moeilijke cliënt",
    "borderliner",
    "schizofreen",
    "psychoot",
    "verslaafde",
    "zwakbegaafd",
    "aandachtzoekend",
    "claimend",
    "decompenseert",
    "stoornis",
    "simuleert",
    "weigert",
    "agressief",
];

const EN: &[&str] = &[
    "patient",
    "manipulative",
    "non-compliant",
    "noncompliant",
    "unmotivated",
    "difficult client",
    "attention-seeking",
    "addict",
    "schizophrenic",
    "borderline",
    "psychotic",
    "refuses",
    "disorder",
    "malingering",
    "aggressive",
];

pub fn default_words(lang: Lang) -> Vec<String> {
    match lang {
        Lang::Nl => NL,
        Lang::En => EN,
    }
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// The listed words that occur in `text`, whole words only, ignoring case and
/// accents (so "patiënt" also catches "Patient"). Each word once, in list order.
pub fn hints(text: &str, words: &[String]) -> Vec<String> {
    let hay = fold(text);
    let hay_words: Vec<&str> = hay
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let mut found: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for w in words {
        let needle = fold(w);
        if seen.contains(&needle) {
            continue;
        }
        let parts: Vec<&str> = needle.split_whitespace().collect();
        if parts.is_empty() {
            continue;
        }
        let hit = hay_words
            .windows(parts.len())
            .any(|win| win == parts.as_slice());
        if hit {
            found.push(w.clone());
            seen.push(needle);
        }
    }
    found
}

fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judging_words_are_found_as_whole_words_across_accents_and_case() {
        let words = default_words(Lang::Nl);
        assert_eq!(
            hints("De Patient was erg manipulatief vandaag.", &words),
            ["patiënt", "manipulatief"]
        );
        assert!(hints("We liepen samen, het was een goed gesprek.", &words).is_empty());
        assert!(hints("compatiënten", &words).is_empty());
        assert_eq!(hints("een moeilijke  cliënt", &words), ["moeilijke cliënt"]);
    }
}
