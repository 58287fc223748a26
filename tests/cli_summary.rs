//! `naast summary` and `naast bridge show` through the real binary: names out of the
//! HTML at level code with the note text around them intact, one warning line per
//! unknown name, the answers to those warnings, and colleagues left out.

mod common;

use common::cli::*;

fn seeded() -> Cli {
    let c = Cli::new();
    c.init();
    c.ok(&[
        "person",
        "add",
        "--alias",
        "Yara",
        "--full-name",
        "Yara de Vries",
    ]);
    c.ok(&[
        "person",
        "add",
        "--alias",
        "Mo",
        "--full-name",
        "Mohamed El Amrani",
    ]);
    c.ok(&[
        "person",
        "add",
        "--alias",
        "Lotte",
        "--context",
        "colleague",
    ]);
    c.ok(&[
        "circle",
        "add",
        "--person",
        "Yara",
        "--name",
        "dr. Visser",
        "--role",
        "psychiater",
        "--formal",
    ]);
    c.ok(&[
        "circle", "add", "--person", "Yara", "--name", "Lies", "--role", "zus",
    ]);
    for (person, at, note) in [
        (
            "Yara",
            "2026-10-05 18:00",
            "Yara kookte voor het eerst zelf, Mo deed de boodschappen. Yara de Vries straalde.",
        ),
        (
            "Yara",
            "2026-10-12 10:00",
            "Dr. Visser belde; Lies kwam mee. Met Kees naar Zwolle, Kees reed.",
        ),
        (
            "Mo",
            "2026-10-14 10:00",
            "Mohamed vertelde over Yara's verjaardag.",
        ),
        (
            "Lotte",
            "2026-10-15 10:00",
            "Nagesprek met Lotte na het incident.",
        ),
    ] {
        c.ok(&[
            "contact",
            "add",
            "--person",
            person,
            "--support",
            "emotional",
            "--at",
            at,
            "--note",
            note,
            "--consult",
        ]);
    }
    c
}

fn code(c: &Cli, alias: &str) -> String {
    let list = c.json(&["person", "list"]);
    let p = arr(&list).iter().find(|p| p["alias"] == alias).unwrap();
    p["code"].as_str().unwrap().to_string()
}

#[test]
fn the_summary_at_level_code_prints_no_name_but_keeps_the_notes() {
    let c = seeded();
    let out = c.dir.path().join("overleg.html");
    let o = c.run(&[
        "summary",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--out",
        &win(&out),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&out).unwrap();
    for name in [
        "Yara", "Vries", "Mo ", "Mohamed", "Amrani", "Visser", "Lies", "Lotte", "incident",
    ] {
        assert!(!html.contains(name), "{name:?} is in the summary");
    }
    let (y, m) = (code(&c, "Yara"), code(&c, "Mo"));
    for text in [
        format!("{y} kookte voor het eerst zelf, {m} deed de boodschappen. {y} straalde."),
        "De psychiater belde; de zus kwam mee.".to_string(),
        format!("{m} vertelde over {y}&#39;s verjaardag."),
    ] {
        assert!(html.contains(&text), "{text:?} should be in the summary");
    }
    // One warning line per unknown name, in Dutch, and the file is written anyway.
    let err = String::from_utf8(o.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0]
        .starts_with("naast: waarschuwing: \"Kees\" lijkt een naam die Naast niet kent (2×)"));
    assert!(lines[1].starts_with("naast: waarschuwing: \"Zwolle\""));
    assert!(html.contains("Met Kees naar Zwolle"));
}

#[test]
fn warnings_are_answered_with_replace_and_not_name_and_remembered() {
    let c = seeded();
    let file = c.dir.path().join("overleg.html");
    let out = &win(&file);
    let base = [
        "summary",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--out",
        out,
    ];
    let mut args = base.to_vec();
    args.extend(["--replace", "Kees=buurman", "--not-name", "Zwolle"]);
    let o = c.run(&args);
    assert!(o.status.success());
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("Met de buurman naar Zwolle, de buurman reed."));
    // Zwolle stays remembered; Kees was a choice for that one summary.
    let o = c.run(&base);
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("\"Kees\""));
    // In English, and a person as the replacement; a bad form is refused.
    let mut args = base.to_vec();
    args.extend(["--replace", "Kees=Mo", "--lang", "en"]);
    let o = c.run(&args);
    assert!(o.stderr.is_empty());
    let m = code(&c, "Mo");
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains(&format!("Met {m} naar Zwolle, {m} reed.")));
    let mut args = base.to_vec();
    args.extend(["--replace", "Kees"]);
    refused(&c.run(&args), "WOORD=DOOR");
    let mut args = base.to_vec();
    args.extend(["--lang", "en"]);
    let err = String::from_utf8(c.run(&args).stderr).unwrap();
    assert!(err.starts_with("naast: warning: \"Kees\" looks like a name Naast does not know (2×)"));
}

#[test]
fn colleagues_are_in_the_summary_only_when_asked() {
    let c = seeded();
    let file = c.dir.path().join("overleg.html");
    let out = &win(&file);
    let base = [
        "summary",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--out",
        out,
    ];
    assert_eq!(c.json(&base)["contacts"], 3);
    let mut args = base.to_vec();
    args.push("--colleagues");
    assert_eq!(c.json(&args)["contacts"], 4);
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("incident") && html.contains(&code(&c, "Lotte")));
}

#[test]
fn bridge_show_names_people_at_the_level_asked() {
    let c = seeded();
    let b = c.json(&[
        "bridge",
        "add",
        "--person",
        "Yara",
        "--to",
        "dr. Visser",
        "--kind",
        "question",
        "--text",
        "Yara de Vries vraagt of dr. Visser belt.",
        "--voice",
        "Ik ben Yara.",
    ]);
    let id = b["id"].to_string();
    let y = code(&c, "Yara");
    let text = c.ok(&["bridge", "show", &id]);
    assert_eq!(
        text,
        format!("Brugnotitie aan psychiater\nOver: {y}\n\n{y} vraagt of de psychiater belt.\n\nIn eigen woorden: \"Ik ben {y}.\"\n")
    );
    let full = c.ok(&["bridge", "show", &id, "--level", "full"]);
    assert!(full.contains("Over: Yara de Vries") && full.contains("dr. Visser belt"));
}

#[test]
fn bridge_show_replaces_identifiers_and_warns_about_each_unsure_word() {
    let c = seeded();
    let b = c.json(&[
        "bridge",
        "add",
        "--person",
        "Yara",
        "--to",
        "dr. Visser",
        "--kind",
        "question",
        "--text",
        "Yara is bereikbaar op 06-12345678 of yara@example.nl, woont aan de Kerkstraat 12 \
         en ging met Kees naar Dimence. Haar moeder Anja belde.",
    ]);
    let id = b["id"].to_string();
    let y = code(&c, "Yara");
    let o = c.run(&["bridge", "show", &id]);
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains(&format!(
            "{y} is bereikbaar op [telefoonnummer] of [e-mailadres], woont aan de [adres] en \
             ging met Kees naar Dimence. Haar moeder [naam] belde."
        )),
        "{text}"
    );
    // One line per word Naast is unsure of, naming the word and what it may be.
    let err = String::from_utf8(o.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with("naast: waarschuwing: \"Dimence\" lijkt een zorginstelling (1×)"));
    assert!(
        lines[1].starts_with("naast: waarschuwing: \"Kees\" lijkt een naam die Naast niet kent")
    );
    // Answered on the command line: Kees by a role, Dimence remembered as no name.
    let o = c.run(&[
        "bridge",
        "show",
        &id,
        "--replace",
        "Kees=buurman",
        "--not-name",
        "Dimence",
    ]);
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .contains("ging met de buurman naar Dimence"));
    // At level full: as written, and nothing to warn about.
    let o = c.run(&["bridge", "show", &id, "--level", "full"]);
    assert!(o.stderr.is_empty());
    assert!(String::from_utf8(o.stdout).unwrap().contains("06-12345678"));
}
