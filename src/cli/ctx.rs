//! What every command gets: the language, text or JSON, and the way to the vault
//! (its path, how to unlock it).

use std::io::Read;
use std::path::{Path, PathBuf};

use naast::ground::error::Error;
use naast::ground::lang::Lang;
use naast::store::keys::KeyStore;
use naast::vault::Vault;
use zeroize::Zeroizing;

/// What every command gets: the parsed options and the way to the vault.
pub struct Ctx {
    pub lang: Lang,
    pub json: bool,
    pub path: PathBuf,
    pub passphrase_file: Option<PathBuf>,
    /// The passphrase once read (see [`Ctx::passphrase`]).
    pub passphrase_read: std::cell::OnceCell<Zeroizing<String>>,
    pub store: Box<dyn KeyStore>,
}

impl Ctx {
    /// The passphrase from `--passphrase-file`; read once and kept, since stdin
    /// (`-`) cannot be read twice and some commands ask more than once.
    pub fn passphrase(&self) -> naast::ground::error::Result<Option<Zeroizing<String>>> {
        let Some(path) = self.passphrase_file.as_deref() else {
            return Ok(None);
        };
        if let Some(p) = self.passphrase_read.get() {
            return Ok(Some(p.clone()));
        }
        let p = read_passphrase(path)?;
        Ok(Some(self.passphrase_read.get_or_init(|| p).clone()))
    }

    pub fn store(&self) -> &dyn KeyStore {
        self.store.as_ref()
    }

    pub fn open(&self) -> naast::ground::error::Result<Vault> {
        let p = self.passphrase()?;
        Vault::open(&self.path, self.store(), p.as_deref().map(|s| s.as_str()))
    }
}

/// The first line of the file, without its line ending. Whatever else the file holds
/// is ignored, so a passphrase manager's export with a trailing newline works.
/// `-` reads it from stdin (once: see `cli::stdin`).
pub fn read_passphrase(path: &Path) -> naast::ground::error::Result<Zeroizing<String>> {
    let mut raw = Zeroizing::new(String::new());
    if path == Path::new("-") {
        std::io::stdin()
            .read_to_string(&mut raw)
            .map_err(|e| Error::io("stdin", e))?;
    } else {
        std::fs::File::open(path)
            .and_then(|mut f| f.read_to_string(&mut raw))
            .map_err(|e| Error::io(path, e))?;
    }
    let line = raw.lines().next().unwrap_or("");
    if line.is_empty() {
        return Err(naast::ground::error::Invalid::Empty("passphrase").into());
    }
    Ok(Zeroizing::new(line.to_string()))
}
