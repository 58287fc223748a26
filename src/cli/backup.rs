//! `naast backup`, `backup list`, `backup verify FILE`, `restore FILE`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use naast::ground::error::{Error, Result};
use naast::ground::lang::Lang;
use naast::ground::numbers::count;
use naast::records::settings;
use naast::ways::backup::{self, Backup, KeyFrom, Report};
use serde_json::json;
use zeroize::Zeroizing;

use super::args::BackupCmd;
use super::ctx::Ctx;
use super::output::print_json;
use super::output::say;

pub fn backup(ctx: &Ctx, cmd: Option<BackupCmd>, to: Option<PathBuf>) -> Result<ExitCode> {
    match cmd {
        None => make(ctx, to),
        Some(BackupCmd::List { to: list_to }) => list(ctx, list_to.or(to)),
        Some(BackupCmd::Verify {
            file,
            recovery_code_file,
        }) => verify(ctx, &file, recovery_code_file.as_deref()),
    }
}

fn folder(v: &naast::vault::Vault, to: Option<PathBuf>) -> Result<PathBuf> {
    Ok(match to {
        Some(d) => d,
        None => backup::folder(v, &settings::load(v.conn())?),
    })
}

fn backup_json(b: &Backup) -> serde_json::Value {
    json!({
        "path": b.path,
        "made_at": b.made_at,
        "contacts": b.contacts,
        "verified": b.verified,
    })
}

fn when(made_at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(made_at)
        .map(|t| naast::ground::calendar::short_local(t.timestamp()))
        .unwrap_or_else(|_| made_at.to_string())
}

fn make(ctx: &Ctx, to: Option<PathBuf>) -> Result<ExitCode> {
    let v = ctx.open()?;
    let dir = folder(&v, to)?;
    let b = backup::make(&v, &dir, chrono::Utc::now())?;
    if ctx.json {
        print_json(&backup_json(&b));
    } else {
        // The path alone on standard output, for scripts; the sentence for people.
        println!("{}", b.path.display());
        let n = b.contacts.unwrap_or(0);
        eprintln!(
            "{}",
            match ctx.lang {
                Lang::Nl => format!(
                    "Back-up gemaakt en gecontroleerd ({}).",
                    count(n, Lang::Nl, "contactmoment", "contactmomenten")
                ),
                Lang::En => format!(
                    "Backup made and verified ({}).",
                    count(n, Lang::En, "contact moment", "contact moments")
                ),
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn list(ctx: &Ctx, to: Option<PathBuf>) -> Result<ExitCode> {
    let v = ctx.open()?;
    let dir = folder(&v, to)?;
    let all = backup::list(&v, &dir)?;
    if ctx.json {
        print_json(&all.iter().map(backup_json).collect::<Vec<_>>());
        return Ok(ExitCode::SUCCESS);
    }
    if all.is_empty() {
        say(
            ctx,
            &format!("Nog geen back-ups in {}.", dir.display()),
            &format!("No backups in {} yet.", dir.display()),
        );
    }
    for b in &all {
        let n = match b.contacts {
            Some(n) => match ctx.lang {
                Lang::Nl => count(n, Lang::Nl, "contactmoment", "contactmomenten"),
                Lang::En => count(n, Lang::En, "contact moment", "contact moments"),
            },
            None => match ctx.lang {
                Lang::Nl => "(oude sleutel)".into(),
                Lang::En => "(old key)".into(),
            },
        };
        let checked = match (b.verified, ctx.lang) {
            (true, Lang::Nl) => "gecontroleerd",
            (true, Lang::En) => "verified",
            (false, Lang::Nl) => "niet gecontroleerd",
            (false, Lang::En) => "not verified",
        };
        println!(
            "{:<22} {:<26} {:<18} {}",
            when(&b.made_at),
            n,
            checked,
            b.path.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The first line of the file: the code, as `recover` reads it.
fn read_code(path: &Path) -> Result<Zeroizing<String>> {
    let mut raw = Zeroizing::new(String::new());
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_string(&mut raw))
        .map_err(|e| Error::io(path, e))?;
    Ok(Zeroizing::new(
        raw.lines().next().unwrap_or("").trim().to_string(),
    ))
}

fn report_json(r: &Report) -> serde_json::Value {
    json!({
        "path": r.path,
        "sound": r.sound,
        "made_at": r.made_at,
        "schema_version": r.schema_version,
        "contacts": r.counts.contacts,
        "counts": r.counts,
        "hash_matches": r.hash_matches,
        "problems": r.problems,
    })
}

fn verify(ctx: &Ctx, file: &Path, code_file: Option<&Path>) -> Result<ExitCode> {
    let r = match code_file {
        Some(f) => backup::verify_with_code(file, &read_code(f)?, ctx.lang)?,
        None => backup::verify(&ctx.open()?, file, ctx.lang)?,
    };
    if ctx.json {
        print_json(&report_json(&r));
    } else {
        for p in &r.problems {
            println!("{p}");
        }
        let c = &r.counts;
        let what = match ctx.lang {
            Lang::Nl => format!(
                "{}, {}, {}, {}",
                count(c.people, Lang::Nl, "persoon", "personen"),
                count(c.contacts, Lang::Nl, "contactmoment", "contactmomenten"),
                count(c.bridge_notes, Lang::Nl, "brugnotitie", "brugnotities"),
                count(c.checkins, Lang::Nl, "check-in", "check-ins"),
            ),
            Lang::En => format!(
                "{}, {}, {}, {}",
                count(c.people, Lang::En, "person", "people"),
                count(c.contacts, Lang::En, "contact moment", "contact moments"),
                count(c.bridge_notes, Lang::En, "bridge note", "bridge notes"),
                count(c.checkins, Lang::En, "check-in", "check-ins"),
            ),
        };
        let made = r.made_at.as_deref().map(when).unwrap_or_default();
        if r.sound {
            say(
                ctx,
                &format!("Back-up in orde (gemaakt {made}): {what}."),
                &format!("Backup sound (made {made}): {what}."),
            );
        }
    }
    if r.sound {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "naast: {}",
            Error::BackupDamaged(file.into()).cli_message(ctx.lang)
        );
        Ok(ExitCode::from(1))
    }
}

pub fn restore(
    ctx: &Ctx,
    file: &Path,
    code_file: Option<&Path>,
    replace: bool,
) -> Result<ExitCode> {
    let pass = ctx.passphrase()?;
    let from = match code_file {
        Some(f) => KeyFrom::Code(read_code(f)?),
        None if !ctx.path.exists() => {
            eprintln!(
                "naast: {}",
                match ctx.lang {
                    Lang::Nl => format!(
                        "er is geen kluis in {} om de sleutel van te nemen; geef de herstelcode met --recovery-code-file",
                        ctx.path.display()
                    ),
                    Lang::En => format!(
                        "there is no vault at {} to take the key from; give the recovery code with --recovery-code-file",
                        ctx.path.display()
                    ),
                }
            );
            return Ok(ExitCode::from(2));
        }
        None => KeyFrom::Vault(Box::new(ctx.open()?)),
    };
    let done = match backup::restore(
        file,
        &ctx.path,
        from,
        ctx.store(),
        pass.as_deref().map(|s| s.as_str()),
        replace,
        chrono::Utc::now(),
    ) {
        Ok(d) => d,
        Err(e @ Error::VaultExists(_)) => {
            let hint = match ctx.lang {
                Lang::Nl => "voeg --replace toe om hem eerst als gedateerde kopie te bewaren en dan terug te zetten",
                Lang::En => "add --replace to keep it as a dated copy first and then restore",
            };
            eprintln!("naast: {}; {hint}", e.cli_message(ctx.lang));
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e),
    };
    if ctx.json {
        print_json(&json!({
            "path": done.vault.path(),
            "kept": done.kept,
            "erased_again": done.erased_again,
            "made_at": done.report.made_at,
            "contacts": done.report.counts.contacts,
            "vault_id": done.vault.id(),
            "mode": done.vault.mode(),
        }));
    } else {
        let n = done.report.counts.contacts;
        say(
            ctx,
            &format!(
                "Back-up teruggezet in {} ({}).",
                done.vault.path().display(),
                count(n, Lang::Nl, "contactmoment", "contactmomenten")
            ),
            &format!(
                "Backup restored to {} ({}).",
                done.vault.path().display(),
                count(n, Lang::En, "contact moment", "contact moments")
            ),
        );
        if let Some(k) = &done.kept {
            say(
                ctx,
                &format!("De kluis die er stond is bewaard als {}.", k.display()),
                &format!("The vault that was there is kept as {}.", k.display()),
            );
        }
        if !done.erased_again.is_empty() {
            let codes = done.erased_again.join(", ");
            say(
                ctx,
                &format!("Wie sinds die back-up is gewist, is opnieuw gewist: {codes}."),
                &format!("Whoever was erased since that backup is erased again: {codes}."),
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
