"""Reference values for src/numeric/linalg (eigh, expm, LU) from numpy and scipy.

Run: /usr/bin/python3 scripts/refs/numpy_linalg.py > test/reference/numpy-linalg.json
Matrices are stored as {"rows", "cols", "data"} with data interleaved re, im in row-major order.
"""
import json
import sys

import numpy as np
import scipy
import scipy.linalg

rng = np.random.default_rng(77001)


def rand(r, c):
    return rng.standard_normal((r, c)) + 1j * rng.standard_normal((r, c))


def herm(n):
    x = rand(n, n)
    return (x + x.conj().T) / 2


def enc(m):
    m = np.atleast_2d(m)
    flat = np.empty(2 * m.size)
    flat[0::2] = m.real.ravel()
    flat[1::2] = m.imag.ravel()
    return {"rows": int(m.shape[0]), "cols": int(m.shape[1]), "data": flat.tolist()}


eigh_cases = []
for n in (3, 8, 40):
    a = herm(n)
    eigh_cases.append({"A": enc(a), "values": np.linalg.eigvalsh(a).tolist()})
# A real symmetric one and a diagonal-heavy one with a wide spread of scales.
s = rng.standard_normal((10, 10))
eigh_cases.append({"A": enc((s + s.T) / 2), "values": np.linalg.eigvalsh((s + s.T) / 2).tolist()})
w = herm(12) + np.diag(10.0 ** np.arange(-6, 6))
eigh_cases.append({"A": enc(w), "values": np.linalg.eigvalsh(w).tolist()})

expm_cases = []
# 1-norms spanning every Padé order (3, 5, 7, 9, 13) and several squarings.
for n, norm in ((4, 0.01), (4, 0.2), (5, 0.9), (5, 1.9), (6, 4.0), (6, 40.0), (20, 300.0)):
    a = rand(n, n)
    a *= norm / np.linalg.norm(a, 1)
    expm_cases.append({"A": enc(a), "expA": enc(scipy.linalg.expm(a)), "norm1": norm})
h = herm(8)
expm_cases.append({"A": enc(-1j * 3.0 * h), "expA": enc(scipy.linalg.expm(-1j * 3.0 * h)), "norm1": float(np.linalg.norm(3.0 * h, 1))})

lu_cases = []
for n in (1, 5, 30):
    a = rand(n, n)
    b = rand(n, 2)
    lu_cases.append({"A": enc(a), "B": enc(b), "X": enc(np.linalg.solve(a, b))})

out = {
    "about": f"numpy {np.__version__}, scipy {scipy.__version__}: scripts/refs/numpy_linalg.py (default_rng(77001)); eigvalsh, scipy.linalg.expm, numpy.linalg.solve",
    "eigh": eigh_cases,
    "expm": expm_cases,
    "solve": lu_cases,
}
json.dump(out, sys.stdout)
