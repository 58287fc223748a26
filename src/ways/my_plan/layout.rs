//! The pages of "Mijn plan": the title with their name and the day it was printed,
//! then what they are working on, what they reached and what they let go, each goal
//! quoted in their own words with why, their steps, who helps and their ratings.
//! Reached and let go have headings of their own, in the same calm type as the rest:
//! no colour, no mark of success or failure, no trend.

use super::load::MyPlan;
use super::words::{long_date, step, together, words, Words};
use crate::ground::calendar;
use crate::ground::error::Result;
use crate::ground::lang::Lang;
use crate::records::goal::{Goal, Helper, Status};
use crate::ways::pdf::{self, Col, Flow, Op, Span, Style, BODY, SMALL};

/// A small grey line under a title or a goal.
const META: Style = Style {
    size: SMALL + 0.5,
    gray: 0.3,
    after: 8.0,
    ..Style::BODY
};

/// A goal in the person's words: larger, bold, between quotes.
const QUOTE: Style = Style {
    size: 12.0,
    after: 2.0,
    ..Style::BODY
};

/// Room for a goal's start (two lines of their words, its history, a heading and a
/// line under it), so that a goal never leaves its words alone at a page's foot.
const GOAL_START: f32 = 90.0;
/// Room for a section heading with its rule.
const HEAD: f32 = 32.0;

/// Lays the plan out as pages (also what the tests read without a PDF reader).
pub fn pages(p: &MyPlan) -> Vec<Vec<Op>> {
    let w = words(p.lang);
    let mut f = Flow::new();
    f.heading(w.title, 20.0, false);
    let meta = format!(
        "{} {} · {} {}",
        w.of,
        p.name,
        w.printed,
        long_date(p.printed_on, p.lang)
    );
    f.paragraph(&[Span::plain(&meta)], META);
    f.paragraph(
        &[Span::plain(w.intro)],
        Style {
            after: 10.0,
            ..Style::BODY
        },
    );
    for g in p.goals.iter().filter(|g| g.status == Status::Working) {
        f.room(HEAD + GOAL_START);
        f.heading(w.want, 13.5, true);
        goal(&mut f, g, w, p.lang);
    }
    for (status, head, intro) in [
        (Status::Reached, w.reached, None),
        (Status::LetGo, w.let_go, Some(w.let_go_intro)),
    ] {
        let done: Vec<&Goal> = p.goals.iter().filter(|g| g.status == status).collect();
        if done.is_empty() {
            continue;
        }
        f.room(HEAD + 2.0 * BODY + GOAL_START);
        f.heading(head, 13.5, true);
        if let Some(i) = intro {
            f.paragraph(&[Span::plain(i)], META);
        }
        for g in done {
            f.room(GOAL_START);
            goal(&mut f, g, w, p.lang);
            f.space(6.0);
        }
    }
    f.into_pages()
}

/// One goal: their words quoted, its history, why, steps, who helps, their ratings.
fn goal(f: &mut Flow, g: &Goal, w: &Words, lang: Lang) {
    let quoted = format!("“{}”", g.text.trim());
    f.paragraph(&[Span::bold(&quoted)], QUOTE);
    let mut history: Vec<String> = g
        .history
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let day = calendar::local(s.at).date_naive();
            format!("{} {}", step(s.status, i == 0, lang), long_date(day, lang))
        })
        .collect();
    if !g.contacts.is_empty() {
        history.push(together(g.contacts.len(), lang));
    }
    if !history.is_empty() {
        let line = capitalised(&history.join(" · "));
        f.paragraph(&[Span::plain(&line)], META);
    }
    part(f, w.why, &g.why);
    part(f, w.steps, &g.steps);
    let helpers: Vec<&str> = g.helpers.iter().map(|h| helper(h, w)).collect();
    part(f, w.helps, &helpers.join(", "));
    if !g.ratings.is_empty() {
        f.heading(w.how, 10.5, false);
        let c = |share| Col {
            share,
            right: false,
        };
        let rows: Vec<Vec<String>> = g
            .ratings
            .iter()
            .map(|r| {
                let said = r.words.trim();
                vec![
                    long_date(r.on, lang),
                    format!("{} {}", r.score, w.out_of),
                    if said.is_empty() {
                        String::new()
                    } else {
                        format!("“{said}”")
                    },
                ]
            })
            .collect();
        f.table(
            &[c(2.2), c(1.5), c(5.0)],
            &[w.date, w.score, w.my_words],
            &rows,
        );
    }
}

/// A heading of their plan with their text under it; nothing when they said nothing.
fn part(f: &mut Flow, head: &str, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    f.heading(head, 10.5, false);
    f.paragraph(&[Span::plain(text.trim())], Style::BODY);
}

/// A circle member by name; the supporter as "mijn ervaringsdeskundige".
fn helper<'a>(h: &'a Helper, w: &'a Words) -> &'a str {
    match h.member_id {
        Some(_) => h.name.as_str(),
        None => w.supporter,
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The whole plan as PDF bytes. The document information holds "Mijn plan" only,
/// never the name: a PDF's metadata shows in file managers and mail previews.
pub fn render(p: &MyPlan) -> Result<Vec<u8>> {
    let w = words(p.lang);
    let head = format!("{} {} {}", w.title, w.of, p.name);
    pdf::write(
        pages(p),
        &pdf::Running {
            title: w.title,
            head: &head,
            mark: w.mark,
            page: w.page,
            of: w.page_of,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::goal::{Rating, StatusChange};
    use crate::ways::pdf::text_of;

    fn goal(id: i64, text: &str, status: Status, ratings: usize) -> Goal {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default();
        Goal {
            id,
            person_id: 1,
            text: text.into(),
            why: String::new(),
            steps: "Elke dag een stukje".into(),
            status,
            position: id,
            helpers: vec![Helper {
                member_id: None,
                name: String::new(),
            }],
            for_consult: false,
            created_at: 1_788_000_000,
            updated_at: 1_788_000_000,
            ratings: (0..ratings)
                .map(|i| Rating {
                    id: i as i64,
                    on: d,
                    score: 5,
                    words: format!("stap {i}"),
                    contact: None,
                })
                .collect(),
            history: vec![StatusChange {
                status: Status::Working,
                at: 1_788_000_000,
            }],
            contacts: vec![],
        }
    }

    fn plan(goals: Vec<Goal>) -> MyPlan {
        MyPlan {
            person: 1,
            name: "Sanne".into(),
            lang: Lang::Nl,
            printed_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap_or_default(),
            goals,
        }
    }

    #[test]
    fn goals_are_grouped_by_where_they_stand_and_an_empty_part_is_left_out() {
        let p = plan(vec![
            goal(1, "Losgelaten doel", Status::LetGo, 0),
            goal(2, "Bereikt doel", Status::Reached, 1),
            goal(3, "Open doel", Status::Working, 2),
        ]);
        let text: String = pages(&p).iter().map(|p| text_of(p)).collect();
        let at = |w: &str| text.find(w).unwrap_or_else(|| panic!("{w} not in {text}"));
        assert!(at("Mijn plan") < at("“Open doel”"));
        assert!(at("“Open doel”") < at("Wat ik bereikt heb"));
        assert!(at("Wat ik bereikt heb") < at("“Bereikt doel”"));
        assert!(at("“Bereikt doel”") < at("Wat ik heb losgelaten"));
        assert!(at("Wat ik heb losgelaten") < at("“Losgelaten doel”"));
        assert!(
            !text.contains("Waarom dat voor mij telt"),
            "no why was given"
        );
        assert!(text.contains("mijn ervaringsdeskundige"));
        assert!(text.contains("van Sanne · geprint op 6 december 2026"));
    }

    #[test]
    fn a_long_plan_runs_over_pages_and_keeps_every_rating() {
        let goals = (1..=6)
            .map(|i| goal(i, &format!("Doel {i}"), Status::Working, 12))
            .collect();
        let pages = pages(&plan(goals));
        assert!(pages.len() >= 3, "{} pages", pages.len());
        let text: String = pages.iter().map(|p| text_of(p)).collect();
        assert_eq!(text.matches("van de 10").count(), 6 * 12);
        assert_eq!(text.matches("Wat ik wil “Doel").count(), 6);
    }

    /// Wherever the pages break, a heading has its goal's words after it on the same
    /// page, and a goal's words have what follows them (their history) there too.
    #[test]
    fn a_heading_or_a_goals_words_never_end_a_page() {
        for n in 0..14 {
            let mut goals: Vec<Goal> = (1..=4)
                .map(|i| {
                    goal(
                        i,
                        &format!("Doel {i} {}", "lang ".repeat(12)),
                        Status::Working,
                        n,
                    )
                })
                .collect();
            goals.push(goal(5, "Bereikt", Status::Reached, n));
            goals.push(goal(6, "Losgelaten", Status::LetGo, 0));
            for (k, page) in pages(&plan(goals)).iter().enumerate() {
                let sizes: Vec<f32> = page
                    .iter()
                    .filter_map(|o| match o {
                        Op::Text { size, .. } => Some(*size),
                        _ => None,
                    })
                    .collect();
                for (i, s) in sizes.iter().enumerate() {
                    let after = &sizes[i + 1..];
                    if *s == 13.5 {
                        assert!(
                            after.contains(&12.0),
                            "{n} ratings: a heading ends page {k}"
                        );
                    }
                    if *s == 12.0 {
                        assert!(
                            after.iter().any(|a| *a < 12.0),
                            "{n} ratings: a goal's words end page {k}"
                        );
                    }
                }
            }
        }
    }
}
