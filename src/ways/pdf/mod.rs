//! Naast's own PDF: A4 pages of wrapped text, headings, simple tables and bars, in
//! one embedded typeface, made in memory and handed back as bytes for
//! [`crate::store::files::write_output`] to write (owner-only, atomic, never over the
//! vault). Not the webview's printing: that runs in another process and writes its
//! file itself, with the user's umask and anywhere.
//!
//! [`Flow`] lays blocks out down the pages; [`write`] turns the pages into PDF with
//! the running head and page numbers. Knows no summary: the ways that leave as PDF
//! build their document on top of this.

mod flow;
mod font;
mod page;
mod wrap;
mod write;

pub use flow::{Col, Flow, Style, BODY, SMALL};
pub use font::Face;
pub use page::{text_of, Op, MARGIN_X, TEXT_WIDTH};
pub use wrap::{wrap, Span};
pub use write::{write, Running};
