//! The names Naast knows, as a table of phrases: every way a known name can appear
//! in a note, each with what replaces it at the chosen level.
//!
//! From each name (a person's alias and full name, a circle member's name, a word
//! the user mapped by hand) come:
//! - the whole name ("Yara de Vries"), matched in any case;
//! - each part that is not a tussenvoegsel, title, initial or number ("Yara",
//!   "Vries"); a part that is an ordinary Dutch word ("Wit" in "Fenna de Wit",
//!   "Bakker") only when it is written with a capital, so "de bakker" stays;
//! - the surname with its tussenvoegsels ("de Vries", "in 't Veld"), so that the
//!   replacement does not read "de K7QM";
//! - the Dutch possessive without apostrophe ("Sannes", "Jans"), only capitalised
//!   and only where that is not itself an ordinary word.
//!
//! A phrase shared by several people or circle members gets a replacement only if
//! all of them would get the same one; otherwise a neutral placeholder. So a "Jan"
//! shared by two people never becomes the wrong person's code.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::heuristic::Heuristic;
use super::rules::{Level, Replacement, Rules};
use super::tokens::{self, capitalised, is_particle, is_title};
use crate::ground::fold::fold;
use crate::ground::ids::PersonId;
use crate::ground::lang::Lang;
use crate::records::circle::CircleMember;
use crate::records::person::Person;

/// What a match turns into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    /// Known, and allowed at this level (an alias at level alias, a circle name with
    /// `circle_names`): left as written.
    Keep,
    /// Replaced. `absorbs_title`: a title in front ("meneer", "dr.") goes with the
    /// name, so "dr. Visser" becomes "de psychiater", not "dr. de psychiater".
    Replace { text: String, absorbs_title: bool },
}

pub(super) struct Phrase {
    /// Folded words.
    pub words: Vec<String>,
    /// The last word must be written with a capital (parts that are ordinary words,
    /// possessives without apostrophe).
    pub needs_capital: bool,
    /// Appended to a replacement: "'s" for the possessive "Sannes" → "K7QM's".
    pub suffix: &'static str,
    pub outcome: Outcome,
}

/// Who a phrase points at.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Who {
    Person(PersonId),
    Member(i64),
    Role(String),
}

#[derive(Default)]
struct Acc {
    words: Vec<String>,
    needs_capital: bool,
    suffix: &'static str,
    /// Each target, and whether the phrase came from that person's alias.
    targets: BTreeMap<Who, bool>,
}

pub(super) struct Table {
    /// Phrase indices by their first word, longest phrase first.
    by_first: HashMap<String, Vec<usize>>,
    pub phrases: Vec<Phrase>,
    /// Every folded word of every known name, and every person's code: never a
    /// suspect, whatever the level.
    pub known: HashSet<String>,
}

pub(super) struct Vault<'a> {
    pub persons: &'a [Person],
    pub members: &'a [CircleMember],
}

impl Table {
    pub fn build(v: &Vault, rules: &Rules) -> Table {
        let mut accs: BTreeMap<(Vec<String>, &'static str), Acc> = BTreeMap::new();
        let mut known = HashSet::new();
        let h = rules.heuristic;
        let mut add = |name: &str, who: Who, from_alias: bool| {
            for (words, needs_capital, suffix) in phrases_of(name, h) {
                known.extend(words.iter().cloned());
                let a = accs.entry((words.clone(), suffix)).or_insert_with(|| Acc {
                    words,
                    needs_capital: true,
                    suffix,
                    targets: BTreeMap::new(),
                });
                // Capital only if every source says so: a whole alias "Roos" is
                // matched in any case even if it is also some surname's part.
                a.needs_capital &= needs_capital;
                *a.targets.entry(who.clone()).or_default() |= from_alias;
            }
        };
        for p in v.persons {
            add(&p.alias, Who::Person(p.id), true);
            add(&p.full_name, Who::Person(p.id), false);
        }
        for m in v.members {
            add(&m.name, Who::Member(m.id), false);
        }
        for x in &rules.extra {
            match &x.with {
                Replacement::Person(id) => add(&x.word, Who::Person(*id), false),
                Replacement::Role(r) => add(&x.word, Who::Role(r.clone()), false),
            }
        }
        for p in v.persons {
            known.insert(fold(&p.code));
        }

        let persons: HashMap<PersonId, &Person> = v.persons.iter().map(|p| (p.id, p)).collect();
        let members: HashMap<i64, &CircleMember> = v.members.iter().map(|m| (m.id, m)).collect();
        let mut phrases = Vec::with_capacity(accs.len());
        for (_, a) in accs {
            let outcomes: Vec<(Outcome, bool)> = a
                .targets
                .iter()
                .map(|(who, from_alias)| match who {
                    Who::Person(id) => (person_outcome(persons.get(id), *from_alias, rules), true),
                    Who::Member(id) => (member_outcome(members.get(id), rules), false),
                    Who::Role(r) => (role(r, rules.lang), false),
                })
                .collect();
            let outcome = match outcomes.split_first() {
                None => continue,
                Some((first, rest)) if rest.iter().all(|o| o.0 == first.0) => first.0.clone(),
                // Circle members (and roles) only: the neutral circle phrase.
                _ if outcomes.iter().all(|o| !o.1) => neutral(circle_phrase(rules.lang)),
                _ => neutral(placeholder(rules.lang)),
            };
            phrases.push(Phrase {
                words: a.words,
                needs_capital: a.needs_capital,
                suffix: a.suffix,
                outcome,
            });
        }
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in phrases.iter().enumerate() {
            by_first.entry(p.words[0].clone()).or_default().push(i);
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|&i| std::cmp::Reverse(phrases[i].words.len()));
        }
        Table {
            by_first,
            phrases,
            known,
        }
    }

    /// The phrases that start with this folded word, longest first.
    pub fn starting_with(&self, folded: &str) -> &[usize] {
        self.by_first.get(folded).map(Vec::as_slice).unwrap_or(&[])
    }
}

fn neutral(text: String) -> Outcome {
    Outcome::Replace {
        text,
        absorbs_title: true,
    }
}

fn person_outcome(p: Option<&&Person>, from_alias: bool, rules: &Rules) -> Outcome {
    let Some(p) = p else {
        return neutral(placeholder(rules.lang));
    };
    if rules.hide_colleagues && p.context == crate::ground::vocab::Context::Colleague {
        return neutral(match rules.lang {
            Lang::Nl => "een collega".into(),
            Lang::En => "a colleague".into(),
        });
    }
    match rules.level {
        Level::Full => Outcome::Keep,
        Level::Alias if from_alias => Outcome::Keep,
        level => Outcome::Replace {
            text: level.label(p),
            absorbs_title: false,
        },
    }
}

fn member_outcome(m: Option<&&CircleMember>, rules: &Rules) -> Outcome {
    match m {
        _ if rules.circle_names || rules.level == Level::Full => Outcome::Keep,
        Some(m) if !m.role.trim().is_empty() => role(&m.role, rules.lang),
        _ => neutral(circle_phrase(rules.lang)),
    }
}

/// A role as it reads in a sentence: "psychiater" → "de psychiater" (Dutch roles of
/// people are de-words), kept as is when it already starts with an article or a
/// possessive ("haar zus").
fn role(r: &str, lang: Lang) -> Outcome {
    let r = r.split_whitespace().collect::<Vec<_>>().join(" ");
    if r.is_empty() {
        return neutral(circle_phrase(lang));
    }
    let first = fold(r.split(' ').next().unwrap_or_default());
    let has_article = matches!(
        first.as_str(),
        "de" | "het"
            | "een"
            | "haar"
            | "zijn"
            | "hun"
            | "mijn"
            | "the"
            | "a"
            | "an"
            | "her"
            | "his"
            | "their"
    );
    neutral(match (has_article, lang) {
        (true, _) => r,
        (false, Lang::Nl) => format!("de {r}"),
        (false, Lang::En) => format!("the {r}"),
    })
}

fn circle_phrase(lang: Lang) -> String {
    match lang {
        Lang::Nl => "iemand uit de kring".into(),
        Lang::En => "someone from the circle".into(),
    }
}

/// For a name part shared by people who would be named differently.
fn placeholder(lang: Lang) -> String {
    match lang {
        Lang::Nl => "[naam]".into(),
        Lang::En => "[name]".into(),
    }
}

/// Every phrase of one name: (folded words, needs a capital, suffix).
fn phrases_of(name: &str, h: Heuristic) -> Vec<(Vec<String>, bool, &'static str)> {
    let mut ranges = Vec::new();
    tokens::words(name, &mut ranges);
    let words: Vec<String> = ranges.iter().map(|r| fold(&name[r.clone()])).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<(Vec<String>, bool)> = Vec::new();
    // The whole name, in any case; a name of one letter or one particle only with a
    // capital ("De" as someone's alias must not eat every "de").
    let lone_weak = words.len() == 1 && (weak(&words[0]) || is_particle(&words[0]));
    out.push((words.clone(), lone_weak));
    if words.len() > 1 {
        // Drop a leading title: "dr. Visser" is also "Visser"'s whole name.
        let start = words.iter().take_while(|w| is_title(w)).count();
        if start > 0 && start < words.len() {
            let rest = &words[start..];
            out.push((rest.to_vec(), rest.len() == 1 && h.ordinary(&rest[0])));
        }
        for w in &words[start..] {
            if weak(w) || is_particle(w) || is_title(w) {
                continue;
            }
            out.push((vec![w.clone()], h.ordinary(w)));
        }
        // The surname with its tussenvoegsels: from the first particle after a given
        // name, if a non-particle follows.
        if let Some(k) = (start + 1..words.len()).find(|&k| is_particle(&words[k])) {
            if words[k..].iter().any(|w| !is_particle(w)) {
                let last = words.last().map(String::as_str).unwrap_or_default();
                out.push((words[k..].to_vec(), h.ordinary(last)));
            }
        }
    }
    let mut all: Vec<(Vec<String>, bool, &'static str)> =
        out.iter().map(|(w, c)| (w.clone(), *c, "")).collect();
    for (w, _) in &out {
        let Some(last) = w.last() else { continue };
        if weak(last) || last.ends_with(['s', 'x', 'z']) || is_particle(last) {
            continue;
        }
        let s = format!("{last}s");
        if h.ordinary(&s) {
            continue;
        }
        let mut v = w.clone();
        if let Some(l) = v.last_mut() {
            *l = s;
        }
        all.push((v, true, "'s"));
    }
    all
}

/// An initial, a number, a single letter: never matched alone.
fn weak(w: &str) -> bool {
    w.chars().count() < 2 || w.chars().all(|c| c.is_numeric())
}

/// Is the word at `r` written with a capital? For [`Phrase::needs_capital`].
pub(super) fn capital_ok(p: &Phrase, word: &str) -> bool {
    !p.needs_capital || capitalised(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(name: &str) -> Vec<String> {
        phrases_of(name, Heuristic::default())
            .into_iter()
            .map(|(w, cap, suffix)| {
                format!("{}{suffix}{}", w.join(" "), if cap { "^" } else { "" })
            })
            .collect()
    }

    #[test]
    fn a_full_name_gives_its_parts_and_its_surname_but_no_particles() {
        let p = phrases("Yara de Vries");
        // "vries" is a Dutch word too (ik vries), so alone it needs its capital.
        for want in ["yara de vries", "yara", "vries^", "de vries^", "yaras's^"] {
            assert!(p.contains(&want.to_string()), "{want} in {p:?}");
        }
        assert!(!p.iter().any(|x| x == "de" || x == "de^"));
    }

    #[test]
    fn ordinary_words_in_a_name_need_a_capital() {
        let p = phrases("Fenna de Wit");
        assert!(p.contains(&"wit^".to_string()), "{p:?}");
        assert!(p.contains(&"de wit^".to_string()), "{p:?}");
        assert!(p.contains(&"fenna".to_string()), "{p:?}");
        let p = phrases("dr. Visser");
        assert!(p.contains(&"dr visser".to_string()) && p.contains(&"visser^".to_string()));
        assert!(
            !p.iter().any(|x| x.starts_with("dr") && x.len() < 4),
            "{p:?}"
        );
    }
}
