#!/usr/bin/env python3
"""An independent check of catalogue JSON files (dronperminov/FastMatrixMultiplication): the Brent equations, exactly.

Reads each file itself (no code shared with strassen-repro): {"n": [n, m, p], "m": R, "z2": bool, "u": R rows of n*m,
"v": R rows of m*p, "w": R rows of p*n}, u[r][i*m+j] the coefficient of A[i,j], v[r][j*p+k] of B[j,k], w[r][k*n+i]
of C[i,k] (C transposed); entries integers or "p/q" strings. Each side is scaled by the least common multiple of its
denominators to integers, T[a,b,c] = sum_r U[r,a] V[r,b] W[r,c] is formed with numpy.einsum (int64 where the bound
R * max|U| * max|V| * max|W| fits, else Python integers in object arrays) and compared with L * delta(j,j') delta(k,k')
delta(i,i'), L the product of the three scales; modulo 2 when "z2" is true.

Usage: check.py FILE... (or - to read the paths from stdin, one a line); prints one JSON line per file: {"path", "verdict": "valid" | "not valid" | "unreadable",
"reason"?}. Exit 0.
"""
import json
import math
import sys
from fractions import Fraction

import numpy as np

INT64_SAFE = 2**62


def entry(x):
    if isinstance(x, bool):
        raise ValueError("a boolean coefficient")
    if isinstance(x, int):
        return Fraction(x)
    if isinstance(x, str):
        return Fraction(x.strip())
    raise ValueError(f"coefficient {x!r} is neither an integer nor 'p/q'")


def side(rows, rank, width, name):
    if not isinstance(rows, list) or len(rows) != rank or any(not isinstance(r, list) or len(r) != width for r in rows):
        raise ValueError(f"'{name}' is not {rank} rows of {width}")
    values = [[entry(x) for x in r] for r in rows]
    scale = 1
    for r in values:
        for x in r:
            scale = math.lcm(scale, x.denominator)
    ints = [[int(x * scale) for x in r] for r in values]
    return ints, scale


def tensor(u, v, w, big):
    """T[a, b, c] = sum_r u[r][a] v[r][b] w[r][c]."""
    if not big:
        return np.einsum("ra,rb,rc->abc", *(np.array(s, dtype=np.int64) for s in (u, v, w)), optimize=True)
    U, V, W = (np.array(s, dtype=object) for s in (u, v, w))
    uv = (U[:, :, None] * V[:, None, :]).reshape(len(u), -1)  # R x (nm * mp), Python integers
    return np.dot(uv.T, W).reshape(U.shape[1], V.shape[1], W.shape[1])


def check(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if not isinstance(doc, dict) or "n" not in doc or "u" not in doc:
        raise ValueError("not a catalogue scheme (no 'n' and 'u')")
    n, m, p = doc["n"]
    rank = doc["m"]
    z2 = bool(doc.get("z2", False))
    if rank and isinstance(doc["u"][0], list) and doc["u"][0] and isinstance(doc["u"][0][0], dict):
        raise ValueError("an addition-reduced (sparse) file")
    u, lu = side(doc["u"], rank, n * m, "u")
    v, lv = side(doc["v"], rank, m * p, "v")
    w, lw = side(doc["w"], rank, p * n, "w")
    scale = lu * lv * lw
    if z2 and scale != 1:
        raise ValueError("fractions in a mod-2 scheme")
    bound = rank * max(map(abs, sum(u, [0]))) * max(map(abs, sum(v, [0]))) * max(map(abs, sum(w, [0])))
    t = tensor(u, v, w, big=bound >= INT64_SAFE)
    target = np.zeros((n * m, m * p, p * n), dtype=np.int64)
    for i in range(n):
        for j in range(m):
            for k in range(p):
                target[i * m + j, j * p + k, k * n + i] = 1
    diff = t - target * scale if not z2 else (t - target) % 2
    return "valid" if not np.any(diff != 0) else "not valid"


def main():
    paths = sys.argv[1:]
    if paths == ["-"]:
        paths = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    for path in paths:
        try:
            row = {"path": path, "verdict": check(path)}
        except (ValueError, TypeError, KeyError, IndexError, ZeroDivisionError, OSError, json.JSONDecodeError) as e:
            row = {"path": path, "verdict": "unreadable", "reason": f"{type(e).__name__}: {e}"}
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
