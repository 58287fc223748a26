//! Every matching rule, on names built in memory (the vault-backed paths are in
//! `tests/redact.rs` and `tests/corpus.rs`).

use std::collections::HashSet;

use super::*;
use crate::ground::fold::fold;
use crate::ground::lang::Lang;
use crate::ground::vocab::Context;
use crate::records::circle::CircleMember;
use crate::records::person::Person;

fn person(id: i64, alias: &str, full: &str, code: &str) -> Person {
    Person {
        id,
        alias: alias.into(),
        code: code.into(),
        context: Context::Client,
        full_name: full.into(),
        wishes: String::new(),
        strengths: String::new(),
        active: true,
    }
}

fn member(id: i64, person_id: i64, name: &str, role: &str) -> CircleMember {
    CircleMember {
        id,
        person_id,
        name: name.into(),
        role: role.into(),
        formal: true,
        involve: true,
        left_on: None,
    }
}

struct World {
    persons: Vec<Person>,
    members: Vec<CircleMember>,
}

fn world() -> World {
    let mut colleague = person(5, "Bas", "Bas Meijer", "C0LL");
    colleague.context = Context::Colleague;
    World {
        persons: vec![
            person(1, "Yara", "Yara de Vries", "K7QM"),
            person(2, "Mo", "Mohamed El Amrani", "Q6EF"),
            person(3, "Jos", "", "J2SX"),
            person(4, "Fenna", "Fenna de Wit", "F4NW"),
            person(6, "Sanne", "Sanne Bakker", "S5NB"),
            person(7, "Zoë", "", "Z3EE"),
            colleague,
        ],
        members: vec![
            member(1, 1, "dr. Visser", "psychiater"),
            member(2, 1, "Lies", ""),
            member(3, 2, "dr. Visser", "psychiater"),
        ],
    }
}

fn with(w: &World, rules: Rules) -> Redactor {
    Redactor::new(&w.persons, &w.members, rules, HashSet::new())
}

fn code(text: &str) -> String {
    with(&world(), Rules::new(Level::Code, Lang::Nl)).redact(text)
}

#[test]
fn whole_words_only_never_inside_a_longer_word() {
    assert_eq!(
        code("Mo vond het Mooi, Moniek en Mohammed ook."),
        "Q6EF vond het Mooi, Moniek en [naam] ook."
    );
    // Josefien is a first name Naast does not know: "[naam]", never "J2SX…".
    assert_eq!(code("Yaralaan en Josefien"), "Yaralaan en [naam]");
}

#[test]
fn any_case_and_any_accents() {
    assert_eq!(code("yara en YARA"), "K7QM en K7QM");
    assert_eq!(code("Zoe kwam, en zoë ook"), "Z3EE kwam, en Z3EE ook");
    assert_eq!(
        code("Zoe\u{308} kwam"),
        "Z3EE kwam",
        "a decomposed ë folds too"
    );
}

#[test]
fn possessives_keep_their_ending() {
    assert_eq!(code("Yara's fiets"), "K7QM's fiets");
    assert_eq!(code("Yara’s fiets"), "K7QM’s fiets");
    assert_eq!(code("Jos' moeder belde"), "J2SX' moeder belde");
    // The Dutch possessive without apostrophe, capitalised only.
    assert_eq!(code("met Fennas zus"), "met F4NW's zus");
}

#[test]
fn every_part_of_a_full_name_and_the_longest_match_wins() {
    assert_eq!(
        code("Yara de Vries, Yara, Vries en de Vries"),
        "K7QM, K7QM, K7QM en K7QM"
    );
    assert_eq!(code("El Amrani belde Mohamed"), "Q6EF belde Q6EF");
    assert_eq!(
        code("Yara  de Vries kwam"),
        "K7QM kwam",
        "two spaces still join"
    );
    assert_eq!(
        code("Yara, de Vries"),
        "K7QM, K7QM",
        "a comma separates two mentions"
    );
}

#[test]
fn parts_that_are_ordinary_words_are_names_only_with_a_capital() {
    assert_eq!(
        code("Fenna de Wit at het wit van het ei; de bakker bakte"),
        "F4NW at het wit van het ei; de bakker bakte"
    );
    assert_eq!(code("mevrouw De Wit en Bakker"), "mevrouw F4NW en S5NB");
    // The particles never stand for a name.
    assert_eq!(code("de van der El"), "de van der El");
}

#[test]
fn a_part_shared_by_two_people_becomes_a_placeholder_never_the_wrong_code() {
    let w = World {
        persons: vec![
            person(1, "Jan S.", "Jan Smit", "AAAA"),
            person(2, "Jan B.", "Jan Bos", "BBBB"),
        ],
        members: vec![],
    };
    let r = with(&w, Rules::new(Level::Code, Lang::Nl));
    assert_eq!(
        r.redact("Jan belde Jan Smit en Bos"),
        "[naam] belde AAAA en BBBB"
    );
    let r = with(&w, Rules::new(Level::Code, Lang::En));
    assert_eq!(r.redact("Jan came"), "[name] came");
}

#[test]
fn circle_members_become_their_role_and_titles_go_with_the_name() {
    assert_eq!(
        code("Gebeld met dr. Visser, daarna Lies."),
        "Gebeld met de psychiater, daarna iemand uit de kring."
    );
    assert_eq!(code("Dr. Visser belde."), "De psychiater belde.");
    assert_eq!(
        code("Met meneer Visser gesproken"),
        "Met de psychiater gesproken"
    );
    assert_eq!(code("de visser ving niets"), "de visser ving niets");
    let r = with(&world(), Rules::new(Level::Code, Lang::En));
    assert_eq!(r.redact("Lies came"), "Someone from the circle came");
    let r = with(
        &world(),
        Rules {
            circle_names: true,
            ..Rules::new(Level::Code, Lang::Nl)
        },
    );
    assert_eq!(r.redact("dr. Visser en Yara"), "dr. Visser en K7QM");
}

#[test]
fn each_level_replaces_what_it_should() {
    let w = world();
    let alias = with(&w, Rules::new(Level::Alias, Lang::Nl));
    assert_eq!(
        alias.redact("Yara de Vries, Yara en Vries; dr. Visser"),
        "Yara, Yara en Yara; de psychiater"
    );
    assert_eq!(alias.redact("Mohamed El Amrani heet Mo"), "Mo heet Mo");
    let full = with(&w, Rules::new(Level::Full, Lang::Nl));
    let t = "Yara de Vries en dr. Visser, en Kees";
    assert_eq!(full.redact(t), t);
    assert!(
        full.scan(t).suspects.is_empty(),
        "no suspects at level full"
    );
}

#[test]
fn hidden_colleagues_read_as_a_colleague() {
    let w = world();
    let r = with(
        &w,
        Rules {
            hide_colleagues: true,
            ..Rules::new(Level::Code, Lang::Nl)
        },
    );
    assert_eq!(r.redact("Bas Meijer hielp"), "Een collega hielp");
    assert_eq!(code("Bas hielp"), "C0LL hielp");
}

#[test]
fn unknown_names_are_replaced_when_sure_and_asked_when_not() {
    let r = with(&world(), Rules::new(Level::Code, Lang::Nl));
    let t = "Met Yara naar Kees en dr. Kuipers. Daarna UWV en Zwolle. Gerrit belde, en K7QM.";
    let s = r.scan(t);
    let asked: Vec<(&str, SuspectKind)> = s
        .suspects
        .iter()
        .map(|(x, k)| (&t[x.clone()], *k))
        .collect();
    // Kees is a first name and a word (a dog): asked. Zwolle is a place: asked.
    // Kuipers follows a title, Gerrit is a first name and no word: sure, replaced.
    // Daarna starts a sentence, UWV is an acronym, K7QM a code.
    assert_eq!(
        asked,
        [("Kees", SuspectKind::Name), ("Zwolle", SuspectKind::Place)]
    );
    assert_eq!(
        s.text,
        "Met K7QM naar Kees en dr. [naam]. Daarna UWV en Zwolle. [naam] belde, en K7QM."
    );
    // Counted over texts, by folded spelling, also at the start of a sentence; a
    // lower-case "kees" (the dog) does not count.
    let mut tally = Tally::default();
    r.redact_counting("Kees en Kees, en kees", &mut tally);
    r.redact_counting("met Kees en Zwolle", &mut tally);
    assert_eq!(
        tally.into_list(),
        [
            Suspect {
                word: "Kees".into(),
                count: 3,
                kind: SuspectKind::Name
            },
            Suspect {
                word: "Zwolle".into(),
                count: 1,
                kind: SuspectKind::Place
            }
        ]
    );
}

#[test]
fn the_issues_note_leaves_with_every_identifier_replaced_or_asked() {
    let w = World {
        persons: vec![person(1, "Sanne", "Sanne de Vries", "QK32")],
        members: vec![],
    };
    let r = with(&w, Rules::new(Level::Code, Lang::Nl));
    let t = "Kees belde me gisteren. Sanne woont sinds kort aan de Kerkstraat 12, 8011 AB \
             Zwolle, en is bereikbaar op 06-12345678 of sanne.devries@gmail.com. Haar BSN is \
             123456782. Mijnheer Visser van het wijkteam kwam ook langs. Met J. Th. A. Bakker \
             van Dimence gebeld over haar afspraak op 12 maart. Ze is 34 jaar. Haar moeder \
             Anja wil meedenken. Zie ook www.sannesblog.nl.";
    let s = r.scan(t);
    assert_eq!(
        s.text,
        "Kees belde me gisteren. QK32 woont sinds kort aan de [adres], en is bereikbaar op \
         [telefoonnummer] of [e-mailadres]. Haar BSN is [BSN]. Mijnheer [naam] van het \
         wijkteam kwam ook langs. Met [naam] van Dimence gebeld over haar afspraak op 12 \
         maart. Ze is 34 jaar. Haar moeder [naam] wil meedenken. Zie ook [website]."
    );
    let asked: Vec<(&str, SuspectKind)> = s
        .suspects
        .iter()
        .map(|(x, k)| (&t[x.clone()], *k))
        .collect();
    assert_eq!(
        asked,
        [
            ("Kees", SuspectKind::Name),
            ("Dimence", SuspectKind::Institution)
        ]
    );
    let en =
        with(&w, Rules::new(Level::Code, Lang::En)).redact("Bel 06-12345678, geboren 3-4-1985.");
    assert_eq!(en, "Bel [phone number], geboren [date of birth].");
    // At level full nothing is replaced and nothing asked.
    let full = with(&w, Rules::new(Level::Full, Lang::Nl)).scan(t);
    assert_eq!(full.text, t);
    assert!(full.suspects.is_empty() && full.identifiers.is_empty());
}

#[test]
fn conditions_named_after_people_are_no_names() {
    let r = with(&world(), Rules::new(Level::Code, Lang::Nl));
    let t = "Syndroom van Korsakov, Asperger, de ziekte van Lyme, Alzheimer en Parkinson.";
    let s = r.scan(t);
    assert_eq!(s.text, t);
    assert!(s.suspects.is_empty(), "{:?}", s.suspects);
}

#[test]
fn the_not_a_name_list_holds_for_every_category() {
    let w = world();
    let not: HashSet<String> = ["Anja", "www.herstelacademie.nl", "Dimence", "Den Haag"]
        .iter()
        .map(|w| fold(w))
        .collect();
    let r = Redactor::new(
        &w.persons,
        &w.members,
        Rules::new(Level::Code, Lang::Nl),
        not,
    );
    let t = "Anja van Dimence in Den Haag: www.herstelacademie.nl of 06-12345678.";
    let s = r.scan(t);
    assert_eq!(
        s.text,
        "Anja van Dimence in Den Haag: www.herstelacademie.nl of [telefoonnummer]."
    );
    assert!(s.suspects.is_empty(), "{:?}", s.suspects);
}

#[test]
fn the_dossier_rules_replace_only_the_vaults_names() {
    let r = with(
        &world(),
        Rules {
            unknown: false,
            ..Rules::new(Level::Code, Lang::Nl)
        },
    );
    assert_eq!(
        r.redact("Yara en Anja, 06-12345678, Kerkstraat 12"),
        "K7QM en Anja, 06-12345678, Kerkstraat 12"
    );
}

#[test]
fn the_not_a_name_list_and_the_users_own_names_are_honoured() {
    let w = world();
    let mut not = HashSet::new();
    not.insert(fold("Zwolle"));
    let r = Redactor::new(
        &w.persons,
        &w.members,
        Rules {
            extra: vec![
                ExtraName {
                    word: "Kees".into(),
                    with: Replacement::Role("buurman".into()),
                },
                ExtraName {
                    word: "Yaartje".into(),
                    with: Replacement::Person(1),
                },
            ],
            ..Rules::new(Level::Code, Lang::Nl)
        },
        not,
    );
    let s = r.scan("Naar Zwolle met Kees en Yaartje.");
    assert_eq!(s.text, "Naar Zwolle met de buurman en K7QM.");
    assert!(s.suspects.is_empty());
    assert_eq!(s.replaced.len(), 2);
}

#[test]
fn the_output_keeps_every_character_around_a_name() {
    let t = "«Yara»: (Mo) \"Jos\"! — en\n\nFenna.";
    assert_eq!(code(t), "«K7QM»: (Q6EF) \"J2SX\"! — en\n\nF4NW.");
    assert_eq!(code(""), "");
}
