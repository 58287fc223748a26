#!/usr/bin/env python3
"""Looks inside a Naast vault from outside Naast, with only the raw key.

1. Opens the file through SQLCipher itself (the PyPI package sqlcipher3-wheels,
   which bundles SQLCipher 4), read-only, and runs its integrity checks: the key
   really is the vault's key and the file is sound.
2. Decrypts every page of the file and every frame of its WAL by hand (AES-256-CBC,
   SQLCipher 4's page layout: 4096-byte pages, 16-byte salt in front of page 1, an
   80-byte reserve per page holding the IV and the HMAC) and looks for each marker in
   the decrypted pages, including free pages, which SQLite itself never shows.

Usage: scan_vault.py VAULT HEXKEY MARKER...
Prints JSON: {"opened": bool, "sound": bool, "pages": n, "frames": n, "found": [...]}.
"""

import json
import os
import struct
import sys

import sqlcipher3
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80


def decrypt(key, page, number):
    start = 16 if number == 1 else 0
    iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
    d = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return d.update(page[start:PAGE - RESERVE]) + d.finalize()


def main():
    path, key_hex, markers = sys.argv[1], sys.argv[2], sys.argv[3:]
    key = bytes.fromhex(key_hex)
    out = {"opened": False, "sound": False, "pages": 0, "frames": 0, "found": []}

    con = sqlcipher3.connect(f"file:{path}?mode=ro", uri=True)
    con.execute(f"PRAGMA key = \"x'{key_hex}'\"")
    try:
        con.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlcipher3.DatabaseError:
        # Not with this key (or not a SQLCipher file at all): nothing to look in.
        print(json.dumps(out))
        return
    out["opened"] = True
    bad = con.execute("PRAGMA cipher_integrity_check").fetchall()
    ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    out["sound"] = not bad and ok == "ok"
    con.close()

    plain = []
    raw = open(path, "rb").read()
    for i in range(len(raw) // PAGE):
        plain.append(decrypt(key, raw[i * PAGE:(i + 1) * PAGE], i + 1))
        out["pages"] += 1
    wal = path + "-wal"
    if os.path.exists(wal):
        data = open(wal, "rb").read()
        pos = 32
        while pos + 24 + PAGE <= len(data):
            number = struct.unpack(">I", data[pos:pos + 4])[0]
            plain.append(decrypt(key, data[pos + 24:pos + 24 + PAGE], number))
            out["frames"] += 1
            pos += 24 + PAGE
        plain.append(data)
    plain.append(raw)
    blob = b"\n".join(plain)
    out["found"] = [m for m in markers if m.encode("utf-8") in blob]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
