"""The power-cut harness: boot the guest, run a workload that prints an
acknowledgement after each command returns, cut the power at a random moment, replay
the disk's write log to every flush point (and, where files are renamed into place,
to the points between flushes) and check each, then boot again and check that every
acknowledged save is there. See the README's "Power cuts" section.

    harness.py --rounds N --kernel K --initrd I --naast BIN --out DIR [--loads a,b]

Ends with one line: `power cut: N rounds, A acknowledged, F found, L lost, P flush
points replayed, C inconsistent`; exits 1 when anything was lost or inconsistent."""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from examine import Naast, extract, fingerprint  # noqa: E402
from logwrites import Log, Replayer  # noqa: E402
from promises import Load, check_point, check_final  # noqa: E402
from vm import Guest  # noqa: E402

LOADS = ["contacts", "keys", "backup", "output"]
DISK_MB = 32
# Between two flushes with at most this many writes (a key file's, an output's, a
# rename's journal blocks), every point is replayed; between two with more (a copy
# being written, a checkpoint) two points, a third and two thirds of the way.
BETWEEN = 8


def make_disk(naast, load, folder):
    """A fresh ext4 image holding a vault made on the host (passphrase 0, one person):
    Argon2 runs about 7 s under emulation, and making the vault is not under test."""
    stage = os.path.join(folder, "stage")
    shutil.rmtree(stage, ignore_errors=True)
    os.makedirs(os.path.join(stage, "naast"))
    vault = os.path.join(stage, "naast", "kluis.naast")
    rc, out, err = naast.run(vault, ["--json", "init"], 0)
    if rc != 0:
        raise SystemExit(f"naast init: {err}")
    load.codes = [json.loads(out)["recovery_code"]]
    rc, _, err = naast.run(vault, ["person", "add", "--alias", "Sanne"], 0)
    if rc != 0:
        raise SystemExit(f"naast person add: {err}")
    disk = os.path.join(folder, "disk.img")
    subprocess.run(
        ["mkfs.ext4", "-q", "-F", "-d", stage, disk, f"{DISK_MB}M"], check=True
    )
    shutil.rmtree(stage)
    return disk


def segments(log):
    """The log cut at its flushes: (entry count, kind, writes since the flush before)
    for each flush point, and for the end of the log."""
    out, pending = [], []
    for e in log.entries:
        if e.is_flush:
            out.append((e.index + 1, "flush", pending))
            pending = []
        elif e.is_write:
            pending.append(e.index)
    end = len(log.entries)
    if not out or out[-1][0] != end:
        out.append((end, "end", pending))
    return out


def inside(writes, upto):
    """The points to replay between two flushes."""
    if len(writes) <= BETWEEN:
        chosen = writes
    else:
        chosen = [writes[len(writes) // 3], writes[2 * len(writes) // 3]]
    return [i + 1 for i in chosen if i + 1 < upto]


class Points:
    """Replayed points, each checked once per distinct state of the files a check
    reads."""

    def __init__(self, naast, load, log, base, work):
        self.naast, self.load, self.log, self.base, self.work = naast, load, log, base, work
        self.seen = {}
        self.snap = os.path.join(work, "point.img")
        self.folder = os.path.join(work, "point")

    def replayer(self, name):
        return Replayer(self.log, self.base, os.path.join(self.work, name))

    def look(self, r, n):
        r.advance(n)
        r.snapshot(self.snap)
        fsck = extract(self.snap, self.folder)
        fp = fingerprint(self.folder)
        if fp not in self.seen:
            self.seen[fp] = check_point(self.naast, self.load, self.folder, fsck)
        return fp, self.seen[fp]

    def clean(self):
        for f in ("point.img", "flushes.img", "between.img"):
            p = os.path.join(self.work, f)
            if os.path.exists(p):
                os.remove(p)
        shutil.rmtree(self.folder, ignore_errors=True)


def replay(args, naast, load, base, logfile, work):
    """Checks the disk before the boot, then every flush point, each against the
    point before it; then, where the vault's files changed from one flush point to
    the next and files are renamed into place (every workload but contacts), the
    points between those two flushes. Returns (points, flush points, between
    points, distinct states, inconsistent lines, log entries)."""
    log = Log(logfile)
    segs = segments(log)
    pts = Points(naast, load, log, base, work)
    r = pts.replayer("flushes.img")
    at_flush = [pts.look(r, 0)]
    for n, _, _ in segs:
        at_flush.append(pts.look(r, n))
    r.close()
    between = load.name != "contacts"
    r = pts.replayer("between.img") if between else None
    bad, nbetween = [], 0
    for j, (n, kind, writes) in enumerate(segs):
        prev = at_flush[j][1]
        if between and at_flush[j][0] != at_flush[j + 1][0]:
            for m in inside(writes, n):
                _, state = pts.look(r, m)
                nbetween += 1
                problems = state.compare(prev, load)
                if problems:
                    bad.append(f"entry {m} (between): " + "; ".join(problems))
                prev = state
        problems = at_flush[j + 1][1].compare(prev, load)
        if problems:
            bad.append(f"entry {n} ({kind}): " + "; ".join(problems))
    if r:
        r.close()
    pts.clean()
    flushes = sum(1 for _, k, _ in segs if k == "flush")
    return len(segs) + nbetween, flushes, nbetween, len(pts.seen), bad, len(log.entries)


def parse_acks(lines, load):
    """What the guest acknowledged (and began, and showed) before the power cut."""
    acks, begun = [], []
    shown = None
    for _, text in lines:
        code = re.search(r'"recovery_code": "([0-9A-Z-]+)"', text)
        if code:
            if code.group(1) not in load.codes:
                load.codes.append(code.group(1))
            shown = load.codes.index(code.group(1))
        m = re.match(r"(ack|begin) (\S+) ?(.*)", text)
        if m:
            value = m.group(3)
            if m.group(2) == "rekey" and m.group(1) == "ack":
                value = str(shown)  # the code this rekey showed
            (acks if m.group(1) == "ack" else begun).append((m.group(2), value))
    return acks, begun


def one_round(args, naast, rnd, load, rng):
    work = os.path.join(args.out, load.name)
    base = os.path.join(work, "base.img")
    logfile = os.path.join(work, "writes.log")
    shutil.copyfile(load.disk, base)
    boot_args = f"pc.mode=work pc.load={load.name} pc.tag=r{rnd} pc.pass={load.k}"
    if args.control:
        boot_args += " pc.control=early-ack"
    console = os.path.join(args.out, f"round-{rnd:03d}-{load.name}.console")
    for attempt in (1, 2):
        g = Guest(args.kernel, args.initrd, load.disk, boot_args, log=logfile, console=console)
        ready = g.wait_for("ready", 180)
        if ready is not None:
            break
        # A boot that failed before the workload began (a kernel panic under a
        # busy host) tests nothing: once more, from the same disk.
        g.cut()
        shutil.copyfile(base, load.disk)
        if attempt == 2:
            raise SystemExit(f"round {rnd}: the guest never got ready (see {console})")
    delay = rng.uniform(args.kill_min, args.kill_max)
    time.sleep(max(0.0, ready[0] + delay - (time.monotonic() - g.started)))
    cut_at = g.cut()
    acks, begun = parse_acks(g.lines, load)
    fails = [t for _, t in g.lines if t.startswith("fail")]
    cands = load.candidates(begun)  # also learns the newest passphrase begun
    t0 = time.monotonic()
    npoints, nflush, nbetween, distinct, bad, nentries = replay(
        args, naast, load, base, logfile, work
    )
    replay_s = time.monotonic() - t0
    os.remove(base)
    os.remove(logfile)
    # The next boot: the kernel's own journal recovery, then the vault opened once.
    check_args = f"pc.mode=check pc.load={load.name} pc.pass={','.join(map(str, cands))}"
    g2 = Guest(args.kernel, args.initrd, load.disk, check_args, console=console)
    done = g2.finish(300)
    if not done and g2.wait_for("ready", 0) is None:
        # A check boot that never got as far as mounting the disk (a kernel that
        # stalled under a busy host: nothing of the vault was read, and the journal's
        # replay on mount is idempotent) tests nothing: once more, from the same disk.
        g2 = Guest(args.kernel, args.initrd, load.disk, check_args, console=console)
        done = g2.finish(300)
    opened = g2.wait_for("check opened", 0)
    guest_opened = opened[1].split()[-1] if opened else "no answer"
    final = check_final(naast, load, work, acks, guest_opened, done)
    bad += [f"guest: {f}" for f in fails]
    if final["problems"]:
        bad.append("after the power cut: " + "; ".join(final["problems"]))
    result = {
        "round": rnd,
        "load": load.name,
        "kill_s": round(cut_at - ready[0], 1),
        "acknowledged": final["acknowledged"],
        "found": final["found"],
        "lost": final["lost"],
        "log_entries": nentries,
        "points": npoints,
        "flush_points": nflush,
        "between_points": nbetween,
        "distinct_states": distinct,
        "replay_s": round(replay_s, 1),
        "inconsistent": bad,
    }
    print(
        f"round {rnd} {load.name}: cut {result['kill_s']} s after ready, "
        f"{len(final['acknowledged'])} acknowledged, {len(final['found'])} found, "
        f"{len(final['lost'])} lost; {nentries} log entries, {nflush} flush points + "
        f"{nbetween} between replayed ({distinct} distinct states, {replay_s:.0f} s); "
        f"{len(bad)} inconsistent",
        flush=True,
    )
    for line in bad[:20]:
        print(f"  ! {line}", flush=True)
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--initrd", required=True)
    ap.add_argument("--naast", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--loads", default=",".join(LOADS))
    ap.add_argument("--kill-min", type=float, default=3.0)
    ap.add_argument("--kill-max", type=float, default=45.0)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument(
        "--control",
        action="store_true",
        help="the guest acknowledges each contact before saving it: must report losses",
    )
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)
    naast = Naast(os.path.abspath(args.naast), os.path.join(args.out, "scratch"))
    loads = []
    for name in args.loads.split(","):
        load = Load(name)
        os.makedirs(os.path.join(args.out, name))
        load.disk = make_disk(naast, load, os.path.join(args.out, name))
        loads.append(load)
    print(f"power cut: {args.rounds} rounds over {args.loads} (seed {seed})", flush=True)
    started = time.monotonic()
    results = []
    for r in range(args.rounds):
        results.append(one_round(args, naast, r + 1, loads[r % len(loads)], rng))
        with open(os.path.join(args.out, "results.json"), "w") as f:
            json.dump({"seed": seed, "rounds": results}, f, indent=1)
    total = lambda key: sum(len(r[key]) for r in results)  # noqa: E731
    for load in loads:
        mine = [r for r in results if r["load"] == load.name]
        if not mine:
            continue
        kills = ", ".join(str(r["kill_s"]) for r in mine)
        print(
            f"  {load.name}: {len(mine)} rounds, cut at {kills} s; "
            f"{sum(r['flush_points'] for r in mine)} flush points + "
            f"{sum(r['between_points'] for r in mine)} between replayed; "
            f"{sum(len(r['acknowledged']) for r in mine)} acknowledged, "
            f"{sum(len(r['found']) for r in mine)} found"
        )
    minutes = (time.monotonic() - started) / 60
    a, f_, lost, c = total("acknowledged"), total("found"), total("lost"), total("inconsistent")
    p = sum(r["flush_points"] for r in results)
    print(f"  took {minutes:.1f} min")
    # Each round counts as one test in `make test`'s closing total.
    failed = sum(1 for r in results if r["lost"] or r["inconsistent"])
    print(f"test result: {'FAILED' if failed else 'ok'}. {len(results) - failed} passed; {failed} failed")
    print(
        f"power cut: {len(results)} rounds, {a} acknowledged, {f_} found, {lost} lost, "
        f"{p} flush points replayed, {c} inconsistent"
    )
    return 1 if lost or c else 0


if __name__ == "__main__":
    sys.exit(main())
