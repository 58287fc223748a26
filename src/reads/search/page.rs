//! A page of search results for Overzicht: the matches from an offset and how many
//! there are in all, best first or newest first, at the same cost at contact 50 as
//! at contact 1,000,000.

use rusqlite::{params_from_iter, Connection};
use serde::{Deserialize, Serialize};

use super::hit::{contact_hit, terms, Hit, Texts, TEXT_COLUMNS};
use super::query::{contact_where, fts_query, RANK_LIMIT};
use super::ranked::search_bridge;
use crate::ground::error::Result;
use crate::records::contact::Filter;

/// The order of a page of search results: relevance (for very common words the
/// newest, see [`RANK_LIMIT`]) or simply the newest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "SearchOrder"))]
pub enum Order {
    Best,
    Newest,
}

/// One page of search results and how many match in all, so a screen can say
/// "105 gevonden" and page through every one of them.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "SearchPage"))]
pub struct Page {
    pub hits: Vec<Hit>,
    pub total: i64,
    /// The order the page is in: best match was asked for but a word in more than
    /// [`RANK_LIMIT`] notes makes it newest first (the screen says so).
    pub order: Order,
}

/// A page of matches: contacts from `offset` (bridge notes, which are few, come with
/// the first page), with the total over both. The first page is logged like a
/// search; the pages after it are the same search.
pub fn page(
    conn: &Connection,
    input: &str,
    f: &Filter,
    order: Order,
    offset: u32,
    limit: u32,
) -> Result<Page> {
    crate::ground::limits::check_range("limit", limit.into(), 1, 10_000)?;
    let Some(q) = fts_query(input) else {
        return Ok(Page {
            hits: Vec::new(),
            total: 0,
            order,
        });
    };
    let contact_only =
        f.support.is_some() || f.mode.is_some() || f.for_consult.is_some() || f.signal.is_some();
    let (mut hits, order, mut total) = if *f == Filter::default() {
        // Without a filter, one pass over the index gives every matching note's id
        // (ascending, as FTS5 keeps them): their number is the count, and a
        // newest-first page is the first of them met walking the contacts by time.
        // Counting, then walking in SQL with `IN (…)`, read the index twice and built
        // a b-tree of the ids: 21-52 ms a page at a million notes, 9-25 ms this way.
        let ids: Vec<i64> = conn
            .prepare_cached(
                "SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?1 ORDER BY rowid",
            )?
            .query_map([&q], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let matches = ids.len() as i64;
        let order = shown_order(order, matches);
        let hits = if order == Order::Newest && matches > WALK_FROM {
            newest_of(conn, input, &ids, offset, limit)?
        } else {
            search_contacts_page(conn, input, &q, f, order, matches, offset, limit)?
        };
        (hits, order, matches)
    } else {
        // How many notes the words are in, from the index alone; the contact rows
        // are read for the filters.
        let matches: i64 = conn
            .prepare_cached("SELECT count(*) FROM contact_fts WHERE contact_fts MATCH ?1")?
            .query_row([&q], |r| r.get(0))?;
        let (where_sql, params) = contact_where(&q, f);
        let contacts: i64 = conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM contact_fts JOIN contact c ON c.id = contact_fts.rowid
                 WHERE contact_fts MATCH ?{where_sql}"
            ))?
            .query_row(params_from_iter(params), |r| r.get(0))?;
        let order = shown_order(order, matches);
        let hits = search_contacts_page(conn, input, &q, f, order, matches, offset, limit)?;
        (hits, order, contacts)
    };
    if !contact_only {
        let bridge = search_bridge(conn, &q, f, 10_000)?;
        total += bridge.len() as i64;
        if offset == 0 {
            hits.extend(bridge);
            match order {
                Order::Best => hits.sort_by(|a, b| a.rank.total_cmp(&b.rank)),
                Order::Newest => hits.sort_by_key(|h| std::cmp::Reverse(h.at)),
            }
        }
    }
    if offset == 0 {
        let words = input
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count();
        crate::audit::log(
            conn,
            &crate::audit::Event::new(crate::ground::vocab::Action::Search, "notes")
                .people(&f.person.into_iter().collect::<Vec<_>>())
                .detail(serde_json::json!({ "words": words, "hits": total })),
        )?;
    }
    Ok(Page { hits, total, order })
}

/// Best match over more than [`RANK_LIMIT`] notes says little: those are shown
/// newest first (the screen says so).
fn shown_order(asked: Order, matches: i64) -> Order {
    if asked == Order::Best && matches > RANK_LIMIT {
        Order::Newest
    } else {
        asked
    }
}

/// A page of contact matches from `offset`, in `order`, snippets for that page only.
///
/// Newest first walks the contacts by time and keeps those in the match set, which
/// stops after one page however many notes match (reading the contact row of every
/// match and sorting them took 0.7 s at a million notes). Best match ranks on the
/// index alone when no filter needs the contact row. Snippets are made here from the
/// page's own text: FTS5's `snippet()` re-reads and re-tokenises each note under a
/// prefix query, ~3.5 ms a note on an encrypted vault.
#[allow(clippy::too_many_arguments)]
fn search_contacts_page(
    conn: &Connection,
    input: &str,
    q: &str,
    f: &Filter,
    order: Order,
    matches: i64,
    offset: u32,
    limit: u32,
) -> Result<Vec<Hit>> {
    let (w, params) = contact_where(q, f);
    let sql = match order {
        Order::Newest if matches > WALK_FROM => format!(
            "SELECT c.id, 0.0, c.at, {TEXT_COLUMNS} FROM contact c
             WHERE +c.id IN (SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?){w}
             ORDER BY c.at DESC, c.id DESC LIMIT {limit} OFFSET {offset}"
        ),
        Order::Newest => format!(
            "SELECT c.id, contact_fts.rank, c.at, {TEXT_COLUMNS}
             FROM contact_fts JOIN contact c ON c.id = contact_fts.rowid
             WHERE contact_fts MATCH ?{w} ORDER BY c.at DESC, c.id DESC LIMIT {limit} OFFSET {offset}"
        ),
        Order::Best if w.is_empty() => format!(
            "SELECT r.id, r.rank, c.at, {TEXT_COLUMNS} FROM
               (SELECT rowid AS id, rank FROM contact_fts WHERE contact_fts MATCH ?
                ORDER BY rank LIMIT {limit} OFFSET {offset}) r
             JOIN contact c ON c.id = r.id ORDER BY r.rank"
        ),
        Order::Best => format!(
            "SELECT c.id, contact_fts.rank, c.at, {TEXT_COLUMNS}
             FROM contact_fts JOIN contact c ON c.id = contact_fts.rowid
             WHERE contact_fts MATCH ?{w} ORDER BY contact_fts.rank LIMIT {limit} OFFSET {offset}"
        ),
    };
    let terms = terms(input);
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st
        .query_map(params_from_iter(params), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, f64>(1)?,
                r.get::<_, i64>(2)?,
                Texts::read(r, 3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, rank, at, texts)| contact_hit(conn, &terms, id, rank, at, &texts, f.person))
        .collect()
}

/// A newest-first page of the contacts whose ids are in `ids` (sorted ascending):
/// the contacts walked by time through their index, which stops after one page
/// however many notes match.
fn newest_of(
    conn: &Connection,
    input: &str,
    ids: &[i64],
    offset: u32,
    limit: u32,
) -> Result<Vec<Hit>> {
    let mut page = Vec::with_capacity(limit as usize);
    let mut skip = offset;
    let mut st = conn.prepare_cached("SELECT id FROM contact ORDER BY at DESC, id DESC")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if ids.binary_search(&id).is_err() {
            continue;
        }
        if skip > 0 {
            skip -= 1;
            continue;
        }
        page.push(id);
        if page.len() == limit as usize {
            break;
        }
    }
    let terms = terms(input);
    let mut one = conn.prepare_cached(&format!(
        "SELECT c.at, {TEXT_COLUMNS} FROM contact c WHERE c.id = ?1"
    ))?;
    page.into_iter()
        .map(|id| {
            let (at, texts) = one.query_row([id], |r| Ok((r.get(0)?, Texts::read(r, 1)?)))?;
            contact_hit(conn, &terms, id, 0.0, at, &texts, None)
        })
        .collect()
}

/// Above this many matches, a newest-first page walks the contacts by time (see
/// [`search_contacts_page`]); below it, reading each match directly is cheaper than
/// walking past the many contacts that do not match.
const WALK_FROM: i64 = 2_000;
