//! "Mijn plan" (issue 25): `naast goal print` through the real binary on a real vault,
//! the PDF read back by poppler's `pdftotext` and `pdfinfo`. Every goal in the
//! person's words, their ratings with their words and dates, reached and let go under
//! their own calm headings, their own name and no code; owner-only, one audit line of
//! counts, and clear refusals that write nothing.

mod common;

use chrono::Datelike;
use common::cli::*;
use common::pdf::{pdfinfo, pdftotext};
use serde_json::Value;

fn new_goal(c: &Cli, args: &[&str]) -> String {
    let mut all = vec!["goal", "add", "--person", "Sanne"];
    all.extend(args);
    c.ok(&all).trim().to_string()
}

fn rate(c: &Cli, id: &str, score: &str, words: &str, on: &str) {
    c.ok(&[
        "goal", "rate", id, "--score", score, "--words", words, "--on", on,
    ]);
}

/// Sanne with three goals: one she works on (two ratings, a sister and the supporter
/// helping), one reached, one let go.
fn seeded() -> Cli {
    let c = Cli::new();
    c.init();
    c.ok(&[
        "person",
        "add",
        "--alias",
        "Sanne",
        "--full-name",
        "Sanne Öztürk-de Vries",
    ]);
    c.ok(&[
        "circle", "add", "--person", "Sanne", "--name", "Lies", "--role", "zus",
    ]);
    let post = new_goal(
        &c,
        &[
            "--text",
            "Ik wil weer zelf mijn post openen",
            "--why",
            "Dan heb ik weer overzicht over mijn geld",
            "--steps",
            "Elke maandag één brief, samen met Lies",
            "--helper",
            "Lies",
            "--helper",
            "ik",
        ],
    );
    rate(&c, &post, "3", "Het stapeltje is eng", "2026-10-05");
    rate(&c, &post, "6", "Twee brieven zelf gedaan!", "2026-11-02");
    c.ok(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--support",
        "practical",
        "--goal",
        &post,
    ]);
    let bike = new_goal(&c, &["--text", "Weer fietsen naar mijn werk"]);
    rate(&c, &bike, "9", "Gelukt, bijna elke dag", "2026-11-20");
    c.ok(&["goal", "reached", &bike]);
    let spanish = new_goal(&c, &["--text", "Een cursus Spaans doen"]);
    c.ok(&["goal", "let-go", &spanish]);
    c
}

fn exports(c: &Cli) -> Vec<Value> {
    arr(&c.json(&["log", "--action", "export"])).clone()
}

/// The day written out as the plan writes it, counted here on its own.
fn today_nl() -> String {
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let d = naast::ground::calendar::today();
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

#[test]
fn mijn_plan_holds_every_goal_in_her_words_with_her_ratings_and_is_hers_alone() {
    let c = seeded();
    let out = c.dir.path().join("mijn plan.pdf");
    let o = win(&out);
    let said = c.ok(&["goal", "print", "--person", "Sanne", "--out", &o]);
    assert!(
        said.contains("“Mijn plan” van Sanne geschreven naar"),
        "{said}"
    );
    assert!(said.contains("(3 doelen)"), "{said}");
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    assert_private(&out, "Mijn plan");
    let text = pdftotext(&out);
    for words in [
        "Mijn plan",
        "van Sanne Öztürk-de Vries",
        &format!("geprint op {}", today_nl()),
        "Wat ik wil “Ik wil weer zelf mijn post openen”",
        "Waarom dat voor mij telt Dan heb ik weer overzicht over mijn geld",
        "Mijn eerste stappen Elke maandag één brief, samen met Lies",
        "Wie helpt Lies, mijn ervaringsdeskundige",
        "Hoe het gaat, volgens mij Datum Mijn cijfer In mijn woorden",
        "5 oktober 2026 3 van de 10 “Het stapeltje is eng”",
        "2 november 2026 6 van de 10 “Twee brieven zelf gedaan!”",
        "1 keer samen aan gewerkt",
        "Wat ik bereikt heb “Weer fietsen naar mijn werk”",
        "20 november 2026 9 van de 10 “Gelukt, bijna elke dag”",
        "Wat ik heb losgelaten",
        "“Een cursus Spaans doen”",
        "Persoonlijk",
        "pagina 1 van",
    ] {
        assert!(text.contains(words), "{words:?} not in: {text}");
    }
    // Her order, grouped by where each stands: working on it, reached, let go; each
    // reached and let-go goal says when, in her history.
    let at = |w: &str| text.find(w).unwrap_or_else(|| panic!("{w} not in {text}"));
    assert!(at("post openen") < at("Wat ik bereikt heb"));
    assert!(at("Wat ik bereikt heb") < at("Wat ik heb losgelaten"));
    assert!(at("Wat ik heb losgelaten") < at("Spaans"));
    assert!(text.contains("Begonnen op") && text.contains("bereikt op"));
    assert!(text.contains("losgelaten op"));
    // Hers: no code, no pseudonym, never a word of failure.
    let list = c.json(&["person", "list"]);
    let code = arr(&list)[0]["code"].as_str().unwrap().to_string();
    assert!(!text.contains(&code), "the code {code} in: {text}");
    for judged in ["mislukt", "gefaald", "niet gelukt"] {
        assert!(!text.to_lowercase().contains(judged), "{judged}");
    }
    // The metadata holds the kind of document only, never her name.
    let info = pdfinfo(&out);
    assert!(info.contains("Mijn plan"), "{info}");
    assert!(
        !info.contains("Sanne") && !info.contains("Öztürk"),
        "{info}"
    );

    // One audit line: the export of her plan, counts only, none of her words.
    let lines = exports(&c);
    assert_eq!(lines.len(), 1, "{lines:?}");
    let l = &lines[0];
    assert_eq!(l["object"], "plan");
    let d = &l["detail"];
    assert_eq!(
        (
            d["format"].as_str(),
            d["goals"].as_i64(),
            d["ratings"].as_i64()
        ),
        (Some("pdf"), Some(3), Some(3))
    );
    assert_eq!(
        (d["reached"].as_i64(), d["let_go"].as_i64()),
        (Some(1), Some(1))
    );
    let line = l.to_string();
    for w in ["post", "stapeltje", "Spaans", "Öztürk"] {
        assert!(!line.contains(w), "{w} in the log: {line}");
    }
}

#[test]
fn my_plan_in_english_says_the_same_in_her_english_voice() {
    let c = seeded();
    let out = c.dir.path().join("my-plan.pdf");
    let o = win(&out);
    let said = c.ok(&[
        "goal", "print", "--person", "Sanne", "--out", &o, "--lang", "en",
    ]);
    assert!(said.contains("(3 goals)"), "{said}");
    let text = pdftotext(&out);
    for words in [
        "My plan",
        "by Sanne Öztürk-de Vries",
        "What I want “Ik wil weer zelf mijn post openen”",
        "Why it matters to me",
        "My first steps",
        "Who helps Lies, my peer supporter",
        "How it is going, in my view Date My score In my words",
        "5 October 2026 3 out of 10 “Het stapeltje is eng”",
        "worked on together once",
        "What I have reached",
        "What I have let go",
        "page 1 of",
    ] {
        assert!(text.contains(words), "{words:?} not in: {text}");
    }
    assert!(!text.contains("Wat ik wil") && !text.contains("van de 10"));
}

#[test]
fn no_goals_a_colleague_without_a_plan_or_the_vault_itself_are_refused_and_nothing_written() {
    let c = seeded();
    c.ok(&["person", "add", "--alias", "Bram"]);
    let out = c.dir.path().join("bram.pdf");
    let o = win(&out);
    refused(
        &c.run(&["goal", "print", "--person", "Bram", "--out", &o]),
        "Bram heeft nog geen doelen, dus er is geen plan om te printen; voeg eerst een doel toe met `naast goal add`",
    );
    refused(
        &c.run(&[
            "goal", "print", "--person", "Bram", "--out", &o, "--lang", "en",
        ]),
        "Bram has no goals yet",
    );
    assert!(!out.exists());

    // A colleague whose plan was turned off again: refused by name, though goals remain.
    c.ok(&[
        "person",
        "add",
        "--alias",
        "Joris",
        "--context",
        "colleague",
    ]);
    c.ok(&["person", "plan", "Joris"]);
    c.ok(&["goal", "add", "--person", "Joris", "--text", "Weer slapen"]);
    c.ok(&["person", "plan", "Joris", "--off"]);
    refused(
        &c.run(&["goal", "print", "--person", "Joris", "--out", &o]),
        "Joris is een collega",
    );
    assert!(!out.exists());

    // Never over the vault.
    let before = std::fs::read(&c.vault).unwrap();
    let v = win(&c.vault);
    refused(
        &c.run(&["goal", "print", "--person", "Sanne", "--out", &v]),
        "kluis",
    );
    assert_eq!(std::fs::read(&c.vault).unwrap(), before);
    assert!(exports(&c).is_empty(), "a refusal logs no export");
}
