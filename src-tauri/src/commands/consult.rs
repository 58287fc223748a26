//! The team consult from the app: the preview, the names to check, printing and
//! saving the summary.

use naast::ground::calendar;
use naast::ways::summary;
use serde::Serialize;
use ts_rs::TS;

#[derive(Serialize, TS)]
#[ts(export)]
pub struct SummaryFacts {
    pub contacts: i64,
    pub people: i64,
    pub minutes: i64,
    pub agenda: usize,
    /// Words that look like names Naast does not know: each needs a choice before
    /// the summary is printed or saved.
    pub suspects: Vec<naast::ways::redact::Suspect>,
}

crate::ipc::commands! {
fn summary_preview(s, app; options: summary::Options) -> SummaryFacts {
    let (sum, suspects) = s.with(|c| summary::compute_checked(c, &options, calendar::today()))?;
    s.set_rendered(crate::state::Rendered {
        html: summary::html::render(&sum),
        summary: sum.clone(),
        person_ids: sum.person_ids.clone(),
        options,
        suspects: suspects.clone(),
    });
    Ok(SummaryFacts {
        contacts: sum.totals.contacts,
        people: sum.totals.people,
        minutes: sum.totals.minutes,
        agenda: sum.agenda.len(),
        suspects,
    })
}
/// "Is geen naam": remembered in the vault, never asked about again.
fn summary_not_name(s, app; word: String) -> () {
    s.with(|c| naast::ways::redact::add_not_name(c, &word).map(|_| ()))
}
/// Prints the summary on screen; true when the person confirmed the print dialog,
/// and only then is it logged.
fn summary_print(s, app) -> bool {
    crate::print::print_summary(app, &s).await
}
/// Saves the summary on screen; false when the person cancelled.
fn summary_save(s, app) -> bool {
    crate::print::save_summary(&app, &s)
}
/// Saves the summary on screen as Naast's own PDF; false when the person cancelled.
fn summary_save_pdf(s, app) -> bool {
    crate::print::save_summary_pdf(&app, &s)
}
}
