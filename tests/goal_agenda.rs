//! The consult's gentle signal for the person's own plan (issue 25): an open goal
//! nobody looked at together for the weeks set (no rating, no change, no contact that
//! touched it) is counted on the agenda, once per person, by code and never by its
//! words; a goal reached or let go is not.

mod common;

use chrono::Duration;
use common::TestVault;
use naast::ground::calendar;
use naast::ground::lang::Lang;
use naast::ground::vocab::Support;
use naast::records::contact::{self, NewContact};
use naast::records::goal::{self, NewGoal, NewRating, Status};
use naast::records::person::{self, NewPerson};
use naast::ways::summary::{self, AgendaKind, Options};

#[test]
fn open_goals_nobody_looked_at_for_weeks_are_counted_gently_once_per_person() {
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
    let (sanne, mo, esra) = (add("Sanne"), add("Mo"), add("Esra"));
    let goal = |p, text: &str| {
        goal::add(
            c,
            p,
            &NewGoal {
                text: text.into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let quiet = goal(sanne, "Weer fietsen naar het werk");
    let quiet_too = goal(sanne, "De buurvrouw weer eens bellen");
    let rated = goal(sanne, "Zelf de post openen");
    let reached = goal(sanne, "Een fiets kopen");
    let touched = goal(mo, "Koken voor de groep");
    let let_go = goal(esra, "Elke dag hardlopen");
    // Ten weeks ago all of them were made, and nobody looked at them since.
    let then = calendar::now() - 70 * 86_400;
    c.execute("UPDATE goal SET created_at = ?1, updated_at = ?1", [then])
        .unwrap();
    c.execute("UPDATE goal_status SET at = ?1", [then]).unwrap();
    // Since then: a rating, a goal reached, a contact that touched one, one let go.
    goal::rate(
        c,
        rated,
        &NewRating {
            score: 4,
            words: "Een beetje".into(),
            on: None,
            contact: None,
        },
    )
    .unwrap();
    goal::set_status(c, reached, Status::Reached).unwrap();
    goal::set_status(c, let_go, Status::LetGo).unwrap();
    let mut n = NewContact::now(vec![mo], vec![Support::Practical]);
    n.goals = Some(vec![touched]);
    contact::add(c, &n).unwrap();

    let today = calendar::today();
    let period = |weeks: u32, lang: Lang| {
        let mut o = Options::new(today - Duration::days(28), today);
        o.goal_weeks = weeks;
        o.lang = lang;
        summary::compute(c, &o, today).unwrap()
    };
    let s = period(6, Lang::Nl);
    let items: Vec<_> = s
        .agenda
        .iter()
        .filter(|a| a.kind == AgendaKind::QuietGoal)
        .collect();
    // Sanne had no contact in the period: like someone out of view, she is listed.
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0].count, 2, "the two goals nobody looked at");
    assert_eq!(
        items[0].date,
        Some(calendar::local(then).date_naive()),
        "the day the longest-quiet goal was last looked at"
    );
    assert_eq!(items[0].detail, "6");
    assert_eq!(
        s.agenda.last().map(|a| a.kind),
        Some(AgendaKind::QuietGoal),
        "the gentlest line comes last"
    );
    let html = summary::html::render(&s);
    assert!(
        html.contains("Eigen plan: doelen waar 6 weken niet samen naar gekeken is"),
        "{html}"
    );
    assert!(html.contains("2 doelen, het eerste laatst bekeken"));
    for words in ["Weer fietsen", "buurvrouw", "Sanne"] {
        assert!(!html.contains(words), "the agenda shows {words:?}");
    }
    let en = summary::html::render(&period(6, Lang::En));
    assert!(en.contains("Own plan: goals not looked at together for 6 weeks"));
    // Ten weeks is not yet ten full weeks ago: nothing to mention.
    assert!(period(10, Lang::Nl)
        .agenda
        .iter()
        .all(|a| a.kind != AgendaKind::QuietGoal));
    let _ = (quiet, quiet_too);
}
