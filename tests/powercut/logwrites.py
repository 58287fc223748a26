"""Reads and replays a write log in the format of Linux's dm-log-writes, as QEMU's
`blklogwrites` block driver writes it: a superblock in sector 0, then one sector per
entry (sector, nr_sectors, flags, data_len; little-endian), each write's data in the
sectors after its entry. A flush is an entry with the flush flag and no data.

QEMU rewrites the superblock's entry count on every flush only, so after a power cut
(qemu killed) the entries after the last flush are found by reading on until a sector
that is not an entry.

As a command: `logwrites.py info LOG` prints what the log holds;
`logwrites.py replay LOG BASE OUT [N]` writes BASE with the first N entries (default
all) applied to OUT.
"""

import os
import shutil
import struct
import sys

MAGIC = 0x6A736677736872
VERSION = 1
FLUSH, FUA, DISCARD, MARK = 1, 2, 4, 8
KNOWN = FLUSH | FUA | DISCARD | MARK
SUPER = struct.Struct("<QQQI")
ENTRY = struct.Struct("<QQQQ")


class LogError(Exception):
    pass


class Entry:
    __slots__ = ("index", "sector", "nr_sectors", "flags", "data_at")

    def __init__(self, index, sector, nr_sectors, flags, data_at):
        self.index = index
        self.sector = sector
        self.nr_sectors = nr_sectors
        self.flags = flags
        self.data_at = data_at

    @property
    def is_flush(self):
        return bool(self.flags & FLUSH)

    @property
    def is_write(self):
        return not self.flags & (FLUSH | DISCARD | MARK) and self.nr_sectors > 0


class Log:
    """The entries of one log file, in the order the writes completed."""

    def __init__(self, path):
        self.path = path
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            head = f.read(SUPER.size)
            if len(head) < SUPER.size:
                raise LogError(f"{path}: too short for a superblock")
            magic, version, counted, sectorsize = SUPER.unpack(head)
            if magic != MAGIC:
                raise LogError(f"{path}: not a dm-log-writes log (magic {magic:#x})")
            if version != VERSION:
                raise LogError(f"{path}: log version {version}, expected {VERSION}")
            if sectorsize < ENTRY.size or sectorsize & (sectorsize - 1):
                raise LogError(f"{path}: sector size {sectorsize}")
            self.sectorsize = sectorsize
            self.counted = counted
            self.entries = []
            at = sectorsize  # sector 1
            while at + ENTRY.size <= size:
                f.seek(at)
                sector, nr, flags, _data_len = ENTRY.unpack(f.read(ENTRY.size))
                valid = not flags & ~KNOWN and (flags or nr)
                data = 0 if flags & DISCARD else nr * sectorsize
                if not valid or at + sectorsize + data > size:
                    if len(self.entries) < counted:
                        raise LogError(
                            f"{path}: entry {len(self.entries)} unreadable, "
                            f"superblock counts {counted}"
                        )
                    break
                self.entries.append(Entry(len(self.entries), sector, nr, flags, at + sectorsize))
                at += sectorsize + data

    def flushes(self):
        return [e.index for e in self.entries if e.is_flush]


class Replayer:
    """A copy of the disk as it was before the log began, brought forward entry by
    entry: `advance(n)` applies the first n entries (never backwards)."""

    def __init__(self, log, base, work):
        self.log = log
        self.work = work
        shutil.copyfile(base, work)
        self.applied = 0
        self._log = open(log.path, "rb")
        self._disk = open(work, "r+b")

    def advance(self, n):
        if n < self.applied:
            raise LogError(f"cannot go back from {self.applied} to {n} entries")
        ss = self.log.sectorsize
        for e in self.log.entries[self.applied:n]:
            if e.is_write:
                self._log.seek(e.data_at)
                self._disk.seek(e.sector * ss)
                self._disk.write(self._log.read(e.nr_sectors * ss))
            # A discarded range may read back as anything: the old data is one answer.
        self._disk.flush()
        self.applied = n

    def snapshot(self, out):
        """The disk as it is now, in a file of its own (to be checked and changed)."""
        self._disk.flush()
        shutil.copyfile(self.work, out)

    def close(self):
        self._log.close()
        self._disk.close()


def main(argv):
    if len(argv) >= 2 and argv[0] == "info":
        log = Log(argv[1])
        writes = sum(1 for e in log.entries if e.is_write)
        print(
            f"{len(log.entries)} entries ({log.counted} in the superblock), "
            f"{writes} writes, {len(log.flushes())} flushes, {log.sectorsize}-byte sectors"
        )
        return 0
    if len(argv) >= 4 and argv[0] == "replay":
        log = Log(argv[1])
        n = int(argv[4]) if len(argv) > 4 else len(log.entries)
        r = Replayer(log, argv[2], argv[3])
        r.advance(n)
        r.close()
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
