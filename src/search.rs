//! Full-text search over notes, own words and bridge notes.
//!
//! What a person types is never passed to FTS5 as query syntax: it is cut into words,
//! each word becomes a quoted prefix term, and all must match. So `uitker` finds
//! `uitkering`, `client` finds `cliënt` (the index folds diacritics), and a stray
//! quote or `NEAR(` is just a character, never an error.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use serde::{Deserialize, Serialize};

use crate::contact::{self, Filter};
use crate::error::Result;

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum HitKind {
    Contact,
    BridgeNote,
}

/// A piece of a snippet; `hit` marks the words that matched.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Hit {
    pub kind: HitKind,
    pub id: i64,
    /// Unix seconds: the contact's time, or when the bridge note was written.
    pub at: i64,
    pub persons: Vec<String>,
    pub rank: f64,
    pub snippet: Vec<Segment>,
}

impl Hit {
    /// The snippet as plain text with the matches in brackets, for terminals.
    pub fn snippet_text(&self) -> String {
        self.snippet
            .iter()
            .map(|s| {
                if s.hit {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }
}

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
        &crate::audit::Event::new(crate::audit::Action::Search, "notes")
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
    crate::text::check_range("limit", limit.into(), 1, 10_000)?;
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
            &crate::audit::Event::new(crate::audit::Action::Search, "notes")
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

/// The filters of a contact search as SQL after `MATCH ?`, with their parameters
/// (the query first).
fn contact_where(q: &str, f: &Filter) -> (String, Vec<Value>) {
    let mut params = vec![Value::Text(q.into())];
    let mut w = String::new();
    if let Some(p) = f.person {
        params.push(Value::Integer(p));
        w.push_str(" AND c.id IN (SELECT contact_id FROM contact_person WHERE person_id = ?)");
    }
    for cond in contact::conditions(f, "c.at", &mut params) {
        w.push_str(" AND ");
        w.push_str(&cond);
    }
    (w, params)
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
            "SELECT c.id, 0.0, c.at, c.note, c.own_words FROM contact c
             WHERE +c.id IN (SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?){w}
             ORDER BY c.at DESC, c.id DESC LIMIT {limit} OFFSET {offset}"
        ),
        Order::Newest => format!(
            "SELECT c.id, contact_fts.rank, c.at, c.note, c.own_words
             FROM contact_fts JOIN contact c ON c.id = contact_fts.rowid
             WHERE contact_fts MATCH ?{w} ORDER BY c.at DESC, c.id DESC LIMIT {limit} OFFSET {offset}"
        ),
        Order::Best if w.is_empty() => format!(
            "SELECT r.id, r.rank, c.at, c.note, c.own_words FROM
               (SELECT rowid AS id, rank FROM contact_fts WHERE contact_fts MATCH ?
                ORDER BY rank LIMIT {limit} OFFSET {offset}) r
             JOIN contact c ON c.id = r.id ORDER BY r.rank"
        ),
        Order::Best => format!(
            "SELECT c.id, contact_fts.rank, c.at, c.note, c.own_words
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
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, rank, at, note, own_words)| {
            contact_hit(conn, &terms, id, rank, at, &note, &own_words)
        })
        .collect()
}

/// A contact as a hit: its people, and the words around the first match in its note
/// (else in its own words, else the note's first words).
fn contact_hit(
    conn: &Connection,
    terms: &[String],
    id: i64,
    rank: f64,
    at: i64,
    note: &str,
    own_words: &str,
) -> Result<Hit> {
    Ok(Hit {
        kind: HitKind::Contact,
        id,
        at,
        persons: persons_of_contact(conn, id)?,
        rank,
        snippet: snippet(note, terms)
            .or_else(|| snippet(own_words, terms))
            .unwrap_or_else(|| segments(&first_words(note))),
    })
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
    let mut one = conn.prepare_cached("SELECT at, note, own_words FROM contact WHERE id = ?1")?;
    page.into_iter()
        .map(|id| {
            let (at, note, own_words): (i64, String, String) =
                one.query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            contact_hit(conn, &terms, id, 0.0, at, &note, &own_words)
        })
        .collect()
}

/// Above this many matches, a newest-first page walks the contacts by time (see
/// [`search_contacts_page`]); below it, reading each match directly is cheaper than
/// walking past the many contacts that do not match.
const WALK_FROM: i64 = 2_000;

/// How many words a snippet shows, as FTS5's `snippet(…, 16)` did.
const SNIPPET_WORDS: usize = 16;

/// The folded words someone typed: each matches words that start with it, as the
/// FTS5 prefix terms of [`fts_query`] do.
fn terms(input: &str) -> Vec<String> {
    input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(crate::redact::fold)
        .collect()
}

/// The words of `text` around its first match, the matching words marked, "…"
/// where text was cut. `None` when no word of `text` matches.
fn snippet(text: &str, terms: &[String]) -> Option<Vec<Segment>> {
    // Words and the gaps between them, in order.
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut in_word = false;
    for (i, ch) in text.char_indices() {
        let w = ch.is_alphanumeric();
        if i > 0 && w != in_word {
            pieces.push((&text[start..i], in_word));
            start = i;
        }
        in_word = w;
    }
    if start < text.len() {
        pieces.push((&text[start..], in_word));
    }
    let hit = |word: &str| {
        let folded = crate::redact::fold(word);
        terms.iter().any(|t| folded.starts_with(t.as_str()))
    };
    let words: Vec<usize> = (0..pieces.len()).filter(|&i| pieces[i].1).collect();
    let first = words.iter().position(|&i| hit(pieces[i].0))?;
    let from = first.saturating_sub(SNIPPET_WORDS / 4);
    let to = (from + SNIPPET_WORDS).min(words.len());
    let from = to.saturating_sub(SNIPPET_WORDS);
    // Whole ends keep what stands before the first word and after the last.
    let lo = if from == 0 { 0 } else { words[from] };
    let hi = if to == words.len() {
        pieces.len() - 1
    } else {
        words[to - 1]
    };
    let mut out = Vec::new();
    let mut push = |text: String, hit: bool| match out.last_mut() {
        Some(Segment { text: t, hit: h }) if *h == hit => t.push_str(&text),
        _ => out.push(Segment { text, hit }),
    };
    if from > 0 {
        push("…".into(), false);
    }
    for (piece, is_word) in &pieces[lo..=hi] {
        let text = if *is_word {
            piece.to_string()
        } else {
            piece.replace('\n', " ")
        };
        push(text, *is_word && hit(piece));
    }
    if to < words.len() {
        push("…".into(), false);
    }
    Some(out)
}

/// A note's opening words, for a contact that matched on its own words only.
fn first_words(text: &str) -> String {
    let mut out: String = text
        .split_whitespace()
        .take(SNIPPET_WORDS)
        .collect::<Vec<_>>()
        .join(" ");
    if text.split_whitespace().count() > SNIPPET_WORDS {
        out.push('…');
    }
    out
}

/// Above this many matching notes, results come newest first instead of ranked.
pub const RANK_LIMIT: i64 = 10_000;

/// Private-use characters mark matches inside SQLite's snippet; no note contains
/// them in practice, and they are removed from the text before it is returned.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Turns what a person typed into an FTS5 query: every word a quoted prefix term.
/// Returns `None` when nothing searchable is left.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Matches, best first (newest first for very common words, see [`RANK_LIMIT`]),
/// narrowed by the same filters as the contact list.
/// Bridge notes are searched when no contact-only filter is set.
pub fn search(conn: &Connection, input: &str, f: &Filter, limit: u32) -> Result<Vec<Hit>> {
    crate::text::check_range("limit", limit.into(), 1, 10_000)?;
    let Some(q) = fts_query(input) else {
        return Ok(Vec::new());
    };
    let mut hits = search_contacts(conn, &q, f, limit)?;
    let contact_only =
        f.support.is_some() || f.mode.is_some() || f.for_consult.is_some() || f.signal.is_some();
    if !contact_only {
        hits.extend(search_bridge(conn, &q, f, limit)?);
        hits.sort_by(|a, b| a.rank.total_cmp(&b.rank));
        hits.truncate(limit as usize);
    }
    Ok(hits)
}

fn search_contacts(conn: &Connection, q: &str, f: &Filter, limit: u32) -> Result<Vec<Hit>> {
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
    // Snippets for the final page only. Each MATCH re-expands a prefix term, so for
    // newest-first pages (the top rowids, hence all matches in one rowid range) one
    // range query makes every snippet; ranked pages (at most RANK_LIMIT matches)
    // seek each rowid.
    let mut snippets = std::collections::HashMap::new();
    let range = (
        ranked.iter().map(|r| r.0).min(),
        ranked.iter().map(|r| r.0).max(),
    );
    if let (true, (Some(lo), Some(hi))) = (matches > RANK_LIMIT, range) {
        let mut st = conn.prepare_cached(&format!(
            "SELECT rowid, snippet(contact_fts, -1, '{OPEN}', '{CLOSE}', '…', 16)
             FROM contact_fts WHERE contact_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3"
        ))?;
        let rows = st.query_map((q, lo, hi), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (id, text) = row?;
            snippets.insert(id, text);
        }
    }
    let mut snip = conn.prepare_cached(&format!(
        "SELECT snippet(contact_fts, -1, '{OPEN}', '{CLOSE}', '…', 16)
         FROM contact_fts WHERE contact_fts MATCH ?1 AND rowid = ?2"
    ))?;
    let mut when = conn.prepare_cached("SELECT at FROM contact WHERE id = ?1")?;
    let mut hits = Vec::with_capacity(ranked.len());
    for (id, rank) in ranked {
        let snippet: String = match snippets.remove(&id) {
            Some(s) => s,
            None => snip.query_row((q, id), |r| r.get(0))?,
        };
        let at: i64 = when.query_row([id], |r| r.get(0))?;
        hits.push(Hit {
            kind: HitKind::Contact,
            id,
            at,
            persons: persons_of_contact(conn, id)?,
            rank,
            snippet: segments(&snippet),
        });
    }
    Ok(hits)
}

fn search_bridge(conn: &Connection, q: &str, f: &Filter, limit: u32) -> Result<Vec<Hit>> {
    let mut params = vec![Value::Text(q.into())];
    let mut w = String::new();
    if let Some(p) = f.person {
        params.push(Value::Integer(p));
        w.push_str(" AND b.person_id = ?");
    }
    if let Some(d) = f.from {
        params.push(Value::Integer(crate::time::day_start(d)));
        w.push_str(" AND b.created_at >= ?");
    }
    if let Some(d) = f.to.and_then(|d| d.succ_opt()) {
        params.push(Value::Integer(crate::time::day_start(d)));
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
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn persons_of_contact(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached(
        "SELECT p.alias FROM contact_person cp JOIN person p ON p.id = cp.person_id
         WHERE cp.contact_id = ?1 ORDER BY p.alias COLLATE NOCASE",
    )?;
    let rows = st.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn segments(marked: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut hit = false;
    let mut cur = String::new();
    for ch in marked.chars() {
        if ch == OPEN || ch == CLOSE {
            if !cur.is_empty() {
                out.push(Segment {
                    text: std::mem::take(&mut cur),
                    hit,
                });
            }
            hit = ch == OPEN;
        } else {
            cur.push(ch);
        }
    }
    if !cur.is_empty() {
        out.push(Segment { text: cur, hit });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(segs: &[Segment]) -> String {
        segs.iter()
            .map(|s| {
                if s.hit {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn a_snippet_marks_the_words_that_start_with_a_term_folded_like_the_index() {
        let t = terms("client UITK");
        let s = snippet("De cliënt vroeg naar de Uitkering.\nDaarna koffie.", &t).unwrap();
        assert_eq!(
            marked(&s),
            "De [cliënt] vroeg naar de [Uitkering]. Daarna koffie."
        );
        assert!(snippet("Niets hiervan past.", &t).is_none());
    }

    #[test]
    fn a_long_note_is_cut_around_its_first_match_with_an_ellipsis_on_each_cut_side() {
        let words: Vec<String> = (0..60).map(|i| format!("woord{i}")).collect();
        let mut text = words.join(" ");
        text.push_str(" woningbouw en meer daarna");
        let s = marked(&snippet(&text, &terms("woning")).unwrap());
        assert!(s.starts_with('…') && s.contains("[woningbouw]"), "{s}");
        let shown = s
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        assert!(shown <= SNIPPET_WORDS, "{shown} words: {s}");
        let start = marked(&snippet("woningbouw is het eerste woord", &terms("woning")).unwrap());
        assert_eq!(start, "[woningbouw] is het eerste woord");
    }
}
