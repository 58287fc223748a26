//! Limits on text. Notes are kept exactly as typed (HTML is just text; escaping is
//! the job of whatever shows it); only their length is bounded, far above any real
//! note, so that a pasted file by mistake is refused with a clear message instead of
//! slowing everything down.

use crate::ground::error::{Invalid, Result};

/// Characters in a note, own words, a bridge note. The brief asks for at least 100,000.
pub const NOTE_MAX: usize = 200_000;
/// Characters in a name, alias, role or tag.
pub const SHORT_MAX: usize = 200;

pub fn check_len(field: &'static str, s: &str, max: usize) -> Result<()> {
    // Counting bytes first avoids walking a huge string only to refuse it.
    if s.len() > max {
        let len = s.chars().count();
        if len > max {
            return Err(Invalid::TooLong { field, len, max }.into());
        }
    }
    Ok(())
}

/// A short, single-line, non-empty value such as an alias or a name.
pub fn one_line(field: &'static str, s: &str) -> Result<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        return Err(Invalid::Empty(field).into());
    }
    check_len(field, &t, SHORT_MAX)?;
    Ok(t)
}

/// Like [`one_line`], for a field that may stay empty (a role).
pub fn one_line_or_empty(field: &'static str, s: &str) -> Result<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    check_len(field, &t, SHORT_MAX)?;
    Ok(t)
}

/// Refuses a number outside `min..=max`, naming the field: every count, period and
/// limit a person or a script can type has one.
pub fn check_range(what: &'static str, v: i64, min: i64, max: i64) -> Result<i64> {
    if (min..=max).contains(&v) {
        Ok(v)
    } else {
        Err(Invalid::OutOfRange {
            what,
            min: min.to_string(),
            max: max.to_string(),
            got: v.to_string(),
        }
        .into())
    }
}
