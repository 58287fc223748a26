//! The hours overview ("verantwoording") managers ask for: per week or month of a
//! period, how many contacts and how many hours, split by support type, mode and the
//! context of the people (client, young person, colleague, group member). It holds
//! no names and no codes: only counts, so it can go to a manager as it is.
//!
//! A contact's hours are counted once. Where a contact has two support types, its
//! time is split equally between them (a 60-minute contact that was practical and
//! emotional adds 30 minutes to each), and the same for the contexts of the people
//! in a group contact: so every split adds up to the hours of the period.

mod compute;
mod files;
mod html;
mod model;

pub use compute::compute;
pub use files::{record, save, table};
pub use html::render;
pub use model::{By, Overview, Period};
