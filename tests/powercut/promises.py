"""What each workload promises, checked at every replayed point and after the power
cut:

- contacts: every acknowledged save is there; no point holds fewer contacts than
  the flush before it.
- keys (a passphrase change, then a new key, over and over): the vault opens with
  the old or the new passphrase, never neither and never an older one than before;
  a recovery code shown still opens it.
- backup: no file under a backup's final name that does not verify; the vault
  untouched.
- output (a summary and an export written over older ones): old or new, never half.

Every point must also open, and `naast verify` must find nothing."""

import os
import re
import shutil

from examine import backups, extract, open_vault, outputs, recovers


NAME = re.compile(r"naast-(\d{4}-\d\d-\d\dT\d{6})Z(?:-(\d+))?-[0-9a-f]+\.naastbackup$")


def made(name):
    """When a backup was made, by its name: the stamp, then its number within that
    second (`…Z-2-…`), as Naast orders them; never the names as text."""
    m = NAME.match(name)
    return (m.group(1), int(m.group(2) or 1)) if m else ("", 0)


class Load:
    """One workload's disk and what it has acknowledged over all its rounds."""

    def __init__(self, name):
        self.name = name
        self.disk = None
        self.k = 0  # the passphrase that opened it last
        self.last_k = 0  # the one that opened the last replayed point
        self.k_max = 0  # the newest passphrase begun
        self.codes = []  # recovery codes shown, oldest first
        self.notes = set()  # contact notes acknowledged, every round
        self.untouched = None  # the backup load's contacts, which must not change

    def candidates(self, begun):
        """Passphrase indexes that may open the vault: the newest first."""
        for kind, value in begun:
            if kind == "passphrase":
                self.k_max = max(self.k_max, int(value))
        return list(range(max(self.k, self.k_max), self.k - 1, -1))


class State:
    """What one replayed point holds."""

    def __init__(self, fsck, k, problems, notes, code, backups_, outputs_):
        self.fsck = fsck
        self.k = k
        self.problems = problems
        self.notes = notes
        self.code = code
        self.backups = backups_
        self.outputs = outputs_

    def compare(self, prev, load):
        """The promises this point breaks, given the point before it."""
        bad = []
        if self.fsck >= 4:
            bad.append(f"e2fsck left errors (exit {self.fsck})")
        if self.k is None:
            bad.append("opens with none of the passphrases: " + "; ".join(self.problems))
            return bad
        bad += [f"verify: {p}" for p in self.problems]
        if prev is not None and prev.notes is not None and self.notes is not None:
            gone = prev.notes - self.notes
            if gone:
                bad.append(f"{len(gone)} contacts there at the point before are gone")
        if prev is not None and prev.k is not None and self.k < prev.k:
            bad.append(f"opens with passphrase {self.k}, the point before with {prev.k}")
        if load.name == "keys":
            if self.code is None:
                bad.append("no recovery code shown opens it")
            elif prev is not None and prev.code is not None and self.code < prev.code:
                bad.append(f"only recovery code {self.code} opens it, before {prev.code}")
        if load.name == "backup" and self.notes is not None and load.untouched is not None:
            if self.notes != load.untouched:
                bad.append("the vault's contacts changed during backups")
        for name, ok in self.backups.items():
            if not ok:
                bad.append(f"{name} is under a backup's final name but does not verify")
        for name, (_, whole) in self.outputs.items():
            if not whole:
                bad.append(f"{name} is half written")
        return bad


def check_point(naast, load, folder, fsck):
    # The passphrase that opened the point before first: each wrong one costs an
    # Argon2 run.
    order = sorted(range(load.k, load.k_max + 1), key=lambda i: i != load.last_k)
    k, problems, notes = open_vault(naast, folder, order)
    if k is not None:
        load.last_k = k
    notes = set(notes) if notes is not None else None
    code = recovers(naast, folder, load.codes) if load.name == "keys" and k is not None else None
    bk = backups(naast, folder, load.codes) if load.name == "backup" else {}
    out = outputs(folder) if load.name == "output" else {}
    return State(fsck, k, problems, notes, code, bk, out)


def check_final(naast, load, work, acks, guest_opened, done):
    """The disk after the next boot, against everything acknowledged: returns the
    round's acknowledged, found and lost items and the promises broken."""
    img = os.path.join(work, "final.img")
    folder = os.path.join(work, "final")
    shutil.copyfile(load.disk, img)
    shutil.rmtree(folder, ignore_errors=True)
    fsck = extract(img, folder)
    os.remove(img)
    problems = []
    if not done:
        problems.append("the check boot did not finish")
    if guest_opened in ("none", "no answer"):
        problems.append(f"the guest could not open the vault after the cut ({guest_opened})")
    if fsck not in (0,):
        problems.append(f"e2fsck after a clean unmount: exit {fsck}")
    k, verify, notes = open_vault(
        naast, folder, list(range(max(load.k, load.k_max), load.k - 1, -1))
    )
    if k is None:
        problems.append("the host opens it with no passphrase: " + "; ".join(verify))
        notes = []
    else:
        problems += [f"verify: {p}" for p in verify]
    notes = set(notes or [])
    gone = load.notes - notes
    if gone:
        problems.append(f"{len(gone)} contacts acknowledged in earlier rounds are gone")
    code = recovers(naast, folder, load.codes)
    if code is None:
        problems.append("no recovery code opens it")
    bk = backups(naast, folder, load.codes) if load.name == "backup" else {}
    out = outputs(folder)
    shutil.rmtree(folder, ignore_errors=True)
    if load.name == "backup":
        if load.untouched is None:
            load.untouched = notes
        elif notes != load.untouched:
            problems.append("the vault's contacts changed during backups")
        problems += [f"{n} does not verify" for n, ok in bk.items() if not ok]
    for name, (_, whole) in out.items():
        if not whole:
            problems.append(f"{name} is half written")

    acked, found = [], []
    hashes = {"summary": [], "export": []}
    for kind, v in acks:
        if kind in hashes:
            hashes[kind].append(v)
    for kind, v in acks:
        item = f"{kind} {v}"
        acked.append(item)
        if kind == "contact":
            ok = v in notes
            if ok:  # a lost one is counted once, in its own round
                load.notes.add(v)
        elif kind == "passphrase":
            ok = k is not None and k >= int(v)
        elif kind == "rekey":
            ok = code is not None and code >= int(v)
        elif kind == "backup":
            # The three newest always stay; an older one may have been pruned for
            # them. Newer counts every sound backup there, also one made right
            # before the cut whose acknowledgement never got out (seen: the last
            # acknowledged three were checked, and the unacknowledged newest one
            # had pruned the oldest of them).
            newer = [n for n, sound in bk.items() if sound and made(n) > made(v)]
            ok = bk.get(v) is True or len(newer) >= 3
        elif kind in hashes:
            name = "overleg.html" if kind == "summary" else "sanne.json"
            have = out.get(name)
            later = hashes[kind][hashes[kind].index(v):]
            ok = have is not None and have[1] and (have[0] in later or have[0] not in hashes[kind])
        else:
            ok = False
        if ok:
            found.append(item)
    if k is not None:
        load.k = k
        load.k_max = max(load.k_max, k)
    lost = [a for a in acked if a not in found]
    return {"acknowledged": acked, "found": found, "lost": lost, "problems": problems}
