//! The store: the mechanisms that keep data on disk, with no idea of what the data
//! means. The connection's settings and the write transaction, writing files safely
//! (owner-only, atomic, never over the vault), and the key with the ways it is kept.

pub mod db;
pub mod files;
pub mod keys;
pub mod memory;
