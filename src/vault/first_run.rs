//! The first run's steps that may not be skipped: the recovery code written down and
//! confirmed, then who the log should name, asked once. The step still to do is kept
//! in the vault, so an app closed halfway returns to it at the next start, and the
//! code (the key itself, written for people) can be shown again from the open vault
//! until it is confirmed, and never after.

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::open::Vault;
use crate::ground::error::{Error, Invalid, Result};
use crate::store::keys::recovery;

/// A step of the first run still to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum SetupStep {
    /// The recovery code shown and one group of it typed back.
    RecoveryCode,
    /// Who the log names (name and role, both optional): asked, not required.
    Who,
}

impl SetupStep {
    fn as_str(self) -> &'static str {
        match self {
            SetupStep::RecoveryCode => "recovery-code",
            SetupStep::Who => "who",
        }
    }
}

const KEY: &str = "setup_step";

impl Vault {
    /// Marks a vault the app has just made: every step still to do.
    pub fn begin_setup(&self) -> Result<()> {
        self.set_step(Some(SetupStep::RecoveryCode))
    }

    /// The step still to do, if any (`None` for every vault made before this, or by
    /// the command line, which shows the code once in the terminal).
    pub fn setup_step(&self) -> Result<Option<SetupStep>> {
        let v: Option<String> = rusqlite::OptionalExtension::optional(self.conn.query_row(
            "SELECT value FROM meta WHERE key = ?1",
            [KEY],
            |r| r.get(0),
        ))?;
        Ok(match v.as_deref() {
            Some("recovery-code") => Some(SetupStep::RecoveryCode),
            Some("who") => Some(SetupStep::Who),
            _ => None,
        })
    }

    /// `step` is done: on to the next one, or finished. Finishing a step that is not
    /// the current one changes nothing (a second window, a double click).
    pub fn finish_setup_step(&self, step: SetupStep) -> Result<()> {
        if self.setup_step()? != Some(step) {
            return Ok(());
        }
        self.set_step(match step {
            SetupStep::RecoveryCode => Some(SetupStep::Who),
            SetupStep::Who => None,
        })
    }

    /// The recovery code, shown again while confirming it is the step to do; refused
    /// once it is confirmed, so an unlocked screen never shows it to someone else.
    pub fn pending_recovery_code(&self) -> Result<Zeroizing<String>> {
        if self.setup_step()? != Some(SetupStep::RecoveryCode) {
            return Err(Error::Invalid(Invalid::RecoveryCodeShown));
        }
        Ok(recovery::encode(&self.key))
    }

    fn set_step(&self, step: Option<SetupStep>) -> Result<()> {
        match step {
            Some(s) => self.conn.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [KEY, s.as_str()],
            )?,
            None => self
                .conn
                .execute("DELETE FROM meta WHERE key = ?1", [KEY])?,
        };
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::keys::MemoryKeyStore;

    #[test]
    fn the_steps_survive_a_restart_and_the_code_is_shown_only_until_it_is_confirmed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kluis.naast");
        let store = MemoryKeyStore::default();
        let (v, code) = Vault::init(&path, &store, None).unwrap();
        assert_eq!(v.setup_step().unwrap(), None);
        v.begin_setup().unwrap();
        drop(v);
        // Closed on "Je herstelcode": the next start returns there, with the same code.
        let v = Vault::open(&path, &store, None).unwrap();
        assert_eq!(v.setup_step().unwrap(), Some(SetupStep::RecoveryCode));
        assert_eq!(v.pending_recovery_code().unwrap().as_str(), code.as_str());
        v.finish_setup_step(SetupStep::Who).unwrap();
        assert_eq!(v.setup_step().unwrap(), Some(SetupStep::RecoveryCode));
        v.finish_setup_step(SetupStep::RecoveryCode).unwrap();
        assert!(v.pending_recovery_code().is_err());
        drop(v);
        let v = Vault::open(&path, &store, None).unwrap();
        assert_eq!(v.setup_step().unwrap(), Some(SetupStep::Who));
        v.finish_setup_step(SetupStep::Who).unwrap();
        assert_eq!(v.setup_step().unwrap(), None);
    }
}
