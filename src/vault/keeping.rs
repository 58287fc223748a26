//! How the key is kept: behind a passphrase or in the operating system's keyring. A
//! change moves only the key file (and the keyring entry); the vault file is not
//! re-encrypted. Each change, and each opening and locking, writes its log line.

use super::disk::{forget_key, put_in_keyring};
use super::open::Vault;
use crate::ground::error::Result;
use crate::store::keys::{keyfile, KeyMode, KeyStore};

impl Vault {
    /// Sets or changes the passphrase, and so moves a keyring vault to passphrase
    /// mode. Only the key file changes; the vault file is not re-encrypted. The
    /// keyring entry is deleted afterwards: a vault "protected by a passphrase"
    /// whose key still sits in the keyring opens for any process of the user. When
    /// that delete fails the old key file is put back and the failure is returned:
    /// nothing changed, and the user is told why (a locked keyring: unlock it).
    ///
    /// A vault already in passphrase mode on a machine without a Secret Service (the
    /// power-cut harness's guest has no D-Bus) has nothing there to delete: that is
    /// no failure. Reporting one after the new key file was written said "not
    /// changed" about a passphrase that was changed.
    pub fn set_passphrase(&mut self, store: &dyn KeyStore, passphrase: &str) -> Result<()> {
        let was = self.keys.clone();
        let mut keys = self.keys.clone();
        keys.set_passphrase(&self.key, passphrase)?;
        let kpath = keyfile::path_for(&self.path);
        keys.write(&kpath)?;
        if let Err(e) = forget_key(store, &keys.vault_id, was.mode == KeyMode::Keyring) {
            was.write(&kpath)?;
            return Err(e);
        }
        self.keys = keys;
        self.log_key("passphrase")
    }

    /// A line in the audit log for a change of the key or how it is kept.
    pub(super) fn log_key(&self, what: &str) -> Result<()> {
        crate::audit::log(
            &self.conn,
            &crate::audit::Event::new(crate::ground::vocab::Action::Key, "vault")
                .detail(serde_json::json!({ "change": what })),
        )
        .map(|_| ())
    }

    /// Moves a passphrase vault to keyring mode.
    pub fn use_keyring(&mut self, store: &dyn KeyStore) -> Result<()> {
        put_in_keyring(store, &self.keys.vault_id, &self.key)?;
        let mut keys = self.keys.clone();
        keys.mode = KeyMode::Keyring;
        keys.passphrase = None;
        keys.write(&keyfile::path_for(&self.path))?;
        self.keys = keys;
        self.log_key("keyring")
    }

    /// Records who opened or locked the vault (the app calls these; every command
    /// of the command line logs its own action instead).
    pub fn log_access(&self, action: crate::ground::vocab::Action) -> Result<()> {
        crate::audit::log(&self.conn, &crate::audit::Event::new(action, "vault")).map(|_| ())
    }
}
