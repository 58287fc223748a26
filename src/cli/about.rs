//! `naast about`: the same facts as the app's About screen, for an IT department
//! checking an installation from a terminal.

use std::process::ExitCode;

use naast::ground::error::{Error, Result};
use naast::ground::lang::Lang;
use naast::ways::about::{self, About};

use super::ctx::Ctx;
use super::output::print_json;

/// Opens the vault to read where its backups go. Without a vault yet there are no
/// settings, so the default folder is the true answer; any other failure to open
/// (a locked keyring, a wrong passphrase) is reported as usual.
pub fn about(ctx: &Ctx) -> Result<ExitCode> {
    let facts = match ctx.open() {
        Ok(v) => about::about(&v, ctx.lang)?,
        Err(Error::VaultMissing(_)) => about::facts(&ctx.path, None, ctx.lang),
        Err(e) => return Err(e),
    };
    if ctx.json {
        print_json(&facts);
    } else {
        print!("{}", text(&facts, ctx.lang));
    }
    Ok(ExitCode::SUCCESS)
}

fn text(a: &About, lang: Lang) -> String {
    let (format, vault, backups, default) = match lang {
        Lang::Nl => ("Kluisformaat", "Kluis", "Back-ups", "standaard"),
        Lang::En => ("Vault format", "Vault", "Backups", "default"),
    };
    let mark = if a.backup_folder_default {
        format!(" ({default})")
    } else {
        String::new()
    };
    format!(
        "Naast {}\n{format}: {}\n{vault}: {}\n{backups}: {}{mark}\n{}\n",
        a.version, a.vault_format, a.vault_path, a.backup_folder, a.network
    )
}
