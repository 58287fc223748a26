//! One list of the IPC commands, from which both the Tauri handlers and the UI's typed
//! `commands.ts` are made. A renamed command, a changed argument or a changed result
//! fails the UI's type check, not a person's click; `make test` fails when the
//! generated file is stale.
//!
//! Every command is `async`: Tauri runs synchronous commands on the main thread, so a
//! slow one (Argon2id, a backup, a rekey at a million contacts) would freeze the
//! window. Work that takes long moves further off, onto a blocking thread.

#[cfg(test)]
use std::collections::BTreeMap;

/// Declares the commands: `fn name(state, app; arg: Type, …) -> Result { body }`.
/// `state` and `app` are the names the body uses for the app state and handle.
macro_rules! commands {
    ($(
        $(#[$meta:meta])*
        fn $name:ident ($s:ident, $app:ident $(; $($arg:ident : $ty:ty),* $(,)?)?) -> $ret:ty $body:block
    )*) => {
        $(
            $(#[$meta])*
            #[tauri::command]
            #[allow(unused_variables)]
            pub async fn $name(
                $app: tauri::AppHandle,
                $s: tauri::State<'_, $crate::state::AppState>,
                $($($arg: $ty),*)?
            ) -> $crate::error::AppResult<$ret> $body
        )*

        /// The names of this group's commands, for the one handler of them all.
        pub const NAMES: &[&str] = &[$(stringify!($name)),*];

        /// This group's commands as Tauri's handler, typed so the closure knows its runtime.
        fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool {
            tauri::generate_handler![$($name),*]
        }

        /// Handles one of this group's commands.
        pub fn handle(invoke: tauri::ipc::Invoke) -> bool {
            handler()(invoke)
        }

        /// Every command's name, arguments and result, as TypeScript.
        #[cfg(test)]
        pub fn signatures(cfg: &ts_rs::Config) -> Vec<$crate::ipc::Signature> {
            vec![$(
                $crate::ipc::Signature {
                    name: stringify!($name),
                    args: vec![$($( $crate::ipc::Arg::of::<$ty>(cfg, stringify!($arg)) ),*)?],
                    ret: $crate::ipc::Arg::of::<$ret>(cfg, "return"),
                }
            ),*]
        }
    };
}
pub(crate) use commands;

/// One argument (or the result) of a command, as TypeScript.
#[cfg(test)]
pub struct Arg {
    pub name: &'static str,
    pub ts: String,
    /// Files to import from, by type name.
    pub imports: BTreeMap<String, String>,
}

#[cfg(test)]
impl Arg {
    pub fn of<T: ts_rs::TS + 'static + ?Sized>(cfg: &ts_rs::Config, name: &'static str) -> Arg {
        let mut c = Collect {
            cfg,
            imports: BTreeMap::new(),
        };
        ts_rs::TypeVisitor::visit::<T>(&mut c);
        Arg {
            name,
            ts: T::name(cfg),
            imports: c.imports,
        }
    }
}

/// Every exported type a type names, through `Vec<…>`, `Option<…>` and the like.
#[cfg(test)]
struct Collect<'a> {
    cfg: &'a ts_rs::Config,
    imports: BTreeMap<String, String>,
}

#[cfg(test)]
impl ts_rs::TypeVisitor for Collect<'_> {
    fn visit<U: ts_rs::TS + 'static + ?Sized>(&mut self) {
        if let Some(d) = ts_rs::Dependency::from_ty::<U>(self.cfg) {
            let file = d.output_path.with_extension("");
            self.imports
                .insert(d.ts_name, format!("./{}", file.to_string_lossy()));
        }
        U::visit_generics(self);
    }
}

#[cfg(test)]
pub struct Signature {
    pub name: &'static str,
    pub args: Vec<Arg>,
    pub ret: Arg,
}

/// `contact_page` → `contactPage`: Tauri's own renaming of command arguments, used
/// for the method names too.
#[cfg(test)]
fn camel(s: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in s.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The whole `commands.ts`.
#[cfg(test)]
pub fn typescript(sigs: &[Signature]) -> String {
    let mut imports: BTreeMap<String, String> = BTreeMap::new();
    let mut used = String::new();
    for s in sigs {
        for a in s.args.iter().chain(std::iter::once(&s.ret)) {
            imports.extend(a.imports.clone());
            used.push_str(&a.ts);
            used.push(' ');
        }
    }
    // Only what the signatures name, so the UI's strict type check stays quiet.
    let words: std::collections::BTreeSet<&str> = used
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .collect();
    imports.retain(|name, _| words.contains(name.as_str()));
    let mut out = String::from(
        "// Generated from src-tauri/src/commands/ by `cargo test -p naast-app`. Do not edit:\n\
         // change the Rust command and run the tests again.\n\n",
    );
    for (name, file) in &imports {
        out.push_str(&format!("import type {{ {name} }} from \"{file}\";\n"));
    }
    out.push_str(
        "\n/** How a command is sent: the app's wrapper turns failures into typed errors. */\n\
         export type Call = <T>(cmd: string, args?: Record<string, unknown>) => Promise<T>;\n\n\
         export function makeCommands(call: Call) {\n  return {\n",
    );
    for s in sigs {
        let params: Vec<String> = s
            .args
            .iter()
            .map(|a| format!("{}: {}", camel(a.name), a.ts))
            .collect();
        let names: Vec<String> = s.args.iter().map(|a| camel(a.name)).collect();
        let payload = if names.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", names.join(", "))
        };
        out.push_str(&format!(
            "    {}: ({}) => call<{}>(\"{}\"{}),\n",
            camel(s.name),
            params.join(", "),
            s.ret.ts,
            s.name,
            payload
        ));
    }
    out.push_str("  };\n}\n\nexport type Commands = ReturnType<typeof makeCommands>;\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `ui/src/bindings/commands.ts`, like ts-rs writes the types beside it.
    #[test]
    fn export_commands() {
        let cfg = ts_rs::Config::from_env();
        let sigs = crate::commands::signatures(&cfg);
        let mut names: Vec<&str> = sigs.iter().map(|s| s.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), sigs.len(), "two commands share a name");
        let ts = typescript(&sigs);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("commands.ts");
        if std::fs::read_to_string(&path).ok().as_deref() != Some(ts.as_str()) {
            std::fs::write(path, ts).unwrap();
        }
    }

    /// Writes `ui/src/bindings/words.ts`: the closed vocabularies' words in both
    /// languages, from `naast::ground::vocab::words`, so the UI keeps no list of its own.
    #[test]
    fn export_words() {
        let words = serde_json::json!({
            "nl": naast::ground::vocab::words(naast::ground::lang::Lang::Nl),
            "en": naast::ground::vocab::words(naast::ground::lang::Lang::En),
        });
        let body = serde_json::to_string_pretty(&words).unwrap();
        // Typed by the vocabularies' own generated types, so a missing word fails
        // the UI's type check.
        let ts = format!(
            "// Generated from naast::ground::vocab::words by src-tauri/src/ipc.rs. Do not edit.\n\
             import type {{ BridgeKind }} from \"./BridgeKind\";\n\
             import type {{ Context }} from \"./Context\";\n\
             import type {{ Initiative }} from \"./Initiative\";\n\
             import type {{ LogAction }} from \"./LogAction\";\n\
             import type {{ Mode }} from \"./Mode\";\n\
             import type {{ Rhythm }} from \"./Rhythm\";\n\
             import type {{ Status }} from \"./Status\";\n\
             import type {{ Support }} from \"./Support\";\n\n\
             export type Words = {{\n  supports: Record<Support, string>;\n  modes: Record<Mode, string>;\n  \
             initiatives: Record<Initiative, string>;\n  contexts: Record<Context, string>;\n  \
             bridge_kinds: Record<BridgeKind, string>;\n  bridge_statuses: Record<Status, string>;\n  \
             log_actions: Record<LogAction, string>;\n  rhythms: Record<Rhythm, string>;\n}};\n\n\
             export const words: {{ nl: Words; en: Words }} = {body};\n"
        );
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings/words.ts");
        if std::fs::read_to_string(&path).ok().as_deref() != Some(ts.as_str()) {
            std::fs::write(path, ts).unwrap();
        }
    }

    #[test]
    fn argument_names_follow_tauri() {
        assert_eq!(camel("discussed_on"), "discussedOn");
        assert_eq!(camel("app_status"), "appStatus");
        assert_eq!(camel("id"), "id");
    }
}
