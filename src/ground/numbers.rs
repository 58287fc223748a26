//! Numbers the way each language writes them: "100.000" and "3,8" in Dutch,
//! "100,000" and "3.8" in English, and a count with the noun that fits it.

use crate::ground::lang::Lang;

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
