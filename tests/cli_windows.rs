//! What a Windows laptop adds to the command line's promises, run natively as well as
//! against naast.exe under Wine (`make test-windows`, see `common::cli`): a folder
//! with spaces and accents, the key in the system's own store (the Credential
//! Manager there), the vault's files under Windows spellings, the default folder,
//! and a kill in the middle of saving.

mod common;

use std::io::Read;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Instant;

use common::cli::*;
use serde_json::Value;

/// A fresh folder under `C:\users\Jürgen de Vries\` (under Wine) or under a temp
/// folder named so (natively): spaces, an umlaut and an accent in every path.
fn jurgen() -> tempfile::TempDir {
    let home = match std::env::var("NAAST_TEST_WINE_C") {
        Ok(c) if under_wine() => PathBuf::from(c).join("users").join("Jürgen de Vries"),
        _ => std::env::temp_dir().join("Jürgen de Vries"),
    };
    let docs = home.join("Documenten");
    std::fs::create_dir_all(&docs).unwrap();
    tempfile::Builder::new()
        .prefix("Naast é ")
        .tempdir_in(docs)
        .unwrap()
}

#[test]
fn a_vault_in_a_folder_with_spaces_and_accents_keeps_every_promise() {
    let c = Cli::in_dir(jurgen());
    assert!(win(&c.vault).contains("Jürgen de Vries"));
    c.init();
    c.ok(&["person", "add", "--alias", "Zoë"]);
    c.ok(&[
        "contact",
        "add",
        "--person",
        "Zoë",
        "--support",
        "emotional",
        "--at",
        "2026-10-06 10:00",
        "--consult",
        "--note",
        "Café bezocht, ideeën gedeeld.",
    ]);
    let hits = c.json(&["search", "ideeen"]);
    assert_eq!(arr(&hits).len(), 1, "{hits}");

    let out = c.dir.path().join("overleg met é.html");
    let r = c.json(&[
        "summary",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--out",
        &win(&out),
    ]);
    assert_eq!(r["contacts"], 1);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("Café bezocht, ideeën gedeeld."));
    assert_private(&out, "the summary");

    // The backup that failed on Windows ("geen toestemming"): made, verified, named.
    let bk = c.dir.path().join("bk");
    std::fs::create_dir(&bk).unwrap();
    let b = c.json(&["backup", "--to", &win(&bk)]);
    assert_eq!(b["verified"], true, "{b}");
    let file = b["path"].as_str().unwrap().to_string();
    assert!(file.starts_with(&win(&bk)), "{file}");
    assert_private(&local(&file), "the backup");
    let names: Vec<String> = std::fs::read_dir(&bk)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "the backup and its .json only: {names:?}");
    assert_eq!(c.json(&["backup", "verify", &file])["sound"], true);
    c.ok(&[
        "contact",
        "add",
        "--person",
        "Zoë",
        "--support",
        "practical",
    ]);
    let done = c.json(&["restore", &file, "--replace"]);
    assert_eq!(done["contacts"], 1);
    assert!(local(done["kept"].as_str().unwrap()).exists());
    assert!(c.ok(&["verify"]).contains("in orde"));
    assert_eq!(arr(&c.json(&["contact", "list"])).len(), 1);
}

#[test]
fn keyring_mode_keeps_the_key_in_the_system_store_through_rekey_and_mode_switches() {
    let c = Cli::in_dir(jurgen());
    std::fs::create_dir_all(c.dir.path().join("tmp")).unwrap();
    let service = format!("naast-win-test-{}", std::process::id());
    let run = |args: &[&str]| {
        let o = c
            .cmd(args)
            .env("NAAST_KEYRING_SERVICE", &service)
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    };
    let init: Value = serde_json::from_str(&run(&["init", "--json"])).unwrap();
    assert_eq!(init["mode"], "keyring");
    let id = init["vault_id"].as_str().unwrap().to_string();
    assert!(
        common::os_store::entries(&service).contains(&id),
        "no entry after init"
    );
    run(&["person", "add", "--alias", "Kees"]);

    // A new key: the swap of the vault file under its open connection.
    let out: Value = serde_json::from_str(&run(&["rekey", "--json"])).unwrap();
    assert_ne!(out["recovery_code"], init["recovery_code"]);
    assert!(run(&["person", "list"]).contains("Kees"));

    // To passphrase mode: the entry leaves the store; back: it returns.
    let p = win(&c.pass);
    run(&["passphrase", "--new-passphrase-file", &p]);
    assert!(
        !common::os_store::entries(&service).contains(&id),
        "key stayed in the store"
    );
    assert!(run(&["person", "list", "--passphrase-file", &p]).contains("Kees"));
    run(&["use-keyring", "--passphrase-file", &p]);
    assert!(common::os_store::entries(&service).contains(&id));
    assert!(run(&["verify"]).contains("in orde"));
    // Leave the store as it was.
    run(&["passphrase", "--new-passphrase-file", &p]);
}

#[test]
fn the_vaults_own_files_under_windows_spellings_are_refused() {
    if !under_wine() {
        eprintln!(
            "skipped natively: on Linux names are case-sensitive and keep trailing dots, so \
             these spellings are other files there (tests/cli.rs covers Linux's links)"
        );
        return;
    }
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    let before = common::fingerprint(c.dir.path());
    let v = win(&c.vault);
    let upper = {
        let (dir, name) = v.rsplit_once('\\').unwrap();
        format!("{dir}\\{}", name.to_uppercase())
    };
    for out in [
        upper.clone(),
        format!("{upper}.KEYS"),
        v.replace('\\', "/"),
        format!("{v}."),
        format!("{v}.keys. . "),
        format!("{v}-WAL"),
        format!("{v}-shm."),
        format!("{v}-journal "),
        format!("{}\\.\\kluis.naast", v.rsplit_once('\\').unwrap().0),
    ] {
        let o = c.run(&[
            "summary",
            "--from",
            "2026-10-01",
            "--to",
            "2026-10-31",
            "--out",
            &out,
        ]);
        refused(&o, "Naast schrijft daar nooit");
    }
    assert_eq!(common::fingerprint(c.dir.path()), before);
    assert_eq!(arr(&c.json(&["person", "list"])).len(), 1);
}

#[test]
fn the_default_vault_lives_in_the_users_own_data_folder() {
    let c = Cli::new();
    let o = c
        .cmd(&["about", "--json"])
        .env_remove("NAAST_VAULT")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let a: Value = serde_json::from_slice(&o.stdout).unwrap();
    let path = a["vault_path"].as_str().unwrap();
    if under_wine() {
        assert!(
            path.contains(r"\AppData\Roaming\") && path.ends_with(r"\vault.naast"),
            "{path}"
        );
    } else {
        assert!(path.ends_with("/naast/vault.naast"), "{path}");
    }
}

#[test]
fn a_kill_in_the_middle_of_saving_loses_nothing_that_was_acknowledged() {
    // Under Wine, TerminateProcess is the server sending SIGKILL to the process: the
    // same as killing its Unix process here, which is what this does.
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    let add = |i: usize| {
        let note = format!("kill-note-{i} {}", "woord ".repeat(i % 40));
        let mut cmd = c.cmd(&[
            "contact",
            "add",
            "--person",
            "Sanne",
            "--support",
            "emotional",
            "--note",
            &note,
            "--json",
            "--passphrase-file",
            &win(&c.pass),
        ]);
        cmd.stdout(Stdio::piped()).stderr(Stdio::null());
        cmd.spawn().unwrap()
    };
    // How long one save takes here and now, so the kills land inside saves: the
    // shortest of three, since one slowed by a neighbour's burst (the tests of this
    // file run side by side) made every wait too long and let only 4 kills land.
    let mut acknowledged: Vec<(i64, usize)> = Vec::new();
    let mut one = std::time::Duration::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        let o = add(0).wait_with_output().unwrap();
        assert!(o.status.success());
        one = one.min(start.elapsed());
        let first: Value = serde_json::from_slice(&o.stdout).unwrap();
        acknowledged.push((first["id"].as_i64().unwrap(), 0));
    }
    let mut seed = std::process::id() as u64 | 1;
    let (mut killed, rounds) = (0, 30);
    for i in 1..=rounds {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = add(i);
        let wait = one.mul_f64(0.3 + (seed % 1000) as f64 / 1000.0);
        std::thread::sleep(wait);
        if child.try_wait().unwrap().is_none() {
            killed += 1;
            child.kill().unwrap();
        }
        child.wait().unwrap();
        let mut out = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        // Acknowledged: the whole answer was printed, whatever came after.
        if let Ok(v) = serde_json::from_str::<Value>(&out) {
            acknowledged.push((v["id"].as_i64().unwrap(), i));
        }
    }
    eprintln!(
        "one save took {one:?}; {killed} of {rounds} killed, {} acknowledged",
        acknowledged.len()
    );
    assert!(killed >= 5, "too few kills landed during a save: {killed}");
    let list = c.json(&["contact", "list"]);
    for (id, i) in &acknowledged {
        let found = arr(&list)
            .iter()
            .find(|x| x["id"].as_i64() == Some(*id))
            .unwrap_or_else(|| panic!("contact {id} was acknowledged and is gone"));
        assert!(found["note"]
            .as_str()
            .unwrap()
            .starts_with(&format!("kill-note-{i} ")));
    }
    assert!(c.ok(&["verify"]).contains("in orde"));
}

/// A vault, its backup and a summary in a folder past Windows' old 260-character
/// limit (`MAX_PATH`): the user's Documents can be that deep on a managed laptop.
/// Under Wine this proves Naast's own path handling (no fixed buffers, the
/// refusal of the vault's own files still working there); Wine itself has no such
/// limit, so what Windows' own calls do past it is proven only on a Windows.
#[test]
fn a_vault_deeper_than_260_characters_works() {
    let top = jurgen();
    let mut deep = top.path().to_path_buf();
    while win(&deep).chars().count() <= 300 {
        deep.push("Map met een lange naam, é");
    }
    std::fs::create_dir_all(&deep).unwrap();
    let c = Cli::in_dir(tempfile::tempdir_in(&deep).unwrap());
    assert!(win(&c.vault).chars().count() > 300);
    c.init();
    c.ok(&["person", "add", "--alias", "Zoë"]);
    c.ok(&[
        "contact",
        "add",
        "--person",
        "Zoë",
        "--support",
        "emotional",
        "--at",
        "2026-10-06 10:00",
        "--consult",
        "--note",
        "Diep in de mappen.",
    ]);
    let out = c.dir.path().join("overleg.html");
    c.json(&[
        "summary",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--out",
        &win(&out),
    ]);
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("Diep in de mappen."));
    assert_private(&out, "the summary");
    let b = c.json(&["backup", "--to", &win(c.dir.path())]);
    assert_eq!(b["verified"], true, "{b}");
    let o = c.run(&[
        "summary",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--out",
        &win(&c.vault),
    ]);
    refused(&o, "kluis");
    assert!(c.ok(&["verify"]).contains("in orde"));
}

/// Every test file that drives the binary (through `common::cli`) is in the set
/// `scripts/test-windows.sh` runs against naast.exe, so a new one cannot be left out
/// of the Windows proof by forgetting a list.
#[test]
fn every_test_file_that_drives_the_binary_runs_under_wine_too() {
    if core_only("a look at the repository's own files") {
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let script = std::fs::read_to_string(root.join("scripts/test-windows.sh")).unwrap();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(root.join("tests")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let drives = text.contains("common::cli") || text.contains("Cli::");
        if drives && !script.contains(&format!("--test {name}")) {
            missing.push(name);
        }
    }
    assert!(
        missing.is_empty(),
        "scripts/test-windows.sh does not run these against naast.exe: {missing:?}"
    );
}
