//! A PDF read back as a reader would, by poppler (installed by `scripts/setup.sh`):
//! the tests of Naast's own PDFs assert on what another program finds in them.

use std::path::Path;
use std::process::Command;

/// Poppler's text of a PDF, white space folded to single spaces (a reader breaks
/// lines where the layout did).
pub fn pdftotext(p: &Path) -> String {
    let o = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(p)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/setup.sh");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `pdfinfo`'s answer: "Title:", "Pages:" and the rest, a field a line.
pub fn pdfinfo(p: &Path) -> String {
    let o = Command::new("pdfinfo").arg(p).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}
