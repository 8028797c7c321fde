"""Reference values for src/numeric/complex (dense kernels) from numpy.

Run: /usr/bin/python3 scripts/refs/numpy_complex.py > test/reference/numpy-complex.json
Matrices are stored as {"rows", "cols", "data"} with data interleaved re, im in row-major order.
"""
import json
import sys

import numpy as np

rng = np.random.default_rng(20240502)


def rand(r, c):
    return rng.standard_normal((r, c)) + 1j * rng.standard_normal((r, c))


def enc(m):
    m = np.atleast_2d(m)
    flat = np.empty(2 * m.size)
    flat[0::2] = m.real.ravel()
    flat[1::2] = m.imag.ravel()
    return {"rows": int(m.shape[0]), "cols": int(m.shape[1]), "data": flat.tolist()}


A = rand(3, 4)
B = rand(4, 5)
C = rand(2, 3)
D = rand(6, 6)
x = rng.standard_normal(4) + 1j * rng.standard_normal(4)
out = {
    "about": f"numpy {np.__version__}: scripts/refs/numpy_complex.py (default_rng(20240502))",
    "A": enc(A), "B": enc(B), "C": enc(C), "D": enc(D),
    "x": enc(x.reshape(1, -1)),
    "AB": enc(A @ B),
    "Ax": enc((A @ x).reshape(1, -1)),
    "kronAC": enc(np.kron(A, C)),
    "adjA": enc(A.conj().T),
    "traceD": [float(np.trace(D).real), float(np.trace(D).imag)],
    "froD": float(np.linalg.norm(D, "fro")),
    "axpyDD": enc(D + (0.3 - 1.7j) * D.T),
}
json.dump(out, sys.stdout, indent=1)
