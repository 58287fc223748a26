//! The summary as Naast's own PDF: the same [`crate::ways::summary::Summary`] the HTML
//! renders, in the same words and order (the agenda, the period's numbers and chart,
//! a page per person), set with [`crate::ways::pdf`]. It prints only what the struct
//! holds, so it can hold no name the HTML does not.

mod chart;
mod page;
mod person;

pub use page::{pages, render};
