//! Which reader a file gets: by its first bytes, not its name, so a workbook saved
//! as `.csv` by mistake is still read as a workbook, and a PDF is refused plainly.

use std::path::Path;

use super::model::Table;
use super::{book, csv};
use crate::ground::error::{Error, Result};

/// Reads a sheet from a file. `sheet` names the workbook sheet to read; by default
/// the first one with data.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Table> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    read_bytes(&bytes, sheet)
}

/// Reads a sheet from its bytes (see [`read`]).
pub fn read_bytes(bytes: &[u8], sheet: Option<&str>) -> Result<Table> {
    use sha2::Digest;
    let mut t = by_kind(bytes, sheet)?;
    t.fingerprint = hex::encode(sha2::Sha256::digest(bytes));
    Ok(t)
}

fn by_kind(bytes: &[u8], sheet: Option<&str>) -> Result<Table> {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if bytes.starts_with(ZIP) {
        book::read(bytes, sheet)
    } else if bytes.starts_with(OLE) {
        // An old .xls, or an encrypted .xlsx (Excel wraps those in the same container).
        book::read_xls(bytes, sheet)
    } else if looks_binary(bytes) {
        Err(Error::NotASheet)
    } else {
        csv::read(bytes)
    }
}

/// A PDF, an image, a Word file: not text, so not a CSV. UTF-16 text has NUL bytes
/// too, but starts with its byte-order mark.
fn looks_binary(bytes: &[u8]) -> bool {
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    bytes.starts_with(b"%PDF") || (!utf16 && bytes.iter().take(8192).any(|b| *b == 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_or_empty_file_gets_a_clear_refusal() {
        assert!(matches!(read_bytes(b"", None), Err(Error::SheetEmpty)));
        assert!(matches!(
            read_bytes(b"%PDF-1.7\n", None),
            Err(Error::NotASheet)
        ));
        assert!(matches!(
            read_bytes(b"\x89PNG\r\n\x1a\n\0\0", None),
            Err(Error::NotASheet)
        ));
        assert!(matches!(
            read_bytes(b"PK\x03\x04garbage", None),
            Err(Error::SheetDamaged(_))
        ));
    }
}
