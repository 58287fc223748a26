//! The IPC surface: one line per command over the core, grouped by what they act on.
//! No rules live here; the core validates everything, so the UI and the CLI meet the
//! same checks. The lists are also the source of the UI's typed `commands.ts` (see
//! `ipc`).

mod backups;
mod bridges;
mod checkins;
mod consult;
mod contacts;
mod dates;
mod log;
mod people;
mod plan;
mod vault;
mod ways;

pub use consult::SummaryFacts;
pub use vault::AppStatus;

/// A group of commands: their names, and the handler of them.
type Group = (&'static [&'static str], fn(tauri::ipc::Invoke) -> bool);

/// Each group's command names and handler, in the order `commands.ts` lists them.
const GROUPS: &[Group] = &[
    (vault::NAMES, vault::handle),
    (people::NAMES, people::handle),
    (plan::NAMES, plan::handle),
    (contacts::NAMES, contacts::handle),
    (bridges::NAMES, bridges::handle),
    (checkins::NAMES, checkins::handle),
    (consult::NAMES, consult::handle),
    (log::NAMES, log::handle),
    (backups::NAMES, backups::handle),
    (dates::NAMES, dates::handle),
    (ways::NAMES, ways::handle),
];

/// The handler for `tauri::Builder::invoke_handler`: the group that has the command
/// handles it; an unknown command is not handled (Tauri then says so to the page).
pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    |invoke| {
        let name = invoke.message.command().to_string();
        GROUPS
            .iter()
            .find(|(names, _)| names.contains(&name.as_str()))
            .is_some_and(|(_, handle)| handle(invoke))
    }
}

/// Every command's name, arguments and result, as TypeScript.
#[cfg(test)]
pub fn signatures(cfg: &ts_rs::Config) -> Vec<crate::ipc::Signature> {
    [
        vault::signatures(cfg),
        people::signatures(cfg),
        plan::signatures(cfg),
        contacts::signatures(cfg),
        bridges::signatures(cfg),
        checkins::signatures(cfg),
        consult::signatures(cfg),
        log::signatures(cfg),
        backups::signatures(cfg),
        dates::signatures(cfg),
        ways::signatures(cfg),
    ]
    .into_iter()
    .flatten()
    .collect()
}
