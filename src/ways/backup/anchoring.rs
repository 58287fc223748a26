//! What is remembered of the audit log outside the vault: the newest line in the key
//! file (written at every close) and in each backup's manifest. Gathered here for
//! `naast log --verify`, and for a restore, which numbers its next lines past all of
//! them.

use std::path::Path;

use super::keeping::scan;
use super::making::folder;
use crate::audit::Verification;
use crate::ground::error::Result;
use crate::store::keys::LogHead;
use crate::vault::Vault;

/// The anchors in the manifests of this vault's backups in `dir` (none when the
/// folder is not there: a USB disk that is not plugged in).
pub(super) fn in_folder(dir: &Path, vault_id: &str) -> Vec<LogHead> {
    scan(dir, vault_id)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(_, _, m)| m.and_then(|m| m.log_head))
        .collect()
}

/// Every anchor this vault has outside itself: its key file's (as it was when the
/// vault was opened) and those in the manifests of its backup folder.
pub fn log_anchors(v: &Vault) -> Result<Vec<LogHead>> {
    let s = crate::records::settings::load(v.conn())?;
    let mut all = in_folder(&folder(v, &s), v.id());
    all.extend(v.remembered_log_head().cloned());
    Ok(all)
}

/// The log's chain checked, and the log held against every anchor outside it: a
/// cut of its newest lines is named even though the chain that is left holds.
pub fn verify_log(v: &Vault) -> Result<Verification> {
    crate::audit::verify_against(v.conn(), &log_anchors(v)?)
}
