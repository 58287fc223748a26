//! The facts an IT department or a supporter asks for first: which Naast this is,
//! which vault format it writes, where the vault and its backups are, and that it
//! never uses the network. The app's About screen and `naast about` print the same
//! facts, so they come from here and not from either surface.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::ground::error::Result;
use crate::ground::lang::Lang;
use crate::vault::Vault;

/// The version of this build: the Cargo workspace's, which the app, the command
/// line and the packages all carry.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct About {
    pub version: String,
    /// The vault format this build writes (`db::SCHEMA_VERSION`): a vault of a
    /// higher format is refused, a lower one is brought up to date when opened.
    pub vault_format: i64,
    /// Where the vault file is, as an absolute path.
    pub vault_path: String,
    /// Where backups go: the folder from the settings, else `backups/` beside the
    /// vault.
    pub backup_folder: String,
    /// True when `backup_folder` is that default.
    pub backup_folder_default: bool,
    /// That Naast never uses the network, in the requested language.
    pub network: String,
    /// The vault was not unlocked (a passphrase vault asked without its passphrase):
    /// nothing in it was read, so `backup_folder` is the default and the settings
    /// may name another.
    pub locked: bool,
}

/// The facts for the open vault, in `lang`.
pub fn about(v: &Vault, lang: Lang) -> Result<About> {
    let settings = crate::records::settings::load(v.conn())?;
    Ok(facts(v.path(), settings.backup_folder.as_deref(), lang))
}

/// The facts for a vault at `vault_path` whose settings name `backup_folder`; the
/// same choice of folder as `backup::folder`, without opening anything.
pub fn facts(vault_path: &Path, backup_folder: Option<&str>, lang: Lang) -> About {
    // A relative NAAST_VAULT would otherwise show as "vault.naast" and put its
    // backups in "./backups", which says nothing to someone looking for the file.
    let vault = std::path::absolute(vault_path).unwrap_or_else(|_| vault_path.to_path_buf());
    let chosen = backup_folder
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(PathBuf::from);
    let backup_folder_default = chosen.is_none();
    let backups = chosen.unwrap_or_else(|| crate::ways::backup::default_folder(&vault));
    About {
        version: VERSION.to_string(),
        vault_format: crate::vault::schema::SCHEMA_VERSION,
        vault_path: vault.display().to_string(),
        backup_folder: backups.display().to_string(),
        backup_folder_default,
        network: no_network(lang).to_string(),
        locked: false,
    }
}

/// The facts that need no key: for a vault that stays locked. It reads no note and
/// no setting; the backup folder is the default one, marked as maybe not the one.
pub fn facts_locked(vault_path: &Path, lang: Lang) -> About {
    About {
        locked: true,
        ..facts(vault_path, None, lang)
    }
}

/// The promise, as the About screen and the README state it. It holds because
/// nothing in Naast talks to another computer: the core has no network code, the
/// keyring is reached over the local D-Bus, and the app's content security policy
/// lets the webview reach only its own IPC.
pub fn no_network(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => {
            "Naast gebruikt nooit het netwerk: alles blijft versleuteld op deze computer, \
             en er gaat niets naar internet, ook geen updates of statistieken."
        }
        Lang::En => {
            "Naast never uses the network: everything stays encrypted on this computer, \
             and nothing goes to the internet, not even updates or statistics."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backups_default_to_a_folder_beside_the_vault() {
        let a = facts(
            Path::new("/home/anna/.local/share/naast/vault.naast"),
            None,
            Lang::Nl,
        );
        assert_eq!(a.vault_path, "/home/anna/.local/share/naast/vault.naast");
        assert_eq!(a.backup_folder, "/home/anna/.local/share/naast/backups");
        assert!(a.backup_folder_default);
        // A blank setting is no choice, as in backup::folder.
        let b = facts(Path::new("/v/vault.naast"), Some("  "), Lang::Nl);
        assert_eq!(b.backup_folder, "/v/backups");
        assert!(b.backup_folder_default);
    }

    #[test]
    fn a_chosen_backup_folder_is_shown_as_chosen() {
        let a = facts(
            Path::new("/v/vault.naast"),
            Some("/media/usb/naast"),
            Lang::En,
        );
        assert_eq!(a.backup_folder, "/media/usb/naast");
        assert!(!a.backup_folder_default);
    }

    #[test]
    fn a_relative_vault_path_is_shown_absolute() {
        let a = facts(Path::new("kluis.naast"), None, Lang::Nl);
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(a.vault_path, cwd.join("kluis.naast").display().to_string());
        assert_eq!(a.backup_folder, cwd.join("backups").display().to_string());
    }

    #[test]
    fn version_and_format_are_this_build_s() {
        let a = facts(Path::new("/v/vault.naast"), None, Lang::En);
        assert_eq!(a.version, env!("CARGO_PKG_VERSION"));
        assert_eq!(a.vault_format, crate::vault::schema::SCHEMA_VERSION);
        assert!(a.network.contains("never uses the network"));
        let nl = facts(Path::new("/v/vault.naast"), None, Lang::Nl);
        assert!(nl.network.contains("nooit het netwerk"));
    }
}
