//! The house rules of `ARCHITECTURE.md`, checked on every `make test`: each layer of
//! the core uses only the layers below it, no two modules (a folder counts as one)
//! and no two files reach each other in a loop, in the core, the command line and the
//! desktop shell, and no source file is longer than a screenful of screens.
//!
//! Why a reader of imports and not one crate per layer: the rule against loops between
//! *files* inside a module needs a reader anyway (the compiler allows them), and one
//! crate keeps `pub(crate)` meaning "inside the core" and one compile unit on 2-core
//! machines. The reader is plain text work: it strips comments and strings, then
//! follows every `crate::`, `$crate::`, `super::`, `self::` and child-module path to
//! the file that defines the module it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers of the core, lowest first. A file in `src/<layer>/…` may use its own
/// layer (without loops) and those before it.
const LAYERS: &[&str] = &[
    "ground", "store", "audit", "vault", "records", "reads", "ways",
];

/// The longest a source file may be. Tests, generated bindings and SQL are aside.
const MAX_LINES: usize = 400;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One crate (or the binary part of one): where its files are and how a path names them.
struct Tree {
    name: &'static str,
    /// Module path → file.
    files: BTreeMap<Vec<String>, PathBuf>,
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `src/a/b.rs` → `[a, b]`; `src/a/mod.rs` → `[a]`; the crate root → `[]`.
fn module_path(src: &Path, file: &Path, roots: &[&str]) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|c| c.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    let stem = last.trim_end_matches(".rs");
    if !(stem == "mod" || roots.contains(&last.as_str()) && parts.is_empty()) {
        parts.push(stem.to_string());
    }
    parts
}

fn tree(name: &'static str, src: &Path, root_file: &str, keep: impl Fn(&Path) -> bool) -> Tree {
    let mut all = Vec::new();
    rs_files(src, &mut all);
    let files = all
        .into_iter()
        .filter(|f| keep(f) && !f.ends_with("tests.rs"))
        .map(|f| (module_path(src, &f, &[root_file]), f))
        .collect();
    Tree { name, files }
}

/// The text with comments, strings and character literals blanked out, so that a
/// path in a doc comment or a message does not count as a use.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == b'r' && (b.get(i + 1) == Some(&b'#') || b.get(i + 1) == Some(&b'"')) {
            // Raw strings: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&b'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&b'"') {
                out.push(c as char);
                i += 1;
                continue;
            }
            j += 1;
            let close: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            while j < b.len() && !b[j..].starts_with(&close) {
                j += 1;
            }
            i = j + close.len();
            out.push_str("\"\"");
        } else if c == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == b'\'' && b.get(i + 2) == Some(&b'\'') {
            i += 3;
            out.push_str("' '");
        } else if c == b'\'' && b.get(i + 1) == Some(&b'\\') {
            i += 2;
            while i < b.len() && b[i] != b'\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            let ch = text[i..].chars().next().expect("a char");
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// The code without its `#[cfg(test)] mod … { … }` blocks: what a unit test uses
/// is not what the module uses.
fn without_tests(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "#[cfg(test)]".len()..];
        let t = after.trim_start();
        let is_block = t.starts_with("mod ")
            && t.find('{')
                .is_some_and(|b| t.find(';').is_none_or(|s| b < s));
        if !is_block {
            out.push_str("#[cfg(test)]");
            rest = after;
            continue;
        }
        let open = after.find('{').expect("a block");
        let mut depth = 0;
        let mut end = after.len();
        for (i, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path the code names, as written: `crate::a::b`, `super::x`, and the
/// members of `use` groups (`use crate::{a::{b, c}, d}` gives `crate::a::b`,
/// `crate::a::c`, `crate::d`).
fn paths(code: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = i == 0 || !(is_ident(chars[i - 1]) || chars[i - 1] == ':');
        if starts && (is_ident(chars[i]) || chars[i] == '$') {
            let (segs, groups, end) = read_path(&chars, i);
            if segs.len() > 1 || !groups.is_empty() {
                if groups.is_empty() {
                    out.push(segs);
                } else {
                    for g in groups {
                        let mut p = segs.clone();
                        p.extend(g);
                        out.push(p);
                    }
                }
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Reads `a::b::c` or `a::b::{…}` from `start`; returns the segments, the expanded
/// group members (relative), and where it ended.
fn read_path(chars: &[char], start: usize) -> (Vec<String>, Vec<Vec<String>>, usize) {
    let mut segs = Vec::new();
    let mut i = start;
    loop {
        let s = i;
        while i < chars.len() && (is_ident(chars[i]) || (i == s && chars[i] == '$')) {
            i += 1;
        }
        if s == i {
            break;
        }
        segs.push(chars[s..i].iter().collect::<String>());
        let mut j = i;
        while j < chars.len() && chars[j].is_whitespace() {
            j += 1;
        }
        if chars.get(j) == Some(&':') && chars.get(j + 1) == Some(&':') {
            j += 2;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            if chars.get(j) == Some(&'{') {
                let (groups, end) = read_group(chars, j + 1);
                return (segs, groups, end);
            }
            i = j;
        } else {
            break;
        }
    }
    (segs, Vec::new(), i)
}

fn read_group(chars: &[char], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut groups = Vec::new();
    loop {
        while i < chars.len() && (chars[i].is_whitespace() || chars[i] == ',') {
            i += 1;
        }
        match chars.get(i) {
            None => return (groups, i),
            Some('}') => return (groups, i + 1),
            Some(c) if is_ident(*c) => {
                let (segs, inner, end) = read_path(chars, i);
                if inner.is_empty() {
                    groups.push(segs);
                } else {
                    for g in inner {
                        let mut p = segs.clone();
                        p.extend(g);
                        groups.push(p);
                    }
                }
                // Skip `as name` and anything else up to the next member.
                i = end;
                while i < chars.len() && chars[i] != ',' && chars[i] != '}' {
                    i += 1;
                }
            }
            Some(_) => i += 1,
        }
    }
}

/// The modules a file declares (`mod x;`, `pub mod x;`, `mod x {`).
fn children(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in code.lines() {
        let t = line.trim_start();
        let t = t
            .strip_prefix("pub(crate) ")
            .or_else(|| t.strip_prefix("pub "))
            .unwrap_or(t);
        if let Some(rest) = t.strip_prefix("mod ") {
            let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

struct Edge {
    from: PathBuf,
    to: PathBuf,
    via: String,
}

/// Resolves a path written in `module` to the file of the deepest module it names.
fn resolve(t: &Tree, module: &[String], kids: &BTreeSet<String>, p: &[String]) -> Option<PathBuf> {
    let mut base: Vec<String> = match p[0].as_str() {
        "crate" | "$crate" => Vec::new(),
        "self" => module.to_vec(),
        "super" => {
            let mut m = module.to_vec();
            let mut k = 0;
            while p.get(k).map(String::as_str) == Some("super") {
                m.pop();
                k += 1;
            }
            let mut full = m;
            full.extend(p[k..].iter().cloned());
            return deepest(t, &full, 0);
        }
        first if kids.contains(first) => {
            let mut m = module.to_vec();
            m.push(first.to_string());
            let mut full = m;
            full.extend(p[1..].iter().cloned());
            return deepest(t, &full, module.len() + 1);
        }
        _ => return None,
    };
    base.extend(p[1..].iter().cloned());
    deepest(t, &base, 0)
}

fn deepest(t: &Tree, full: &[String], at_least: usize) -> Option<PathBuf> {
    (at_least..=full.len())
        .rev()
        .find_map(|n| t.files.get(&full[..n]).cloned())
}

fn edges(t: &Tree) -> Vec<Edge> {
    let mut out = Vec::new();
    for (module, file) in &t.files {
        let text = std::fs::read_to_string(file).expect("readable source");
        let code = without_tests(&code_only(&text));
        let kids = children(&code);
        for p in paths(&code) {
            if let Some(to) = resolve(t, module, &kids, &p) {
                if &to != file {
                    out.push(Edge {
                        from: file.clone(),
                        to,
                        via: p.join("::"),
                    });
                }
            }
        }
    }
    out
}

/// The strongly connected parts with more than one member (Tarjan).
fn loops<N: Ord + Clone>(nodes: &[N], next: &BTreeMap<N, BTreeSet<N>>) -> Vec<Vec<N>> {
    struct S<N> {
        index: BTreeMap<N, usize>,
        low: BTreeMap<N, usize>,
        stack: Vec<N>,
        on: BTreeSet<N>,
        n: usize,
        out: Vec<Vec<N>>,
    }
    fn visit<N: Ord + Clone>(v: &N, next: &BTreeMap<N, BTreeSet<N>>, s: &mut S<N>) {
        s.index.insert(v.clone(), s.n);
        s.low.insert(v.clone(), s.n);
        s.n += 1;
        s.stack.push(v.clone());
        s.on.insert(v.clone());
        for w in next.get(v).into_iter().flatten() {
            if !s.index.contains_key(w) {
                visit(w, next, s);
                let l = s.low[w].min(s.low[v]);
                s.low.insert(v.clone(), l);
            } else if s.on.contains(w) {
                let l = s.index[w].min(s.low[v]);
                s.low.insert(v.clone(), l);
            }
        }
        if s.low[v] == s.index[v] {
            let mut part = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on.remove(&w);
                let done = &w == v;
                part.push(w);
                if done {
                    break;
                }
            }
            if part.len() > 1 {
                part.sort();
                s.out.push(part);
            }
        }
    }
    let mut s = S {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        n: 0,
        out: Vec::new(),
    };
    for v in nodes {
        if !s.index.contains_key(v) {
            visit(v, next, &mut s);
        }
    }
    s.out
}

fn rel(p: &Path) -> String {
    p.strip_prefix(root())
        .unwrap_or(p)
        .to_string_lossy()
        .into_owned()
}

/// A module as the rules count it: the first two parts of its path (a layer and a
/// module in the core; `cli::x` in the command line; the first part in the shell).
fn unit(t: &Tree, file: &Path) -> String {
    let path = t
        .files
        .iter()
        .find(|(_, f)| f.as_path() == file)
        .map(|(m, _)| m.clone())
        .unwrap_or_default();
    let depth = if t.name == "shell" { 1 } else { 2 };
    let u: Vec<String> = path.into_iter().take(depth).collect();
    if u.is_empty() {
        format!("{} root", t.name)
    } else {
        u.join("::")
    }
}

/// Every broken rule in one tree, as lines a person can act on.
fn problems(t: &Tree) -> Vec<String> {
    let es = edges(t);
    let mut out = Vec::new();

    // Loops between files.
    let files: Vec<PathBuf> = t.files.values().cloned().collect();
    let mut next: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for e in &es {
        next.entry(e.from.clone()).or_default().insert(e.to.clone());
    }
    for part in loops(&files, &next) {
        let names: Vec<String> = part.iter().map(|p| rel(p)).collect();
        let how: Vec<String> = es
            .iter()
            .filter(|e| part.contains(&e.from) && part.contains(&e.to))
            .map(|e| format!("{} uses {}", rel(&e.from), e.via))
            .collect();
        out.push(format!(
            "{}: these files reach each other in a loop: {} ({})",
            t.name,
            names.join(", "),
            how.join("; ")
        ));
    }

    // Loops between modules.
    let mut units: BTreeSet<String> = BTreeSet::new();
    let mut unext: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut why: BTreeMap<(String, String), String> = BTreeMap::new();
    for f in &files {
        units.insert(unit(t, f));
    }
    for e in &es {
        let (a, b) = (unit(t, &e.from), unit(t, &e.to));
        if a != b {
            unext.entry(a.clone()).or_default().insert(b.clone());
            why.entry((a, b))
                .or_insert_with(|| format!("{} uses {}", rel(&e.from), e.via));
        }
    }
    let units: Vec<String> = units.into_iter().collect();
    for part in loops(&units, &unext) {
        let how: Vec<String> = why
            .iter()
            .filter(|((a, b), _)| part.contains(a) && part.contains(b))
            .map(|(_, w)| w.clone())
            .collect();
        out.push(format!(
            "{}: these modules reach each other in a loop: {} ({})",
            t.name,
            part.join(", "),
            how.join("; ")
        ));
    }

    // Arrows that point up, in the core.
    if t.name == "core" {
        let layer = |f: &Path| -> Option<usize> {
            let u = unit(t, f);
            let first = u.split("::").next().unwrap_or_default().to_string();
            LAYERS.iter().position(|l| *l == first)
        };
        for f in &files {
            if t.files.get(&Vec::new()) != Some(f) && layer(f).is_none() {
                out.push(format!(
                    "core: {} is in no layer; move it into one of src/{{{}}}/",
                    rel(f),
                    LAYERS.join(",")
                ));
            }
        }
        for e in &es {
            if let (Some(a), Some(b)) = (layer(&e.from), layer(&e.to)) {
                if b > a {
                    out.push(format!(
                        "core: {} ({}) uses {} ({}), a layer above it",
                        rel(&e.from),
                        LAYERS[a],
                        e.via,
                        LAYERS[b]
                    ));
                }
            }
        }
    }
    out
}

fn core() -> Tree {
    let src = root().join("src");
    tree("core", &src, "lib.rs", |f| {
        let r = f.strip_prefix(&src).expect("under src");
        !(r.starts_with("cli") || r == Path::new("main.rs"))
    })
}

fn cli() -> Tree {
    let src = root().join("src");
    tree("cli", &src, "main.rs", |f| {
        let r = f.strip_prefix(&src).expect("under src");
        r.starts_with("cli") || r == Path::new("main.rs")
    })
}

fn shell() -> Tree {
    let src = root().join("src-tauri").join("src");
    tree("shell", &src, "lib.rs", |f| !f.ends_with("main.rs"))
}

#[test]
fn each_layer_uses_only_those_below_it_and_nothing_loops() {
    let mut all = Vec::new();
    for t in [core(), cli(), shell()] {
        assert!(t.files.len() > 3, "{}: no sources found", t.name);
        all.extend(problems(&t));
    }
    assert!(
        all.is_empty(),
        "the house rules of ARCHITECTURE.md are broken:\n- {}",
        all.join("\n- ")
    );
}

/// Sources a person reads: Rust, TypeScript and Svelte, tests and generated
/// bindings aside.
fn sources() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["src", "src-tauri/src", "benches", "ui/src"] {
        walk_sources(&root().join(dir), &mut out);
    }
    out
}

fn walk_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        if p.is_dir() {
            if !matches!(name.as_ref(), "bindings" | "tests" | "node_modules") {
                walk_sources(&p, out);
            }
        } else if name != "tests.rs"
            && ["rs", "ts", "svelte"]
                .iter()
                .any(|x| p.extension().is_some_and(|e| e == *x))
        {
            out.push(p);
        }
    }
}

#[test]
fn no_source_file_is_longer_than_four_hundred_lines() {
    let long: Vec<String> = sources()
        .into_iter()
        .filter_map(|p| {
            let n = std::fs::read_to_string(&p).ok()?.lines().count();
            (n > MAX_LINES).then(|| format!("{} ({n} lines)", rel(&p)))
        })
        .collect();
    assert!(
        long.is_empty(),
        "split these by idea (ARCHITECTURE.md), each under {MAX_LINES} lines:\n- {}",
        long.join("\n- ")
    );
}

/// Every module of the core, the command line and the shell has its line in the
/// code map, and its own opening paragraph, so the map and the code cannot drift.
#[test]
fn every_module_is_on_the_map_and_says_what_it_holds() {
    let map = std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let mut missing = Vec::new();
    let mut silent = Vec::new();
    for t in [core(), cli(), shell()] {
        for (module, file) in &t.files {
            let text = std::fs::read_to_string(file).expect("readable");
            if !text.trim_start().starts_with("//!") {
                silent.push(rel(file));
            }
            let depth = if t.name == "shell" { 1 } else { 2 };
            if module.len() == depth || (module.len() == 1 && t.name != "shell") {
                let name = match t.name {
                    "shell" => format!("`shell::{}`", module.join("::")),
                    _ if module.len() == 1 => format!("src/{}/", module[0]),
                    _ => format!("`{}`", module.join("::")),
                };
                if !map.contains(&name) {
                    missing.push(name);
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md has no line for: {}",
        missing.join(", ")
    );
    assert!(
        silent.is_empty(),
        "these files do not open with a //! paragraph on their job: {}",
        silent.join(", ")
    );
}
