//! The recovery code: the vault key itself, written for people.
//!
//! 32 key bytes in Crockford base32 (52 letters) plus 4 check letters, in 14 groups
//! of four; any single wrong letter is always caught. Crockford's alphabet has no I, L, O or U, and reading
//! forgives case, spaces, dashes and the look-alikes (O→0, I/L→1), so what a person
//! copies by hand is what they meant. Because it is the key and not a wrapper of it,
//! it opens the vault even when the key file beside it is lost.

use sha2::{Digest, Sha256};
use zeroize::{Zeroize, Zeroizing};

use super::key::{VaultKey, KEY_LEN};
use crate::ground::error::{Error, Result};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DATA_CHARS: usize = 52; // ceil(256 / 5)
const CHECK_CHARS: usize = 4;

/// Formats the key as `ABCD-EFGH-…`. The result is secret: zeroized when dropped.
pub fn encode(key: &VaultKey) -> Zeroizing<String> {
    let mut chars = Zeroizing::new(to_base32(key.as_bytes()));
    let check = checksum(&chars);
    chars.push_str(&check);
    let mut out = Zeroizing::new(String::with_capacity(70));
    for (i, c) in chars.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(c);
    }
    out
}

/// Reads a code typed by a person. A wrong check is a typo, told apart from a code
/// that is well-formed but belongs to another vault (found later, by the key check).
pub fn decode(text: &str) -> Result<VaultKey> {
    let mut norm = Zeroizing::new(String::with_capacity(64));
    for c in text.chars() {
        match c.to_ascii_uppercase() {
            ' ' | '-' | '\t' | '\n' | '\r' => {}
            'O' => norm.push('0'),
            'I' | 'L' => norm.push('1'),
            c if ALPHABET.contains(&(c as u8)) && c.is_ascii() => norm.push(c),
            _ => return Err(Error::RecoveryTypo),
        }
    }
    if norm.len() != DATA_CHARS + CHECK_CHARS {
        return Err(Error::RecoveryTypo);
    }
    let (data, check) = norm.split_at(DATA_CHARS);
    if checksum(data) != check {
        return Err(Error::RecoveryTypo);
    }
    let bytes = from_base32(data).ok_or(Error::RecoveryTypo)?;
    VaultKey::from_bytes(&bytes[..KEY_LEN]).ok_or(Error::RecoveryTypo)
}

/// Four check letters. The first is a position-weighted sum mod 32 with odd weights:
/// odd numbers are invertible mod 32, so any single wrong letter changes it, always.
/// The other three come from SHA-256 and catch most other kinds of mistakes.
fn checksum(data: &str) -> String {
    let weighted = data
        .bytes()
        .enumerate()
        .filter_map(|(i, c)| {
            ALPHABET
                .iter()
                .position(|&a| a == c)
                .map(|v| v as u32 * (2 * i as u32 + 1))
        })
        .fold(0u32, |acc, x| (acc + x) % 32);
    let h = Sha256::digest(data.as_bytes());
    let n = u32::from_be_bytes([h[0], h[1], h[2], h[3]]);
    let mut out = String::with_capacity(CHECK_CHARS);
    out.push(ALPHABET[weighted as usize] as char);
    out.extend((0..CHECK_CHARS - 1).map(|i| ALPHABET[((n >> (5 * i)) & 31) as usize] as char));
    out
}

fn to_base32(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(DATA_CHARS);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | b as u32;
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((acc >> bits) & 31) as usize] as char);
        }
        acc &= (1 << bits) - 1;
    }
    if bits > 0 {
        out.push(ALPHABET[((acc << (5 - bits)) & 31) as usize] as char);
    }
    acc.zeroize();
    out
}

fn from_base32(s: &str) -> Option<Zeroizing<Vec<u8>>> {
    let mut out = Zeroizing::new(Vec::with_capacity(KEY_LEN + 1));
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes() {
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        acc = (acc << 5) | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    acc.zeroize();
    (out.len() >= KEY_LEN).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_back_as_the_same_key() {
        for _ in 0..50 {
            let k = VaultKey::generate().unwrap();
            let code = encode(&k);
            assert_eq!(code.len(), 14 * 4 + 13);
            assert_eq!(decode(&code).unwrap().as_bytes(), k.as_bytes());
            let sloppy = code.to_lowercase().replace('-', " ");
            assert_eq!(decode(&sloppy).unwrap().as_bytes(), k.as_bytes());
        }
    }

    #[test]
    fn every_single_typo_is_caught() {
        for _ in 0..20 {
            let code = encode(&VaultKey::generate().unwrap()).to_string();
            for (i, c) in code.char_indices().filter(|(_, c)| *c != '-') {
                for &other in ALPHABET.iter().filter(|&&a| a as char != c) {
                    let typo = format!("{}{}{}", &code[..i], other as char, &code[i + 1..]);
                    assert!(matches!(decode(&typo), Err(Error::RecoveryTypo)), "{typo}");
                }
            }
            assert!(matches!(
                decode(&code.replace('-', "!")),
                Err(Error::RecoveryTypo)
            ));
        }
        assert!(matches!(decode("ABCD-EFGH"), Err(Error::RecoveryTypo)));
    }
}
