"""Looks at a disk image from the host, the way the next boot would find it: a copy
is checked with `e2fsck -fy` (which replays the ext4 journal as a mount would), the
vault's folder is taken out with `debugfs rdump`, and the host's release `naast`
(the same build the guest runs) opens, verifies and reads it. Nothing here opens
the image itself for writing: every command runs on copies."""

import hashlib
import json
import os
import shutil
import subprocess
import tempfile

PASS = "powercut-pass-{}"


def extract(image, out):
    """The vault's folder of `image` (changed by e2fsck: pass a copy) into `out`.
    Returns e2fsck's exit code (0 clean, 1 errors fixed; 4 and up: left unfixed)."""
    fsck = subprocess.run(["e2fsck", "-fy", image], capture_output=True)
    # rdump puts the folder itself (naast/) inside the one it is given.
    into = out + ".d"
    shutil.rmtree(into, ignore_errors=True)
    os.makedirs(into)
    subprocess.run(
        ["debugfs", "-R", f"rdump /naast {into}", image], capture_output=True, check=True
    )
    shutil.rmtree(out, ignore_errors=True)
    if os.path.isdir(os.path.join(into, "naast")):
        os.rename(os.path.join(into, "naast"), out)
    else:
        os.makedirs(out)
    os.rmdir(into)
    return fsck.returncode


def relevant(rel):
    """The files a check reads: the vault, its side files and key file, backups and
    outputs under their final names. A half-made copy (a new key's file, a backup's
    partial, an output's temporary) is read by nobody, and a point that differs
    from another only there gives the same answers."""
    name = os.path.basename(rel)
    if rel.startswith("backups/"):
        return name.startswith("naast-") and name.endswith((".naastbackup", ".json"))
    if rel.startswith("out/"):
        return name in ("overleg.html", "sanne.json")
    return name in ("kluis.naast", "kluis.naast-wal", "kluis.naast-shm",
                    "kluis.naast-journal", "kluis.naast.keys")


def fingerprint(folder):
    """One hash over the name and bytes of every file a check reads: two points
    that agree there give the same answers, so each is checked once."""
    h = hashlib.sha256()
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            p = os.path.join(root, name)
            if not relevant(os.path.relpath(p, folder)):
                continue
            h.update(os.path.relpath(p, folder).encode() + b"\0")
            with open(p, "rb") as f:
                h.update(hashlib.sha256(f.read()).digest())
    return h.hexdigest()


class Naast:
    def __init__(self, binary, scratch):
        self.binary = binary
        self.scratch = scratch
        os.makedirs(scratch, exist_ok=True)

    def pass_file(self, k):
        p = os.path.join(self.scratch, f"pass-{k}")
        if not os.path.exists(p):
            with open(p, "w") as f:
                f.write(PASS.format(k) + "\n")
        return p

    def run(self, vault, args, k=None, stdin=None):
        cmd = [self.binary, "--lang", "en", "--vault", vault]
        if k is not None:
            cmd += ["--passphrase-file", self.pass_file(k)]
        env = dict(os.environ, NAAST_KEYRING_SERVICE="naast-powercut-host-check")
        r = subprocess.run(cmd + args, input=stdin, capture_output=True, text=True, env=env)
        return r.returncode, r.stdout, r.stderr


class Copy:
    """The vault folder copied to a scratch place, so opening it changes nothing else."""

    def __init__(self, folder):
        self.dir = tempfile.mkdtemp(prefix="copy-", dir=os.path.dirname(folder.rstrip("/")))
        shutil.rmtree(self.dir)
        shutil.copytree(folder, self.dir)
        self.vault = os.path.join(self.dir, "kluis.naast")

    def __enter__(self):
        return self

    def __exit__(self, *_):
        shutil.rmtree(self.dir, ignore_errors=True)


def open_vault(naast, folder, candidates):
    """Tries the passphrases `candidates` (indexes, in order). Returns (index, problems,
    notes) with the first that opens; (None, [why...], None) when none does."""
    why = []
    for k in candidates:
        with Copy(folder) as c:
            rc, out, err = naast.run(c.vault, ["--json", "verify"], k)
            try:
                report = json.loads(out)
            except ValueError:
                why.append(f"pass {k}: {err.strip()}")
                continue
            problems = report.get("problems", [])
            rc, out, err = naast.run(c.vault, ["--json", "contact", "list"], k)
            if rc != 0:
                return k, problems + [f"contact list: {err.strip()}"], None
            notes = [c["note"] for c in json.loads(out)]
            return k, problems, notes
    return None, why, None


def recovers(naast, folder, codes):
    """The newest of `codes` (oldest first) that still opens the vault through
    `naast recover`, as its index; None when none does."""
    for i in range(len(codes) - 1, -1, -1):
        with Copy(folder) as c:
            rc, _, _ = naast.run(c.vault, ["recover"], k="recovered", stdin=codes[i] + "\n")
            if rc == 0:
                return i
    return None


def backups(naast, folder, codes):
    """Every file under a backup's final name, and whether it verifies (with any of
    the recovery codes: a backup from before a new key opens with the old one)."""
    found = {}
    bdir = os.path.join(folder, "backups")
    names = sorted(os.listdir(bdir)) if os.path.isdir(bdir) else []
    for name in names:
        if not (name.startswith("naast-") and name.endswith(".naastbackup")):
            continue
        ok = False
        for i, code in enumerate(reversed(codes)):
            cf = os.path.join(naast.scratch, f"code-{i}")
            with open(cf, "w") as f:
                f.write(code + "\n")
            rc, _, _ = naast.run(
                os.path.join(folder, "kluis.naast"),
                ["backup", "verify", os.path.join(bdir, name), "--recovery-code-file", cf],
            )
            if rc == 0:
                ok = True
                break
        found[name] = ok
    return found


def outputs(folder):
    """Each output file: its hash and whether it is whole (the HTML closes its
    document; the JSON parses)."""
    found = {}
    odir = os.path.join(folder, "out")
    for name, whole in (("overleg.html", html_whole), ("sanne.json", json_whole)):
        p = os.path.join(odir, name)
        if os.path.exists(p):
            with open(p, "rb") as f:
                data = f.read()
            found[name] = (hashlib.sha256(data).hexdigest(), whole(data))
    return found


def html_whole(data):
    return data.rstrip().endswith(b"</html>")


def json_whole(data):
    try:
        json.loads(data)
        return True
    except ValueError:
        return False
