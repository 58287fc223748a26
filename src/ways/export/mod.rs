//! A way out: everything in the vault in open formats, so a peer supporter can leave
//! with all of it (a local-first app's promise). A folder of CSV files (one per kind
//! of record, UTF-8 with a byte-order mark and `;`, so Dutch Excel opens them as
//! they are), one XLSX workbook (a sheet per kind), or one JSON file; the columns are
//! documented in `docs/export.md`.
//!
//! The result is not encrypted: the callers warn before they call. Every file is
//! written owner-only and atomically (`files::write_output`), and the export is
//! logged with each person it concerns, as the dossier is.

mod all;
mod render;
pub mod tables;

pub use all::{export_all, Format};
pub use render::{csv, json, xlsx, SCHEMA};
pub use tables::{Table, Value};
