//! `-` as the value of a free-text option (`--note -`, `--own-words -`, `--text -`,
//! …): the text is read from standard input. Text typed as an argument stays in the
//! shell's history and can be read in `/proc/PID/cmdline` by every local user while
//! `naast` runs; text on stdin (a pipe, a here-document, a file redirected) does not.
//!
//! Standard input can be read once, so only one option per command may ask for it:
//! the first `-` reads it while clap parses, every other one is noted, and
//! [`check`] refuses the command before anything opens, in the user's language. The
//! passphrase may come from stdin too (`--passphrase-file -`), and the recovery
//! code of `naast recover` always does; they count as well.

use std::ffi::OsStr;
use std::io::Read;
use std::sync::Mutex;

use clap::builder::TypedValueParser;
use naast::ground::error::{Error, Invalid, Result};

/// The options that asked for stdin, in the order clap met them, and the text the
/// first one read.
static CLAIMS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// The value parser of every free-text option: `-` reads stdin (once), anything else
/// is the text itself.
#[derive(Clone, Copy, Debug, Default)]
pub struct FreeText;

impl TypedValueParser for FreeText {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> std::result::Result<String, clap::Error> {
        let text = clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)?;
        if text != "-" {
            return Ok(text);
        }
        let name = arg
            .and_then(|a| a.get_long())
            .map_or_else(|| "-".to_string(), |l| format!("--{l}"));
        let first = claim(name);
        if !first {
            return Ok(String::new());
        }
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map_err(|e| {
            clap::Error::raw(
                clap::error::ErrorKind::InvalidUtf8,
                format!("could not read stdin: {e}"),
            )
            .with_cmd(cmd)
        })?;
        Ok(s)
    }
}

/// Notes that `name` asks for stdin; true when it is the first.
pub fn claim(name: String) -> bool {
    let mut c = CLAIMS.lock().unwrap_or_else(|p| p.into_inner());
    c.push(name);
    c.len() == 1
}

/// Whether a file option names stdin (`-`, or `/dev/stdin` spelled out).
pub fn is_stdin(path: &std::path::Path) -> bool {
    path == std::path::Path::new("-") || path == std::path::Path::new("/dev/stdin")
}

/// Refuses a command in which more than one option asks for stdin (`others` are the
/// ones besides the free-text options: the passphrase, the recovery code).
pub fn check(others: &[&str]) -> Result<()> {
    let mut all = CLAIMS.lock().unwrap_or_else(|p| p.into_inner()).clone();
    all.extend(others.iter().map(|s| s.to_string()));
    match all.as_slice() {
        [first, second, ..] => Err(Error::Invalid(Invalid::StdinTwice {
            first: first.clone(),
            second: second.clone(),
        })),
        _ => Ok(()),
    }
}
