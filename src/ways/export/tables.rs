//! What the export holds: one table per kind of record, each column named once here
//! and documented in `docs/export.md`. The CSV files, the workbook's sheets and the
//! JSON are all made from these tables, so the three never differ.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::audit;
use crate::ground::error::Result;
use crate::records::bridge::{self, BridgeNote};
use crate::records::circle::{self, CircleMember};
use crate::records::consent::{self, Consent};
use crate::records::contact::{self, Contact, Cursor, Filter};
use crate::records::followup::{self, FollowUp};
use crate::records::goal::{self, Goal, Rating, StatusChange};
use crate::records::person::{self, Person};

/// One value, typed so that the workbook gets real dates and numbers.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Int(i64),
    Bool(bool),
    Day(Option<NaiveDate>),
    /// Unix seconds, shown in Dutch local time.
    Moment(Option<i64>),
    /// Hours and the like: a decimal comma in the CSV, a number elsewhere.
    Decimal(f64),
}

/// A kind of record: its name (the CSV file's and the sheet's), its columns, its rows.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: &'static str,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// A column: its name and how a record gives its value.
type Col<T> = (&'static str, fn(&T) -> Value);

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn list<T: std::fmt::Display>(v: &[T]) -> Value {
    Value::Text(
        v.iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(", "),
    )
}

fn table<T>(name: &'static str, cols: &[Col<T>], items: &[T]) -> Table {
    Table {
        name,
        columns: cols.iter().map(|(n, _)| n.to_string()).collect(),
        rows: items
            .iter()
            .map(|x| cols.iter().map(|(_, f)| f(x)).collect())
            .collect(),
    }
}

/// The columns of a contact, with whose the signal, own words and check-in are in a
/// group contact. The names are those of `naast contact list --json`, so the import
/// reads them back (the `_for` columns it does not read: a sheet says no whose).
pub fn contact_columns() -> Vec<Col<Contact>> {
    vec![
        ("id", |c| Value::Int(c.id)),
        ("at", |c| Value::Moment(Some(c.at))),
        ("minutes", |c| Value::Int(c.minutes)),
        ("mode", |c| text(c.mode.as_str())),
        ("initiative", |c| text(c.initiative.as_str())),
        ("persons", |c| {
            list(
                &c.persons
                    .iter()
                    .map(|p| p.alias.as_str())
                    .collect::<Vec<_>>(),
            )
        }),
        ("person_codes", |c| {
            list(
                &c.persons
                    .iter()
                    .map(|p| p.code.as_str())
                    .collect::<Vec<_>>(),
            )
        }),
        ("support", |c| list(&c.support)),
        ("tags", |c| list(&c.tags)),
        ("note", |c| text(&c.note)),
        ("own_words", |c| text(&c.own_words)),
        ("own_experience", |c| Value::Bool(c.own_experience)),
        ("own_experience_note", |c| text(&c.own_experience_note)),
        ("signal", |c| Value::Bool(c.signal)),
        ("signal_note", |c| text(&c.signal_note)),
        ("follow_up", |c| Value::Day(c.follow_up)),
        ("for_consult", |c| Value::Bool(c.for_consult)),
        // Whose each of the three is in a group contact (issue 22), by alias as
        // `naast contact list --json` gives them.
        ("signal_for", |c| aliases(c, &c.signal_for)),
        ("own_words_for", |c| aliases(c, &c.own_words_for)),
        ("follow_up_for", |c| aliases(c, &c.checkin_for)),
        ("whose_unsure", |c| Value::Bool(c.whose_unsure)),
    ]
}

/// The aliases of `ids` among the contact's people, in the contact's order.
fn aliases(c: &Contact, ids: &[crate::ground::ids::PersonId]) -> Value {
    list(
        &c.persons
            .iter()
            .filter(|p| ids.contains(&p.id))
            .map(|p| p.alias.as_str())
            .collect::<Vec<_>>(),
    )
}

const PEOPLE: &[Col<Person>] = &[
    ("id", |p| Value::Int(p.id)),
    ("alias", |p| text(&p.alias)),
    ("code", |p| text(&p.code)),
    ("context", |p| text(p.context.as_str())),
    ("full_name", |p| text(&p.full_name)),
    ("wishes", |p| text(&p.wishes)),
    ("strengths", |p| text(&p.strengths)),
    ("active", |p| Value::Bool(p.active)),
];

const CIRCLE: &[Col<CircleMember>] = &[
    ("id", |m| Value::Int(m.id)),
    ("person_id", |m| Value::Int(m.person_id)),
    ("name", |m| text(&m.name)),
    ("role", |m| text(&m.role)),
    ("formal", |m| Value::Bool(m.formal)),
    ("involve", |m| Value::Bool(m.involve)),
    ("left_on", |m| Value::Day(m.left_on)),
];

const CONSENTS: &[Col<Consent>] = &[
    ("id", |c| Value::Int(c.id)),
    ("person_id", |c| Value::Int(c.person_id)),
    ("member_id", |c| Value::Int(c.member_id)),
    ("recipient", |c| text(&c.recipient)),
    ("scope", |c| text(&c.scope)),
    ("discussed_on", |c| Value::Day(Some(c.discussed_on))),
    ("until", |c| Value::Day(Some(c.until))),
    ("withdrawn_on", |c| Value::Day(c.withdrawn_on)),
];

const BRIDGE_NOTES: &[Col<BridgeNote>] = &[
    ("id", |b| Value::Int(b.id)),
    ("person_id", |b| Value::Int(b.person_id)),
    ("person", |b| text(&b.person)),
    ("member_id", |b| Value::Int(b.member_id)),
    ("recipient", |b| text(&b.recipient)),
    ("role", |b| text(&b.role)),
    ("kind", |b| text(b.kind.as_str())),
    ("status", |b| text(b.status.as_str())),
    ("text", |b| text(&b.text)),
    ("client_voice", |b| text(&b.client_voice)),
    ("answer", |b| text(&b.answer)),
    ("created_at", |b| Value::Moment(Some(b.created_at))),
    ("shared_at", |b| Value::Moment(b.shared_at)),
    ("answered_at", |b| Value::Moment(b.answered_at)),
    ("closed_at", |b| Value::Moment(b.closed_at)),
    ("contacts", |b| list(&b.contacts)),
];

/// One time a bridge note was shared: with whom, on which consent.
pub struct Share {
    bridge_id: i64,
    at: i64,
    recipient: String,
    role: String,
    consent_id: i64,
}

const SHARES: &[Col<Share>] = &[
    ("bridge_id", |s| Value::Int(s.bridge_id)),
    ("at", |s| Value::Moment(Some(s.at))),
    ("recipient", |s| text(&s.recipient)),
    ("role", |s| text(&s.role)),
    ("consent_id", |s| Value::Int(s.consent_id)),
];

const CHECKINS: &[Col<FollowUp>] = &[
    ("id", |f| Value::Int(f.id)),
    ("person_id", |f| Value::Int(f.person_id)),
    ("person", |f| text(&f.person)),
    ("due", |f| Value::Day(Some(f.due))),
    ("why", |f| text(&f.why)),
    ("contact_id", |f| {
        f.contact_id
            .map(Value::Int)
            .unwrap_or(Value::Text(String::new()))
    }),
    ("done_on", |f| Value::Day(f.done_on)),
    ("moved", |f| Value::Int(f.moved)),
    ("rhythm", |f| {
        text(f.rhythm.map(|r| r.as_str()).unwrap_or(""))
    }),
    ("incident", |f| Value::Day(f.incident)),
    ("plan_review", |f| Value::Bool(f.plan_review)),
];

/// The person's own plan (issue 25): each goal once, its ratings and its status
/// history in tables of their own, each row naming its goal.
const GOALS: &[Col<Goal>] = &[
    ("id", |g| Value::Int(g.id)),
    ("person_id", |g| Value::Int(g.person_id)),
    ("position", |g| Value::Int(g.position)),
    ("text", |g| text(&g.text)),
    ("why", |g| text(&g.why)),
    ("steps", |g| text(&g.steps)),
    ("status", |g| text(g.status.as_str())),
    ("helper_ids", |g| {
        list(
            &g.helpers
                .iter()
                .filter_map(|h| h.member_id)
                .collect::<Vec<_>>(),
        )
    }),
    ("supporter_helps", |g| {
        Value::Bool(g.helpers.iter().any(|h| h.member_id.is_none()))
    }),
    ("for_consult", |g| Value::Bool(g.for_consult)),
    ("created_at", |g| Value::Moment(Some(g.created_at))),
    ("updated_at", |g| Value::Moment(Some(g.updated_at))),
    ("contacts", |g| list(&g.contacts)),
];

const GOAL_RATINGS: &[Col<(i64, Rating)>] = &[
    ("id", |(_, r)| Value::Int(r.id)),
    ("goal_id", |(g, _)| Value::Int(*g)),
    ("on", |(_, r)| Value::Day(Some(r.on))),
    ("score", |(_, r)| Value::Int(r.score)),
    ("words", |(_, r)| text(&r.words)),
    ("contact_id", |(_, r)| {
        r.contact
            .map(Value::Int)
            .unwrap_or(Value::Text(String::new()))
    }),
];

const GOAL_HISTORY: &[Col<(i64, StatusChange)>] = &[
    ("goal_id", |(g, _)| Value::Int(*g)),
    ("status", |(_, h)| text(h.status.as_str())),
    ("at", |(_, h)| Value::Moment(Some(h.at))),
];

const LOG: &[Col<audit::Entry>] = &[
    ("id", |e| Value::Int(e.id)),
    ("at", |e| Value::Moment(Some(e.at))),
    ("actor", |e| text(&e.actor)),
    ("action", |e| text(e.action.as_str())),
    ("object", |e| text(&e.object)),
    ("object_id", |e| {
        e.object_id
            .map(Value::Int)
            .unwrap_or(Value::Text(String::new()))
    }),
    ("person_code", |e| {
        text(e.person_code.as_deref().unwrap_or(""))
    }),
    ("outcome", |e| {
        text(if e.refused { "refused" } else { "ok" })
    }),
    ("detail", |e| text(&e.detail.to_string())),
    ("hash", |e| text(&e.hash)),
];

/// Every contact, oldest first, read a page at a time.
fn contacts(conn: &Connection) -> Result<Vec<Contact>> {
    let mut all = Vec::new();
    let mut after: Option<Cursor> = None;
    loop {
        let page = contact::list(conn, &Filter::default(), after, Some(5_000))?;
        let Some(last) = page.last() else { break };
        after = Some(Cursor {
            at: last.at,
            id: last.id,
        });
        all.extend(page);
    }
    all.reverse();
    Ok(all)
}

/// Everything in the vault, one table per kind of record.
pub fn all(conn: &Connection) -> Result<Vec<Table>> {
    let people = person::list(conn)?;
    let mut consents = Vec::new();
    for p in &people {
        consents.extend(consent::consents(conn, p.id)?);
    }
    let mut bridges = bridge::list(conn, None, None)?;
    bridges.reverse();
    let shares: Vec<Share> = conn
        .prepare(
            "SELECT bridge_id, shared_at, recipient, role, consent_id FROM bridge_share
             ORDER BY shared_at, bridge_id",
        )?
        .query_map([], |r| {
            Ok(Share {
                bridge_id: r.get(0)?,
                at: r.get(1)?,
                recipient: r.get(2)?,
                role: r.get(3)?,
                consent_id: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let checkins: Vec<FollowUp> = conn
        .prepare("SELECT id FROM followup ORDER BY due, id")?
        .query_map([], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .map(|id| followup::get(conn, id))
        .collect::<Result<_>>()?;
    let mut goals = Vec::new();
    for p in &people {
        goals.extend(goal::list(conn, p.id)?);
    }
    let ratings: Vec<(i64, Rating)> = goals
        .iter()
        .flat_map(|g| g.ratings.iter().map(|r| (g.id, r.clone())))
        .collect();
    let history: Vec<(i64, StatusChange)> = goals
        .iter()
        .flat_map(|g| g.history.iter().map(|h| (g.id, h.clone())))
        .collect();
    let mut log = audit::list(conn, &audit::Query::default(), None)?;
    log.reverse();
    Ok(vec![
        table("people", PEOPLE, &people),
        table("contacts", &contact_columns(), &contacts(conn)?),
        table("circle", CIRCLE, &circle::all_members(conn)?),
        table("consents", CONSENTS, &consents),
        table("bridge_notes", BRIDGE_NOTES, &bridges),
        table("bridge_shares", SHARES, &shares),
        table("checkins", CHECKINS, &checkins),
        table("goals", GOALS, &goals),
        table("goal_ratings", GOAL_RATINGS, &ratings),
        table("goal_history", GOAL_HISTORY, &history),
        table("log", LOG, &log),
    ])
}
