//! What a match shows: its kind, when, who, and a snippet with the matching words
//! marked, cut from the note the way FTS5's `snippet()` would, but without re-reading
//! the note through the index.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::query::{CLOSE, OPEN};
use crate::ground::error::Result;

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum HitKind {
    Contact,
    BridgeNote,
}

/// A piece of a snippet; `hit` marks the words that matched.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// Which text of a contact the snippet is from.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum HitField {
    Note,
    OwnWords,
    Signal,
    OwnExperience,
    /// A bridge note's text, voice or answer.
    Bridge,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Hit {
    pub kind: HitKind,
    pub id: i64,
    /// Unix seconds: the contact's time, or when the bridge note was written.
    pub at: i64,
    pub persons: Vec<String>,
    pub rank: f64,
    pub snippet: Vec<Segment>,
    /// Where the snippet is from.
    pub field: HitField,
    /// Whose the snippet's text is, for a signal or own words (in a group contact
    /// they belong to some of the people present); empty otherwise.
    pub about: Vec<String>,
}

/// A contact's searchable texts, as read for one hit.
pub(super) struct Texts {
    pub note: String,
    pub own_words: String,
    pub signal_note: String,
    pub own_experience_note: String,
}

/// The columns that fill [`Texts`], in its order, on a contact `c`.
pub(super) const TEXT_COLUMNS: &str = "c.note, c.own_words, c.signal_note, c.own_experience_note";

impl Texts {
    /// The four columns from `first` on.
    pub(super) fn read(r: &rusqlite::Row, first: usize) -> rusqlite::Result<Texts> {
        Ok(Texts {
            note: r.get(first)?,
            own_words: r.get(first + 1)?,
            signal_note: r.get(first + 2)?,
            own_experience_note: r.get(first + 3)?,
        })
    }
}

impl Hit {
    /// The snippet as plain text with the matches in brackets, for terminals.
    pub fn snippet_text(&self) -> String {
        self.snippet
            .iter()
            .map(|s| {
                if s.hit {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }
}

/// A contact as a hit: its people, and the words around the first match in its note,
/// else its own words, its signal, what the supporter shared (else the note's first
/// words). With `viewer` (a search within one person's contacts), another person's
/// own words or signal is never shown.
pub(super) fn contact_hit(
    conn: &Connection,
    terms: &[String],
    id: i64,
    rank: f64,
    at: i64,
    t: &Texts,
    viewer: Option<i64>,
) -> Result<Hit> {
    let people = people_of_contact(conn, id)?;
    let theirs =
        |flag: fn(&Person) -> bool| -> Vec<&Person> { people.iter().filter(|p| flag(p)).collect() };
    let signal = theirs(|p| p.signal);
    let own = theirs(|p| p.own_words);
    let mine = |list: &[&Person]| viewer.is_none_or(|v| list.iter().any(|p| p.id == v));
    let names = |list: &[&Person]| list.iter().map(|p| p.alias.clone()).collect::<Vec<_>>();
    let mut found = snippet(&t.note, terms).map(|s| (s, HitField::Note, Vec::new()));
    if found.is_none() && mine(&own) {
        found = snippet(&t.own_words, terms).map(|s| (s, HitField::OwnWords, names(&own)));
    }
    if found.is_none() && mine(&signal) {
        found = snippet(&t.signal_note, terms).map(|s| (s, HitField::Signal, names(&signal)));
    }
    if found.is_none() {
        found = snippet(&t.own_experience_note, terms)
            .map(|s| (s, HitField::OwnExperience, Vec::new()));
    }
    let (snippet, field, about) =
        found.unwrap_or_else(|| (segments(&first_words(&t.note)), HitField::Note, Vec::new()));
    Ok(Hit {
        kind: HitKind::Contact,
        id,
        at,
        persons: people.into_iter().map(|p| p.alias).collect(),
        rank,
        snippet,
        field,
        about,
    })
}

/// One person on a contact, and whether its signal and own words are theirs.
struct Person {
    id: i64,
    alias: String,
    signal: bool,
    own_words: bool,
}

fn people_of_contact(conn: &Connection, id: i64) -> Result<Vec<Person>> {
    let mut st = conn.prepare_cached(
        "SELECT p.id, p.alias, cp.signal, cp.own_words FROM contact_person cp
         JOIN person p ON p.id = cp.person_id
         WHERE cp.contact_id = ?1 ORDER BY p.alias COLLATE NOCASE",
    )?;
    let rows = st.query_map([id], |r| {
        Ok(Person {
            id: r.get(0)?,
            alias: r.get(1)?,
            signal: r.get(2)?,
            own_words: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many words a snippet shows, as FTS5's `snippet(…, 16)` did.
const SNIPPET_WORDS: usize = 16;

/// The folded words someone typed: each matches words that start with it, as the
/// FTS5 prefix terms of [`fts_query`] do.
pub(super) fn terms(input: &str) -> Vec<String> {
    input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(crate::ground::fold::fold)
        .collect()
}

/// The words of `text` around its first match, the matching words marked, "…"
/// where text was cut. `None` when no word of `text` matches.
fn snippet(text: &str, terms: &[String]) -> Option<Vec<Segment>> {
    // Words and the gaps between them, in order.
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut in_word = false;
    for (i, ch) in text.char_indices() {
        let w = ch.is_alphanumeric();
        if i > 0 && w != in_word {
            pieces.push((&text[start..i], in_word));
            start = i;
        }
        in_word = w;
    }
    if start < text.len() {
        pieces.push((&text[start..], in_word));
    }
    let hit = |word: &str| {
        let folded = crate::ground::fold::fold(word);
        terms.iter().any(|t| folded.starts_with(t.as_str()))
    };
    let words: Vec<usize> = (0..pieces.len()).filter(|&i| pieces[i].1).collect();
    let first = words.iter().position(|&i| hit(pieces[i].0))?;
    let from = first.saturating_sub(SNIPPET_WORDS / 4);
    let to = (from + SNIPPET_WORDS).min(words.len());
    let from = to.saturating_sub(SNIPPET_WORDS);
    // Whole ends keep what stands before the first word and after the last.
    let lo = if from == 0 { 0 } else { words[from] };
    let hi = if to == words.len() {
        pieces.len() - 1
    } else {
        words[to - 1]
    };
    let mut out = Vec::new();
    let mut push = |text: String, hit: bool| match out.last_mut() {
        Some(Segment { text: t, hit: h }) if *h == hit => t.push_str(&text),
        _ => out.push(Segment { text, hit }),
    };
    if from > 0 {
        push("…".into(), false);
    }
    for (piece, is_word) in &pieces[lo..=hi] {
        let text = if *is_word {
            piece.to_string()
        } else {
            piece.replace('\n', " ")
        };
        push(text, *is_word && hit(piece));
    }
    if to < words.len() {
        push("…".into(), false);
    }
    Some(out)
}

/// A note's opening words, for a contact that matched on its own words only.
fn first_words(text: &str) -> String {
    let mut out: String = text
        .split_whitespace()
        .take(SNIPPET_WORDS)
        .collect::<Vec<_>>()
        .join(" ");
    if text.split_whitespace().count() > SNIPPET_WORDS {
        out.push('…');
    }
    out
}

pub(super) fn segments(marked: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut hit = false;
    let mut cur = String::new();
    for ch in marked.chars() {
        if ch == OPEN || ch == CLOSE {
            if !cur.is_empty() {
                out.push(Segment {
                    text: std::mem::take(&mut cur),
                    hit,
                });
            }
            hit = ch == OPEN;
        } else {
            cur.push(ch);
        }
    }
    if !cur.is_empty() {
        out.push(Segment { text: cur, hit });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(segs: &[Segment]) -> String {
        segs.iter()
            .map(|s| {
                if s.hit {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn a_snippet_marks_the_words_that_start_with_a_term_folded_like_the_index() {
        let t = terms("client UITK");
        let s = snippet("De cliënt vroeg naar de Uitkering.\nDaarna koffie.", &t).unwrap();
        assert_eq!(
            marked(&s),
            "De [cliënt] vroeg naar de [Uitkering]. Daarna koffie."
        );
        assert!(snippet("Niets hiervan past.", &t).is_none());
    }

    #[test]
    fn a_long_note_is_cut_around_its_first_match_with_an_ellipsis_on_each_cut_side() {
        let words: Vec<String> = (0..60).map(|i| format!("woord{i}")).collect();
        let mut text = words.join(" ");
        text.push_str(" woningbouw en meer daarna");
        let s = marked(&snippet(&text, &terms("woning")).unwrap());
        assert!(s.starts_with('…') && s.contains("[woningbouw]"), "{s}");
        let shown = s
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        assert!(shown <= SNIPPET_WORDS, "{shown} words: {s}");
        let start = marked(&snippet("woningbouw is het eerste woord", &terms("woning")).unwrap());
        assert_eq!(start, "[woningbouw] is het eerste woord");
    }
}
