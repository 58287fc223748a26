//! A save that reported success survives the process being killed at any moment.
//!
//! The test binary runs itself as the child (`crash_child`, inert unless the
//! environment names a vault): it saves contacts in a loop and prints `saved <id>`
//! after each save returns. The parent kills it with SIGKILL at random moments,
//! many times, then checks every reported save is there and the vault verifies.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use naast::ground::vocab::Support;
use naast::records::contact::{self, NewContact};
use naast::records::person::{self, NewPerson};
use naast::store::keys::MemoryKeyStore;
use naast::vault::Vault;

const ENV: &str = "NAAST_CRASH_CHILD_VAULT";

#[test]
fn crash_child() {
    let Ok(path) = std::env::var(ENV) else { return };
    let store = MemoryKeyStore::default();
    let v = Vault::open(path.as_ref(), &store, Some(PASS)).unwrap();
    let p = person::find(v.conn(), "Sanne").unwrap().id;
    for i in 0..1_000_000u64 {
        let mut c = NewContact::now(vec![p], vec![Support::Emotional]);
        c.note = format!("crash-note-{i} {}", "tekst ".repeat((i % 50) as usize));
        let id = contact::add(v.conn(), &c).unwrap();
        println!("saved {id} {i}");
    }
}

#[test]
fn saves_that_returned_survive_sigkill_at_random_moments() {
    let t = TestVault::new();
    let (v, _) = t.init_passphrase();
    person::add(
        v.conn(),
        &NewPerson {
            alias: "Sanne".into(),
            ..Default::default()
        },
    )
    .unwrap();
    drop(v);

    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut rand = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut saved: Vec<(i64, String)> = Vec::new();
    let rounds = 30;
    for _ in 0..rounds {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
            .env(ENV, &t.path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let out = child.stdout.take().unwrap();
        let (first_tx, first) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut lines = Vec::new();
            for l in BufReader::new(out).lines().map_while(Result::ok) {
                if l.starts_with("saved ") {
                    if lines.is_empty() {
                        let _ = first_tx.send(());
                    }
                    lines.push(l);
                }
            }
            lines
        });
        // Wait for the first save, then kill somewhere in the next 0–300 ms.
        let start = Instant::now();
        first
            .recv_timeout(Duration::from_secs(30))
            .expect("the child saved nothing in 30 s");
        std::thread::sleep(Duration::from_millis(rand() % 300));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        assert!(start.elapsed() < Duration::from_secs(31));
        for line in reader.join().unwrap() {
            let mut parts = line.split_whitespace().skip(1);
            let id: i64 = parts.next().unwrap().parse().unwrap();
            let i = parts.next().unwrap().to_string();
            saved.push((id, format!("crash-note-{i} ")));
        }
    }
    assert!(
        saved.len() > rounds,
        "the child saved too little to test anything: {}",
        saved.len()
    );
    let v = t.open().unwrap();
    for (id, prefix) in &saved {
        let c = contact::get(v.conn(), *id)
            .unwrap_or_else(|e| panic!("contact {id} reported saved but missing: {e}"));
        assert!(c.note.starts_with(prefix.as_str()));
    }
    assert_eq!(v.verify().unwrap(), Vec::new());
    eprintln!("{} saves over {rounds} kills all survived", saved.len());
}
