//! Every pattern detector over one text, in order of precedence: what one finds,
//! the later ones do not claim again.
//!
//! 1. e-mail addresses (before the name or domain inside them),
//! 2. web addresses,
//! 3. dates of birth (before a "3-4-1985" could look like anything else),
//! 4. phone numbers (before the long numbers they are made of),
//! 5. addresses (a postcode's digits are no number of their own),
//! 6. BSNs and other long numbers.
//!
//! Names are not found here: they need the word lists and the vault (`unknown.rs`).

use super::address;
use super::birth;
use super::category::{settle, Category, Hit};
use super::contact_info;
use super::numbers;

/// The identifiers in `text` that patterns find, sorted, none overlapping.
pub fn patterns(text: &str) -> Vec<Hit> {
    // Most notes hold none of these: skip the scans that cannot match.
    let has_digit = text.bytes().any(|c| c.is_ascii_digit());
    let has_at = text.contains('@');
    let has_dot = text.contains('.');
    if !has_digit && !has_at && !has_dot {
        return Vec::new();
    }
    let mut hits = Vec::new();
    if has_at {
        hits.extend(
            contact_info::emails(text)
                .into_iter()
                .map(|r| Hit::new(r, Category::Email)),
        );
    }
    if has_dot {
        hits.extend(
            contact_info::urls(text)
                .into_iter()
                .map(|r| Hit::new(r, Category::Url)),
        );
    }
    if has_digit {
        hits.extend(birth::birth_dates(text));
        hits.extend(
            contact_info::phones(text)
                .into_iter()
                .map(|r| Hit::new(r, Category::Phone)),
        );
        hits.extend(address::addresses(text));
        hits.extend(numbers::numbers(text));
    }
    settle(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issues_note_every_identifier_once_in_order() {
        let t = "Kees belde me gisteren. Sanne woont sinds kort aan de Kerkstraat 12, 8011 AB \
                 Zwolle, en is bereikbaar op 06-12345678 of sanne.devries@gmail.com. Haar BSN is \
                 123456782. Mijnheer Visser van het wijkteam kwam ook langs. Met J. Th. A. Bakker \
                 van Dimence gebeld over haar afspraak op 12 maart. Ze is 34 jaar. Haar moeder \
                 Anja wil meedenken. Zie ook www.sannesblog.nl.";
        let found: Vec<(&str, Category)> = patterns(t)
            .into_iter()
            .map(|h| (&t[h.span], h.category))
            .collect();
        assert_eq!(
            found,
            [
                ("Kerkstraat 12, 8011 AB Zwolle", Category::Address),
                ("06-12345678", Category::Phone),
                ("sanne.devries@gmail.com", Category::Email),
                ("123456782", Category::Bsn),
                ("www.sannesblog.nl", Category::Url),
            ]
        );
    }

    #[test]
    fn an_email_address_is_not_also_a_website_and_a_birth_date_no_phone() {
        let t = "info@sannesblog.nl, geboren 06-12-1990, tel 0612345678.";
        let cats: Vec<Category> = patterns(t).into_iter().map(|h| h.category).collect();
        assert_eq!(
            cats,
            [Category::Email, Category::BirthDate, Category::Phone]
        );
        assert!(patterns("Een gewone zin zonder iets").is_empty());
    }
}
