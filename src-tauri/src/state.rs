//! What the app holds while it runs: where the vault is, the open vault (or none
//! when locked), the UI language for messages, and the last rendered summary,
//! which the `summary:` protocol serves from memory so it never touches the disk.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use naast::ground::lang::Lang;
use naast::store::db::Connection;
use naast::store::keys::OsKeyring;
use naast::vault::Vault;

use crate::error::{AppError, AppResult};

/// The summary on screen: its page and exactly what it was made from, so that what
/// the log records is what is printed or saved, not what the form says by then.
#[derive(Clone)]
pub struct Rendered {
    pub html: String,
    /// The summary itself, for Naast's own PDF (made only when saved as PDF).
    pub summary: naast::ways::summary::Summary,
    pub options: naast::ways::summary::Options,
    pub person_ids: Vec<i64>,
    /// Words that may be unknown names, still without a choice.
    pub suspects: Vec<naast::ways::redact::Suspect>,
}

pub struct AppState {
    pub path: PathBuf,
    pub store: OsKeyring,
    vault: Mutex<Option<Vault>>,
    lang: Mutex<Lang>,
    pub summary: Mutex<Option<Rendered>>,
    /// The check run after unlocking: `None` while it runs.
    health: std::sync::Arc<Mutex<Option<Vec<String>>>>,
    /// Stops that check when the vault locks (its connection holds the key).
    check: Mutex<Option<naast::vault::Stopper>>,
    /// Why the last automatic backup was not made, shown quietly on the home screen
    /// (a USB disk not plugged in); cleared by the next one that works.
    pub backup_warning: std::sync::Arc<Mutex<Option<String>>>,
    /// Counts the unlocks, so that a lock meant for one session (the system's, after
    /// the page's grace) never closes the next one the person has just opened.
    opened: std::sync::atomic::AtomicU64,
    /// The backup a lock started, while it runs: closing the window waits for it
    /// (lock, then close, is a habit; the backup must not die with the process).
    backing_up: Mutex<Option<std::thread::JoinHandle<()>>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl AppState {
    pub fn new(path: PathBuf, store: OsKeyring) -> Self {
        AppState {
            path,
            store,
            vault: Mutex::new(None),
            lang: Mutex::new(Lang::Nl),
            summary: Mutex::new(None),
            health: Default::default(),
            check: Mutex::new(None),
            backup_warning: Default::default(),
            opened: Default::default(),
            backing_up: Mutex::new(None),
        }
    }

    pub fn lang(&self) -> Lang {
        *lock(&self.lang)
    }

    pub fn set_lang(&self, lang: Lang) {
        *lock(&self.lang) = lang;
    }

    /// Turns a core result into an IPC result, in the UI's language.
    pub fn map<T>(&self, r: naast::ground::error::Result<T>) -> AppResult<T> {
        r.map_err(|e| AppError::from_core(&e, self.lang()))
    }

    /// Runs `f` on the open vault's connection; `locked` when there is none.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&Connection) -> naast::ground::error::Result<T>,
    ) -> AppResult<T> {
        let guard = lock(&self.vault);
        let v = guard
            .as_ref()
            .ok_or_else(|| AppError::locked(self.lang()))?;
        self.map(f(v.conn()))
    }

    /// Runs `f` on the open vault, read-only use (backups).
    pub fn with_v<T>(
        &self,
        f: impl FnOnce(&Vault) -> naast::ground::error::Result<T>,
    ) -> AppResult<T> {
        let guard = lock(&self.vault);
        let v = guard
            .as_ref()
            .ok_or_else(|| AppError::locked(self.lang()))?;
        self.map(f(v))
    }

    pub fn set_backup_warning(&self, w: Option<String>) {
        *lock(&self.backup_warning) = w;
    }

    pub fn backup_warning(&self) -> Option<String> {
        lock(&self.backup_warning).clone()
    }

    /// Closes the vault, first making a backup when one is due (something changed
    /// since the last). The backup runs on a thread of its own, holding the closed
    /// vault until it is done; the screen is cleared at once. Quitting waits for it
    /// ([`AppState::running_backup`]).
    pub fn close_with_backup(&self) {
        self.stop_check();
        *lock(&self.summary) = None;
        let Some(v) = lock(&self.vault).take() else {
            return;
        };
        let _ = v.log_access(naast::ground::vocab::Action::Lock);
        let now = chrono::Utc::now();
        if !naast::ways::backup::due(&v, naast::ways::backup::Trigger::Close, now).unwrap_or(false)
        {
            return;
        }
        let warning = self.backup_warning.clone();
        let lang = self.lang();
        let thread = std::thread::spawn(move || {
            let result = naast::records::settings::load(v.conn()).and_then(|s| {
                let job = naast::ways::backup::prepare(&v, &naast::ways::backup::folder(&v, &s))?;
                let made = job.run_now()?;
                naast::ways::backup::record(&v, &made)
            });
            *lock(&warning) = result.err().map(|e| e.message(lang));
            drop(v);
        });
        // An earlier one still running finishes first (one backup at a time), so
        // waiting for this one waits for both.
        *lock(&self.backing_up) = Some(thread);
    }

    /// The backup a lock started, if it still runs.
    pub fn running_backup(&self) -> Option<std::thread::JoinHandle<()>> {
        lock(&self.backing_up).take().filter(|t| !t.is_finished())
    }

    /// Runs `f` on the open vault itself (key changes).
    pub fn with_vault(
        &self,
        f: impl FnOnce(&mut Vault) -> naast::ground::error::Result<()>,
    ) -> AppResult<()> {
        let mut guard = lock(&self.vault);
        let v = guard
            .as_mut()
            .ok_or_else(|| AppError::locked(self.lang()))?;
        self.map(f(v))
    }

    /// Takes the vault out for work that replaces it (a new key); `put_back` after.
    pub fn take(&self) -> AppResult<Vault> {
        lock(&self.vault)
            .take()
            .ok_or_else(|| AppError::locked(self.lang()))
    }

    pub fn put_back(&self, v: Vault) {
        *lock(&self.vault) = Some(v);
    }

    /// Opens (or re-opens) the vault, and checks every page of it on a thread of its
    /// own: damage deep inside a vault that opens is found now, told on the home
    /// screen, and never holds up the work.
    pub fn set_open(&self, v: naast::ground::error::Result<Vault>) -> AppResult<()> {
        let v = self.map(v)?;
        if let Ok(s) = naast::records::settings::load(v.conn()) {
            self.set_lang(s.lang);
        }
        // Who opened it goes in the log; lines past their retention go out of it.
        if let Ok(s) = naast::records::settings::load(v.conn()) {
            let _ = naast::audit::prune(
                v.conn(),
                chrono::Utc::now().timestamp(),
                s.log_retention_years,
            );
        }
        self.map(v.log_access(naast::ground::vocab::Action::Unlock))?;
        *lock(&self.health) = None;
        if let Ok(reader) = v.reader() {
            let health = self.health.clone();
            let lang = self.lang();
            *lock(&self.check) = Some(reader.stopper());
            reader.verify_in_background(move |problems| {
                *lock(&health) = Some(problems.iter().map(|p| p.describe(lang)).collect());
            });
        }
        let mut open = lock(&self.vault);
        self.opened
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        *open = Some(v);
        Ok(())
    }

    /// Which unlock the open vault is from; `None` when locked.
    pub fn session(&self) -> Option<u64> {
        let open = lock(&self.vault);
        open.as_ref()
            .map(|_| self.opened.load(std::sync::atomic::Ordering::SeqCst))
    }

    /// Stops the check after unlocking, if it still runs.
    fn stop_check(&self) {
        if let Some(s) = lock(&self.check).take() {
            s.stop();
        }
    }

    /// What the check after unlocking found; `None` while it still runs.
    pub fn health(&self) -> Option<Vec<String>> {
        lock(&self.health).clone()
    }

    /// Closes the vault (its key leaves memory with it) and forgets the summary.
    pub fn close(&self) {
        self.stop_check();
        if let Some(v) = lock(&self.vault).as_ref() {
            let _ = v.log_access(naast::ground::vocab::Action::Lock);
        }
        *lock(&self.vault) = None;
        *lock(&self.summary) = None;
    }

    pub fn rendered(&self) -> Option<Rendered> {
        lock(&self.summary).clone()
    }

    pub fn set_rendered(&self, r: Rendered) {
        *lock(&self.summary) = Some(r);
    }

    pub fn is_open(&self) -> bool {
        lock(&self.vault).is_some()
    }
}
