//! Words in running text: runs of letters and digits, and where sentences start.
//!
//! Everything else (spaces, punctuation, apostrophes, hyphens) separates words. So
//! "Yara's" is the word "Yara" followed by "'s", and "Jos'" is "Jos" and "'": a
//! possessive keeps its ending when the name is replaced, and "Mo" can never match
//! inside "Mooi" or "Moniek".

use std::ops::Range;

/// The byte ranges of the words of `text`, in order. A combining accent typed as
/// its own character ("e" + U+0308) belongs to the word.
pub fn words(text: &str, out: &mut Vec<Range<usize>>) {
    out.clear();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || (start.is_some() && is_mark(c));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// Words that join the parts of a name but are never a name on their own:
/// tussenvoegsels (de, van, der, in 't …) and the particles of names from other
/// languages that Dutch notes meet (El, Ben, Al, da, dos …).
pub fn is_particle(folded: &str) -> bool {
    matches!(
        folded,
        "de" | "den"
            | "der"
            | "des"
            | "van"
            | "von"
            | "ter"
            | "ten"
            | "te"
            | "t"
            | "het"
            | "in"
            | "op"
            | "aan"
            | "bij"
            | "uit"
            | "onder"
            | "voor"
            | "over"
            | "s"
            | "la"
            | "le"
            | "les"
            | "du"
            | "da"
            | "di"
            | "do"
            | "dos"
            | "das"
            | "del"
            | "della"
            | "el"
            | "al"
            | "ben"
            | "bin"
            | "ibn"
            | "abu"
            | "ou"
            | "zu"
            | "y"
            | "e"
            | "mc"
            | "mac"
    )
}

/// Titles and forms of address in front of a name ("dr. Visser", "meneer Bakker",
/// "juf Fenna"): not a name themselves, and the word after one is very likely a name.
pub fn is_title(folded: &str) -> bool {
    matches!(
        folded,
        "dr" | "drs"
            | "mr"
            | "ir"
            | "ing"
            | "prof"
            | "mevr"
            | "mw"
            | "dhr"
            | "hr"
            | "mevrouw"
            | "meneer"
            | "mijnheer"
            | "juf"
            | "juffrouw"
            | "meester"
            | "dokter"
            | "zuster"
            | "broeder"
            | "pastor"
            | "dominee"
            | "imam"
            | "tante"
            | "oom"
            | "opa"
            | "oma"
            | "buurman"
            | "buurvrouw"
            | "familie"
            | "fam"
    )
}

/// Abbreviations whose full stop does not end a sentence ("dr.", "bijv."); the
/// titles written in full ("mevrouw", "oma") end a sentence like any word.
fn is_abbreviation(folded: &str) -> bool {
    (folded.chars().count() == 1 && folded.chars().all(char::is_alphabetic))
        || matches!(
            folded,
            "dr" | "drs"
                | "mr"
                | "ir"
                | "ing"
                | "prof"
                | "mevr"
                | "mw"
                | "dhr"
                | "hr"
                | "fam"
                | "st"
                | "jr"
                | "sr"
                | "bijv"
                | "bv"
                | "ca"
                | "nr"
                | "evt"
                | "etc"
                | "vs"
                | "zgn"
                | "mbt"
                | "ivm"
                | "tel"
                | "incl"
                | "excl"
                | "resp"
                | "ong"
        )
}

/// Does a sentence start at byte `at`? True at the start of the text, after a line
/// break, and after `.`, `!`, `?` or `…` (skipping spaces, opening quotes, brackets
/// and list dashes), except after the full stop of an abbreviation such as "dr." or
/// "bijv.". After a colon only when a quote opens: Dutch goes on in lower case after
/// a colon ("Groepsavond: Yara, Noor en Anouk"), so a capital there is a name.
pub fn sentence_starts_at(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let mut quoted = false;
    for (i, c) in before.char_indices().rev() {
        match c {
            '\n' | '\r' | '!' | '?' | '…' => return true,
            ':' => return quoted,
            '.' => return !abbreviation_before(&before[..i]),
            c if c.is_whitespace() => {}
            '"' | '\'' | '“' | '”' | '‘' | '’' | '„' | '«' | '»' => quoted = true,
            '(' | '[' | '-' | '–' | '—' | '•' | '*' => {}
            _ => return false,
        }
    }
    true
}

/// Does `head` end in an abbreviation (the word before a full stop)?
fn abbreviation_before(head: &str) -> bool {
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map(|(j, _)| j);
    start.is_some_and(|j| is_abbreviation(&crate::ground::fold::fold(&head[j..])))
}

/// Is word `i` preceded by a title that belongs to it ("dr. Visser", "meneer
/// Bakker", "buurvrouw Roos")? Not across the end of a sentence: in "van hun oma.
/// Ze willen" the full stop ends the sentence, because "oma" is no abbreviation.
pub fn title_before(text: &str, ws: &[Range<usize>], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = ws[i - 1].clone();
    let folded = crate::ground::fold::fold(&text[prev.clone()]);
    let gap = &text[prev.end..ws[i].start];
    is_title(&folded) && joins(gap) && (!gap.contains('.') || is_abbreviation(&folded))
}

/// May the characters between two words of a name be there, as in "dr. Visser",
/// "Anne-Marie", "in 't Veld", "Yara  de Vries"? At most three of space, full stop,
/// hyphen and apostrophe, and no line break.
pub fn joins(gap: &str) -> bool {
    !gap.is_empty()
        && gap.chars().count() <= 3
        && gap
            .chars()
            .all(|c| matches!(c, ' ' | '\u{a0}' | '\t' | '.' | '-' | '\'' | '’'))
}

/// Starts with a capital letter ("Yara", "IJssel").
pub fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Written in capitals throughout and longer than one letter ("UWV", "GGZ").
pub fn all_caps(word: &str) -> bool {
    word.chars().count() > 1 && word.chars().all(|c| c.is_uppercase() || c.is_numeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        let mut v = Vec::new();
        words(t, &mut v);
        v.into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn words_are_runs_of_letters_so_possessives_keep_their_ending() {
        assert_eq!(
            split("Yara's fiets, Jos' boek en Mooi-weer"),
            ["Yara", "s", "fiets", "Jos", "boek", "en", "Mooi", "weer"]
        );
        assert_eq!(
            split("Zoë ging naar K7QM."),
            ["Zoë", "ging", "naar", "K7QM"]
        );
    }

    #[test]
    fn sentences_start_after_full_stops_but_not_after_titles() {
        let t = "Goed gesprek. Mo kwam. Met dr. Visser en \"Kees\" gebeld: Fenna\nSanne";
        let at = |w: &str| t.find(w).unwrap();
        assert!(sentence_starts_at(t, 0));
        assert!(sentence_starts_at(t, at("Mo")));
        assert!(!sentence_starts_at(t, at("Visser")));
        assert!(!sentence_starts_at(t, at("Kees")));
        assert!(
            !sentence_starts_at(t, at("Fenna")),
            "no sentence after a colon"
        );
        assert!(sentence_starts_at(t, at("Sanne")));
        assert!(!sentence_starts_at(t, at("gebeld")));
        // A number before the full stop ends a sentence ("Beukenlaan 9. Samen").
        let t = "Om 9. Samen";
        assert!(sentence_starts_at(t, t.find("Samen").unwrap()));
        let t = "Groepsavond: Yara. Ze zei: \"Ik wil\" en oma. Ook";
        assert!(!sentence_starts_at(t, t.find("Yara").unwrap()));
        assert!(sentence_starts_at(t, t.find("Ik").unwrap()));
        assert!(sentence_starts_at(t, t.find("Ook").unwrap()));
    }

    #[test]
    fn a_title_belongs_to_the_next_word_only_within_a_sentence() {
        let at = |t: &str, w: &str| {
            let mut v = Vec::new();
            words(t, &mut v);
            let i = v.iter().position(|r| &t[r.clone()] == w).unwrap();
            title_before(t, &v, i)
        };
        assert!(at("met dr. Kuipers", "Kuipers"));
        assert!(at("met buurvrouw Roos", "Roos"));
        assert!(!at("van hun oma. Ze willen", "Ze"));
        assert!(!at("met Roos", "Roos"));
    }

    #[test]
    fn only_small_gaps_join_the_parts_of_a_name() {
        assert!(joins(" ") && joins(". ") && joins("-") && joins(" '"));
        assert!(!joins("") && !joins(", ") && !joins(" \n") && !joins("    "));
    }
}
