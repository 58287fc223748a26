//! The client summary at the scale of real work, on real encrypted vaults:
//! colleagues stay out unless asked, the agenda has one line per person and ends in
//! "en N meer", and a quarter of 15,000 contacts is redacted well under a second.

mod common;

use chrono::NaiveDate;
use common::*;
use naast::ground::lang::Lang;
use naast::ground::time;
use naast::ground::vocab::{Context, Support};
use naast::records::contact::{self, NewContact};
use naast::records::person::{self, NewPerson, Person};
use naast::ways::summary::{self, AgendaKind, Level, Options};
use rusqlite::Connection;

fn day(s: &str) -> NaiveDate {
    time::parse_date(s).unwrap()
}

fn add(c: &Connection, alias: &str, full: &str, context: Context) -> Person {
    person::add(
        c,
        &NewPerson {
            alias: alias.into(),
            full_name: full.into(),
            context: Some(context),
            wishes: format!("{alias} wil weer fietsen."),
            strengths: format!("Humor, zegt {alias} zelf."),
        },
    )
    .unwrap()
}

fn contact(persons: Vec<i64>, at: &str, consult: bool, note: &str) -> NewContact {
    let mut n = NewContact::now(persons, vec![Support::Emotional]);
    n.at = time::parse_local(at).unwrap().timestamp();
    n.for_consult = consult;
    n.note = note.into();
    n
}

fn october() -> Options {
    Options::new(day("2026-10-01"), day("2026-10-31"))
}

const TODAY: &str = "2026-11-01";

#[test]
fn colleagues_and_their_contacts_stay_out_unless_asked() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let yara = add(c, "Yara", "", Context::Client);
    let lotte = add(c, "Lotte", "Lotte Smit", Context::Colleague);
    contact::add(
        c,
        &contact(
            vec![lotte.id],
            "2026-10-02 10:00",
            true,
            "Nagesprek na het incident.",
        ),
    )
    .unwrap();
    contact::add(
        c,
        &contact(
            vec![yara.id, lotte.id],
            "2026-10-03 10:00",
            true,
            "Lotte hielp Yara met koken.",
        ),
    )
    .unwrap();
    contact::add(
        c,
        &contact(vec![yara.id], "2026-10-04 10:00", true, "Wandeling."),
    )
    .unwrap();

    let sum = summary::compute(c, &october(), day(TODAY)).unwrap();
    assert_eq!((sum.totals.contacts, sum.totals.people), (2, 1));
    assert_eq!(sum.persons.len(), 1);
    let group = &sum.persons[0].contacts[0];
    assert!(
        group.with.is_empty(),
        "the colleague is not listed: {:?}",
        group.with
    );
    assert_eq!(
        group.note.as_deref(),
        Some(format!("Een collega hielp {} met koken.", yara.code).as_str())
    );
    let html = summary::html::render(&sum);
    assert!(
        !html.contains("incident")
            && !html.contains(&lotte.code)
            && !html.contains("collega</span>")
    );
    // Named with --person, still out: colleagues need the option.
    let mut o = october();
    o.persons = vec![lotte.id];
    assert_eq!(
        summary::compute(c, &o, day(TODAY)).unwrap().persons.len(),
        0
    );

    o.persons.clear();
    o.colleagues = true;
    let sum = summary::compute(c, &o, day(TODAY)).unwrap();
    assert_eq!((sum.totals.contacts, sum.totals.people), (3, 2));
    let page = sum.persons.iter().find(|p| p.label == yara.code).unwrap();
    assert_eq!(page.contacts[0].with, std::slice::from_ref(&lotte.code));
    assert_eq!(
        page.contacts[0].note.as_deref(),
        Some(format!("{} hielp {} met koken.", lotte.code, yara.code).as_str())
    );
}

#[test]
fn the_agenda_has_one_line_per_person_and_ends_in_how_many_more() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let mut all = Vec::new();
    for i in 0..20 {
        let p = add(c, &format!("Persoon {i}"), "", Context::Client);
        // Person i has (i % 3) + 1 signals; only person 0's latest is for the consult.
        for k in 0..=(i % 3) {
            let mut n = contact(
                vec![p.id],
                &format!("2026-10-{:02} 10:00", 5 + k * 7),
                i == 0 && k == 0,
                "",
            );
            n.signal = true;
            n.signal_note = if k == 0 {
                "ZICHTBAAR".into()
            } else {
                "VERBORGEN".into()
            };
            contact::add(c, &n).unwrap();
        }
        all.push(p);
    }
    let mut o = october();
    o.all_notes = true; // a signal's note still needs the consult mark
    let sum = summary::compute(c, &o, day(TODAY)).unwrap();
    let signals: Vec<_> = sum
        .agenda
        .iter()
        .filter(|a| a.kind == AgendaKind::Signal)
        .collect();
    assert_eq!(signals.len(), 20, "one line per person");
    assert_eq!(signals[0].count, 3, "most signals first");
    assert!(signals.windows(2).all(|w| w[0].count >= w[1].count));
    let html = summary::html::render(&sum);
    assert_eq!(
        html.matches("signalen, laatste").count() + html.matches("1 signaal, ").count(),
        summary::html::AGENDA_CAP
    );
    assert!(html.contains("en 5 meer"), "20 lines, 15 shown");
    assert!(html.contains("3 signalen, laatste ma 19 okt."));
    assert!(html.contains("ZICHTBAAR") && !html.contains("VERBORGEN"));
    o.lang = Lang::En;
    let html = summary::html::render(&summary::compute(c, &o, day(TODAY)).unwrap());
    assert!(html.contains("and 5 more") && html.contains("3 signals, last"));
}

/// The brief's scale: a quarter with 15,000 contacts over 50 people, every note
/// marked for the consult so that every one is redacted. Prints the time with and
/// without redaction, the HTML size and the agenda length.
#[test]
fn a_quarter_of_15000_contacts_is_redacted_and_its_time_printed() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    let c = v.conn();
    let ids = naast::ways::demo::fill(c, 50, 0, 7).unwrap();
    let people = person::list(c).unwrap();
    let (from, to) = (day("2026-07-01"), day("2026-09-30"));
    let mut rng = naast::ways::demo::Rng::new(7);
    let mut contacts =
        naast::ways::demo::contacts(&mut rng, &ids, 15_000, from, to + chrono::Duration::days(1));
    for (i, n) in contacts.iter_mut().enumerate() {
        // Names in the notes, as real notes have them: the person's own alias.
        let alias = &people.iter().find(|p| p.id == n.persons[0]).unwrap().alias;
        let first = alias.split(' ').next().unwrap();
        n.note = format!("{first} kwam binnen. {} {first}'s dag was goed.", n.note);
        n.for_consult = true;
        if i % 500 == 0 {
            n.note.push_str(" Met Gerrit naar Zwolle.");
        }
    }
    contact::import(c, &contacts).unwrap();

    let mut o = Options::new(from, to);
    let today = day("2026-10-01");
    let timed = |o: &Options| {
        let start = std::time::Instant::now();
        let r = summary::compute_checked(c, o, today).unwrap();
        (start.elapsed(), r)
    };
    let _ = timed(&o); // warm the page cache
    let (with, (sum, suspects)) = timed(&o);
    o.level = Level::Full;
    let (without, _) = timed(&o);
    let html = summary::html::render(&sum);
    let agenda_lines = html.matches("<li").count();
    println!(
        "15,000-contact quarter: summary {:.0} ms with redaction, {:.0} ms at level full (no redaction); \
         HTML {} KB; agenda {} items in {} lines; {} contacts, {} people; suspects {:?}",
        with.as_secs_f64() * 1000.0,
        without.as_secs_f64() * 1000.0,
        html.len() / 1024,
        sum.agenda.len(),
        agenda_lines,
        sum.totals.contacts,
        sum.totals.people,
        suspects
    );
    assert_eq!(
        sum.totals.contacts,
        15_000
            - contacts
                .iter()
                .filter(|n| n.persons.iter().all(|p| people
                    .iter()
                    .any(|x| x.id == *p && x.context == Context::Colleague)))
                .count() as i64
    );
    assert!(
        !html.contains(" kwam binnen")
            || !people
                .iter()
                .any(|p| html.contains(&format!("{} kwam", p.alias.split(' ').next().unwrap())))
    );
    // Gerrit is a first name and no Dutch word: replaced without a question. The
    // demo's places are asked; never a known name.
    assert!(!suspects.iter().any(|s| s.word == "Gerrit"));
    assert!(html.contains("Met [naam] naar Zwolle.") && !html.contains("Gerrit"));
    assert!(suspects.iter().any(|s| s.word == "Zwolle"));
    for p in &people {
        let first = p.alias.split(' ').next().unwrap();
        assert!(!suspects.iter().any(|s| s.word == first), "{first}");
    }
    // The time is printed above, not asserted: on a shared 2-core machine a debug
    // build under load took 7.7 s here while it takes about 2 s alone. The bound
    // (the heavy quarter's preview under 1 s, beside the bare window) is measured by
    // `make bench-app`, which prints it with its floor.
    assert!(agenda_lines <= 4 * (summary::html::AGENDA_CAP + 1));
}
