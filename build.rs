//! Embeds the Dutch word list (OpenTaal's, as Debian's `wdutch` installs it) in the
//! core, in a form that is searched where it lies: no set is built when Naast starts.
//!
//! Output in OUT_DIR:
//! - `words.txt`: every word folded (lower case, accents off; `src/ground/fold.rs`),
//!   sorted by bytes, unique, each followed by a newline;
//! - `words.idx`: per word a little-endian u32: the byte offset of the word in
//!   `words.txt` in the low bits (see below), bit 31 set when the list has the word in lower
//!   case (an ordinary word: "bakker"), bit 30 when it has it capitalised (a proper
//!   noun: "Bakker", "Zwolle", "Yara", "UWV"). A word can be both.
//!
//! Entries with a hyphen, apostrophe or space ("Noord-Holland", "zo'n") are split
//! into their parts, because Naast compares the parts of a text one run of letters
//! at a time. Parts starting with a digit are left out.
//!
//! The list itself is not in the repository (neither is anything made from it): it
//! comes from the system at build time. Set NAAST_WORDLIST to use another copy.
//!
//! The lists in `data/redact/` (first names, surnames, places, care institutions,
//! conditions named after people; sources in README.md) go into the same table:
//! each entry folded, its words joined by one space ("den haag", "reinier van
//! arkel"), with its own bit (29 first name, 28 surname, 27 place, 26 institution,
//! 25 never a person: a condition named after one, a country, a language, a shop;
//! 24 the first word of an entry of several words); offsets then use the low 24
//! bits (16 MiB).
//! A surname with tussenvoegsels ("de Vries") is also entered by its last word.
//! `lists.rs` holds the most words an entry has, for the phrase look-ups.

#[path = "src/ground/fold.rs"]
#[allow(dead_code)]
mod fold;

use std::collections::BTreeMap;
use std::path::PathBuf;

const DEBIAN: &str = "/usr/share/dict/dutch";
const ORDINARY: u32 = 1 << 31;
const PROPER: u32 = 1 << 30;
const FIRST_NAME: u32 = 1 << 29;
const SURNAME: u32 = 1 << 28;
const PLACE: u32 = 1 << 27;
const INSTITUTION: u32 = 1 << 26;
const COMMON: u32 = 1 << 25;
const STARTS_PHRASE: u32 = 1 << 24;
const OFFSET_LIMIT: u32 = 1 << 24;
const LISTS: &[(&str, u32)] = &[
    ("first-names.txt", FIRST_NAME),
    ("first-names-naast.txt", FIRST_NAME),
    ("surnames.txt", SURNAME),
    ("places.txt", PLACE),
    ("places-naast.txt", PLACE),
    ("institutions.txt", INSTITUTION),
    ("eponyms.txt", COMMON),
    ("common.txt", COMMON),
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/ground/fold.rs");
    println!("cargo:rerun-if-env-changed=NAAST_WORDLIST");
    let path = std::env::var_os("NAAST_WORDLIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(DEBIAN));
    println!("cargo:rerun-if-changed={}", path.display());
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => fail(&format!(
            "the Dutch word list {} cannot be read ({e}); install it with `apt-get install wdutch` \
             (or set NAAST_WORDLIST to a copy of OpenTaal's list)",
            path.display()
        )),
    };

    let mut words: BTreeMap<String, u32> = BTreeMap::new();
    for line in text.lines() {
        for part in line.split(|c: char| !c.is_alphanumeric()) {
            let Some(first) = part.chars().next() else {
                continue;
            };
            if first.is_numeric() {
                continue;
            }
            let class = if first.is_uppercase() {
                PROPER
            } else {
                ORDINARY
            };
            *words.entry(fold::fold(part)).or_default() |= class;
        }
    }
    if words.len() < 100_000 {
        fail(&format!(
            "{} has only {} words; it is not OpenTaal's Dutch list. Install `wdutch` \
             (or point NAAST_WORDLIST at the full list)",
            path.display(),
            words.len()
        ));
    }

    let mut longest = 1;
    for (file, bit) in LISTS {
        let path = PathBuf::from("data/redact").join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let list = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => fail(&format!("cannot read {}: {e}", path.display())),
        };
        for line in list
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let parts: Vec<String> = line
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(fold::fold)
                .collect();
            let Some(last) = parts.last() else {
                continue;
            };
            longest = longest.max(parts.len());
            if *bit == SURNAME && parts.len() > 1 {
                *words.entry(last.clone()).or_default() |= bit;
            }
            if parts.len() > 1 {
                *words.entry(parts[0].clone()).or_default() |= STARTS_PHRASE;
            }
            *words.entry(parts.join(" ")).or_default() |= bit;
        }
    }

    let mut blob = Vec::with_capacity(text.len());
    let mut index = Vec::with_capacity(words.len() * 4);
    for (w, class) in &words {
        let offset = blob.len() as u32;
        if offset >= OFFSET_LIMIT {
            fail("the word lists are larger than 16 MiB; this cannot be right");
        }
        index.extend_from_slice(&(offset | class).to_le_bytes());
        blob.extend_from_slice(w.as_bytes());
        blob.push(b'\n');
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let lists = format!(
        "/// The most words an entry of the lists has.\npub const LONGEST: usize = {longest};\n"
    );
    for (name, bytes) in [
        ("words.txt", &blob),
        ("words.idx", &index),
        ("lists.rs", &lists.into_bytes()),
    ] {
        if let Err(e) = std::fs::write(out.join(name), bytes) {
            fail(&format!("cannot write {name} in OUT_DIR: {e}"));
        }
    }
}

/// One clear line and a failed build.
fn fail(msg: &str) -> ! {
    eprintln!("naast build: {msg}");
    std::process::exit(1)
}
