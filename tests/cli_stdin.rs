//! Issue 23: free text off the command line. Text typed as an argument stays in the
//! shell's history and is readable in `/proc/PID/cmdline` by other local users while
//! `naast` runs; every free-text option takes `-` to read its text from stdin, and
//! only one option per command may.

mod common;

use std::process::Output;

use common::cli::*;
use common::PASS;

/// A multi-line note with letters from several scripts, an emoji, a tab and a line
/// that looks like an option: it must land byte for byte.
const NOTE: &str = "Samen de brief van het UWV gelezen.\n\
Zij zei: „ik wil het zélf doen” — Ünal en Zoë ook.\n\
\tmet een tab, en 日本語, and 🙂\n\
--not-an-option\n";

fn json_ok(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn free_text_given_as_dash_is_read_whole_from_stdin() {
    let c = Cli::new();
    c.init();
    let o = c.run_with_stdin(
        &[
            "person", "add", "--alias", "Sanne", "--wishes", "-", "--json",
        ],
        "Weer zelf de post openen.\nEn fietsen.",
    );
    json_ok(&o);
    c.ok(&["person", "add", "--alias", "Mo"]);
    let o = c.run_with_stdin(
        &[
            "contact",
            "add",
            "--person",
            "Sanne",
            "--support",
            "practical",
            "--note",
            "-",
            "--own-words",
            "Eigen woorden als argument.",
            "--json",
        ],
        NOTE,
    );
    let made = json_ok(&o);
    assert_eq!(made["note"], NOTE);
    let id = made["id"].as_i64().unwrap().to_string();
    assert_eq!(c.json(&["contact", "show", &id])["note"], NOTE);

    // The other fields too: own words on an edit, a bridge note's text and voice.
    let o = c.run_with_stdin(
        &["contact", "edit", &id, "--own-words", "-", "--json"],
        "Ik wil het zelf.\nEcht.",
    );
    assert_eq!(json_ok(&o)["own_words"], "Ik wil het zelf.\nEcht.");
    assert_eq!(c.json(&["contact", "show", &id])["note"], NOTE, "kept");
    c.ok(&[
        "circle",
        "add",
        "--person",
        "Sanne",
        "--name",
        "dr. Visser",
        "--formal",
    ]);
    let o = c.run_with_stdin(
        &[
            "bridge",
            "add",
            "--person",
            "Sanne",
            "--to",
            "dr. Visser",
            "--kind",
            "question",
            "--text",
            "-",
            "--json",
        ],
        NOTE,
    );
    let b = json_ok(&o);
    assert_eq!(b["text"], NOTE, "{b}");
    let show = c.json(&["person", "show", "Sanne"]);
    assert!(
        show.to_string()
            .contains("Weer zelf de post openen.\\nEn fietsen."),
        "{show}"
    );

    // An empty stdin is an empty note, not a refusal.
    let o = c.run_with_stdin(
        &[
            "contact",
            "add",
            "--person",
            "Mo",
            "--support",
            "practical",
            "--note",
            "-",
        ],
        "",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn two_options_asking_for_stdin_are_refused_before_anything_is_written() {
    let c = Cli::new();
    c.init();
    c.ok(&["person", "add", "--alias", "Sanne"]);
    let o = c.run_with_stdin(
        &[
            "contact",
            "add",
            "--person",
            "Sanne",
            "--support",
            "practical",
            "--note",
            "-",
            "--own-words",
            "-",
        ],
        NOTE,
    );
    refused(&o, "--note en --own-words willen allebei van stdin lezen");
    let o = c.run_with_stdin(
        &[
            "contact",
            "add",
            "--person",
            "Sanne",
            "--support",
            "practical",
            "--signal-note",
            "-",
            "--note",
            "-",
            "--lang",
            "en",
        ],
        NOTE,
    );
    refused(&o, "--signal-note and --note both ask to read stdin");
    assert!(common::cli::arr(&c.json(&["contact", "list"])).is_empty());

    // The passphrase read from stdin counts too.
    let o = output_with_stdin(
        c.cmd(&[
            "contact",
            "add",
            "--person",
            "Sanne",
            "--support",
            "practical",
            "--note",
            "-",
            "--passphrase-file",
            "-",
        ]),
        &format!("{PASS}\n"),
    );
    refused(&o, "--note en --passphrase-file");
    assert!(common::cli::arr(&c.json(&["contact", "list"])).is_empty());

    // Alone, the passphrase on stdin opens the vault.
    let o = output_with_stdin(
        c.cmd(&["person", "list", "--json", "--passphrase-file", "-"]),
        &format!("{PASS}\n"),
    );
    assert_eq!(json_ok(&o).as_array().unwrap().len(), 1);
}
