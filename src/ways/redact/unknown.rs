//! Words the vault does not know that may point at someone: sure names (replaced by
//! "[naam]"), and names, places and care institutions Naast is unsure of (asked
//! about before printing, as [`super::Suspect`]s).
//!
//! Sure, replaced without asking:
//! - initials before a surname ("J. Th. A. Bakker", "A. de Vries");
//! - a capitalised word after a title or form of address (dhr., mevr., mw.,
//!   meneer, mijnheer, dr., zr., oma …) that is a listed first name or surname or
//!   no ordinary word ("mijnheer Visser", "mevrouw Çelik"); the title stays;
//! - a listed first name that is no ordinary Dutch word ("Anja", "Gerrit"), in any
//!   position of a sentence, with the surname after it ("Anja de Boer");
//! - a listed first name that is an ordinary word too, with a surname after it
//!   ("Kees Visser").
//!
//! Asked (unsure):
//! - a care institution from the list ("Dimence", "GGz Centraal");
//! - a place ("Zwolle", "Den Haag") or a street without a house number
//!   ("Kerkstraat"): a team may need to know where;
//! - a listed first name that is also an ordinary word, alone ("Kees belde",
//!   "met Roos"), also at the start of a sentence;
//! - a title followed by an ordinary word that no list has as a name;
//! - what [`super::suspects::looks_like_a_name`] says looks like a name.
//!
//! Never: conditions named after people ("Korsakov", "de ziekte van Lyme"), the
//! countries, languages, holidays, shops and services of `data/redact/common.txt`
//! ("Marokko", "Arabisch", "Albert Heijn", "DigiD"), and words on the "is geen naam"
//! list.

use std::collections::HashSet;
use std::ops::Range;

use super::address::is_street_word;
use super::heuristic::Heuristic;
use super::names::Table;
use super::suspects::{looks_like_a_name, SuspectKind};
use super::tokens::{capitalised, is_particle, is_title, sentence_starts_at, title_before};
use super::words::{self, Class, LONGEST};
use crate::ground::fold::{fold, fold_into};

/// What the vault and the user already know: the vault's names, the "is geen naam"
/// list and the rule for the last resort.
pub(super) struct Known<'a> {
    pub table: &'a Table,
    pub not_names: &'a HashSet<String>,
    pub heuristic: Heuristic,
}

/// What the words from `i` on are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unknown {
    /// A name, sure: the next `n` words become "[naam]".
    Sure(usize),
    /// Asked about: `n` words, of this kind.
    Ask(SuspectKind, usize),
    /// Nothing to replace or ask: skip `n` words ("ziekte van Lyme").
    Keep(usize),
}

/// First names that are also words a sentence often starts with.
const NOT_AT_START: &[&str] = &[
    "ben", "wil", "mag", "kan", "zal", "was", "hoop", "rust", "mei", "juni", "juli", "april",
    "dag", "lief", "guus", "bo", "sam", "mark", "pim",
];

/// Words before a person's name in a condition ("de ziekte van Lyme").
const CONDITION: &[&str] = &[
    "ziekte", "syndroom", "methode", "wet", "model", "piramide", "disease", "syndrome",
];

pub(super) fn classify(
    r: &Known,
    text: &str,
    ws: &[Range<usize>],
    i: usize,
    folded: &str,
    limit: usize,
) -> Option<Unknown> {
    let word = &text[ws[i].clone()];
    // Everything below starts with a capital (an initial, a name, a place).
    if !capitalised(word) {
        return None;
    }
    let end = ws.iter().skip(i).take_while(|w| w.end <= limit).count() + i;
    if r.not_names.contains(folded) || r.table.known.contains(folded) {
        return None;
    }
    if let Some(n) = initials(text, ws, i, end) {
        return Some(Unknown::Sure(n));
    }
    if !capitalised(word) || word.chars().count() < 2 || word.chars().any(char::is_numeric) {
        return None;
    }
    let class = words::class(folded);
    if class.common || after_condition(text, ws, i) {
        return Some(Unknown::Keep(1));
    }
    let phrases = phrases(text, ws, i, end);
    let longest = |want: fn(&Class) -> bool| phrases.iter().rposition(want).map(|k| k + 1);
    if let Some(n) = longest(|c| c.common) {
        return Some(Unknown::Keep(n));
    }
    if let Some(n) = longest(|c| c.institution) {
        if not_a_name(r, text, ws, i, n) {
            return Some(Unknown::Keep(n));
        }
        return Some(Unknown::Ask(SuspectKind::Institution, n));
    }
    let start = sentence_starts_at(text, ws[i].start);
    if title_before(text, ws, i) {
        return Some(if class.first_name || class.surname || !class.ordinary {
            Unknown::Sure(1 + surname_after(text, ws, i + 1, end))
        } else {
            Unknown::Ask(SuspectKind::Name, 1)
        });
    }
    if let Some(n) = longest(|c| c.place) {
        if not_a_name(r, text, ws, i, n) {
            return Some(Unknown::Keep(n));
        }
        if !start || !class.ordinary || n > 1 {
            return Some(Unknown::Ask(SuspectKind::Place, n));
        }
    }
    if is_street_word(folded) && !class.ordinary {
        return Some(Unknown::Ask(SuspectKind::Place, 1));
    }
    if class.first_name {
        let tail = surname_after(text, ws, i + 1, end);
        if !class.ordinary || tail > 0 {
            return Some(Unknown::Sure(1 + tail));
        }
        if !(start && NOT_AT_START.contains(&folded)) {
            return Some(Unknown::Ask(SuspectKind::Name, 1));
        }
        return None;
    }
    if start && class.surname && !class.ordinary {
        return Some(Unknown::Ask(SuspectKind::Name, 1));
    }
    looks_like_a_name(r.table, r.not_names, r.heuristic, text, ws, i, folded)
        .then_some(Unknown::Ask(SuspectKind::Name, 1))
}

/// Spaces or a hyphen between two words of one name, nothing else.
fn tight(gap: &str) -> bool {
    !gap.is_empty()
        && gap.chars().count() <= 2
        && gap.chars().all(|c| matches!(c, ' ' | '\u{a0}' | '-'))
}

/// How many words after a first name or title make its surname: tussenvoegsels and
/// one capitalised word that is a listed surname or no ordinary word ("de Boer",
/// "van der Berg", "Brouwer", "El Amrani"). 0 when none follows.
fn surname_after(text: &str, ws: &[Range<usize>], from: usize, end: usize) -> usize {
    let mut k = from;
    while k < end && k < from + 4 {
        let gap = &text[ws[k - 1].end..ws[k].start];
        // After initials the full stop belongs to the initial: "J. Bakker".
        let after_initial = k == from && gap.starts_with('.') && tight(&gap[1..]);
        if !tight(gap) && !after_initial {
            return 0;
        }
        let w = &text[ws[k].clone()];
        let f = fold(w);
        if is_particle(&f) {
            k += 1;
            continue;
        }
        if !capitalised(w) || w.chars().any(char::is_numeric) {
            return 0;
        }
        let c = words::class(&f);
        let elsewhere = c.place || c.institution;
        let surname = c.surname || (!elsewhere && (!c.listed() || (c.proper && !c.ordinary)));
        return if surname { k + 1 - from } else { 0 };
    }
    0
}

/// "J. Th. A. Bakker": one or more initials, each with its full stop, then the
/// surname (listed, or no ordinary word). The number of words, initials included.
fn initials(text: &str, ws: &[Range<usize>], i: usize, end: usize) -> Option<usize> {
    let is_initial = |k: usize| {
        let w = &text[ws[k].clone()];
        let mut cs = w.chars();
        let first_upper = cs.next().is_some_and(char::is_uppercase);
        let rest_lower = cs.clone().all(char::is_lowercase);
        first_upper
            && rest_lower
            && w.chars().count() <= 3
            && !is_title(&fold(w))
            && text[ws[k].end..].starts_with('.')
    };
    let mut k = i;
    let mut single = false;
    while k < end && is_initial(k) {
        single |= text[ws[k].clone()].chars().count() == 1;
        k += 1;
        if k < end && !matches!(&text[ws[k - 1].end..ws[k].start], ". " | "." | ".\u{a0}") {
            return None;
        }
    }
    if k == i || !single || k >= end {
        return None;
    }
    let tail = surname_after(text, ws, k, end);
    (tail > 0).then_some(k - i + tail)
}

/// Is word `i` right after "ziekte van", "syndroom van" (a condition's name)?
fn after_condition(text: &str, ws: &[Range<usize>], i: usize) -> bool {
    i >= 2
        && fold(&text[ws[i - 1].clone()]) == "van"
        && CONDITION.contains(&fold(&text[ws[i - 2].clone()]).as_str())
}

/// How the lists have the phrases from word `i` on: of one word, two words … (as
/// long as the words are joined by spaces or hyphens, at most [`LONGEST`]).
fn phrases(text: &str, ws: &[Range<usize>], i: usize, end: usize) -> Vec<Class> {
    let mut folded: Vec<String> = Vec::new();
    let mut buf = String::new();
    let mut out = Vec::new();
    for k in i..end.min(i + LONGEST) {
        if k > i && !tight(&text[ws[k - 1].end..ws[k].start]) {
            break;
        }
        let mut f = String::new();
        fold_into(&text[ws[k].clone()], &mut f);
        folded.push(f);
        let refs: Vec<&str> = folded.iter().map(String::as_str).collect();
        out.push(words::phrase(&refs, &mut buf));
        if !out[0].starts_phrase {
            break;
        }
    }
    out
}

/// Is the phrase of `n` words from word `i` on the "is geen naam" list?
fn not_a_name(r: &Known, text: &str, ws: &[Range<usize>], i: usize, n: usize) -> bool {
    n > 1
        && r.not_names
            .contains(&fold(&text[ws[i].start..ws[i + n - 1].end]))
}
