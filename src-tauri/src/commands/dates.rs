//! Dates and times as the app's fields type them: read, and described beside the
//! field in the user's language.

use chrono::NaiveDate;
use naast::ground::calendar;
use naast::ground::time;
use serde::Serialize;
use ts_rs::TS;

/// A day as the field understood it: the value, how it is written back into the
/// field (`23-11-2026`), and the words beside it ("ma 23 nov. 2026, week 48").
#[derive(Serialize, TS)]
#[ts(export)]
pub struct DayRead {
    pub day: NaiveDate,
    pub text: String,
    pub label: String,
}

/// A moment as the field understood it (unix seconds; Dutch local time).
#[derive(Serialize, TS)]
#[ts(export)]
pub struct MomentRead {
    pub at: i64,
    pub text: String,
    pub label: String,
}

crate::ipc::commands! {
/// The app's date fields: typed text read by the core, day-month-year and 24-hour
/// whatever the system's locale.
fn read_day(s, app; text: String, lean: time::Lean) -> DayRead {
    let day = s.map(time::read_day(&text, calendar::today(), lean))?;
    Ok(DayRead {
        day,
        text: calendar::day_text(day),
        label: calendar::day_label(day, s.lang()),
    })
}
fn read_moment(s, app; text: String) -> MomentRead {
    let at = s.map(time::read_moment(&text, chrono::Utc::now()))?.timestamp();
    Ok(MomentRead {
        at,
        text: calendar::moment_text(at),
        label: calendar::moment_label(at, s.lang()),
    })
}
/// How a stored day is shown in its field.
fn describe_day(s, app; day: NaiveDate) -> DayRead {
    Ok(DayRead {
        day,
        text: calendar::day_text(day),
        label: calendar::day_label(day, s.lang()),
    })
}
fn describe_moment(s, app; at: i64) -> MomentRead {
    Ok(MomentRead {
        at,
        text: calendar::moment_text(at),
        label: calendar::moment_label(at, s.lang()),
    })
}
}
