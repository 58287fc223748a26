//! The operating system's reasons for a failed read or write, in plain words: its own
//! text is English only, and not the words a person would use.

use std::io::ErrorKind;

use crate::ground::lang::Lang;

/// The operating system's reason, in plain words: its own text is English only.
pub(super) fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    let nl = lang == Lang::Nl;
    let s = match e.kind() {
        ErrorKind::NotFound => [
            "the folder or file does not exist",
            "de map of het bestand bestaat niet",
        ],
        ErrorKind::PermissionDenied => ["no permission", "geen toestemming"],
        ErrorKind::AlreadyExists => ["it already exists", "het bestaat al"],
        ErrorKind::ReadOnlyFilesystem => ["the disk is read-only", "de schijf is alleen-lezen"],
        ErrorKind::IsADirectory => ["it is a folder", "het is een map"],
        ErrorKind::NotADirectory => [
            "part of the path is not a folder",
            "een deel van het pad is geen map",
        ],
        ErrorKind::InvalidData => [
            "the content is not readable text",
            "de inhoud is geen leesbare tekst",
        ],
        ErrorKind::StorageFull => ["the disk is full", "de schijf is vol"],
        _ => return e.to_string(),
    };
    s[nl as usize].to_string()
}
