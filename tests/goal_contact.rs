//! Issue 25: the person's own rating given at a contact, saved with the contact in its
//! transaction, dated its day; and the contacts a goal lists. Against a real vault.

mod common;

use chrono::NaiveDate;
use common::TestVault;
use naast::audit::{self, Query};
use naast::ground::calendar;
use naast::ground::lang::Lang;
use naast::ground::vocab::{Action, Support};
use naast::records::contact::{self, NewContact};
use naast::records::goal::{self, GivenRating, NewGoal};
use naast::records::person::{self, NewPerson};
use rusqlite::Connection;

fn add_person(c: &Connection, alias: &str) -> i64 {
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

fn add_goal(c: &Connection, person: i64, text: &str) -> i64 {
    goal::add(
        c,
        person,
        &NewGoal {
            text: text.into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

fn given(goal: i64, score: i64, words: &str) -> GivenRating {
    GivenRating {
        goal,
        score,
        words: words.into(),
    }
}

/// 00:30 Dutch time on a day: still the day before in UTC. The rating must carry
/// the Dutch day, the one the supporter sees on the contact.
fn early_on(day: &str) -> i64 {
    let d: NaiveDate = day.parse().unwrap();
    calendar::day_start(d) + 30 * 60
}

fn rating_lines(c: &Connection, person: i64) -> Vec<(Action, Option<i64>)> {
    let q = Query {
        person: Some(person),
        ..Default::default()
    };
    let mut lines: Vec<(Action, Option<i64>)> = audit::list(c, &q, None)
        .unwrap()
        .into_iter()
        .filter(|e| e.object == "goal_rating")
        .map(|e| (e.action, e.object_id))
        .collect();
    lines.reverse();
    lines
}

#[test]
fn a_rating_given_at_a_contact_is_saved_with_it_dated_its_day_and_linked() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let sanne = add_person(c, "Sanne");
    let g = add_goal(c, sanne, "Weer zelf mijn post openen");
    let mut n = NewContact::now(vec![sanne], vec![Support::Practical]);
    n.at = early_on("2026-11-20");
    n.ratings = Some(vec![given(g, 7, "  Het lukt vaker  ")]);
    let k = contact::add(c, &n).unwrap();

    let saved = goal::get(c, g).unwrap();
    assert_eq!(saved.ratings.len(), 1);
    let r = &saved.ratings[0];
    assert_eq!((r.score, r.words.as_str()), (7, "Het lukt vaker"));
    assert_eq!(r.on, "2026-11-20".parse::<NaiveDate>().unwrap());
    assert_eq!(r.contact, Some(k));
    // A goal rated at a contact is one the contact touched, without naming it twice.
    assert_eq!(saved.contacts, vec![k]);
    assert_eq!(goal::for_contact(c, k).unwrap(), vec![g]);
    assert_eq!(
        goal::rated_at(c, k).unwrap(),
        vec![given(g, 7, "Het lukt vaker")]
    );
    assert_eq!(rating_lines(c, sanne), vec![(Action::Create, Some(r.id))]);

    // The goal's card lists the contact, and opens it whole.
    let listed = contact::for_goal(c, g).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, k);

    // Moved to another day without naming the ratings: the rating follows it.
    let mut moved = contact::get(c, k).unwrap().to_new();
    moved.at = early_on("2026-11-18");
    contact::update(c, k, &moved).unwrap();
    let r = &goal::get(c, g).unwrap().ratings[0];
    assert_eq!(r.on, "2026-11-18".parse::<NaiveDate>().unwrap());
    assert_eq!(r.score, 7);

    // Changed in the edit form: the same rating, changed, and logged as a change.
    moved.ratings = Some(vec![given(g, 8, "Nog beter")]);
    contact::update(c, k, &moved).unwrap();
    let after = goal::get(c, g).unwrap().ratings;
    assert_eq!(after.len(), 1);
    assert_eq!((after[0].id, after[0].score), (r.id, 8));
    assert_eq!(after[0].words, "Nog beter");
    // Removed in the edit form: gone, and logged; the goal stays touched.
    moved.ratings = Some(vec![]);
    contact::update(c, k, &moved).unwrap();
    let after = goal::get(c, g).unwrap();
    assert!(after.ratings.is_empty());
    assert_eq!(after.contacts, vec![k]);
    assert_eq!(
        rating_lines(c, sanne),
        vec![
            (Action::Create, Some(r.id)),
            (Action::Change, Some(r.id)),
            (Action::Delete, Some(r.id)),
        ]
    );
    // The log names ids, never the person's words.
    let log = serde_json::to_string(&audit::list(c, &Query::default(), None).unwrap()).unwrap();
    assert!(!log.contains("beter") && !log.contains("lukt"), "{log}");
    assert!(audit::verify(c).unwrap().sound);
}

#[test]
fn a_refused_contact_saves_no_rating_and_an_absent_persons_goal_is_refused_by_name() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let sanne = add_person(c, "Sanne");
    let mo = add_person(c, "Mo");
    let gs = add_goal(c, sanne, "Weer fietsen");
    let gm = add_goal(c, mo, "Koken voor de groep");
    let contacts_before = contact::count(c, &Default::default()).unwrap();

    // Out of range: refused before anything is written, naming the score.
    for bad in [11, -1] {
        let mut n = NewContact::now(vec![sanne], vec![Support::Emotional]);
        n.ratings = Some(vec![given(gs, bad, "te veel")]);
        let e = contact::add(c, &n).unwrap_err();
        assert_eq!(e.field(), Some("score"), "{e:?}");
        let nl = e.message(Lang::Nl);
        assert!(
            nl.contains("cijfer") && nl.contains("0") && nl.contains("10"),
            "{nl}"
        );
        assert!(e.message(Lang::En).contains("10"));
    }

    // Mo's goal at a contact with only Sanne: the whole contact is refused, naming
    // Mo; neither the contact nor Sanne's rating in the same save is left behind.
    let mut n = NewContact::now(vec![sanne], vec![Support::Emotional]);
    n.ratings = Some(vec![given(gs, 6, "redelijk"), given(gm, 4, "")]);
    let e = contact::add(c, &n).unwrap_err();
    let nl = e.message(Lang::Nl);
    assert!(nl.contains("Mo"), "{nl}");
    assert_eq!(
        contact::count(c, &Default::default()).unwrap(),
        contacts_before
    );
    assert!(goal::get(c, gs).unwrap().ratings.is_empty());
    assert!(goal::get(c, gm).unwrap().ratings.is_empty());
    assert!(rating_lines(c, sanne).is_empty());

    // A goal that is not there: refused, nothing saved.
    let mut n = NewContact::now(vec![sanne], vec![Support::Emotional]);
    n.ratings = Some(vec![given(9999, 5, "")]);
    assert!(contact::add(c, &n).is_err());
    assert_eq!(
        contact::count(c, &Default::default()).unwrap(),
        contacts_before
    );

    // A refused edit changes nothing either.
    let mut n = NewContact::now(vec![sanne, mo], vec![Support::Emotional]);
    n.ratings = Some(vec![given(gs, 6, "redelijk"), given(gm, 4, "")]);
    let k = contact::add(c, &n).unwrap();
    let mut edit = contact::get(c, k).unwrap().to_new();
    edit.ratings = Some(vec![given(gs, 12, "")]);
    assert!(contact::update(c, k, &edit).is_err());
    assert_eq!(goal::get(c, gs).unwrap().ratings[0].score, 6);

    // Mo leaves the contact: his rating stays his, no longer at this contact.
    edit.persons = vec![sanne];
    edit.ratings = None;
    edit.signal_for = None;
    edit.own_words_for = None;
    edit.checkin_for = None;
    contact::update(c, k, &edit).unwrap();
    let m = goal::get(c, gm).unwrap();
    assert_eq!((m.ratings.len(), m.ratings[0].contact), (1, None));
    assert!(m.contacts.is_empty());
    assert_eq!(
        goal::rated_at(c, k).unwrap(),
        vec![given(gs, 6, "redelijk")]
    );
}

#[test]
fn undo_of_a_deleted_contact_takes_its_rating_back_instead_of_giving_it_twice() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let sanne = add_person(c, "Sanne");
    let g = add_goal(c, sanne, "Weer fietsen");
    let mut n = NewContact::now(vec![sanne], vec![Support::Practical]);
    n.ratings = Some(vec![given(g, 5, "Half")]);
    let k = contact::add(c, &n).unwrap();
    let rating = goal::get(c, g).unwrap().ratings[0].id;

    // Deleted: the rating stays, at no contact (as before this change).
    contact::delete(c, k).unwrap();
    let kept = goal::get(c, g).unwrap().ratings;
    assert_eq!((kept.len(), kept[0].contact), (1, None));

    // Undo saves the same contact again: the same rating comes back to it.
    let again = contact::add(c, &n).unwrap();
    let back = goal::get(c, g).unwrap().ratings;
    assert_eq!(back.len(), 1, "{back:?}");
    assert_eq!((back[0].id, back[0].contact), (rating, Some(again)));

    // A different score on the same day is a rating of its own.
    let mut other = NewContact::now(vec![sanne], vec![Support::Practical]);
    other.ratings = Some(vec![given(g, 6, "Half")]);
    contact::add(c, &other).unwrap();
    assert_eq!(goal::get(c, g).unwrap().ratings.len(), 2);
}
