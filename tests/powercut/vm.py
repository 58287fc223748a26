"""The guest: Debian's cloud kernel under QEMU (TCG), the initramfs with busybox and
the release `naast`, one raw ext4 image as an NVMe disk. Killing qemu is the power
cut: the guest's page cache and everything its disk had not flushed are gone.

With a log file, the disk sits behind QEMU's `blklogwrites` driver, which records
every write and flush the guest makes (see logwrites.py)."""

import os
import signal
import struct
import subprocess
import threading
import time

from logwrites import MAGIC, SUPER, VERSION


def fresh_log(path, sectorsize=512):
    """An empty log with a superblock: QEMU writes its own only at the first flush,
    and a cut before that must still leave a log that says "nothing written"."""
    with open(path, "wb") as f:
        head = SUPER.pack(MAGIC, VERSION, 0, sectorsize)
        f.write(head + b"\0" * (sectorsize - len(head)))


class Guest:
    """One boot. Lines the guest prints starting with "PC " are kept with the time
    they arrived (seconds since the boot began)."""

    def __init__(self, kernel, initrd, disk, args, log=None, console=None):
        drive = "disk"
        cmd = [
            "qemu-system-x86_64", "-nodefaults", "-display", "none", "-no-reboot",
            "-accel", "tcg", "-m", "512", "-smp", "1",
            "-serial", "stdio",
            "-kernel", kernel, "-initrd", initrd,
            # no_timer_check: on a busy host the emulated CPU is too slow for the
            # kernel's IO-APIC timer check, which then panics at boot.
            "-append", "console=ttyS0 quiet loglevel=1 panic=-1 no_timer_check " + args,
            # The host itself does not lose power: its page cache may keep what qemu
            # wrote, so qemu need not ask the host to flush.
            "-blockdev",
            f"driver=file,node-name=disk,filename={disk},cache.no-flush=on",
        ]
        if log:
            fresh_log(log)
            cmd += [
                "-blockdev", f"driver=file,node-name=logf,filename={log},cache.no-flush=on",
                "-blockdev", "driver=blklogwrites,node-name=lw,file=disk,log=logf",
            ]
            drive = "lw"
        cmd += ["-device", f"nvme,serial=naastpc,drive={drive}"]
        self.lines = []
        self._cond = threading.Condition()
        self._console = open(console, "a") if console else None
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for raw in self.proc.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if self._console:
                self._console.write(line + "\n")
            at = time.monotonic() - self.started
            with self._cond:
                if "PC " in line:
                    self.lines.append((at, line[line.index("PC ") + 3:]))
                self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()

    def wait_for(self, prefix, timeout):
        """The time and text of the first line starting with `prefix`, or None when
        the guest stopped or the time ran out."""
        end = time.monotonic() + timeout
        with self._cond:
            while True:
                for at, text in self.lines:
                    if text.startswith(prefix):
                        return at, text
                left = end - time.monotonic()
                if left <= 0 or (self.proc.poll() is not None and not self._reader.is_alive()):
                    return None
                self._cond.wait(min(left, 1.0))

    def cut(self):
        """The power cut: SIGKILL, then every line the guest printed before it."""
        at = time.monotonic() - self.started
        try:
            os.kill(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()
        self._reader.join()
        if self._console:
            self._console.write(f"=== power cut at {at:.1f} s ===\n")
            self._console.close()
        return at

    def finish(self, timeout):
        """Waits for the guest to power itself off (killed after `timeout`)."""
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.cut()
            return False
        self._reader.join()
        if self._console:
            self._console.close()
        return True
