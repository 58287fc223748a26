//! `naast about`: the same facts as the app's About screen, for an IT department
//! checking an installation from a terminal.

use std::process::ExitCode;

use naast::ground::error::{Error, Result};
use naast::ground::lang::Lang;
use naast::ways::about::{self, About};

use super::ctx::Ctx;
use super::output::print_json;

/// Opens the vault, when it opens without asking, to read where its backups go.
/// A passphrase vault asked without its passphrase, or a keyring that does not
/// answer, gives every fact that needs no key (as the README promises IT
/// departments); without a vault there are no settings, so the default folder is the
/// true answer. A passphrase given and wrong is still refused.
pub fn about(ctx: &Ctx) -> Result<ExitCode> {
    let info = naast::vault::Vault::inspect(&ctx.path)?;
    let asked_without_passphrase =
        info.mode == Some(naast::store::keys::KeyMode::Passphrase) && ctx.passphrase_file.is_none();
    let facts = if asked_without_passphrase {
        about::facts_locked(&ctx.path, ctx.lang)
    } else {
        match ctx.open() {
            Ok(v) => about::about(&v, ctx.lang)?,
            Err(Error::VaultMissing(_)) => about::facts(&ctx.path, None, ctx.lang),
            Err(
                Error::KeyringUnavailable(_) | Error::KeyringLocked | Error::KeyringEntryMissing,
            ) => about::facts_locked(&ctx.path, ctx.lang),
            Err(e) => return Err(e),
        }
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
    let mark = match (a.locked, lang) {
        (true, Lang::Nl) => {
            format!(" ({default}; een andere map uit de instellingen is pas te zien als de kluis open is)")
        }
        (true, Lang::En) => {
            format!(
                " ({default}; another folder chosen in the settings shows once the vault is open)"
            )
        }
        (false, _) if a.backup_folder_default => format!(" ({default})"),
        (false, _) => String::new(),
    };
    format!(
        "Naast {}\n{format}: {}\n{vault}: {}\n{backups}: {}{mark}\n{}\n",
        a.version, a.vault_format, a.vault_path, a.backup_folder, a.network
    )
}
