//! The rule for spotting names Naast does not know, with the measurements that chose
//! it. Kept as fields so the corpus test can show what each choice does.

use super::words::{self, Class};

/// How unknown names are spotted when no list says what a word is (the last rule of
/// `unknown.rs`). `Heuristic::default()` is the rule Naast uses; the fields exist
/// so that the corpus test can show what each choice does.
///
/// Measured on the first corpus (246 notes, 88 unknown names, before the lists of
/// `data/redact/`), share of unknown names flagged / false flags per 100 notes:
///
/// | rule                                                        | flagged | false |
/// |-------------------------------------------------------------|---------|-------|
/// | literal: capitalised mid-sentence, not a lower-case word    | 70.5%   | 20.3  |
/// | + acronyms (UWV, GGZ) are not names                         | 70.5%   | 17.9  |
/// | + words the list has both as word and as name (Kees, Roos)  | 89.8%   | 22.4  |
/// | + the word after a title (dr. Kuipers), also after a "."    | 89.8%   | 22.4  |
/// | + names and places of the list at a sentence start = chosen | 93.2%   | 22.4  |
/// | not taken: + any word not in the list at a sentence start   | 93.2%   | 24.8  |
/// | not taken: the list's capitalised entries count as ordinary | 23.9%   | 3.3   |
///
/// With the lists in front of it (335 notes, every identifier labelled; the test
/// prints this), direct identifiers caught / false alarms per 100 notes: literal
/// 97.8% / 5.1; with acronyms, listed names and titles, which is the chosen rule,
/// 100% / 0.9; not taken, unlisted words at a sentence start too: 100% / 3.0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Heuristic {
    /// Treat the list's capitalised entries (Zwolle, Yara, Visser) as ordinary
    /// words too. Also changes which parts of a known name need a capital.
    pub proper_is_ordinary: bool,
    /// Words in capitals only (UWV, GGZ, WMO) are not names.
    pub skip_acronyms: bool,
    /// A capitalised word mid-sentence that the list has both in lower case and
    /// capitalised ("Kees", "Bakker") is a suspect.
    pub listed_names: bool,
    /// A capitalised word right after a title or form of address ("dr.", "meneer",
    /// "buurvrouw") is a suspect even at the start of a sentence.
    pub after_title: bool,
    /// At the start of a sentence, a word the list does not have at all is a
    /// suspect too ("Kuipertjes belde").
    pub unlisted_at_start: bool,
    /// At the start of a sentence, a word the list has only capitalised (a name or
    /// a place: "Gerrit", "Zwolle") is a suspect too.
    pub proper_at_start: bool,
}

impl Default for Heuristic {
    fn default() -> Self {
        Heuristic {
            proper_is_ordinary: false,
            skip_acronyms: true,
            listed_names: true,
            after_title: true,
            unlisted_at_start: false,
            proper_at_start: true,
        }
    }
}

impl Heuristic {
    /// The rule as first stated, without refinements.
    pub fn literal() -> Self {
        Heuristic {
            proper_is_ordinary: false,
            skip_acronyms: false,
            listed_names: false,
            after_title: false,
            unlisted_at_start: false,
            proper_at_start: false,
        }
    }

    /// Is this folded word an ordinary Dutch word under this rule?
    pub fn ordinary(&self, folded: &str) -> bool {
        self.is_ordinary(words::class(folded))
    }

    pub(super) fn is_ordinary(&self, c: Class) -> bool {
        c.ordinary || (self.proper_is_ordinary && c.proper)
    }
}
