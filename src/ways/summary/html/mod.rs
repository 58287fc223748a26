//! The summary as one self-contained HTML document: inline CSS and SVG, no script,
//! no external resource, A4 print rules. [`render`] writes the page; every piece of
//! user text passes through [`esc`].

pub(super) mod agenda;
mod page;
pub(super) mod person;
pub(super) mod words;

pub use agenda::AGENDA_CAP;
pub use page::render;
pub use person::CONTACT_ROWS;
pub use words::esc;
