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

static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.txt"));
static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.idx"));

const ORDINARY: u32 = 1 << 31;
const PROPER: u32 = 1 << 30;
const OFFSET: u32 = PROPER - 1;

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
            std::cmp::Ordering::Equal => {
                let r = raw(mid);
                return Class {
                    ordinary: r & ORDINARY != 0,
                    proper: r & PROPER != 0,
                };
            }
        }
    }
    Class::default()
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
        assert_eq!(
            class("bakker"),
            Class {
                ordinary: true,
                proper: true
            }
        );
        assert_eq!(
            class("yara"),
            Class {
                ordinary: false,
                proper: true
            }
        );
        assert_eq!(
            class("zwolle"),
            Class {
                ordinary: false,
                proper: true
            }
        );
        assert!(is_ordinary("uitkering") && is_ordinary("mooi") && is_ordinary("wit"));
        assert!(is_ordinary("cafe"), "accents are folded in the list too");
        assert_eq!(class("xqzvb"), Class::default());
        // The first and the last entries are found too (the edges of the search).
        let first = std::str::from_utf8(word(0)).unwrap();
        let last = std::str::from_utf8(word(count() - 1)).unwrap();
        assert_ne!(class(first), Class::default());
        assert_ne!(class(last), Class::default());
        assert!(!first.contains('\n') && !last.contains('\n'));
    }
}
