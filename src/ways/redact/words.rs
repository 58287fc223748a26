//! "Is this an ordinary Dutch word?": a lookup in OpenTaal's list, embedded by
//! `build.rs` as a sorted blob and an offsets table (see there for the format).
//!
//! The list stays in the binary's read-only data and is binary-searched where it
//! lies: nothing is parsed or copied at start, and a lookup touches some twenty
//! entries. The operating system pages in only the parts that are read, which keeps
//! the desktop app within its memory target (the whole list is about 6 MB on disk,
//! a set of 400,000 `String`s would be 20 MB or more of heap).
//!
//! What counts as an ordinary word is a choice, documented on [`Class::ordinary`].
//!
//! The same table holds the lists of `data/redact/` (first names, surnames, places,
//! care institutions, conditions named after people), an entry of several words
//! with its words joined by one space ("den haag"): see [`phrase`].

static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.txt"));
static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.idx"));

const ORDINARY: u32 = 1 << 31;
const PROPER: u32 = 1 << 30;
const FIRST_NAME: u32 = 1 << 29;
const SURNAME: u32 = 1 << 28;
const PLACE: u32 = 1 << 27;
const INSTITUTION: u32 = 1 << 26;
const COMMON: u32 = 1 << 25;
const STARTS_PHRASE: u32 = 1 << 24;
const OFFSET: u32 = STARTS_PHRASE - 1;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/lists.rs"));
}
/// The most words an entry of the lists has ("Alphen aan den Rijn": 4).
pub use generated::LONGEST;

/// How OpenTaal lists a (folded) word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Class {
    /// Listed in lower case ("bakker", "wit", "jan").
    ///
    /// This is what Naast calls **an ordinary Dutch word**. OpenTaal also lists
    /// about 55,000 capitalised entries: places (Zwolle), organisations (UWV), and
    /// many first names and surnames (Yara, Sanne, Visser). Counting those as
    /// ordinary words too would make every common first name "not a name": on the
    /// corpus in `tests/corpus/` it drops the unknown names flagged from 93% to 24%
    /// (false flags from 22 to 3 per 100 notes), and the parts of known names such
    /// as "Yara" in "Yara de Vries" would be matched only when capitalised. Known
    /// names leak in neither case (0 of 369). See `suspects::Heuristic`.
    pub ordinary: bool,
    /// Listed capitalised: a proper noun (a place, a name, an acronym).
    pub proper: bool,
    /// In a list of Dutch first names (Faker's, and Naast's own).
    pub first_name: bool,
    /// In a list of Dutch surnames ("visser", "de vries", and "vries" from it).
    pub surname: bool,
    /// A place in the Netherlands (the BAG's places).
    pub place: bool,
    /// A care institution or service ("dimence", "ggz centraal").
    pub institution: bool,
    /// Never a person here: part of the name of a condition named after one
    /// ("korsakov", "lyme"), a country, province or river, a language, a holiday, a
    /// shop or a national service ("marokko", "arabisch", "albert heijn", "digid").
    pub common: bool,
    /// The first word of an entry of several words ("den" of "den haag"): only
    /// then are longer phrases looked up.
    pub starts_phrase: bool,
}

impl Class {
    fn of(r: u32) -> Class {
        Class {
            ordinary: r & ORDINARY != 0,
            proper: r & PROPER != 0,
            first_name: r & FIRST_NAME != 0,
            surname: r & SURNAME != 0,
            place: r & PLACE != 0,
            institution: r & INSTITUTION != 0,
            common: r & COMMON != 0,
            starts_phrase: r & STARTS_PHRASE != 0,
        }
    }

    /// Known to OpenTaal, in lower case or capitalised.
    pub fn listed(&self) -> bool {
        self.ordinary || self.proper
    }
}

fn entries() -> usize {
    INDEX.len() / 4
}

fn raw(i: usize) -> u32 {
    let b = &INDEX[i * 4..i * 4 + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

fn word(i: usize) -> &'static [u8] {
    let start = (raw(i) & OFFSET) as usize;
    let end = if i + 1 < entries() {
        (raw(i + 1) & OFFSET) as usize
    } else {
        BLOB.len()
    };
    // Each word is followed by its newline.
    &BLOB[start..end.saturating_sub(1).max(start)]
}

/// How the list has `folded` (already lower case without accents, see
/// [`super::fold`]); both flags false when the list does not have it.
pub fn class(folded: &str) -> Class {
    let key = folded.as_bytes();
    let (mut lo, mut hi) = (0, entries());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match word(mid).cmp(key) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Class::of(raw(mid)),
        }
    }
    Class::default()
}

/// How the lists have a phrase of several folded words ("den", "haag"): looked up
/// as the words joined by one space. Nothing for more than [`LONGEST`] words.
pub fn phrase(words: &[&str], buf: &mut String) -> Class {
    if words.len() > LONGEST {
        return Class::default();
    }
    buf.clear();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            buf.push(' ');
        }
        buf.push_str(w);
    }
    class(buf)
}

/// Listed in lower case: see [`Class::ordinary`].
pub fn is_ordinary(folded: &str) -> bool {
    class(folded).ordinary
}

/// How many words the embedded list has (for tests and the report).
pub fn count() -> usize {
    entries()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_knows_ordinary_words_and_proper_nouns_apart() {
        assert!(count() > 300_000, "{}", count());
        let bakker = class("bakker");
        assert!(bakker.ordinary && bakker.proper && bakker.surname && !bakker.first_name);
        let yara = class("yara");
        assert!(!yara.ordinary && yara.proper && yara.first_name);
        let zwolle = class("zwolle");
        assert!(!zwolle.ordinary && zwolle.proper && zwolle.place && !zwolle.first_name);
        assert!(is_ordinary("uitkering") && is_ordinary("mooi") && is_ordinary("wit"));
        assert!(is_ordinary("cafe"), "accents are folded in the list too");
        assert_eq!(class("xqzvb"), Class::default());
        // The lists of data/redact, with their phrases of several words.
        assert!(class("anja").first_name && class("kees").first_name && class("kees").ordinary);
        assert!(class("vries").surname && class("de vries").surname);
        assert!(
            class("dimence").institution && class("korsakov").common && class("marokko").common
        );
        let mut buf = String::new();
        assert!(phrase(&["den", "haag"], &mut buf).place);
        assert!(phrase(&["ggz", "centraal"], &mut buf).institution);
        assert!(!phrase(&["den"], &mut buf).place && class("den").starts_phrase);
        const { assert!(LONGEST >= 4) };
        // The first and the last entries are found too (the edges of the search).
        let first = std::str::from_utf8(word(0)).unwrap();
        let last = std::str::from_utf8(word(count() - 1)).unwrap();
        assert_ne!(class(first), Class::default());
        assert_ne!(class(last), Class::default());
        assert!(!first.contains('\n') && !last.contains('\n'));
    }
}
