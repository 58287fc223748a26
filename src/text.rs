//! Limits on text. Notes are kept exactly as typed (HTML is just text; escaping is
//! the job of whatever shows it); only their length is bounded, far above any real
//! note, so that a pasted file by mistake is refused with a clear message instead of
//! slowing everything down.

use crate::error::{Invalid, Lang, Result};

/// Characters in a note, own words, a bridge note. The brief asks for at least 100,000.
pub const NOTE_MAX: usize = 200_000;
/// Characters in a name, alias, role or tag.
pub const SHORT_MAX: usize = 200;

pub fn check_len(field: &'static str, s: &str, max: usize) -> Result<()> {
    // Counting bytes first avoids walking a huge string only to refuse it.
    if s.len() > max {
        let len = s.chars().count();
        if len > max {
            return Err(Invalid::TooLong { field, len, max }.into());
        }
    }
    Ok(())
}

/// A short, single-line, non-empty value such as an alias or a name.
pub fn one_line(field: &'static str, s: &str) -> Result<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        return Err(Invalid::Empty(field).into());
    }
    check_len(field, &t, SHORT_MAX)?;
    Ok(t)
}

/// Like [`one_line`], for a field that may stay empty (a role).
pub fn one_line_or_empty(field: &'static str, s: &str) -> Result<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    check_len(field, &t, SHORT_MAX)?;
    Ok(t)
}

/// Refuses a number outside `min..=max`, naming the field: every count, period and
/// limit a person or a script can type has one.
pub fn check_range(what: &'static str, v: i64, min: i64, max: i64) -> Result<i64> {
    if (min..=max).contains(&v) {
        Ok(v)
    } else {
        Err(Invalid::OutOfRange {
            what,
            min: min.to_string(),
            max: max.to_string(),
            got: v.to_string(),
        }
        .into())
    }
}

/// A whole number the way the language writes it: "100.000" in Dutch, "100,000" in
/// English.
pub fn number(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = match lang {
        Lang::Nl => '.',
        Lang::En => ',',
    };
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// A fraction with `digits` decimals, the way the language writes it: "3,8" and
/// "1.234,5" in Dutch, "3.8" and "1,234.5" in English.
pub fn decimal(x: f64, digits: usize, lang: Lang) -> String {
    let fixed = format!("{:.*}", digits, x.abs());
    let (whole, frac) = fixed.split_once('.').unwrap_or((fixed.as_str(), ""));
    let mut out = number(whole.parse::<i64>().unwrap_or(0), lang);
    if x < 0.0 && fixed.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.insert(0, '-');
    }
    if !frac.is_empty() {
        out.push(match lang {
            Lang::Nl => ',',
            Lang::En => '.',
        });
        out.push_str(frac);
    }
    out
}

/// "1 contactmoment", "2 contactmomenten": the count and the noun that fits it.
pub fn count(n: i64, lang: Lang, one: &str, many: &str) -> String {
    format!("{} {}", number(n, lang), if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_plurals_read_right_in_both_languages() {
        assert_eq!(number(100_000, Lang::Nl), "100.000");
        assert_eq!(number(1_234_567, Lang::En), "1,234,567");
        assert_eq!(number(999, Lang::Nl), "999");
        assert_eq!(number(-1000, Lang::Nl), "-1.000");
        assert_eq!(decimal(3.8, 1, Lang::Nl), "3,8");
        assert_eq!(decimal(3.8, 1, Lang::En), "3.8");
        assert_eq!(decimal(1234.56, 1, Lang::Nl), "1.234,6");
        assert_eq!(decimal(1234.56, 1, Lang::En), "1,234.6");
        assert_eq!(decimal(0.04, 1, Lang::Nl), "0,0");
        assert_eq!(decimal(-2.25, 2, Lang::Nl), "-2,25");
        assert_eq!(count(1, Lang::Nl, "persoon", "personen"), "1 persoon");
        assert_eq!(count(0, Lang::Nl, "persoon", "personen"), "0 personen");
        assert_eq!(
            count(2500, Lang::Nl, "contactmoment", "contactmomenten"),
            "2.500 contactmomenten"
        );
    }
}
