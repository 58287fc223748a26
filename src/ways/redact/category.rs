//! What an identifier is, and what replaces it in the reader's language.
//!
//! Replaced by what it is rather than by a blank or a code: "[telefoonnummer]"
//! tells the team that a number was there and the note still reads as a sentence.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::ground::lang::Lang;

/// A kind of direct identifier that Naast replaces without asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// A name Naast does not know but is sure of (a first name from the lists, a
    /// name behind a title or initials).
    Name,
    Phone,
    Email,
    /// A web address or a bare domain ("www.sannesblog.nl", "sannesblog.nl").
    Url,
    /// Nine digits that pass the elfproef.
    Bsn,
    /// Any other number of seven digits or more (client, AGB, BIG, IBAN).
    Number,
    /// A street with house number, a postcode (with the place after it).
    Address,
    /// A date after "geboren", "geb.", "geboortedatum".
    BirthDate,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::Name,
        Category::Phone,
        Category::Email,
        Category::Url,
        Category::Bsn,
        Category::Number,
        Category::Address,
        Category::BirthDate,
    ];

    /// What the text reads where the identifier was.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Category::Name, Lang::Nl) => "[naam]",
            (Category::Name, Lang::En) => "[name]",
            (Category::Phone, Lang::Nl) => "[telefoonnummer]",
            (Category::Phone, Lang::En) => "[phone number]",
            (Category::Email, Lang::Nl) => "[e-mailadres]",
            (Category::Email, Lang::En) => "[e-mail address]",
            (Category::Url, _) => "[website]",
            (Category::Bsn, _) => "[BSN]",
            (Category::Number, Lang::Nl) => "[nummer]",
            (Category::Number, Lang::En) => "[number]",
            (Category::Address, Lang::Nl) => "[adres]",
            (Category::Address, Lang::En) => "[address]",
            (Category::BirthDate, Lang::Nl) => "[geboortedatum]",
            (Category::BirthDate, Lang::En) => "[date of birth]",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Name => "name",
            Category::Phone => "phone",
            Category::Email => "email",
            Category::Url => "url",
            Category::Bsn => "bsn",
            Category::Number => "number",
            Category::Address => "address",
            Category::BirthDate => "birth-date",
        }
    }
}

/// One identifier found in a text: where, and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub span: Range<usize>,
    pub category: Category,
}

impl Hit {
    pub fn new(span: Range<usize>, category: Category) -> Hit {
        Hit { span, category }
    }
}

/// Sorts hits by start and drops every hit that overlaps an earlier-listed one;
/// the detectors are run in order of precedence (an e-mail address before the name
/// inside it, a phone number before a long number), so the first found wins.
pub fn settle(mut hits: Vec<Hit>) -> Vec<Hit> {
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits.drain(..) {
        if !kept
            .iter()
            .any(|k| k.span.start < h.span.end && h.span.start < k.span.end)
        {
            kept.push(h);
        }
    }
    kept.sort_by_key(|h| h.span.start);
    kept
}

/// Is the character before byte `at` (if any) a letter or digit?
pub fn alnum_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Is the character at byte `at` (if any) a letter or digit?
pub fn alnum_at(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_found_wins_an_overlap_and_hits_come_out_in_order() {
        let hits = settle(vec![
            Hit::new(10..20, Category::Email),
            Hit::new(0..4, Category::Phone),
            Hit::new(12..15, Category::Name),
            Hit::new(20..25, Category::Url),
        ]);
        assert_eq!(
            hits,
            [
                Hit::new(0..4, Category::Phone),
                Hit::new(10..20, Category::Email),
                Hit::new(20..25, Category::Url)
            ]
        );
    }

    #[test]
    fn every_category_has_a_label_in_both_languages() {
        for c in Category::ALL {
            for l in [Lang::Nl, Lang::En] {
                let s = c.label(l);
                assert!(s.starts_with('[') && s.ends_with(']'), "{s}");
            }
        }
        assert_eq!(Category::Phone.label(Lang::Nl), "[telefoonnummer]");
        assert_eq!(Category::BirthDate.label(Lang::En), "[date of birth]");
    }
}
