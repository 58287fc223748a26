//! The vault from the app: its status before unlocking, creating, unlocking,
//! recovering and locking it, the key's keeping, settings, About and the check after
//! unlocking.

use naast::ground::lang::Lang;
use naast::records::settings::{self, Settings};
use naast::store::keys::KeyStore;
use naast::vault::{SetupStep, Vault, VaultInfo};
use serde::Serialize;
use ts_rs::TS;

use crate::error::AppResult;
use crate::state::AppState;

/// What the first screen needs to know.
#[derive(Serialize, TS)]
#[ts(export)]
pub struct AppStatus {
    pub vault: VaultInfo,
    pub unlocked: bool,
    pub lang: Lang,
    /// A first-run step still to do on the open vault: until it is done, the app
    /// shows it and nothing else.
    pub setup: Option<SetupStep>,
}

impl AppStatus {
    pub fn of(s: &AppState) -> AppResult<AppStatus> {
        Ok(AppStatus {
            vault: s.map(Vault::inspect(&s.path))?,
            unlocked: s.is_open(),
            lang: s.lang(),
            setup: s.with_v(|v| v.setup_step()).ok().flatten(),
        })
    }
}

/// What the check after unlocking found.
#[derive(Serialize, TS)]
#[ts(export)]
pub struct Health {
    /// False while the check still runs.
    pub checked: bool,
    /// One line per problem, in the UI's language; empty when sound.
    pub problems: Vec<String>,
}

crate::ipc::commands! {
fn app_status(s, app) -> AppStatus {
    AppStatus::of(&s)
}
/// Whether the OS keyring answers; when it does not, the UI offers passphrase mode.
/// Asked apart from `app_status`, after the first screen is shown: a Secret Service
/// session costs 20–60 ms of key exchange, which the first screen need not wait for.
fn keyring_available(s, app) -> bool {
    Ok(s.store.load("naast-probe").is_ok())
}
fn set_lang(s, app; lang: Lang) -> () {
    s.set_lang(lang);
    Ok(())
}
fn vault_create(s, app; passphrase: Option<String>) -> String {
    let (v, code) = s.map(Vault::init(&s.path, &s.store, passphrase.as_deref()))?;
    s.map(v.begin_setup())?;
    s.set_open(Ok(v))?;
    Ok(code.to_string())
}
fn vault_unlock(s, app; passphrase: Option<String>) -> () {
    s.set_open(Vault::open(&s.path, &s.store, passphrase.as_deref()))
}
fn vault_recover(s, app; code: String, passphrase: Option<String>) -> () {
    s.set_open(Vault::recover(
        &s.path,
        &code,
        &s.store,
        passphrase.as_deref(),
    ))
}
/// The recovery code again, while confirming it is the first-run step to do (an app
/// closed on "Je herstelcode" returns there).
fn setup_recovery_code(s, app) -> String {
    s.with_v(|v| v.pending_recovery_code().map(|c| c.to_string()))
}
/// A first-run step done: the next one, or the app.
fn setup_done(s, app; step: SetupStep) -> () {
    s.with_v(|v| v.finish_setup_step(step))
}
/// Closes the vault and any window that shows what was in it, and takes a copied
/// note off the clipboard.
fn vault_lock(s, app) -> () {
    let _ = s;
    crate::locking::lock_now(&app);
    Ok(())
}
/// The page has written what was half-written after the window was asked to
/// close: the window closes now.
fn app_close(s, app) -> () {
    let _ = s;
    crate::locking::close_main(&app);
    Ok(())
}
/// Settings → Over Naast: the same facts as `naast about`.
fn about(s, app) -> naast::ways::about::About {
    s.with_v(|v| naast::ways::about::about(v, s.lang()))
}
fn settings_get(s, app) -> Settings {
    s.with(settings::load)
}
fn settings_set(s, app; settings: Settings) -> () {
    s.set_lang(settings.lang);
    s.with(|c| settings::save(c, &settings))
}
/// The check after unlocking (see `AppState::set_open`).
fn vault_health(s, app) -> Health {
    let found = s.health();
    Ok(Health {
        checked: found.is_some(),
        problems: found.unwrap_or_default(),
    })
}
/// Sets or changes the passphrase after the current one (or the recovery code); from
/// keyring mode it also deletes the key from the keyring.
fn key_set_passphrase(s, app; current: String, passphrase: String) -> () {
    let store = s.store.clone();
    let current = zeroize::Zeroizing::new(current);
    let passphrase = zeroize::Zeroizing::new(passphrase);
    s.with_vault(|v| v.change_passphrase(&store, &current, &passphrase))
}
/// Moves the key into the keyring after the current passphrase (or the recovery
/// code); the passphrase slot goes.
fn key_use_keyring(s, app; current: String) -> () {
    let store = s.store.clone();
    let current = zeroize::Zeroizing::new(current);
    s.with_vault(|v| v.change_to_keyring(&store, &current))
}
/// A new key: its recovery code, to show once and have confirmed. Nothing is
/// re-encrypted yet; either code opens the vault until `key_rekey_finish`.
fn key_rekey_begin(s, app) -> String {
    let mut code = String::new();
    s.with_vault(|v| {
        code = v.rekey_begin()?.to_string();
        Ok(())
    })?;
    Ok(code)
}
fn key_rekey_cancel(s, app) -> () {
    s.with_vault(|v| v.rekey_cancel())
}
/// Re-encrypts the vault under the new key, on a thread of its own (seconds at a
/// million contacts). The vault is back, under whichever key holds, either way.
fn key_rekey_finish(s, app; passphrase: Option<String>) -> () {
    let v = s.take()?;
    let store = s.store.clone();
    let path = s.path.clone();
    let outcome = tauri::async_runtime::spawn_blocking(move || {
        match v.rekey_finish(&store, passphrase.as_deref()) {
            Ok(v) => (Ok(()), Some(v)),
            Err(e) => (Err(e), Vault::open(&path, &store, passphrase.as_deref()).ok()),
        }
    })
    .await;
    match outcome {
        Ok((result, vault)) => {
            if let Some(v) = vault {
                s.put_back(v);
            }
            s.map(result)
        }
        Err(_) => Err(crate::error::AppError::locked(s.lang())),
    }
}
}
