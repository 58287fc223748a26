//! What a person types, turned into an FTS5 query (every word a quoted prefix term, so
//! a stray quote or `NEAR(` is just a character), and the filter into SQL.

use rusqlite::types::Value;

use crate::records::contact::{self, Filter};

/// Above this many matching notes, results come newest first instead of ranked.
pub const RANK_LIMIT: i64 = 10_000;

/// Private-use characters mark matches inside SQLite's snippet; no note contains
/// them in practice, and they are removed from the text before it is returned.
pub(super) const OPEN: char = '\u{E000}';
pub(super) const CLOSE: char = '\u{E001}';

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

/// The filters of a contact search as SQL after `MATCH ?`, with their parameters
/// (the query first).
pub(super) fn contact_where(q: &str, f: &Filter) -> (String, Vec<Value>) {
    let mut params = vec![Value::Text(q.into())];
    let mut w = String::new();
    if let Some(p) = f.person {
        // Within one person's contacts the words count in the shared texts, and in
        // a signal or own words only when those are this person's: a group contact
        // is not found for Sanne by words in Esra's signal.
        params.push(Value::Integer(p));
        params.push(Value::Text(format!("{{note own_experience_note}} : ({q})")));
        params.push(Value::Integer(p));
        params.push(Value::Text(format!("{{signal_note}} : ({q})")));
        params.push(Value::Integer(p));
        params.push(Value::Text(format!("{{own_words}} : ({q})")));
        w.push_str(
            " AND c.id IN (SELECT contact_id FROM contact_person WHERE person_id = ?)
              AND (c.id IN (SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?)
                OR c.id IN (SELECT contact_id FROM contact_person WHERE person_id = ? AND signal = 1
                            AND contact_id IN (SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?))
                OR c.id IN (SELECT contact_id FROM contact_person WHERE person_id = ? AND own_words = 1
                            AND contact_id IN (SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?)))",
        );
    }
    for cond in contact::conditions(f, "c.at", &mut params) {
        w.push_str(" AND ");
        w.push_str(&cond);
    }
    (w, params)
}
