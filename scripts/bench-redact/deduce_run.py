#!/usr/bin/env python3
"""Runs deduce on the notes of Naast's labelled corpus, for `make bench-redact`.

Reads a JSON list of note texts, writes for each note deduce's annotations (start,
end, tag) and the time it took per note, measured over several rounds after deduce
has loaded (its first load builds lookup structures and takes minutes; that is
reported apart). deduce runs in a virtual environment of its own
(target/bench-redact/venv) and is never part of Naast.

    deduce_run.py NOTES.json OUT.json [ROUNDS]
"""
import json
import sys
import time


def main():
    notes_path, out_path = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    with open(notes_path, encoding="utf-8") as f:
        notes = json.load(f)
    t0 = time.perf_counter()
    from deduce import Deduce
    import deduce as deduce_module
    d = Deduce()
    load = time.perf_counter() - t0
    results = []
    for text in notes:
        doc = d.deidentify(text)
        results.append(sorted((a.start_char, a.end_char, a.tag) for a in doc.annotations))
    t0 = time.perf_counter()
    for _ in range(rounds):
        for text in notes:
            d.deidentify(text)
    per_note = (time.perf_counter() - t0) / (rounds * len(notes))
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump({
            "version": getattr(deduce_module, "__version__", "?"),
            "load_seconds": load,
            "seconds_per_note": per_note,
            "rounds": rounds,
            "annotations": results,
        }, f)


if __name__ == "__main__":
    main()
