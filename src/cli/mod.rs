//! The `naast` command line: its options parsed, the vault found, the command run,
//! and every failure told in one line in the user's language.

mod about;
mod args;
mod backup;
mod bridge;
mod checkin;
mod circle;
mod contact;
mod ctx;
mod dispatch;
mod export;
mod goal;
mod import;
mod key;
mod log;
mod output;
mod person;
mod stdin;
mod summary;
mod unsure;

use std::process::ExitCode;

use clap::Parser;
use naast::ground::error::Error;
use naast::ground::lang::Lang;
use naast::store::keys::{KeyStore, OsKeyring};

use args::Cli;
use ctx::Ctx;

pub fn run() -> ExitCode {
    // The environment may hold any locale; one Naast does not speak means Dutch.
    let lang_guess = std::env::var("NAAST_LANG")
        .ok()
        .and_then(|l| l.parse().ok())
        .unwrap_or_default();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind as K;
            if matches!(
                e.kind(),
                K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                let _ = e.print();
                return if e.kind() == K::DisplayHelpOnMissingArgumentOrSubcommand {
                    ExitCode::from(2)
                } else {
                    ExitCode::SUCCESS
                };
            }
            let first = clap_line(&e, lang_guess);
            let hint = match lang_guess {
                Lang::Nl => "zie `naast --help`",
                Lang::En => "see `naast --help`",
            };
            eprintln!("naast: {first} ({hint})");
            return ExitCode::from(2);
        }
    };
    let lang = match cli.lang.as_deref().map(str::parse::<Lang>) {
        Some(Ok(l)) => l,
        Some(Err(e)) => return fail(&e, lang_guess),
        None => lang_guess,
    };
    // Standard input is read once: one option per command may ask for it.
    let mut others = Vec::new();
    if cli.passphrase_file.as_deref().is_some_and(stdin::is_stdin) {
        others.push("--passphrase-file");
    }
    match &cli.command {
        args::Command::Recover => others.push("naast recover"),
        args::Command::Passphrase {
            new_passphrase_file,
        } if stdin::is_stdin(new_passphrase_file) => others.push("--new-passphrase-file"),
        _ => {}
    }
    if let Err(e) = stdin::check(&others) {
        return fail(&e, lang);
    }
    let path = match cli.vault.clone().or_else(naast::vault::default_path) {
        Some(p) => p,
        None => {
            eprintln!(
                "naast: {}",
                match lang {
                    Lang::Nl => "geen standaardmap voor de kluis gevonden; geef --vault PAD",
                    Lang::En => "no default folder for the vault; give --vault PATH",
                }
            );
            return ExitCode::from(1);
        }
    };
    let store: Box<dyn KeyStore> = match std::env::var("NAAST_KEYRING_SERVICE") {
        Ok(s) if !s.is_empty() => Box::new(OsKeyring::with_service(&s)),
        _ => Box::new(OsKeyring::default()),
    };
    let ctx = Ctx {
        lang,
        json: cli.json,
        path,
        passphrase_file: cli.passphrase_file,
        passphrase_read: std::cell::OnceCell::new(),
        store,
    };
    match dispatch::dispatch(&ctx, cli.command) {
        Ok(code) => code,
        Err(e) => fail(&e, lang),
    }
}

/// One line for a command line clap could not read, in the user's language: clap's
/// own text is English, and spreads some errors over several lines.
fn clap_line(e: &clap::Error, lang: Lang) -> String {
    use clap::error::{ContextKind as C, ContextValue as V, ErrorKind as K};
    let get = |k: C| -> String {
        match e.get(k) {
            Some(V::String(s)) => s.clone(),
            Some(V::Strings(v)) => v.join(", "),
            Some(V::StyledStr(s)) => s.to_string(),
            Some(V::StyledStrs(v)) => v
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            Some(V::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let english = || {
        e.to_string()
            .lines()
            .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
            .trim_start_matches("error: ")
            .to_string()
    };
    if lang == Lang::En {
        return english();
    }
    match e.kind() {
        K::UnknownArgument => format!("onbekende optie '{}'", get(C::InvalidArg)),
        K::InvalidSubcommand => format!("onbekend commando '{}'", get(C::InvalidSubcommand)),
        K::MissingRequiredArgument => format!("dit ontbreekt nog: {}", get(C::InvalidArg)),
        K::MissingSubcommand => "geef een commando".to_string(),
        K::InvalidValue | K::ValueValidation => format!(
            "'{}' is geen geldige waarde voor {}",
            get(C::InvalidValue),
            get(C::InvalidArg)
        ),
        K::ArgumentConflict => format!(
            "{} en {} gaan niet samen",
            get(C::InvalidArg),
            get(C::PriorArg)
        ),
        K::TooManyValues | K::TooFewValues | K::WrongNumberOfValues => {
            format!("verkeerd aantal waarden voor {}", get(C::InvalidArg))
        }
        K::NoEquals => format!("{} heeft een '=' nodig", get(C::InvalidArg)),
        K::InvalidUtf8 => "de opdrachtregel bevat tekens die geen geldige tekst zijn".into(),
        _ => english(),
    }
}

fn fail(e: &Error, lang: Lang) -> ExitCode {
    let msg = e.cli_message(lang);
    eprintln!("naast: {}", msg.lines().next().unwrap_or(""));
    ExitCode::from(1)
}
