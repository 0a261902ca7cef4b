#!/usr/bin/env python3
"""Compares `strassen-repro verify DIR --recursive --json` (one document: rows, summary, verdict) with check.py's JSON
lines, file by file, and prints the counts, the shapes, both wall times and their ratio.
Usage: compare.py OURS.json NUMPY.jsonl OURS_SECONDS NUMPY_SECONDS THREADS. Exit 1 if any verdict differs."""
import json
import os
import sys
from collections import Counter


def ours_class(row):
    if "error" in row:
        return "unreadable"
    return "valid" if row["verdict"].startswith("VALID") else "not valid"


def main():
    ours_path, numpy_path, ours_s, numpy_s, threads = sys.argv[1:6]
    with open(ours_path, encoding="utf-8") as f:
        doc = json.load(f)
    ours = {os.path.realpath(r["path"]): (ours_class(r), r) for r in doc["rows"]}
    with open(numpy_path, encoding="utf-8") as f:
        theirs = {os.path.realpath(r["path"]): r for r in map(json.loads, f)}
    differ = []
    for path in sorted(set(ours) | set(theirs)):
        a = ours.get(path, ("(not verified)", None))[0]
        b = theirs.get(path, {"verdict": "(not checked)"})["verdict"]
        if a != b:
            differ.append(f"  {path}: verify {a}, numpy {b} {theirs.get(path, {}).get('reason', '')}")
    shapes = Counter("x".join(map(str, r["shape"])) for _, r in ours.values() if r is not None and "shape" in r)
    verdicts = Counter(c for c, _ in ours.values())
    s = doc["summary"]
    print(f"files: {len(ours)} verified, {len(theirs)} checked by numpy; {len(shapes)} shapes; "
          f"verify: {s['valid']} valid, {s['notValid']} not valid, {s['unreadable']} unreadable; last line {doc['verdict']!r}")
    print(f"numpy verdicts: {dict(Counter(r['verdict'] for r in theirs.values()))}; verify verdicts: {dict(verdicts)}")
    ours_t, numpy_t = float(ours_s), float(numpy_s)
    print(f"wall: verify {ours_t:.2f} s (--threads {threads}), numpy einsum {numpy_t:.2f} s (one thread); "
          f"ratio verify/numpy {ours_t / numpy_t:.2f}; cores {os.cpu_count()}")
    if differ:
        print(f"DISAGREE on {len(differ)} files:")
        print("\n".join(differ[:50]))
        sys.exit(1)
    print(f"AGREE on all {len(ours)} files")


if __name__ == "__main__":
    main()
