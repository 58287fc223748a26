//! The team-consult summary: what a peer supporter brings to the teamoverleg.
//!
//! Computed here as plain data ([`Summary`]), then rendered once to a self-contained
//! HTML document by [`html`]. Privacy is decided here, not in the rendering: people
//! are labelled at the chosen level (the default is the least: a code), circle
//! members appear by role only, and a note not marked for the consult never enters
//! the struct unless the user asked for all notes. What is not in the struct cannot
//! leak into the page. Every free text that enters it has passed through
//! [`crate::ways::redact::Redactor`], so known names inside notes are replaced at the same
//! level as the labels (see [`compute`]).
//!
//! Colleague support is not client work: colleagues (`Context::Colleague`) and the
//! contacts that are only with colleagues stay out unless [`Options::colleagues`] is
//! set. A group contact with a colleague and a client is client work and is kept,
//! on the client's page and in the totals; the colleague is not listed among those
//! present, and their name in its note reads "een collega" rather than a code that
//! points at no page.

mod agenda;
pub mod chart;
mod compute;
pub mod html;
mod model;
pub mod pdf;
mod record;
pub mod specimen;

pub use crate::ways::redact::Level;
pub use compute::{compute, compute_checked, suspects};
pub use model::{
    AgendaItem, AgendaKind, BridgeRow, ContactRow, Options, PersonPage, Summary, Totals,
};
pub use record::{check_suspects, record, Action, Format};
