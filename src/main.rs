//! The `naast` command line: a public interface over the core, for scripts, tests
//! and people who prefer a terminal.
//!
//! Every failure ends in exactly one line on stderr and a non-zero exit: 1 for a
//! refusal by Naast, 2 for a command line it could not read. Nothing here prints
//! note text to stderr, and a panic prints a fixed line, never its payload.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    naast::store::memory::harden_process();
    std::panic::set_hook(Box::new(|_| {
        eprintln!("naast: interne fout; er is niets half opgeslagen (internal error; nothing was half-saved)");
    }));
    cli::run()
}
