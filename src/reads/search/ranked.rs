//! Matches best first, across contacts and bridge notes: the command line's search,
//! and the one that writes its line in the audit log.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

use super::hit::{contact_hit, segments, terms, Hit, HitField, HitKind, Texts, TEXT_COLUMNS};
use super::query::{contact_where, fts_query, CLOSE, OPEN, RANK_LIMIT};
use crate::ground::error::Result;
use crate::records::contact::Filter;

/// A search someone ran: the matches, and a line in the audit log naming how many
/// words and which filters, never the words themselves (they may be a name).
pub fn run(conn: &Connection, input: &str, f: &Filter, limit: u32) -> Result<Vec<Hit>> {
    let hits = search(conn, input, f, limit)?;
    let words = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    crate::audit::log(
        conn,
        &crate::audit::Event::new(crate::ground::vocab::Action::Search, "notes")
            .people(&f.person.into_iter().collect::<Vec<_>>())
            .detail(serde_json::json!({
                "words": words,
                "hits": hits.len(),
                "filtered": f.from.is_some() || f.to.is_some() || f.support.is_some()
                    || f.mode.is_some() || f.for_consult.is_some() || f.signal.is_some(),
            })),
    )?;
    Ok(hits)
}

/// Matches, best first (newest first for very common words, see [`RANK_LIMIT`]),
/// narrowed by the same filters as the contact list.
/// Bridge notes are searched when no contact-only filter is set.
pub fn search(conn: &Connection, input: &str, f: &Filter, limit: u32) -> Result<Vec<Hit>> {
    crate::ground::limits::check_range("limit", limit.into(), 1, 10_000)?;
    let Some(q) = fts_query(input) else {
        return Ok(Vec::new());
    };
    let mut hits = search_contacts(conn, input, &q, f, limit)?;
    let contact_only =
        f.support.is_some() || f.mode.is_some() || f.for_consult.is_some() || f.signal.is_some();
    if !contact_only {
        hits.extend(search_bridge(conn, &q, f, limit)?);
        hits.sort_by(|a, b| a.rank.total_cmp(&b.rank));
        hits.truncate(limit as usize);
    }
    Ok(hits)
}

fn search_contacts(
    conn: &Connection,
    input: &str,
    q: &str,
    f: &Filter,
    limit: u32,
) -> Result<Vec<Hit>> {
    let (w, params) = contact_where(q, f);
    // Phase 1 ranks on the index alone (and the contact row only when a filter needs
    // it). Phase 2 reads text and makes snippets for the final page only: on an
    // encrypted vault every row read costs a page decryption, so reading the text of
    // every match of a common word would be the slow part.
    // A word in a great many notes (say "uitkering" in one of nine) makes relevance
    // meaningless and ranking expensive; then the newest notes come first, which
    // FTS5 streams by rowid without scoring every match.
    let matches: i64 = conn
        .prepare_cached("SELECT count(*) FROM contact_fts WHERE contact_fts MATCH ?1")?
        .query_row([q], |r| r.get(0))?;
    let order = if matches > RANK_LIMIT {
        "contact_fts.rowid DESC"
    } else {
        "contact_fts.rank"
    };
    let sql = if w.is_empty() {
        format!("SELECT rowid, rank FROM contact_fts WHERE contact_fts MATCH ? ORDER BY {order} LIMIT {limit}")
    } else {
        format!(
            "SELECT c.id, contact_fts.rank FROM contact_fts JOIN contact c ON c.id = contact_fts.rowid
             WHERE contact_fts MATCH ?{w} ORDER BY {order} LIMIT {limit}"
        )
    };
    let mut st = conn.prepare_cached(&sql)?;
    let ranked = st
        .query_map(params_from_iter(params), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // Snippets for the final page only, cut from each match's own texts (see
    // `hit::contact_hit`), so that a signal or own words are shown for their person.
    let terms = terms(input);
    let mut row = conn.prepare_cached(&format!(
        "SELECT c.at, {TEXT_COLUMNS} FROM contact c WHERE c.id = ?1"
    ))?;
    let mut hits = Vec::with_capacity(ranked.len());
    for (id, rank) in ranked {
        let (at, texts) = row.query_row([id], |r| Ok((r.get::<_, i64>(0)?, Texts::read(r, 1)?)))?;
        hits.push(contact_hit(conn, &terms, id, rank, at, &texts, f.person)?);
    }
    Ok(hits)
}

pub(super) fn search_bridge(
    conn: &Connection,
    q: &str,
    f: &Filter,
    limit: u32,
) -> Result<Vec<Hit>> {
    let mut params = vec![Value::Text(q.into())];
    let mut w = String::new();
    if let Some(p) = f.person {
        params.push(Value::Integer(p));
        w.push_str(" AND b.person_id = ?");
    }
    if let Some(d) = f.from {
        params.push(Value::Integer(crate::ground::calendar::day_start(d)));
        w.push_str(" AND b.created_at >= ?");
    }
    if let Some(d) = f.to.and_then(|d| d.succ_opt()) {
        params.push(Value::Integer(crate::ground::calendar::day_start(d)));
        w.push_str(" AND b.created_at < ?");
    }
    let sql = format!(
        "SELECT b.id, b.created_at, bm25(bridge_fts) AS rank,
                snippet(bridge_fts, -1, '{OPEN}', '{CLOSE}', '…', 16), p.alias
         FROM bridge_fts JOIN bridge_note b ON b.id = bridge_fts.rowid
         JOIN person p ON p.id = b.person_id
         WHERE bridge_fts MATCH ?{w} ORDER BY rank LIMIT {limit}"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params_from_iter(params), |r| {
        Ok(Hit {
            kind: HitKind::BridgeNote,
            id: r.get(0)?,
            at: r.get(1)?,
            persons: vec![r.get(4)?],
            rank: r.get(2)?,
            snippet: segments(&r.get::<_, String>(3)?),
            field: HitField::Bridge,
            about: Vec::new(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
