//! Everything the vault holds about one person, for the person themself: the right of
//! access and of portability (AVG/GDPR articles 15 and 20).
//!
//! One read model above the entity modules: the person, their circle and consents,
//! every contact they were part of (the note in full), their bridge notes with what
//! was shared and the answers, all their check-ins (done ones too), and what the
//! audit log says left the vault about them. It is about them only: in a group
//! contact the others are counted, never named, and their names in the shared notes
//! read "een andere deelnemer". Two renderings: JSON for a system (a versioned,
//! documented schema, `docs/dossier-schema.md`) and a readable A4 document in plain
//! words.

mod export;
mod html;
mod load;
mod plan;

pub use export::{export, render, Format};
pub use load::{load, Bridge, Dossier, LogLine, Moment, Share, SCHEMA};
