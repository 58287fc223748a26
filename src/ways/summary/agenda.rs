//! The agenda: what asks for the team's attention, one line per person per kind,
//! in the order the team should read it.

use chrono::NaiveDate;

use super::model::{AgendaItem, AgendaKind, BridgeRow, ContactRow};
use crate::ground::vocab::Status;

#[derive(Default)]
pub(super) struct Agenda(Vec<AgendaItem>);

impl Agenda {
    fn push(&mut self, kind: AgendaKind, person: &str, count: usize, date: Option<NaiveDate>) {
        self.0.push(AgendaItem {
            kind,
            person: person.to_string(),
            count: count as u32,
            date,
            detail: String::new(),
            note: None,
        });
    }

    /// The person's signals in the period; the latest one's own note only when that
    /// contact is marked for the consult (the row carries it only then).
    pub fn signals(&mut self, person: &str, rows: &[ContactRow]) {
        let signals: Vec<&ContactRow> = rows.iter().filter(|r| r.signal).collect();
        let Some(latest) = signals.iter().max_by_key(|r| (r.date, &r.time)) else {
            return;
        };
        self.push(AgendaKind::Signal, person, signals.len(), Some(latest.date));
        if let Some(item) = self.0.last_mut() {
            item.note = latest.signal_note.clone();
        }
    }

    pub fn stagnant(&mut self, person: &str, last_contact: Option<i64>, weeks: u32) {
        let last = last_contact.map(|t| crate::ground::calendar::local(t).date_naive());
        self.push(AgendaKind::Stagnation, person, 1, last);
        if let Some(item) = self.0.last_mut() {
            item.detail = weeks.to_string();
        }
    }

    /// The person's open goals not looked at for `weeks` (`seen`: when each was last
    /// looked at, the longest-quiet first).
    pub fn quiet_goals(&mut self, person: &str, seen: &[(i64, i64)], weeks: u32) {
        let Some((_, first)) = seen.first() else {
            return;
        };
        let day = crate::ground::calendar::local(*first).date_naive();
        self.push(AgendaKind::QuietGoal, person, seen.len(), Some(day));
        if let Some(item) = self.0.last_mut() {
            item.detail = weeks.to_string();
        }
    }

    pub fn overdue(&mut self, person: &str, open: &[(NaiveDate, String)], today: NaiveDate) {
        let late: Vec<NaiveDate> = open
            .iter()
            .map(|(d, _)| *d)
            .filter(|d| *d < today)
            .collect();
        if let Some(first) = late.iter().min() {
            self.push(AgendaKind::OverdueCheckIn, person, late.len(), Some(*first));
        }
    }

    pub fn unanswered(&mut self, person: &str, rows: &[BridgeRow]) {
        let open: Vec<&BridgeRow> = rows.iter().filter(|b| b.status == Status::Shared).collect();
        if open.is_empty() {
            return;
        }
        let first = open.iter().filter_map(|b| b.shared_on).min();
        let mut to: Vec<&str> = open.iter().map(|b| b.recipient.as_str()).collect();
        to.sort_unstable();
        to.dedup();
        self.push(AgendaKind::UnansweredBridge, person, open.len(), first);
        if let Some(item) = self.0.last_mut() {
            item.detail = to.join(", ");
        }
    }

    /// By kind; within a kind the most pressing first: the most signals (then the
    /// latest), the longest out of view (never seen first), the oldest unanswered
    /// note, the longest overdue check-in.
    pub fn into_items(mut self) -> Vec<AgendaItem> {
        self.0.sort_by(|a, b| {
            a.kind.cmp(&b.kind).then_with(|| match a.kind {
                AgendaKind::Signal => b
                    .count
                    .cmp(&a.count)
                    .then_with(|| b.date.cmp(&a.date))
                    .then_with(|| a.person.cmp(&b.person)),
                _ => a.date.cmp(&b.date).then_with(|| a.person.cmp(&b.person)),
            })
        });
        self.0
    }
}
