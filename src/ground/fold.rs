//! One spelling for comparing words: lower case, accents off ("Zoë" and "zoe",
//! "ÇAKIR" and "cakir" are the same word here).
//!
//! Shared with `build.rs`, which folds the Dutch word list with this very code, so
//! that a word looked up at run time is spelled exactly as the list was stored. It
//! therefore uses nothing outside `std`. Hand-written rather than Unicode
//! decomposition: the names Naast meets (Dutch, Turkish, Moroccan, Polish,
//! Surinamese) use Latin letters with the accents below, and no extra crate is
//! needed; combining marks (U+0300–U+036F) typed as separate characters are dropped,
//! so decomposed input folds the same way as composed input.

/// Appends the folded form of `word` to `out`.
pub fn fold_into(word: &str, out: &mut String) {
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for l in c.to_lowercase() {
            push_folded(l, out);
        }
    }
}

/// The folded form of `word`.
pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}

fn push_folded(c: char, out: &mut String) {
    let plain = match c {
        '\u{300}'..='\u{36f}' => return,
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        other => {
            out.push(other);
            return;
        }
    };
    out.push_str(plain);
}
