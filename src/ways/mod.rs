//! The ways in and out of the vault: everything that turns records into something
//! outside the vault (a summary for the team, a bridge note as text, the person's own
//! dossier, a backup, everything in open formats, the hours overview) or brings
//! something in (a peer supporter's own sheet, demo data). What leaves for others goes
//! through [`redact`] first.

pub mod about;
pub mod backup;
pub mod bridge_text;
pub mod demo;
pub mod dossier;
pub mod export;
pub mod hours;
pub mod import;
pub mod my_plan;
pub mod pdf;
pub mod redact;
pub mod sheet;
pub mod summary;
