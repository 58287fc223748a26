//! Phone numbers, e-mail addresses and web addresses in running text.
//!
//! Pure functions over the text, each returning the byte ranges it found. Dutch
//! phone numbers are recognised by their digits, whatever is between them: ten
//! digits starting with 0 ("06-12345678", "(020) 123 45 67", "0612345678"), +31 or
//! 0031 and nine more ("+31 (0)6 1234 5678"), 0800/0900 service numbers, and other
//! countries' numbers after a "+". A date ("06-12-2024") has too few digits and a
//! time or amount does not start with 0.

use std::ops::Range;

use super::category::alnum_before;

/// Top-level domains a bare domain ("sannesblog.nl") may end in. A web address
/// with "www." or "http" needs none of these.
const TLDS: &[&str] = &[
    "nl",
    "com",
    "org",
    "net",
    "eu",
    "be",
    "de",
    "info",
    "nu",
    "io",
    "app",
    "online",
    "shop",
    "frl",
    "amsterdam",
    "uk",
    "fr",
    "biz",
    "me",
    "tv",
    "co",
    "site",
    "blog",
];

/// Phone numbers.
pub fn phones(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let starts = (c == b'+' || c == b'(' || c == b'0')
            && !alnum_before(text, i)
            && !text[..i].ends_with(['-', '.', '/', '+']);
        if !starts {
            i += 1;
            continue;
        }
        match phone_at(b, i) {
            Some(end) => {
                out.push(i..end);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The end of a phone number starting at `start`, if one does.
fn phone_at(b: &[u8], start: usize) -> Option<usize> {
    let mut digits = String::new();
    // (digits so far, end after that digit) at each digit: candidates to cut at.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = start;
    let mut gap = 0;
    let mut opened = false;
    while i < b.len() {
        let c = b[i];
        match c {
            b'0'..=b'9' => {
                digits.push(c as char);
                cuts.push((digits.len(), i + 1));
                gap = 0;
            }
            b'+' if i == start => {}
            b'(' if !opened => {
                opened = true;
                gap += 1;
            }
            b')' | b' ' | b'-' | b'.' | b'/' => {
                gap += 1;
                if c == b'.' && i + 1 < b.len() && !b[i + 1].is_ascii_digit() {
                    break;
                }
            }
            _ => break,
        }
        if gap > 3 || digits.len() > 15 {
            break;
        }
        i += 1;
    }
    let plus = b[start] == b'+';
    // The longest cut that makes a number and is not followed by another digit.
    for &(n, end) in cuts.iter().rev() {
        if end < b.len() && (b[end].is_ascii_alphanumeric()) {
            continue;
        }
        if valid(&digits[..n], plus) {
            return Some(end);
        }
    }
    None
}

fn valid(d: &str, plus: bool) -> bool {
    if plus {
        if let Some(rest) = d.strip_prefix("31") {
            return nine_after_31(rest);
        }
        return (8..=15).contains(&d.len());
    }
    if let Some(rest) = d.strip_prefix("0031") {
        return nine_after_31(rest);
    }
    if !d.starts_with('0') || d.starts_with("00") {
        return false;
    }
    if ["0800", "0900", "0906", "0909"]
        .iter()
        .any(|p| d.starts_with(p))
    {
        return (8..=11).contains(&d.len());
    }
    d.len() == 10
}

/// "+31 6 12345678" and "+31 (0)6 12345678": nine digits, the 0 optional.
fn nine_after_31(rest: &str) -> bool {
    let rest = rest.strip_prefix('0').unwrap_or(rest);
    rest.len() == 9
}

/// E-mail addresses ("sanne.devries@gmail.com").
pub fn emails(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    let domain = |c: u8| c.is_ascii_alphanumeric() || c == b'.' || c == b'-';
    let mut out: Vec<Range<usize>> = Vec::new();
    for (at, _) in text.match_indices('@') {
        if out.last().is_some_and(|r| r.end > at) {
            continue;
        }
        let mut s = at;
        while s > 0 && local(b[s - 1]) {
            s -= 1;
        }
        while s < at && !b[s].is_ascii_alphanumeric() {
            s += 1;
        }
        let mut e = at + 1;
        while e < b.len() && domain(b[e]) {
            e += 1;
        }
        while e > at + 1 && !b[e - 1].is_ascii_alphanumeric() {
            e -= 1;
        }
        let dom = &text[at + 1..e];
        let tld_ok = dom.rsplit_once('.').is_some_and(|(h, t)| {
            !h.is_empty() && t.len() >= 2 && t.bytes().all(|c| c.is_ascii_alphabetic())
        });
        if s < at && tld_ok {
            out.push(s..e);
        }
    }
    out
}

/// Web addresses: with "http(s)://" or "www.", or a bare domain ending in a known
/// top-level domain ("sannesblog.nl", "herstel-academie.nl/agenda").
pub fn urls(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() || alnum_before(text, i) || preceded_by_link_char(b, i) {
            i += 1;
            continue;
        }
        let rest = &text[i..];
        // Most words are followed by no dot and start no address: skip them cheaply.
        let run = rest
            .bytes()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == b'-')
            .count();
        let dotted = rest.as_bytes().get(run) == Some(&b'.')
            && rest
                .as_bytes()
                .get(run + 1)
                .is_some_and(u8::is_ascii_alphanumeric);
        let starts = |p: &str| {
            rest.len() >= p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        };
        let explicit = starts("http://") || starts("https://") || starts("www.");
        if !dotted && !explicit {
            i += run.max(1);
            continue;
        }
        let end = i + host_and_path_len(rest);
        let host_end = i + rest
            .find(|c: char| {
                !(c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == ':' || c == '/')
            })
            .unwrap_or(rest.len());
        let host = text[i..host_end].trim_end_matches(['.', ':', '/']);
        let host = host.split("://").last().unwrap_or(host);
        let host = host.split('/').next().unwrap_or(host);
        let bare = host.contains('.')
            && host
                .split('.')
                .next()
                .is_some_and(|l| l.len() >= 2 && l.bytes().any(|c| c.is_ascii_alphabetic()))
            && host
                .rsplit('.')
                .next()
                .is_some_and(|t| TLDS.contains(&t.to_ascii_lowercase().as_str()));
        if (explicit && end > i + 4) || bare {
            out.push(i..end);
            i = end;
        } else {
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
        }
    }
    out
}

fn preceded_by_link_char(b: &[u8], i: usize) -> bool {
    i > 0 && matches!(b[i - 1], b'.' | b'@' | b'/' | b'-' | b'_')
}

/// How far a web address runs: to the first space, without trailing punctuation.
fn host_and_path_len(rest: &str) -> usize {
    let end = rest
        .find(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '«' | '»' | '“' | '”')
        })
        .unwrap_or(rest.len());
    let mut s = &rest[..end];
    while let Some(c) = s.chars().next_back() {
        if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']') {
            s = &s[..s.len() - c.len_utf8()];
        } else {
            break;
        }
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(f: fn(&str) -> Vec<Range<usize>>, t: &str) -> Vec<String> {
        f(t).into_iter().map(|r| t[r].to_string()).collect()
    }

    #[test]
    fn dutch_phone_numbers_in_every_common_spelling() {
        let t = "Bel 06-12345678, 06 1234 5678 of 0612345678; thuis (020) 123 45 67, \
                 werk 010-1234567. Ook +31 6 12345678, +31 (0)6-12345678, 0031 6 12345678, \
                 0800-1234 en +32 470 12 34 56.";
        assert_eq!(
            found(phones, t),
            [
                "06-12345678",
                "06 1234 5678",
                "0612345678",
                "(020) 123 45 67",
                "010-1234567",
                "+31 6 12345678",
                "+31 (0)6-12345678",
                "0031 6 12345678",
                "0800-1234",
                "+32 470 12 34 56"
            ]
        );
    }

    #[test]
    fn dates_times_amounts_and_counts_are_no_phone_numbers() {
        let t = "Op 06-12-2024 om 10.30 uur, €0,50 per rit, 3 keer, 2024-03-01, kamer 012, \
                 nummer 06123 en 061234567890123456.";
        assert!(found(phones, t).is_empty(), "{:?}", found(phones, t));
        // A number glued to a word is not cut out of it.
        assert!(found(phones, "code AB0612345678").is_empty());
        // The next number after a phone number is not taken with it.
        assert_eq!(found(phones, "bel 06 12345678 2 keer"), ["06 12345678"]);
    }

    #[test]
    fn email_addresses_whole_with_the_name_inside() {
        let t = "Mail sanne.devries@gmail.com of j_bakker+werk@zorg-instelling.example.nl.";
        assert_eq!(
            found(emails, t),
            [
                "sanne.devries@gmail.com",
                "j_bakker+werk@zorg-instelling.example.nl"
            ]
        );
        assert!(found(emails, "om 10@ uur, @sanne, a@b").is_empty());
    }

    #[test]
    fn web_addresses_and_bare_domains() {
        let t = "Zie www.sannesblog.nl, https://example.nl/pad?x=1 en herstelacademie.nl/agenda. \
                 Of Sannesblog.NL!";
        assert_eq!(
            found(urls, t),
            [
                "www.sannesblog.nl",
                "https://example.nl/pad?x=1",
                "herstelacademie.nl/agenda",
                "Sannesblog.NL"
            ]
        );
        // Abbreviations, decimals and sentence ends are no domains.
        let t = "o.a. bijv. 3.5 uur. Klaar.Morgen weer, d.w.z. nee: 1.nl";
        assert!(found(urls, t).is_empty(), "{:?}", found(urls, t));
        // The domain of an e-mail address is the e-mail's, not a website.
        assert!(found(urls, "sanne@example.nl").is_empty());
    }
}
