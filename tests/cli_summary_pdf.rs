//! `naast summary --out NAME.pdf` through the real binary on a real vault: Naast's
//! own PDF, read back by poppler's `pdftotext`, owner-only, logged as a save in the
//! PDF format, and never written over the vault's files.

mod common;

use common::cli::*;
use common::pdf::pdftotext;

fn seeded() -> Cli {
    let c = Cli::new();
    c.init();
    for (alias, full) in [("Şükrü", "Şükrü Łukaszewicz"), ("Élodie", "Élodie Brontë")] {
        c.ok(&["person", "add", "--alias", alias, "--full-name", full]);
    }
    for (person, at) in [
        ("Şükrü", "2026-10-05 18:00"),
        ("Élodie", "2026-10-07 11:00"),
    ] {
        c.ok(&[
            "contact",
            "add",
            "--person",
            person,
            "--support",
            "emotional",
            "--at",
            at,
            "--note",
            "Şükrü Łukaszewicz en Élodie Brontë kookten samen.",
            "--consult",
        ]);
    }
    c
}

fn code(c: &Cli, alias: &str) -> String {
    let list = c.json(&["person", "list"]);
    let p = arr(&list).iter().find(|p| p["alias"] == alias).unwrap();
    p["code"].as_str().unwrap().to_string()
}

const PERIOD: [&str; 4] = ["--from", "2026-10-01", "--to", "2026-10-31"];

#[test]
fn a_pdf_name_gets_naasts_own_pdf_pseudonymised_private_and_logged() {
    let c = seeded();
    let out = c.dir.path().join("overleg.pdf");
    let mut args = vec!["summary"];
    args.extend(PERIOD);
    let o = win(&out);
    args.extend(["--out", &o]);
    c.ok(&args);
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    assert_private(&out, "the PDF");
    let text = pdftotext(&out);
    let (s, e) = (code(&c, "Şükrü"), code(&c, "Élodie"));
    assert!(
        text.contains(&format!("{s} en {e} kookten samen.")),
        "{text}"
    );
    assert!(
        text.contains("pagina 1 van 3") && text.contains("pagina 3 van 3"),
        "{text}"
    );
    for name in ["Şükrü", "Łukaszewicz", "Élodie", "Brontë"] {
        assert!(!text.contains(name), "{name} in the PDF at level code");
    }
    // At level full the names come back whole, letter for letter.
    let full = c.dir.path().join("vol.PDF");
    let f = win(&full);
    let mut args = vec!["summary", "--level", "full", "--out", &f];
    args.extend(PERIOD);
    c.ok(&args);
    let text = pdftotext(&full);
    assert!(
        text.contains("Şükrü Łukaszewicz en Élodie Brontë kookten samen."),
        "{text}"
    );
    // Two saves logged, each with its format; an .html name is still the page.
    let saves = c.json(&["log", "--action", "save"]);
    let formats: Vec<&str> = arr(&saves)
        .iter()
        .map(|l| l["detail"]["format"].as_str().unwrap())
        .collect();
    assert_eq!(formats, ["pdf", "pdf"]);
    let html = c.dir.path().join("overleg.html");
    let h = win(&html);
    let mut args = vec!["summary", "--out", &h];
    args.extend(PERIOD);
    c.ok(&args);
    assert!(std::fs::read_to_string(&html)
        .unwrap()
        .starts_with("<!DOCTYPE html>"));
}

#[test]
fn a_pdf_name_that_leads_to_the_vault_is_refused_and_the_vault_kept() {
    if not_on_windows("a symlink to the vault", "symlinks need rights on Windows") {
        return;
    }
    let c = seeded();
    let before = std::fs::read(&c.vault).unwrap();
    let link = c.dir.path().join("overleg.pdf");
    std::os::unix::fs::symlink(&c.vault, &link).unwrap();
    let l = win(&link);
    let mut args = vec!["summary", "--out", &l];
    args.extend(PERIOD);
    refused(&c.run(&args), "kluis");
    assert_eq!(std::fs::read(&c.vault).unwrap(), before);
    assert!(arr(&c.json(&["log", "--action", "save"])).is_empty());
}
