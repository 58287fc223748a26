//! What the process keeps (issue 23): the command line and the app make no core file
//! and cannot be dumped, and SQLCipher wipes the memory it frees. Checked on the real
//! binary through /proc, and on this process after the same call the faces make.

#![cfg(target_os = "linux")]

use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn the_command_line_makes_no_core_file() {
    let dir = tempfile::tempdir().unwrap();
    // `recover` waits for the code on stdin: the process lives while /proc is read.
    // It starts with core files allowed (as on a desktop where they are), so only
    // its own call can take them away.
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_naast"));
    // SAFETY: between fork and exec only setrlimit runs, which allocates nothing.
    unsafe {
        std::os::unix::process::CommandExt::pre_exec(&mut cmd, || {
            let mut l = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            libc::getrlimit(libc::RLIMIT_CORE, &mut l);
            l.rlim_cur = l.rlim_max;
            libc::setrlimit(libc::RLIMIT_CORE, &l);
            Ok(())
        });
    }
    let mut child = cmd
        .args(["recover"])
        .env("NAAST_VAULT", dir.path().join("kluis.naast"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let limits = format!("/proc/{}/limits", child.id());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let line = loop {
        let text = std::fs::read_to_string(&limits).unwrap_or_default();
        let line = text
            .lines()
            .find(|l| l.starts_with("Max core file size"))
            .unwrap_or("")
            .to_string();
        // Right after exec the limit is still the parent's; wait for main to run.
        if line.split_whitespace().nth(4) == Some("0") || std::time::Instant::now() > deadline {
            break line;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    child.stdin.take().unwrap().write_all(b"").unwrap();
    let _ = child.wait();
    let fields: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(&fields[4..6], ["0", "0"], "{line}");
}

#[test]
fn after_hardening_nothing_can_dump_this_process_and_freed_memory_is_wiped() {
    assert!(!naast::store::memory::wipes_freed_memory().unwrap());
    naast::store::memory::harden_process();
    // SAFETY: PR_GET_DUMPABLE takes no pointers.
    let dumpable = unsafe { libc::prctl(libc::PR_GET_DUMPABLE, 0, 0, 0, 0) };
    assert_eq!(dumpable, 0);
    assert!(naast::store::memory::wipes_freed_memory().unwrap());
}
