//! Addresses: a street with a house number ("Kerkstraat 12", "Jan van Galenstraat
//! 4-2", "Oudegracht 12a") and a postcode ("8011 AB", with the place written after
//! it). Parts of one address written one after the other ("Kerkstraat 12, 8011 AB
//! Zwolle") become one hit, so the text reads "[adres]" once.
//!
//! A street is a word ending in one of the usual Dutch street words (straat, laan,
//! weg, plein, gracht …), with the capitalised words and tussenvoegsels before it
//! that belong to its name, followed by a number. A street without a number is
//! asked about as a place, not replaced (see `unknown.rs`).

use std::ops::Range;

use super::category::{alnum_at, alnum_before, Category, Hit};
use super::tokens::{self, capitalised, is_particle};
use crate::ground::fold::fold;

const STREET_ENDS: &[&str] = &[
    "straat",
    "laan",
    "weg",
    "plein",
    "gracht",
    "kade",
    "singel",
    "dijk",
    "pad",
    "hof",
    "dreef",
    "steeg",
    "markt",
    "park",
    "plantsoen",
    "boulevard",
    "baan",
    "allee",
    "erf",
    "wal",
    "ring",
    "haven",
    "dam",
    "vaart",
    "kanaal",
    "burgwal",
    "gang",
    "poort",
    "schans",
    "promenade",
    "passage",
    "straatje",
    "pleintje",
    "hofje",
    "kamp",
    "veld",
    "hoek",
    "zijde",
    "oord",
    "akker",
    "wetering",
    "polder",
    "brink",
    "dorpsstraat",
];

/// Does the folded word end in a street word, and is it more than that word alone
/// ("kerkstraat", not "straat")?
pub fn is_street_word(folded: &str) -> bool {
    STREET_ENDS
        .iter()
        .any(|e| folded.len() > e.len() + 1 && folded.ends_with(e))
}

/// Postcodes ("8011 AB", "8011AB"), each with the place written right after it.
pub fn postcodes(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 6 <= b.len() {
        if !(b'1'..=b'9').contains(&b[i]) || alnum_before(text, i) {
            i += 1;
            continue;
        }
        let digits = b[i..i + 4].iter().all(u8::is_ascii_digit);
        if !digits {
            i += 1;
            continue;
        }
        let mut j = i + 4;
        let spaced = b.get(j) == Some(&b' ');
        if spaced {
            j += 1;
        }
        let letters = b.get(j..j + 2).unwrap_or_default();
        let upper = letters.len() == 2 && letters.iter().all(u8::is_ascii_uppercase);
        let lower = letters.len() == 2 && letters.iter().all(u8::is_ascii_lowercase);
        if (upper || (lower && !spaced))
            && !alnum_at(text, j + 2)
            && !matches!(letters, b"SA" | b"SD" | b"SS")
        {
            let end = place_after(text, j + 2);
            out.push(i..end);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// The place after a postcode: capitalised words and the tussenvoegsels between
/// them ("Zwolle", "Alphen aan den Rijn", "'s-Hertogenbosch"), on the same line.
fn place_after(text: &str, from: usize) -> usize {
    let mut ws = Vec::new();
    tokens::words(&text[from..], &mut ws);
    let mut end = from;
    for (k, w) in ws.iter().take(6).enumerate() {
        let gap_start = if k == 0 { from } else { from + ws[k - 1].end };
        let gap = &text[gap_start..from + w.start];
        let joined = !gap.is_empty()
            && gap.len() <= 3
            && gap
                .chars()
                .all(|c| matches!(c, ' ' | '\u{a0}' | '-' | '\'' | '’'));
        if !joined {
            break;
        }
        let word = &text[from + w.start..from + w.end];
        let folded = fold(word);
        if capitalised(word) {
            end = from + w.end;
        } else if !(is_particle(&folded) || folded == "s") {
            break;
        }
    }
    end
}

/// Streets with a house number.
pub fn streets(text: &str) -> Vec<Range<usize>> {
    let mut ws = Vec::new();
    tokens::words(text, &mut ws);
    let mut out = Vec::new();
    for k in 0..ws.len().saturating_sub(1) {
        // A number first (cheap), then the street word.
        let gap = &text[ws[k].end..ws[k + 1].start];
        let num = &text[ws[k + 1].clone()];
        let starts_with_digit = num.as_bytes()[0].is_ascii_digit();
        if !(gap == " " || gap == "\u{a0}") || !starts_with_digit {
            continue;
        }
        let w = &text[ws[k].clone()];
        if !is_street_word(&fold(w)) {
            continue;
        }
        let digits = num.bytes().take_while(u8::is_ascii_digit).count();
        let suffix = &num[digits..];
        if digits > 5 || suffix.len() > 3 || !suffix.bytes().all(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        // "12a", "12-2", "12 A", "12-III", "12 bis", "12hs".
        let mut end = ws[k + 1].end;
        if let Some(n) = ws.get(k + 2) {
            let g = &text[end..n.start];
            let next = &text[n.clone()];
            let addition = next.len() <= 3
                && (next.bytes().all(|c| c.is_ascii_digit())
                    || next.bytes().all(|c| c.is_ascii_uppercase())
                    || matches!(next, "bis" | "hs" | "huis" | "rd" | "zw"));
            if addition && (g == "-" || (g == " " && !next.bytes().all(|c| c.is_ascii_digit()))) {
                end = n.end;
            }
        }
        // The words of the street's name before it: "Jan van Galenstraat".
        let mut start = ws[k].start;
        let mut j = k;
        while j > 0 {
            let prev = &text[ws[j - 1].clone()];
            let gap = &text[ws[j - 1].end..ws[j].start];
            if gap != " " && gap != "-" {
                break;
            }
            let folded = fold(prev);
            let part = (capitalised(prev) && !tokens::sentence_starts_at(text, ws[j - 1].start))
                || (is_particle(&folded) && j >= 2 && capitalised(&text[ws[j - 2].clone()]));
            if !part {
                break;
            }
            j -= 1;
            start = ws[j].start;
        }
        out.push(start..end);
    }
    out
}

/// Streets and postcodes, adjoining parts of one address joined.
pub fn addresses(text: &str) -> Vec<Hit> {
    let mut parts: Vec<Range<usize>> = streets(text);
    parts.extend(postcodes(text));
    parts.sort_by_key(|r| r.start);
    let mut out: Vec<Hit> = Vec::new();
    for r in parts {
        if let Some(last) = out.last_mut() {
            let between = text.get(last.span.end..r.start).unwrap_or("x");
            if r.start < last.span.end {
                continue;
            }
            if between.len() <= 3 && between.chars().all(|c| matches!(c, ',' | ' ' | '\u{a0}')) {
                last.span.end = r.end;
                continue;
            }
        }
        out.push(Hit::new(r, Category::Address));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(t: &str) -> Vec<&str> {
        addresses(t).into_iter().map(|h| &t[h.span]).collect()
    }

    #[test]
    fn a_street_and_postcode_with_the_place_become_one_address() {
        let t = "Sanne woont aan de Kerkstraat 12, 8011 AB Zwolle, en bij mij.";
        assert_eq!(found(t), ["Kerkstraat 12, 8011 AB Zwolle"]);
    }

    #[test]
    fn streets_with_names_of_several_words_and_house_number_additions() {
        let t = "Van Jan van Galenstraat 4-2 naar de Oudegracht 12a, toen Burgemeester \
                 Jansenlaan 3 A en Dorpsstraat 7 bis.";
        assert_eq!(
            found(t),
            [
                "Jan van Galenstraat 4-2",
                "Oudegracht 12a",
                "Burgemeester Jansenlaan 3 A",
                "Dorpsstraat 7 bis"
            ]
        );
    }

    #[test]
    fn postcodes_alone_and_their_places() {
        let t = "Postcode 3512JK, of 1234 ab? En 2511 CV Den Haag; 4811 XX Breda.";
        assert_eq!(found(t), ["3512JK", "2511 CV Den Haag", "4811 XX Breda"]);
    }

    #[test]
    fn a_street_without_number_a_count_and_a_time_are_no_address() {
        let t = "Op de Kerkstraat. De straat 12 keer over, het park 3 uur, 1234 euro, 2024 SA.";
        assert!(found(t).is_empty(), "{:?}", found(t));
    }
}
