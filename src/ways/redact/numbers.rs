//! Numbers that point at one person: a BSN (nine digits that pass the elfproef) and
//! any other number of seven digits or more (a client number, an AGB or BIG number,
//! an IBAN). Shorter numbers (ages, house numbers, amounts, years) stay.
//!
//! A number is a run of digits, or groups of digits joined by single dots, spaces
//! or dashes the way a BSN is often written ("1234.56.782", "123 456 782"). A token
//! of letters and digits with seven digits or more ("NL91ABNA0417164300") is a
//! number too.

use super::category::{alnum_at, alnum_before, Category, Hit};

/// The elfproef of the BSN: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is a multiple of 11, and
/// not 0 (000000000 is no BSN).
pub fn elfproef(digits: &str) -> bool {
    let d: Vec<i64> = digits
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|c| (c - b'0') as i64)
        .collect();
    if d.len() != 9 || d.iter().all(|&x| x == 0) {
        return false;
    }
    let sum: i64 = d[..8]
        .iter()
        .enumerate()
        .map(|(i, x)| (9 - i as i64) * x)
        .sum::<i64>()
        - d[8];
    sum % 11 == 0
}

/// BSNs and other long numbers.
pub fn numbers(text: &str) -> Vec<Hit> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() || alnum_before(text, i) {
            i += 1;
            continue;
        }
        // A token of letters and digits.
        let mut e = i;
        while e < b.len() && b[e].is_ascii_alphanumeric() {
            e += 1;
        }
        if alnum_at(text, e) {
            // Glued to a letter outside ASCII: not a number of ours.
            i = e;
            continue;
        }
        let token = &text[i..e];
        if token.bytes().all(|c| c.is_ascii_digit()) {
            let end = grouped_end(b, e);
            let digits: String = text[i..end].chars().filter(char::is_ascii_digit).collect();
            if digits.len() == 9 && elfproef(&digits) {
                out.push(Hit::new(i..end, Category::Bsn));
            } else if digits.len() >= 7 {
                out.push(Hit::new(i..end, Category::Number));
            }
            i = end.max(e);
            continue;
        }
        if token.bytes().filter(u8::is_ascii_digit).count() >= 7 {
            out.push(Hit::new(i..e, Category::Number));
        }
        i = e;
    }
    out
}

/// After the digits ending at `e`, more groups of digits joined by one dot, space or
/// dash, as long as the whole stays within 12 digits ("1234.56.782"). A group that
/// would make a date ("12-03-2024") is not taken: only groups after a first group of
/// three or more digits.
fn grouped_end(b: &[u8], e: usize) -> usize {
    let mut start = e;
    while start > 0 && b[start - 1].is_ascii_digit() {
        start -= 1;
    }
    if e - start < 3 {
        return e;
    }
    let mut end = e;
    let mut count = e - start;
    let mut groups = vec![count];
    loop {
        if end + 1 >= b.len()
            || !matches!(b[end], b'.' | b' ' | b'-')
            || !b[end + 1].is_ascii_digit()
        {
            // A date written year first ("2024-03-01") is no number.
            return if groups == [4, 2, 2] { e } else { end };
        }
        let mut g = end + 1;
        while g < b.len() && b[g].is_ascii_digit() {
            g += 1;
        }
        if count + (g - end - 1) > 12 || (g < b.len() && b[g].is_ascii_alphabetic()) {
            return end;
        }
        count += g - end - 1;
        groups.push(g - end - 1);
        end = g;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(t: &str) -> Vec<(String, Category)> {
        numbers(t)
            .into_iter()
            .map(|h| (t[h.span].to_string(), h.category))
            .collect()
    }

    #[test]
    fn the_elfproef() {
        // 9·1 + 8·2 + 7·3 + 6·4 + 5·5 + 4·6 + 3·7 + 2·8 − 2 = 154 = 14 × 11
        assert!(elfproef("123456782"));
        assert!(elfproef("1234.56.782"));
        assert!(!elfproef("123456789"));
        assert!(!elfproef("000000000"));
        assert!(!elfproef("12345678"));
    }

    #[test]
    fn a_bsn_in_any_grouping_and_other_long_numbers() {
        let t = "BSN 123456782, ook 1234.56.782 of 123 456 782; clientnr 7654321, \
                 AGB 01234567, BIG 19012345601, IBAN NL91ABNA0417164300 en 123456789.";
        assert_eq!(
            found(t),
            [
                ("123456782".into(), Category::Bsn),
                ("1234.56.782".into(), Category::Bsn),
                ("123 456 782".into(), Category::Bsn),
                ("7654321".into(), Category::Number),
                ("01234567".into(), Category::Number),
                ("19012345601".into(), Category::Number),
                ("NL91ABNA0417164300".into(), Category::Number),
                ("123456789".into(), Category::Number),
            ]
        );
    }

    #[test]
    fn short_numbers_dates_and_amounts_stay() {
        let t = "Ze is 34, woont op 12, kreeg €1.250 en €12.500,-; op 12-03-2024 om 10.30; \
                 in 2024 en 1985; 3 x 20 min; 123456 stappen; 2024-03-01.";
        assert!(found(t).is_empty(), "{:?}", found(t));
    }
}
