//! The records: what the supporter keeps, one module per kind. Each write runs in its
//! own IMMEDIATE transaction with its audit line, and is durable when it returns `Ok`.
//! Records know nothing of what leaves the vault (that is [`crate::ways`]).

pub mod bridge;
pub mod circle;
pub mod consent;
pub mod contact;
pub mod draft;
pub mod erasure;
pub mod followup;
pub mod goal;
pub mod person;
pub mod settings;
