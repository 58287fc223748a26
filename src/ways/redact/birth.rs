//! Dates of birth: a date right after "geboren", "geb.", "geboortedatum" (or "born",
//! "date of birth"). Only the date goes; the word before it stays, so the sentence
//! still reads ("geboren [geboortedatum]"). Every other date stays: the team needs
//! to know when things happened. A year alone ("geboren in 1985") says little more
//! than an age, and stays too.

use std::ops::Range;

use super::category::{alnum_before, Category, Hit};

const TRIGGERS: &[&str] = &[
    "geboren",
    "geb.",
    "geb",
    "geboortedatum",
    "geb.datum",
    "gebdatum",
    "born",
    "date of birth",
    "dob",
];

/// Words that may stand between the trigger and the date.
const BETWEEN: &[&str] = &["op", "on", "de", "is", "was", "at", "the"];

const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "jan",
    "feb",
    "febr",
    "mrt",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "august",
    "october",
];

/// Dates of birth.
pub fn birth_dates(text: &str) -> Vec<Hit> {
    // ASCII lower case keeps every byte where it was (the triggers are ASCII), so
    // positions in it are positions in the text.
    let lower = text.to_ascii_lowercase();
    let mut out: Vec<Hit> = Vec::new();
    for t in TRIGGERS {
        for (at, _) in lower.match_indices(t) {
            let end = at + t.len();
            if alnum_before(text, at) || lower[end..].starts_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let found = date_after(text, end)
                .or_else(|| date_after_colon(text, end))
                .or_else(|| date_before(text, at));
            if let Some(r) = found {
                if !out
                    .iter()
                    .any(|h| h.span.start < r.end && r.start < h.span.end)
                {
                    out.push(Hit::new(r, Category::BirthDate));
                }
            }
        }
    }
    out.sort_by_key(|h| h.span.start);
    out
}

/// A date starting after `from`, past spaces, a colon and a few small words.
fn date_after(text: &str, from: usize) -> Option<Range<usize>> {
    let mut i = from;
    let mut words = 0;
    loop {
        let rest = &text[i..];
        let skip = rest.len() - rest.trim_start_matches([' ', ':', '\u{a0}', ',']).len();
        i += skip;
        let rest = &text[i..];
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        if !word.is_empty() && BETWEEN.contains(&word.to_lowercase().as_str()) && words < 2 {
            i += word.len();
            words += 1;
            continue;
        }
        break;
    }
    numeric_date(text, i).or_else(|| written_date(text, i))
}

/// "geboortedatum invullen: 21/02/1990": a colon within a few words.
fn date_after_colon(text: &str, from: usize) -> Option<Range<usize>> {
    let rest = text.get(from..(from + 48).min(text.len()))?;
    let colon = rest.find(':')?;
    let between = &rest[..colon];
    if between.contains(['.', '\n', ';']) || between.split_whitespace().count() > 5 {
        return None;
    }
    date_after(text, from + colon + 1)
}

/// "op 7 juli 1992 geboren": the date right before the word.
fn date_before(text: &str, at: usize) -> Option<Range<usize>> {
    let head = text[..at].trim_end();
    // Try each start among the last few words.
    let starts: Vec<usize> = head
        .char_indices()
        .filter(|&(i, c)| {
            c.is_ascii_digit() && (i == 0 || !head.as_bytes()[i - 1].is_ascii_alphanumeric())
        })
        .map(|(i, _)| i)
        .filter(|&i| head.len() - i <= 20)
        .collect();
    starts.into_iter().find_map(|i| {
        numeric_date(head, i)
            .or_else(|| written_date(head, i))
            .filter(|r| r.end == head.len())
    })
}

/// "3-4-1985", "03/04/85", "3.4.1985".
fn numeric_date(text: &str, i: usize) -> Option<Range<usize>> {
    let b = text.as_bytes();
    let mut j = i;
    let mut groups = Vec::new();
    loop {
        let s = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j == s {
            return None;
        }
        groups.push(j - s);
        if groups.len() == 3 {
            break;
        }
        if j < b.len() && matches!(b[j], b'-' | b'/' | b'.') {
            j += 1;
        } else {
            return None;
        }
    }
    let ok = groups[0] <= 2 && groups[1] <= 2 && (groups[2] == 2 || groups[2] == 4);
    (ok && !b.get(j).is_some_and(u8::is_ascii_digit)).then_some(i..j)
}

/// "3 april 1985", "3 apr. 1985", "3 april" (a birthday without the year is still
/// one).
fn written_date(text: &str, i: usize) -> Option<Range<usize>> {
    let b = text.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    if j == i || j - i > 2 || b.get(j) != Some(&b' ') {
        return None;
    }
    let m_start = j + 1;
    let month: String = text[m_start..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    if !MONTHS.contains(&month.to_lowercase().as_str()) {
        return None;
    }
    let mut end = m_start + month.len();
    if text[end..].starts_with('.') {
        end += 1;
    }
    let rest = &text[end..];
    if let Some(year) = rest.strip_prefix(' ') {
        let n = year.bytes().take_while(u8::is_ascii_digit).count();
        if n == 4 {
            end += 1 + n;
        }
    }
    if alnum_before(text, i) {
        return None;
    }
    Some(i..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(t: &str) -> Vec<&str> {
        birth_dates(t).into_iter().map(|h| &t[h.span]).collect()
    }

    #[test]
    fn a_date_after_born_in_every_spelling() {
        let t = "Geboren 3-4-1985. geb. 03/04/85, geboortedatum: 3 april 1985; \
                 Geboren op 12 okt. 1990 en geb.datum 1.2.2001; born on 4 May 1979. \
                 Ze is op 7 juli 1992 geboren. Geboortedatum invullen: 21/02/1990.";
        assert_eq!(
            found(t),
            [
                "3-4-1985",
                "03/04/85",
                "3 april 1985",
                "12 okt. 1990",
                "1.2.2001",
                "4 May 1979",
                "7 juli 1992",
                "21/02/1990"
            ]
        );
    }

    #[test]
    fn letters_that_change_length_in_lower_case_move_nothing() {
        let t = "İİİ Geboren 3-4-1985 en ẞ geb. 4-5-1990";
        assert_eq!(found(t), ["3-4-1985", "4-5-1990"]);
    }

    #[test]
    fn other_dates_ages_and_a_year_alone_stay() {
        let t = "Afspraak op 12 maart, 3-4-2025 gebeld. Ze is 34 jaar, geboren in 1985. \
                 Het geboren kind van 3 maanden; wedergeboren 3-4-1985.";
        assert!(found(t).is_empty(), "{:?}", found(t));
    }
}
