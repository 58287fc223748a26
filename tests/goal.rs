//! The person's own plan (issue 25), through the real `naast` binary on a real vault
//! and through the core: goals in their words, who helps, their own ratings, the
//! contacts that touched a goal, the ways out (dossier, summary), the log, and no
//! plan for a colleague unless turned on.

mod common;

use common::cli::*;
use common::TestVault;
use naast::ground::vocab::Support;
use naast::records::circle;
use naast::records::contact::{self, NewContact};
use naast::records::goal::{self, GoalPatch, NewGoal, NewRating, Status};
use naast::records::person::{self, NewPerson};
use serde_json::Value;

fn goals(c: &Cli, person: &str) -> Vec<Value> {
    arr(&c.json(&["goal", "list", "--person", person])).clone()
}

fn new_goal(c: &Cli, args: &[&str]) -> i64 {
    let mut all = vec!["goal", "add"];
    all.extend(args);
    let out = c.ok(&all);
    out.trim()
        .parse()
        .unwrap_or_else(|_| panic!("an id, not {out:?}"))
}

#[test]
fn a_goal_in_their_words_rated_by_them_touched_by_contacts_and_reached() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    c.ok(&[
        "circle", "add", "--person", "Sanne", "--name", "Lies", "--role", "zus",
    ]);
    let id = new_goal(
        &c,
        &[
            "--person",
            "Sanne",
            "--text",
            "Ik wil weer zelf mijn post openen",
            "--why",
            "Dan heb ik weer overzicht",
            "--steps",
            "Elke maandag één brief, samen met Lies",
            "--helper",
            "Lies",
            "--helper",
            "ik",
        ],
    );
    let second = new_goal(&c, &["--person", "Sanne", "--text", "Weer fietsen"]);
    assert!(second > id);

    let list = goals(&c, "Sanne");
    assert_eq!(list.len(), 2);
    let g = &list[0];
    assert_eq!(g["id"], id);
    assert_eq!(g["text"], "Ik wil weer zelf mijn post openen");
    assert_eq!(g["why"], "Dan heb ik weer overzicht");
    assert_eq!(g["status"], "working");
    assert_eq!(g["position"], 1);
    assert_eq!(list[1]["position"], 2);
    assert_eq!(g["ratings"], serde_json::json!([]));
    let helpers = arr(&g["helpers"]);
    assert_eq!(helpers.len(), 2);
    assert_eq!(helpers[0]["name"], "Lies");
    assert!(
        helpers[1]["member_id"].is_null(),
        "the supporter: {helpers:?}"
    );

    // A contact that touched the goal, and the rating given at it.
    let contact: i64 = c.json(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--support",
        "practical",
        "--goal",
        &id.to_string(),
        "--goal",
        &second.to_string(),
    ])["id"]
        .as_i64()
        .unwrap();
    let ids = id.to_string();
    let cid = contact.to_string();
    c.ok(&[
        "goal",
        "rate",
        &ids,
        "--score",
        "4",
        "--words",
        "Het eerste stapeltje is weg",
        "--contact",
        &cid,
        "--on",
        "2026-11-02",
    ]);
    c.ok(&["goal", "rate", &ids, "--score", "6", "--on", "2026-11-16"]);
    let g = &goals(&c, "Sanne")[0];
    let ratings = arr(&g["ratings"]);
    assert_eq!(ratings.len(), 2);
    assert_eq!(ratings[0]["on"], "2026-11-02");
    assert_eq!(ratings[0]["score"], 4);
    assert_eq!(ratings[0]["words"], "Het eerste stapeltje is weg");
    assert_eq!(ratings[0]["contact"], contact);
    assert_eq!(ratings[1]["score"], 6);
    assert_eq!(ratings[1]["words"], "");
    assert_eq!(g["contacts"], serde_json::json!([contact]));

    // Reached, let go, reopened: each a step in its history.
    let shown = c.json(&["goal", "reached", &ids]);
    assert_eq!(shown["status"], "reached");
    c.ok(&["goal", "let-go", &ids]);
    assert_eq!(goals(&c, "Sanne")[0]["status"], "let-go");
    let text = c.ok(&["goal", "list", "--person", "Sanne"]);
    assert!(
        text.contains("[losgelaten] Ik wil weer zelf mijn post openen (6/10)"),
        "{text}"
    );
    c.ok(&["goal", "reopen", &ids]);
    let g = &goals(&c, "Sanne")[0];
    assert_eq!(g["status"], "working");
    let history: Vec<&str> = arr(&g["history"])
        .iter()
        .map(|h| h["status"].as_str().unwrap())
        .collect();
    assert_eq!(history, ["working", "reached", "let-go", "working"]);
    // Reopening what is already open is no new step.
    c.ok(&["goal", "reopen", &ids]);
    assert_eq!(arr(&goals(&c, "Sanne")[0]["history"]).len(), 4);

    // The person's own order: the second goal first.
    c.ok(&["goal", "change", &second.to_string(), "--position", "1"]);
    let list = goals(&c, "Sanne");
    assert_eq!(list[0]["id"], second);
    assert_eq!(list[1]["id"], id);
    assert_eq!(list[1]["position"], 2);
    // A change touches only what is given.
    let changed = c.json(&[
        "goal",
        "change",
        &ids,
        "--steps",
        "Elke week twee brieven",
        "--no-helpers",
    ]);
    assert_eq!(changed["steps"], "Elke week twee brieven");
    assert_eq!(changed["why"], "Dan heb ik weer overzicht");
    assert_eq!(changed["helpers"], serde_json::json!([]));

    // `person show --json` holds the plan too.
    let all = c.json(&["person", "show", "Sanne"]);
    assert_eq!(arr(&all["plan"]).len(), 2);
}

#[test]
fn wrong_input_is_refused_by_a_clear_message_and_changes_nothing() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    c.ok(&["person", "add", "--alias", "Esra"]);
    let esra_goal = new_goal(&c, &["--person", "Esra", "--text", "Een baan vinden"]).to_string();
    let sanne_goal = new_goal(&c, &["--person", "Sanne", "--text", "Weer fietsen"]).to_string();

    // A goal of someone who was not at the contact: named by number and person.
    let o = c.run(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--support",
        "emotional",
        "--goal",
        &esra_goal,
    ]);
    refused(
        &o,
        &format!("doel {esra_goal} is van Esra, en Esra was niet bij dit contactmoment"),
    );
    let en = [
        "contact",
        "add",
        "--person",
        "Sanne",
        "--support",
        "emotional",
        "--goal",
        &esra_goal,
        "--lang",
        "en",
    ];
    refused(
        &c.run(&en),
        &format!("goal {esra_goal} is Esra's, and Esra was not at this contact"),
    );
    assert_eq!(
        arr(&c.json(&["contact", "list"])).len(),
        0,
        "the refused contact was not saved"
    );

    // A rating at a contact she was not at.
    let sanne_contact = c.json(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--support",
        "emotional",
    ])["id"]
        .as_i64()
        .unwrap()
        .to_string();
    refused(
        &c.run(&[
            "goal",
            "rate",
            &esra_goal,
            "--score",
            "5",
            "--contact",
            &sanne_contact,
        ]),
        "Esra was niet bij dit contactmoment",
    );
    refused(
        &c.run(&["goal", "rate", &sanne_goal, "--score", "11"]),
        "het cijfer moet tussen 0 en 10 liggen, niet 11",
    );
    refused(
        &c.run(&["goal", "rate", &sanne_goal, "--score", "-1", "--lang", "en"]),
        "score must be between 0 and 10, not -1",
    );
    refused(
        &c.run(&["goal", "rate", "999", "--score", "3"]),
        "geen doel '999'",
    );
    refused(
        &c.run(&["goal", "add", "--person", "Sanne", "--text", "  "]),
        "het doel mag niet leeg zijn",
    );
    refused(
        &c.run(&[
            "goal", "add", "--person", "Sanne", "--text", "Koken", "--helper", "Onbekend",
        ]),
        "geen iemand in de kring 'Onbekend'",
    );
    refused(
        &c.run(&["goal", "change", &sanne_goal, "--position", "5"]),
        "de plaats moet tussen 1 en 1 liggen, niet 5",
    );
    assert_eq!(goals(&c, "Sanne").len(), 1);
    assert_eq!(goals(&c, "Sanne")[0]["ratings"], serde_json::json!([]));
}

#[test]
fn a_colleague_has_no_plan_unless_it_is_turned_on() {
    let c = Cli::new();
    c.init();
    c.ok(&[
        "person",
        "add",
        "--alias",
        "Joris",
        "--context",
        "colleague",
    ]);
    refused(
        &c.run(&["goal", "add", "--person", "Joris", "--text", "Weer slapen"]),
        "Joris is een collega: collegiale steun houdt geen plan bij, tenzij je dat voor Joris aanzet; zet het aan met `naast person plan`",
    );
    c.ok(&["person", "plan", "Joris"]);
    new_goal(&c, &["--person", "Joris", "--text", "Weer slapen"]);
    c.ok(&["person", "plan", "Joris", "--off"]);
    refused(
        &c.run(&[
            "goal", "add", "--person", "Joris", "--text", "Nog een", "--lang", "en",
        ]),
        "Joris is a colleague",
    );
    assert_eq!(
        goals(&c, "Joris").len(),
        1,
        "turning it off keeps what is there"
    );
    // Turned on from the start.
    c.ok(&[
        "person",
        "add",
        "--alias",
        "Ans",
        "--context",
        "colleague",
        "--plan",
    ]);
    new_goal(&c, &["--person", "Ans", "--text", "Minder overwerk"]);
}

#[test]
fn the_words_may_come_from_a_file_or_standard_input() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    let words = "Ik wil \"gewoon\" weer\nzelf boodschappen doen";
    let o = c.run_with_stdin(&["goal", "add", "--person", "Sanne", "--text", "-"], words);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let id = String::from_utf8(o.stdout).unwrap().trim().to_string();
    let file = c.dir.path().join("woorden.txt");
    std::fs::write(&file, "Het lukt één keer per week").unwrap();
    c.ok(&[
        "goal",
        "rate",
        &id,
        "--score",
        "5",
        "--words-file",
        &win(&file),
    ]);
    let g = &goals(&c, "Sanne")[0];
    assert_eq!(g["text"], words);
    assert_eq!(g["ratings"][0]["words"], "Het lukt één keer per week");
}

#[test]
fn every_change_is_logged_by_ids_never_by_the_words() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    let id = new_goal(&c, &["--person", "Sanne", "--text", "Geheimdoelxyz"]).to_string();
    c.ok(&["goal", "change", &id, "--why", "Geheimwaaromxyz"]);
    c.ok(&[
        "goal",
        "rate",
        &id,
        "--score",
        "3",
        "--words",
        "Geheimwoordenxyz",
    ]);
    c.ok(&["goal", "reached", &id]);
    c.ok(&["goal", "let-go", &id]);
    c.ok(&["goal", "reopen", &id]);
    let log = c.json(&["log", "--person", "Sanne"]);
    let lines: Vec<(String, String, String)> = arr(&log)
        .iter()
        .filter(|l| l["object"].as_str().unwrap().starts_with("goal"))
        .map(|l| {
            (
                l["action"].as_str().unwrap().to_string(),
                l["object"].as_str().unwrap().to_string(),
                l["detail"]["status"].as_str().unwrap_or("").to_string(),
            )
        })
        .rev()
        .collect();
    let expect = [
        ("create", "goal", ""),
        ("change", "goal", ""),
        ("create", "goal_rating", ""),
        ("change", "goal", "reached"),
        ("change", "goal", "let-go"),
        ("change", "goal", "working"),
    ];
    assert_eq!(
        lines,
        expect
            .iter()
            .map(|(a, o, s)| (a.to_string(), o.to_string(), s.to_string()))
            .collect::<Vec<_>>()
    );
    let text = log.to_string();
    assert!(!text.contains("Geheim"), "{text}");
    c.ok(&["log", "--verify"]);
}

#[test]
fn contacts_and_goals_stay_linked_only_while_the_person_is_on_the_contact() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let add = |alias: &str| {
        person::add(
            c,
            &NewPerson {
                alias: alias.into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let (sanne, mo) = (add("Sanne"), add("Mo"));
    let text = |t: &str| NewGoal {
        text: t.into(),
        ..Default::default()
    };
    let gs = goal::add(c, sanne, &text("Weer fietsen")).unwrap();
    let gm = goal::add(c, mo, &text("Koken voor de groep")).unwrap();
    let mut n = NewContact::now(vec![sanne, mo], vec![Support::Practical]);
    n.goals = Some(vec![gs.id, gm.id]);
    let k = contact::add(c, &n).unwrap();
    assert_eq!(goal::for_contact(c, k).unwrap(), vec![gs.id, gm.id]);
    goal::rate(
        c,
        gs.id,
        &NewRating {
            score: 7,
            words: "Gaat goed".into(),
            on: None,
            contact: Some(k),
        },
    )
    .unwrap();

    // An edit that does not name the goals keeps them, for those still there.
    let mut without_mo = contact::get(c, k).unwrap().to_new();
    without_mo.persons = vec![sanne];
    without_mo.signal_for = None;
    without_mo.own_words_for = None;
    without_mo.checkin_for = None;
    contact::update(c, k, &without_mo).unwrap();
    assert_eq!(goal::for_contact(c, k).unwrap(), vec![gs.id]);
    assert!(goal::get(c, gm.id).unwrap().contacts.is_empty());

    // Deleting the contact: the rating stays, without its contact.
    contact::delete(c, k).unwrap();
    let g = goal::get(c, gs.id).unwrap();
    assert_eq!(g.ratings.len(), 1);
    assert_eq!(g.ratings[0].contact, None);
    assert!(g.contacts.is_empty());

    // Setting the status it has is no change; the core refuses an empty change.
    assert_eq!(
        goal::set_status(c, gs.id, Status::Working)
            .unwrap()
            .history
            .len(),
        1
    );
    assert!(goal::change(c, gs.id, &GoalPatch::default()).is_err());
    // A circle member who helps, and leaves the circle with nothing behind them: gone
    // from the helpers too.
    let lies = circle::add_member(c, sanne, "Lies", "zus", false).unwrap();
    let g = goal::change(
        c,
        gs.id,
        &GoalPatch {
            helpers: Some(vec!["lies".into()]),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(g.helpers[0].member_id, Some(lies.id));
    circle::remove_member(c, lies.id, naast::ground::calendar::today()).unwrap();
    assert!(goal::get(c, gs.id).unwrap().helpers.is_empty());
}

#[test]
fn a_vault_of_the_version_before_gains_an_empty_plan_and_keeps_its_people() {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    naast::vault::schema::migrate_to(&conn, 8).unwrap();
    conn.execute_batch(
        "INSERT INTO person (id, alias, code, context, created_at) VALUES
             (1, 'Sanne', 'QK32', 'client', 0), (2, 'Joris', 'TW7M', 'colleague', 0);",
    )
    .unwrap();
    naast::vault::schema::migrate(&conn).unwrap();
    assert!(goal::list(&conn, 1).unwrap().is_empty());
    assert!(goal::plan_on(&conn, 1).unwrap());
    assert!(
        !goal::plan_on(&conn, 2).unwrap(),
        "a colleague: off until turned on"
    );
    assert_eq!(person::get(&conn, 2).unwrap().alias, "Joris");
}

#[test]
fn a_check_in_can_be_a_plan_review_and_a_colleague_without_a_plan_gets_none() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    c.ok(&[
        "person",
        "add",
        "--alias",
        "Joris",
        "--context",
        "colleague",
    ]);
    let review = c.json(&[
        "followup",
        "add",
        "--person",
        "Sanne",
        "--due",
        "2026-12-20",
        "--plan-review",
    ]);
    assert_eq!(review["plan_review"], true);
    assert_eq!(review["why"], "plan bespreken");
    let with_why = c.json(&[
        "followup",
        "add",
        "--person",
        "Sanne",
        "--due",
        "2026-12-21",
        "--plan-review",
        "--why",
        "na de vakantie",
    ]);
    assert_eq!(with_why["why"], "plan bespreken: na de vakantie");
    let plain = c.json(&[
        "followup",
        "add",
        "--person",
        "Sanne",
        "--due",
        "2026-12-22",
    ]);
    assert_eq!(plain["plan_review"], false);
    let text = c.ok(&["followup", "list", "--person", "Sanne"]);
    assert!(text.contains("plan bespreken"), "{text}");

    refused(
        &c.run(&[
            "followup",
            "add",
            "--person",
            "Joris",
            "--due",
            "2026-12-20",
            "--plan-review",
        ]),
        "Joris is een collega",
    );
    // An ordinary check-in for a colleague stays possible.
    c.ok(&[
        "followup",
        "add",
        "--person",
        "Joris",
        "--due",
        "2026-12-20",
    ]);

    let log = c.json(&["log", "--person", "Sanne", "--action", "create"]);
    let reviews = arr(&log)
        .iter()
        .filter(|l| l["object"] == "followup" && l["detail"]["plan_review"] == true)
        .count();
    assert_eq!(reviews, 2);
}

#[test]
fn the_plan_leaves_in_the_export_whole_and_in_the_summary_only_when_marked() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    c.ok(&["person", "add", "--alias", "Esra"]);
    let marked = new_goal(
        &c,
        &[
            "--person",
            "Sanne",
            "--text",
            "Samen met Esra naar de markt",
            "--consult",
        ],
    )
    .to_string();
    let private =
        new_goal(&c, &["--person", "Sanne", "--text", "Iets alleen voor ons"]).to_string();
    c.ok(&[
        "goal",
        "rate",
        &marked,
        "--score",
        "8",
        "--words",
        "Het lukte twee keer",
    ]);
    c.ok(&["goal", "rate", &private, "--score", "2"]);
    c.ok(&[
        "contact",
        "add",
        "--person",
        "Sanne",
        "--support",
        "practical",
        "--goal",
        &marked,
    ]);

    let out = c.dir.path().join("sanne.json");
    c.ok(&["person", "export", "Sanne", "--out", &win(&out)]);
    let d: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let plan = arr(&d["plan"]);
    assert_eq!(plan.len(), 2, "the whole plan, the unmarked goal too");
    assert_eq!(plan[1]["text"], "Iets alleen voor ons");
    assert_eq!(plan[0]["ratings"][0]["words"], "Het lukte twee keer");
    assert_eq!(arr(&plan[0]["contacts"]).len(), 1);

    let today = naast::ground::calendar::today().to_string();
    let html = c.dir.path().join("overleg.html");
    c.ok(&[
        "summary",
        "--from",
        &today,
        "--to",
        &today,
        "--out",
        &win(&html),
    ]);
    let page = std::fs::read_to_string(&html).unwrap();
    let esra = c.json(&["person", "show", "Esra"])["person"]["code"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        page.contains(&format!("Samen met {esra} naar de markt")),
        "pseudonymised"
    );
    assert!(page.contains("8/10") && page.contains("Het lukte twee keer"));
    assert!(!page.contains("Iets alleen voor ons") && !page.contains("2/10"));

    // Unmarked: out of the next summary.
    c.ok(&["goal", "change", &marked, "--no-consult"]);
    c.ok(&[
        "summary",
        "--from",
        &today,
        "--to",
        &today,
        "--out",
        &win(&html),
    ]);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(!page.contains("naar de markt"));
}
