//! Proof before the key's keeping changes: the current passphrase, or the recovery
//! code. An unlocked screen is not enough, since anyone at the laptop could then set
//! a passphrase only they know and lock the owner out of their own notes.

use super::open::Vault;
use crate::audit::{self, Event};
use crate::ground::error::{Error, Result};
use crate::ground::vocab::Action;
use crate::store::keys::{keyfile, recovery, KeyMode, KeyStore};

impl Vault {
    /// `Ok` when `secret` is this vault's recovery code (in either mode) or, for a
    /// passphrase vault, its current passphrase. A wrong one is refused, logged as
    /// a refused key change, and changes nothing.
    pub fn check_current_secret(&self, secret: &str) -> Result<()> {
        let fits = match recovery::decode(secret) {
            Ok(k) => self.keys.fits(&k) || self.keys.fits_pending(&k),
            Err(_) if self.keys.mode == KeyMode::Passphrase => {
                match self.keys.unwrap_key(secret, &keyfile::path_for(&self.path)) {
                    Ok(_) => true,
                    Err(Error::WrongPassphrase) => false,
                    Err(e) => return Err(e),
                }
            }
            Err(_) => false,
        };
        if fits {
            return Ok(());
        }
        audit::log(&self.conn, &Event::new(Action::Key, "vault").refused())?;
        Err(Error::CurrentSecretWrong)
    }

    /// Sets or changes the passphrase after [`Vault::check_current_secret`].
    pub fn change_passphrase(
        &mut self,
        store: &dyn KeyStore,
        current: &str,
        passphrase: &str,
    ) -> Result<()> {
        self.check_current_secret(current)?;
        self.set_passphrase(store, passphrase)
    }

    /// Moves a passphrase vault into the keyring after the same proof: from then on
    /// it opens without the passphrase, which is as much a change as a new one.
    pub fn change_to_keyring(&mut self, store: &dyn KeyStore, current: &str) -> Result<()> {
        self.check_current_secret(current)?;
        self.use_keyring(store)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::keys::MemoryKeyStore;

    const PASS: &str = "wandelen langs de IJssel";

    #[test]
    fn a_change_needs_the_current_passphrase_or_the_code_and_a_wrong_one_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kluis.naast");
        let store = MemoryKeyStore::default();
        let (mut v, code) = Vault::init(&path, &store, Some(PASS)).unwrap();
        let kpath = keyfile::path_for(&path);
        let before = std::fs::read(&kpath).unwrap();
        let e = v
            .change_passphrase(&store, "geraden", "een nieuwe zin")
            .unwrap_err();
        assert!(matches!(e, Error::CurrentSecretWrong), "{e}");
        assert_eq!(std::fs::read(&kpath).unwrap(), before);
        assert!(v.change_to_keyring(&store, "geraden").is_err());
        assert_eq!(v.mode(), KeyMode::Passphrase);
        v.change_passphrase(&store, PASS, "een nieuwe zin").unwrap();
        v.change_passphrase(&store, &code.to_lowercase(), "nog een zin")
            .unwrap();
        drop(v);
        let v = Vault::open(&path, &store, Some("nog een zin")).unwrap();
        // In keyring mode there is no passphrase: only the code will do.
        let (kv, kcode) = Vault::init(&dir.path().join("k.naast"), &store, None).unwrap();
        assert!(kv.check_current_secret("").is_err());
        kv.check_current_secret(&kcode).unwrap();
        assert!(v.check_current_secret(&kcode).is_err());
    }
}
