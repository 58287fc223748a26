//! The case-notes model on a real encrypted vault: contacts, filters, search, bridge
//! notes with consent, check-ins, and erasure.

mod common;

use chrono::NaiveDate;
use common::*;
use naast::ground::calendar;
use naast::ground::error::{Error, Invalid};
use naast::ground::time;
use naast::ground::vocab::{self, BridgeKind, Mode, Support};
use naast::reads::search;
use naast::records::bridge;
use naast::records::circle;
use naast::records::consent;
use naast::records::contact::{self, Filter, NewContact};
use naast::records::erasure;
use naast::records::followup;
use naast::records::person::{self, NewPerson};
use naast::ways::bridge_text;

fn day(s: &str) -> NaiveDate {
    time::parse_date(s).unwrap()
}

fn someone(c: &rusqlite::Connection, alias: &str) -> i64 {
    person::add(
        c,
        &NewPerson {
            alias: alias.into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

fn contact_at(persons: Vec<i64>, at: &str, support: Vec<Support>, note: &str) -> NewContact {
    let mut c = NewContact::now(persons, support);
    c.at = time::parse_local(at).unwrap().timestamp();
    c.note = note.into();
    c
}

#[test]
fn a_group_contact_appears_in_each_persons_timeline() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let (a, b, d) = (someone(c, "Sanne"), someone(c, "Mo"), someone(c, "Kees"));
    let mut group = contact_at(
        vec![a, b, d],
        "2026-11-18 18:00",
        vec![Support::Emotional],
        "Eetgroep: samen gekookt.",
    );
    group.mode = Mode::Group;
    let id = contact::add(c, &group).unwrap();
    contact::add(
        c,
        &contact_at(
            vec![a],
            "2026-11-19 10:00",
            vec![Support::Practical],
            "Brief gelezen.",
        ),
    )
    .unwrap();
    for (p, n) in [(a, 2), (b, 1), (d, 1)] {
        let list = contact::list(
            c,
            &Filter {
                person: Some(p),
                ..Default::default()
            },
            None,
            None,
        )
        .unwrap();
        assert_eq!(list.len(), n);
        assert!(list.iter().any(|x| x.id == id));
    }
    let saved = contact::get(c, id).unwrap();
    assert_eq!(
        saved
            .persons
            .iter()
            .map(|p| p.alias.as_str())
            .collect::<Vec<_>>(),
        ["Kees", "Mo", "Sanne"]
    );
}

#[test]
fn notes_are_kept_exactly_as_typed_up_to_the_limit() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let p = someone(c, "Sanne");
    let html = "<img src=x onerror=alert(1)> & <script>alert('x')</script>\r\n\ttab, ëïö, 🙂, \"quotes\"\n";
    let long = html.repeat(100_000 / html.chars().count() + 1);
    assert!(long.chars().count() > 100_000);
    let mut n = contact_at(
        vec![p],
        "2026-11-20 09:00",
        vec![Support::Informational],
        &long,
    );
    n.own_words = html.into();
    let id = contact::add(c, &n).unwrap();
    let back = contact::get(c, id).unwrap();
    assert_eq!(back.note, long);
    assert_eq!(back.own_words, html);

    // One megabyte is refused with a message naming the limit; nothing is saved.
    n.note = "a".repeat(1 << 20);
    let e = contact::add(c, &n).unwrap_err();
    assert!(
        matches!(e, Error::Invalid(Invalid::TooLong { len: 1_048_576, .. })),
        "{e:?}"
    );
    assert!(e.message(naast::ground::lang::Lang::Nl).contains("200000"));
    assert_eq!(contact::count(c, &Filter::default()).unwrap(), 1);
}

#[test]
fn bad_contacts_are_refused_and_nothing_is_saved() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let p = someone(c, "Sanne");
    let ok = contact_at(vec![p], "2026-11-20 09:00", vec![Support::Practical], "x");
    let cases: Vec<(NewContact, &str)> = vec![
        (
            NewContact {
                minutes: 0,
                ..ok.clone()
            },
            "minutes",
        ),
        (
            NewContact {
                minutes: 1441,
                ..ok.clone()
            },
            "minutes",
        ),
        (
            NewContact {
                persons: vec![],
                ..ok.clone()
            },
            "person",
        ),
        (
            NewContact {
                support: vec![],
                ..ok.clone()
            },
            "support",
        ),
        (
            NewContact {
                persons: vec![p, 9999],
                ..ok.clone()
            },
            "unknown person",
        ),
    ];
    for (bad, why) in cases {
        assert!(contact::add(c, &bad).is_err(), "{why}");
    }
    assert_eq!(contact::count(c, &Filter::default()).unwrap(), 0);
    assert!(Support::parse("spiritual").is_err());
    assert!(Mode::parse("teleport").is_err());
    assert_eq!(
        Support::parse_list("praktisch, emotional").unwrap(),
        [Support::Practical, Support::Emotional]
    );
}

#[test]
fn filters_combine_and_pages_follow_each_other_without_gaps() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let (a, b) = (someone(c, "Sanne"), someone(c, "Mo"));
    for i in 0..30 {
        let mut n = contact_at(
            vec![if i % 3 == 0 { b } else { a }],
            &format!("2026-10-{:02} 1{}:00", i + 1, i % 10),
            vec![if i % 2 == 0 {
                Support::Practical
            } else {
                Support::Navigation
            }],
            "notitie",
        );
        n.for_consult = i % 5 == 0;
        n.signal = i == 7;
        n.mode = if i % 4 == 0 { Mode::Walk } else { Mode::Phone };
        contact::add(c, &n).unwrap();
    }
    let count = |f: Filter| contact::list(c, &f, None, None).unwrap().len();
    assert_eq!(count(Filter::default()), 30);
    assert_eq!(
        count(Filter {
            person: Some(b),
            ..Default::default()
        }),
        10
    );
    assert_eq!(
        count(Filter {
            support: Some(Support::Practical),
            ..Default::default()
        }),
        15
    );
    assert_eq!(
        count(Filter {
            person: Some(b),
            support: Some(Support::Practical),
            ..Default::default()
        }),
        5
    );
    assert_eq!(
        count(Filter {
            mode: Some(Mode::Walk),
            ..Default::default()
        }),
        8
    );
    assert_eq!(
        count(Filter {
            for_consult: Some(true),
            ..Default::default()
        }),
        6
    );
    assert_eq!(
        count(Filter {
            signal: Some(true),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            from: Some(day("2026-10-05")),
            to: Some(day("2026-10-09")),
            ..Default::default()
        }),
        5
    );
    assert!(contact::list(
        c,
        &Filter {
            from: Some(day("2026-10-09")),
            to: Some(day("2026-10-05")),
            ..Default::default()
        },
        None,
        None
    )
    .is_err());

    // Paging newest-first with a cursor visits every contact exactly once.
    for f in [
        Filter::default(),
        Filter {
            person: Some(a),
            ..Default::default()
        },
    ] {
        let mut seen = Vec::new();
        let mut cursor = None;
        loop {
            let page = contact::list(c, &f, cursor, Some(7)).unwrap();
            if page.is_empty() {
                break;
            }
            cursor = page.last().map(|x| contact::Cursor { at: x.at, id: x.id });
            seen.extend(page.iter().map(|x| (x.at, x.id)));
        }
        let all: Vec<_> = contact::list(c, &f, None, None)
            .unwrap()
            .iter()
            .map(|x| (x.at, x.id))
            .collect();
        assert_eq!(seen, all);
        assert!(all.windows(2).all(|w| w[0] > w[1]));
    }
}

#[test]
fn the_period_follows_dutch_days_across_the_clock_change() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let p = someone(c, "Sanne");
    // 00:30 local on the day the clocks go back is still 24 October in UTC.
    for at in [
        "2026-10-25 00:30",
        "2026-10-25 02:30",
        "2026-10-25 23:30",
        "2026-10-26 00:10",
    ] {
        contact::add(c, &contact_at(vec![p], at, vec![Support::Emotional], at)).unwrap();
    }
    let on_25 = contact::list(
        c,
        &Filter {
            from: Some(day("2026-10-25")),
            to: Some(day("2026-10-25")),
            ..Default::default()
        },
        None,
        None,
    )
    .unwrap();
    let notes: Vec<_> = on_25.iter().map(|x| calendar::short_local(x.at)).collect();
    assert_eq!(
        notes,
        ["2026-10-25 23:30", "2026-10-25 02:30", "2026-10-25 00:30"]
    );
}

#[test]
fn search_folds_diacritics_matches_prefixes_and_combines_with_filters() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let (a, b) = (someone(c, "Sanne"), someone(c, "Mo"));
    let mut x = contact_at(
        vec![a],
        "2026-11-02 10:00",
        vec![Support::Practical],
        "De cliënt had vragen over de uitkering.",
    );
    x.own_words = "Ik wil weer regie over mijn geld.".into();
    let x = contact::add(c, &x).unwrap();
    let y = contact::add(
        c,
        &contact_at(
            vec![b],
            "2026-11-03 10:00",
            vec![Support::Emotional],
            "Gesprek over de uitkeringsinstantie en de client-raad.",
        ),
    )
    .unwrap();

    let ids = |q: &str, f: &Filter| -> Vec<i64> {
        search::search(c, q, f, 50)
            .unwrap()
            .iter()
            .map(|h| h.id)
            .collect()
    };
    let all = Filter::default();
    let mut both = ids("client", &all);
    both.sort();
    assert_eq!(both, [x, y]);
    assert_eq!(
        ids(
            "cliënt",
            &Filter {
                person: Some(a),
                ..Default::default()
            }
        ),
        [x]
    );
    assert_eq!(
        ids(
            "uitker",
            &Filter {
                support: Some(Support::Emotional),
                ..Default::default()
            }
        ),
        [y]
    );
    assert_eq!(ids("regie geld", &all), [x]);
    assert!(ids(
        "uitkering",
        &Filter {
            from: Some(day("2026-11-04")),
            ..Default::default()
        }
    )
    .is_empty());
    // Query syntax typed by a person is just text.
    for odd in ["\"", "NEAR(", "a OR", "*", "(", "uitker\"ing", ""] {
        search::search(c, odd, &all, 10).unwrap();
    }
    let hit = &search::search(
        c,
        "uitker",
        &Filter {
            person: Some(a),
            ..Default::default()
        },
        5,
    )
    .unwrap()[0];
    assert!(
        hit.snippet_text().contains("[uitkering]"),
        "{}",
        hit.snippet_text()
    );
    assert_eq!(hit.persons, ["Sanne"]);

    // Edits and deletes keep the index in step.
    let mut changed = contact::get(c, x).unwrap().to_new();
    changed.note = "Nu over de woningcorporatie.".into();
    changed.own_words = String::new();
    contact::update(c, x, &changed).unwrap();
    assert_eq!(ids("woningcorp", &all), [x]);
    assert_eq!(ids("uitkering", &all), [y]);
    contact::delete(c, y).unwrap();
    assert!(ids("uitkering", &all).is_empty());
    assert!(v.verify().unwrap().is_empty());
}

#[test]
fn a_bridge_note_is_shared_only_with_valid_consent() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let p = someone(c, "Sanne");
    let doc = circle::add_member(c, p, "dr. Visser", "psychiater", true).unwrap();
    let sister = circle::add_member(c, p, "Lies", "zus", false).unwrap();
    let cid = contact::add(
        c,
        &contact_at(
            vec![p],
            "2026-11-02 10:00",
            vec![Support::Navigation],
            "Voorbereid.",
        ),
    )
    .unwrap();
    let draft = bridge::NewBridgeNote {
        person_id: p,
        member_id: doc.id,
        kind: BridgeKind::Stagnation,
        text: "Sanne ervaart al maanden geen voortgang.".into(),
        client_voice: "Ik wil gehoord worden.".into(),
        contacts: vec![cid],
    };
    assert!(matches!(
        bridge::add(
            c,
            &bridge::NewBridgeNote {
                member_id: sister.id,
                ..draft.clone()
            }
        ),
        Err(Error::Invalid(Invalid::InformalRecipient))
    ));
    let b = bridge::add(c, &draft).unwrap();
    assert_eq!(b.contacts, [cid]);
    let today = day("2026-11-20");

    // No consent → blocked.
    assert!(matches!(
        bridge::share(c, b.id, today),
        Err(Error::NoConsent { .. })
    ));
    // Consent for someone else → still blocked.
    consent::add_consent(
        c,
        &circle::add_member(c, p, "Jan (casemanager)", "casemanager", true).unwrap(),
        "",
        day("2026-11-01"),
        day("2027-01-01"),
    )
    .unwrap();
    assert!(matches!(
        bridge::share(c, b.id, today),
        Err(Error::NoConsent { .. })
    ));
    // Expired consent → blocked.
    consent::add_consent(c, &doc, "", day("2026-01-01"), day("2026-11-19")).unwrap();
    assert!(matches!(
        bridge::share(c, b.id, today),
        Err(Error::NoConsent { .. })
    ));
    // Withdrawn consent → blocked.
    let k = consent::add_consent(c, &doc, "", day("2026-11-01"), day("2027-05-01")).unwrap();
    consent::withdraw_consent(c, k.id, day("2026-11-10")).unwrap();
    assert!(matches!(
        bridge::share(c, b.id, today),
        Err(Error::NoConsent { .. })
    ));
    assert_eq!(bridge::get(c, b.id).unwrap().status, vocab::Status::Draft);
    // Copying as text without consent: refused (no text at all), and logged as refused.
    assert!(matches!(
        bridge_text::copy_for_others(
            c,
            b.id,
            naast::ways::redact::Level::Full,
            naast::ground::lang::Lang::Nl,
            today
        ),
        Err(Error::NoConsent { .. })
    ));
    let refused = naast::audit::list(
        c,
        &naast::audit::Query {
            action: Some(naast::ground::vocab::Action::Copy),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    assert!(refused.len() == 1 && refused[0].refused);

    // Valid consent → shared, and the record of what was sent is kept.
    let k = consent::add_consent(
        c,
        &doc,
        "stagnatie bespreken",
        day("2026-11-15"),
        day("2027-05-15"),
    )
    .unwrap();
    let shared = bridge::share(c, b.id, today).unwrap();
    assert_eq!(shared.status, vocab::Status::Shared);
    let (rec, cons, text): (String, i64, String) = c
        .query_row(
            "SELECT recipient, consent_id, text FROM bridge_share WHERE bridge_id = ?1",
            [b.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (rec.as_str(), cons, text.as_str()),
        ("dr. Visser", k.id, draft.text.as_str())
    );
    assert!(matches!(
        bridge::edit(c, b.id, "anders", ""),
        Err(Error::Invalid(Invalid::NotDraft(_)))
    ));
    assert!(matches!(
        bridge::share(c, b.id, today),
        Err(Error::Invalid(Invalid::Transition { .. }))
    ));
    // Copy as text counts as sharing: with the valid consent it gives the text with
    // names replaced at the chosen level, and the log says so.
    let copy = bridge_text::copy_for_others(
        c,
        b.id,
        naast::ways::redact::Level::Code,
        naast::ground::lang::Lang::Nl,
        today,
    )
    .unwrap();
    let code = person::get(c, p).unwrap().code;
    assert!(!copy.contains("Sanne"), "{copy}");
    assert!(copy.contains(&code), "{copy}");
    let copies = naast::audit::list(
        c,
        &naast::audit::Query {
            action: Some(naast::ground::vocab::Action::Copy),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    assert!(copy.contains("Soort: stagnatie"), "{copy}");
    assert!(
        copy.contains("Toestemming: 15-11-2026 geldig tot 15-05-2027 (voor stagnatie bespreken)"),
        "{copy}"
    );
    assert_eq!(copies.len(), 2);
    assert!(
        !copies[0].refused,
        "newest first: the copy that was allowed"
    );
    assert_eq!(copies[0].detail["level"], "code");
    let answered = bridge::answer(c, b.id, "We plannen een gesprek met Sanne erbij.").unwrap();
    assert_eq!(answered.status, vocab::Status::Answered);
    assert_eq!(
        bridge::close(c, b.id).unwrap().status,
        vocab::Status::Closed
    );
    assert!(shared
        .plain_text()
        .contains("In eigen woorden: \"Ik wil gehoord worden.\""));
    assert!(!search::search(c, "voortgang", &Filter::default(), 5)
        .unwrap()
        .is_empty());
}

#[test]
fn check_ins_are_planned_done_moved_and_stagnation_is_seen() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let (a, b, d) = (someone(c, "Sanne"), someone(c, "Mo"), someone(c, "Kees"));
    let mut n = contact_at(vec![a], "2026-11-10 10:00", vec![Support::Emotional], "x");
    n.follow_up = Some(day("2026-11-24"));
    contact::add(c, &n).unwrap();
    contact::add(
        c,
        &contact_at(vec![b], "2026-09-01 10:00", vec![Support::Emotional], "x"),
    )
    .unwrap();
    contact::add(
        c,
        &contact_at(vec![d], "2026-09-01 10:00", vec![Support::Emotional], "x"),
    )
    .unwrap();
    let f = followup::add(c, d, day("2026-11-30"), "na incident").unwrap();

    let open = followup::open(c, None).unwrap();
    assert_eq!(
        open.iter().map(|f| f.person.as_str()).collect::<Vec<_>>(),
        ["Sanne", "Kees"]
    );
    // Mo: no contact for 8+ weeks and nothing planned. Kees has a check-in planned.
    let stuck = followup::stagnation(c, day("2026-11-22"), 6).unwrap();
    assert_eq!(
        stuck.iter().map(|s| s.person.as_str()).collect::<Vec<_>>(),
        ["Mo"]
    );

    let moved = followup::move_to(c, f.id, day("2026-12-07")).unwrap();
    assert_eq!((moved.due, moved.moved), (day("2026-12-07"), 1));
    followup::done(c, f.id, day("2026-12-07")).unwrap();
    let stuck = followup::stagnation(c, day("2026-12-08"), 6).unwrap();
    assert_eq!(
        stuck.iter().map(|s| s.person.as_str()).collect::<Vec<_>>(),
        ["Kees", "Mo"]
    );
}

#[test]
fn erasing_a_person_removes_them_everywhere_but_keeps_others_group_contacts() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let (a, b) = (someone(c, "Sanne"), someone(c, "Mo"));
    let doc = circle::add_member(c, a, "dr. Visser", "psychiater", true).unwrap();
    consent::add_consent(c, &doc, "", day("2026-11-01"), day("2027-01-01")).unwrap();
    contact::add(
        c,
        &contact_at(
            vec![a],
            "2026-11-02 10:00",
            vec![Support::Practical],
            "Alleen-sanne-notitie zeldzaamwoord",
        ),
    )
    .unwrap();
    let group = contact::add(
        c,
        &contact_at(
            vec![a, b],
            "2026-11-03 10:00",
            vec![Support::Emotional],
            "Groepsavond",
        ),
    )
    .unwrap();
    bridge::add(
        c,
        &bridge::NewBridgeNote {
            person_id: a,
            member_id: doc.id,
            kind: BridgeKind::Question,
            text: "vraag".into(),
            client_voice: String::new(),
            contacts: vec![],
        },
    )
    .unwrap();
    followup::add(c, a, day("2026-12-01"), "").unwrap();

    assert_eq!(erasure::erase(c, a).unwrap(), 1);
    assert!(person::find(c, "Sanne").is_err());
    assert!(search::search(c, "zeldzaamwoord", &Filter::default(), 5)
        .unwrap()
        .is_empty());
    let left = contact::get(c, group).unwrap();
    assert_eq!(left.persons.len(), 1);
    for table in ["circle_member", "consent", "bridge_note", "followup"] {
        let n: i64 = c
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    assert!(v.verify().unwrap().is_empty());
}

#[test]
fn aliases_are_unique_and_people_are_found_by_alias_or_code() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let p = person::add(
        c,
        &NewPerson {
            alias: "  Sanne  de   Vries ".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(p.alias, "Sanne de Vries");
    assert_eq!(p.code.len(), 4);
    assert!(matches!(
        person::add(
            c,
            &NewPerson {
                alias: "sanne DE vries".into(),
                ..Default::default()
            }
        ),
        Err(Error::Invalid(Invalid::DuplicateAlias(_)))
    ));
    assert!(matches!(
        person::add(
            c,
            &NewPerson {
                alias: "   ".into(),
                ..Default::default()
            }
        ),
        Err(Error::Invalid(Invalid::Empty(_)))
    ));
    assert_eq!(person::find(c, "SANNE DE VRIES").unwrap().id, p.id);
    assert_eq!(person::find(c, &p.code.to_lowercase()).unwrap().id, p.id);
    let e = person::find(c, "Onbekend").unwrap_err();
    assert!(e
        .cli_message(naast::ground::lang::Lang::En)
        .contains("naast person add"));
    assert!(e
        .message(naast::ground::lang::Lang::En)
        .contains("under People"));
}

#[test]
fn a_word_in_very_many_notes_lists_the_newest_first() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let p = someone(c, "Sanne");
    let base = time::parse_local("2026-01-01 09:00").unwrap().timestamp();
    let many: Vec<NewContact> = (0..=search::RANK_LIMIT)
        .map(|i| {
            let mut n = NewContact::now(vec![p], vec![Support::Practical]);
            n.at = base + i * 3600;
            n.note = format!("Gewoon een gesprek, nummer {i}.");
            n
        })
        .collect();
    contact::import(c, &many).unwrap();
    let hits = search::search(c, "gewoon", &Filter::default(), 50).unwrap();
    assert_eq!(hits.len(), 50);
    assert!(hits.windows(2).all(|w| w[0].at > w[1].at), "newest first");
    assert!(hits[0]
        .snippet_text()
        .contains(&format!("nummer {}", search::RANK_LIMIT)));
    // A rarer word is still ranked by relevance.
    let mut special = NewContact::now(vec![p], vec![Support::Emotional]);
    special.note = "Zeldzaam zeldzaam zeldzaam.".into();
    contact::add(c, &special).unwrap();
    assert_eq!(
        search::search(c, "zeldzaam", &Filter::default(), 5)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn people_closed_longer_than_the_period_are_offered_for_erasure_and_nothing_more() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let old = someone(c, "Oud");
    let recent = someone(c, "Recent");
    let open = someone(c, "Open");
    person::set_active(c, old, false).unwrap();
    person::set_active(c, recent, false).unwrap();
    // Closed 13 months and 2 months before "today".
    let today = day("2026-11-24");
    c.execute(
        "UPDATE person SET closed_at = ?2 WHERE id = ?1",
        (old, naast::ground::calendar::day_start(day("2025-10-20"))),
    )
    .unwrap();
    c.execute(
        "UPDATE person SET closed_at = ?2 WHERE id = ?1",
        (
            recent,
            naast::ground::calendar::day_start(day("2026-09-20")),
        ),
    )
    .unwrap();
    let ready: Vec<_> = person::ready_to_erase(c, today, 12)
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(ready, vec![old]);
    let ready: Vec<_> = person::ready_to_erase(c, today, 1)
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(ready, vec![old, recent]);
    assert!(!ready.contains(&open));
    // Listing erases nothing.
    assert!(person::get(c, old).is_ok());
    assert!(person::ready_to_erase(c, today, 0).is_err());
}

#[test]
fn the_picker_ranks_exact_then_starts_with_then_contains() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    for a in ["Anouk", "Simone", "Mo", "Mohammed", "Jan-Mo", "Émile"] {
        someone(c, a);
    }
    let all = person::list(c).unwrap();
    let names = |typed: &str| -> Vec<String> {
        contact::rank_people(&all, typed)
            .into_iter()
            .map(|id| all.iter().find(|p| p.id == id).unwrap().alias.clone())
            .collect()
    };
    assert_eq!(names("Mo"), ["Mo", "Mohammed", "Jan-Mo", "Simone"]);
    assert_eq!(names("mo")[0], "Mo");
    assert_eq!(names("emi"), ["Émile"]);
    assert_eq!(names("nouk"), ["Anouk"]);
    let code = all
        .iter()
        .find(|p| p.alias == "Simone")
        .unwrap()
        .code
        .clone();
    assert_eq!(names(&code.to_lowercase())[0], "Simone");
    assert!(names("  ").is_empty());
    // The last contact's people are offered first.
    let mo = person::find(c, "Mo").unwrap().id;
    let mut n = NewContact::now(vec![mo], vec![Support::Emotional]);
    n.note = "x".into();
    contact::add(c, &n).unwrap();
    assert_eq!(contact::last_persons(c).unwrap(), [mo]);
}

#[test]
fn search_says_how_many_match_and_pages_through_all_of_them() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let p = someone(c, "Sanne");
    for i in 0..105 {
        contact::add(
            c,
            &contact_at(
                vec![p],
                &format!("2026-{:02}-{:02} 10:00", 1 + i % 12, 1 + i % 28),
                vec![Support::Practical],
                &format!("Samen naar de woningbouw, keer {i}."),
            ),
        )
        .unwrap();
    }
    let f = Filter::default();
    let first = search::page(c, "woningbouw", &f, search::Order::Best, 0, 50).unwrap();
    assert_eq!(first.total, 105);
    assert_eq!(first.hits.len(), 50);
    let mut seen: std::collections::BTreeSet<i64> = first.hits.iter().map(|h| h.id).collect();
    for offset in [50, 100] {
        let page = search::page(c, "woningbouw", &f, search::Order::Best, offset, 50).unwrap();
        assert_eq!(page.total, 105);
        seen.extend(page.hits.iter().map(|h| h.id));
    }
    assert_eq!(seen.len(), 105, "every match exactly once across the pages");
    let newest = search::page(c, "woningbouw", &f, search::Order::Newest, 0, 105).unwrap();
    assert!(newest.hits.windows(2).all(|w| w[0].at >= w[1].at));
    // Filters count too.
    let none = search::page(
        c,
        "woningbouw",
        &Filter {
            support: Some(Support::Emotional),
            ..Default::default()
        },
        search::Order::Best,
        0,
        50,
    )
    .unwrap();
    assert_eq!((none.total, none.hits.len()), (0, 0));
}

/// A common word at scale: the newest-first page walks the contacts by time (more
/// than 2,000 matches), and must give exactly what sorting every match would, for
/// contacts entered out of time order, with and without a filter; best match for a
/// word in few notes stays ranked.
#[test]
fn newest_first_pages_of_a_common_word_are_exactly_the_newest() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    // Speed for the test only: the durability of real connections is tested elsewhere.
    c.execute_batch("PRAGMA synchronous = OFF").unwrap();
    let (a, b) = (someone(c, "Sanne"), someone(c, "Mo"));
    let mut expected: Vec<(i64, i64, i64)> = Vec::new(); // (at, id, person)
    for i in 0..2_300i64 {
        // Entered out of time order: ids say nothing about time.
        let day = (i * 7919) % 700;
        let p = if i % 3 == 0 { b } else { a };
        let at = format!(
            "{} {:02}:{:02}",
            time::parse_date("2025-01-01").unwrap() + chrono::Duration::days(day),
            8 + i % 10,
            i % 60
        );
        let note = if i % 400 == 0 {
            "Koffie gedronken."
        } else {
            "Naar de uitkeringsinstantie gebeld."
        };
        let id =
            contact::add(c, &contact_at(vec![p], &at, vec![Support::Practical], note)).unwrap();
        if note.starts_with("Naar") {
            expected.push((time::parse_local(&at).unwrap().timestamp(), id, p));
        }
    }
    expected.sort_by_key(|e| std::cmp::Reverse((e.0, e.1)));
    for (filter, want) in [
        (Filter::default(), expected.clone()),
        (
            Filter {
                person: Some(b),
                ..Default::default()
            },
            expected
                .iter()
                .copied()
                .filter(|e| e.2 == b)
                .collect::<Vec<_>>(),
        ),
    ] {
        let mut got = Vec::new();
        for offset in [0u32, 50, 100] {
            let page = search::page(c, "uitk", &filter, search::Order::Newest, offset, 50).unwrap();
            assert_eq!(page.total, want.len() as i64);
            assert_eq!(page.order, search::Order::Newest);
            // Each with its people and the word marked in its snippet.
            for h in &page.hits {
                assert!(!h.persons.is_empty(), "{h:?}");
                assert!(
                    h.snippet
                        .iter()
                        .any(|s| s.hit && s.text.starts_with("uitk")),
                    "{h:?}"
                );
            }
            got.extend(
                page.hits
                    .iter()
                    .filter(|h| h.kind == search::HitKind::Contact)
                    .map(|h| (h.at, h.id)),
            );
        }
        let want: Vec<(i64, i64)> = want.iter().take(150).map(|e| (e.0, e.1)).collect();
        assert_eq!(got, want);
    }
    // Few matches: ranked, as asked, with the word marked in the snippet.
    let few = search::page(c, "koffie", &Filter::default(), search::Order::Best, 0, 50).unwrap();
    assert_eq!(few.order, search::Order::Best);
    assert_eq!(few.total, 6);
    assert!(few
        .hits
        .iter()
        .all(|h| h.snippet_text().contains("[Koffie]")));
}
