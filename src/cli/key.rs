//! The key commands: a new vault, the recovery code, and a new key (rekey).

use std::io::Read;
use std::process::ExitCode;

use naast::ground::error::{Error, Result};
use naast::ground::lang::Lang;
use naast::vault::Vault;
use serde_json::json;

use super::ctx::Ctx;
use super::output::*;

pub(super) fn init(ctx: &Ctx) -> Result<ExitCode> {
    let pass = ctx.passphrase()?;
    let (vault, code) = Vault::init(&ctx.path, ctx.store(), pass.as_deref().map(|s| s.as_str()))?;
    if ctx.json {
        print_json(&json!({
            "vault_id": vault.id(),
            "recovery_code": code.as_str(),
            "path": vault.path(),
            "mode": vault.mode(),
        }));
    } else {
        match ctx.lang {
            Lang::Nl => {
                println!("Kluis gemaakt: {}", vault.path().display());
                println!("\nJe herstelcode (wordt maar één keer getoond; schrijf hem op en bewaar hem veilig):\n\n    {}\n", code.as_str());
                println!("Met deze code kom je weer in je kluis als de sleutelbos of je wachtwoordzin kwijt is: `naast recover`.");
            }
            Lang::En => {
                println!("Vault created: {}", vault.path().display());
                println!("\nYour recovery code (shown only once; write it down and keep it safe):\n\n    {}\n", code.as_str());
                println!("With this code you can get back in if the keyring or your passphrase is lost: `naast recover`.");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The new code is printed (and flushed) before the vault is re-encrypted: whatever
/// happens next, the person has the code that will open it.
pub(super) fn rekey(ctx: &Ctx) -> Result<ExitCode> {
    use std::io::Write;
    let pass = ctx.passphrase()?;
    let mut v = ctx.open()?;
    let code = v.rekey_begin()?;
    if ctx.json {
        print_json(&json!({ "recovery_code": code.as_str() }));
    } else {
        match ctx.lang {
            Lang::Nl => println!("Je nieuwe herstelcode (schrijf hem nu op; hij wordt maar één keer getoond):\n\n    {}\n\nOudere back-ups gaan nog open met de oude code. Maak na afloop een nieuwe back-up.", code.as_str()),
            Lang::En => println!("Your new recovery code (write it down now; it is shown only once):\n\n    {}\n\nOlder backups still open with the old code. Make a fresh backup afterwards.", code.as_str()),
        }
    }
    let _ = std::io::stdout().flush();
    drop(code);
    let v = v.rekey_finish(ctx.store(), pass.as_deref().map(|s| s.as_str()))?;
    if !ctx.json {
        say(
            ctx,
            "De kluis is opnieuw versleuteld met de nieuwe sleutel.",
            "The vault is re-encrypted with the new key.",
        );
    }
    drop(v);
    Ok(ExitCode::SUCCESS)
}

pub(super) fn recover(ctx: &Ctx) -> Result<ExitCode> {
    let mut code = zeroize::Zeroizing::new(String::new());
    std::io::stdin()
        .read_to_string(&mut code)
        .map_err(|e| Error::io("stdin", e))?;
    let pass = ctx.passphrase()?;
    let v = Vault::recover(
        &ctx.path,
        &code,
        ctx.store(),
        pass.as_deref().map(|s| s.as_str()),
    )?;
    if ctx.json {
        print_json(&json!({ "vault_id": v.id(), "mode": v.mode() }));
    } else {
        say(
            ctx,
            "Toegang hersteld; de sleutel is opnieuw bewaard.",
            "Access restored; the key is stored again.",
        );
    }
    Ok(ExitCode::SUCCESS)
}
