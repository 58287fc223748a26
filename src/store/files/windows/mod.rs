//! Windows' side of `files`: what Linux gets from file modes, `O_TMPFILE`, `rename(2)`
//! and inode numbers, done with the Win32 calls that mean the same there.
//!
//! - Owner-only: files and folders are created with a protected DACL holding one
//!   entry, full access for the user running Naast (the Windows form of 0600/0700);
//!   nothing is inherited from the folder, which may be a share others can read.
//! - Atomic and durable: a new output is written under a name that Windows deletes by
//!   itself when the handle closes (`FILE_FLAG_DELETE_ON_CLOSE`, also when the process
//!   is killed), flushed, given a second name with a hard link, and moved over the
//!   target with `MoveFileExW(REPLACE_EXISTING | WRITE_THROUGH)`.
//! - The same file under another spelling: Windows names are case-insensitive, take
//!   `\` and `/`, drop trailing dots and spaces, and have 8.3 short names. Existing
//!   files are compared by volume serial number and file index (which no spelling
//!   changes); names of files that do not exist yet by their full path, compared the
//!   way NTFS compares them.
//!
//! One file per idea: `owner` (the DACL and creating files and folders with it),
//! `write` (the atomic, durable write and the move over a target), `identity` (which
//! names are one file), over `win32` (the small helpers every call needs).

mod identity;
mod owner;
#[cfg(test)]
mod tests;
mod win32;
mod write;

pub(crate) use identity::{file_id, same_name};
pub(crate) use owner::{private_dir, private_file};
pub(crate) use write::{replace, sync_file, write_atomic};
