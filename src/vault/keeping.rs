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

    /// Writes the log's newest line into the key file, so that lines cut from the
    /// log's end later are noticed (`audit::verify_against`). Called as the vault
    /// closes. The key file is read from disk again and only its `log_head` changes:
    /// whatever else was written there meanwhile (a rekey's pending key, a new
    /// passphrase) stays. A key file that is not this vault's, or no longer opens
    /// with this key, is left alone, and so is an anchor the log no longer holds.
    /// Written atomically, owner-only, like every write of the key file; nothing is
    /// written when the head did not move.
    pub(super) fn remember_log_head(&mut self) -> Result<()> {
        let head = crate::audit::head(&self.conn)?;
        if head.is_none() || head == self.keys.log_head {
            return Ok(());
        }
        let kpath = keyfile::path_for(&self.path);
        let Some(mut keys) = crate::store::keys::KeyFile::read(&kpath)? else {
            return Ok(());
        };
        if keys.vault_id != self.keys.vault_id
            || !(keys.fits(&self.key) || keys.fits_pending(&self.key))
            || keys.log_head == head
        {
            return Ok(());
        }
        // A log that no longer holds the remembered line was cut: the old anchor
        // stays, so the next `log --verify` still names the gap.
        if let Some(old) = &keys.log_head {
            if !crate::audit::anchor_holds(&self.conn, old)? {
                return Ok(());
            }
        }
        keys.log_head = head;
        keys.write(&kpath)?;
        self.keys = keys;
        Ok(())
    }

    /// The log's newest line as the key file remembered it when this vault was
    /// opened: one of the anchors `naast log --verify` holds the log against.
    pub fn remembered_log_head(&self) -> Option<&crate::store::keys::LogHead> {
        self.keys.log_head.as_ref()
    }

    /// Records who opened or locked the vault (the app calls these; every command
    /// of the command line logs its own action instead).
    pub fn log_access(&self, action: crate::ground::vocab::Action) -> Result<()> {
        crate::audit::log(&self.conn, &crate::audit::Event::new(action, "vault")).map(|_| ())
    }
}
