#!/usr/bin/python3
"""QuTiP 4.7 anchor for bench/mesolve.ts: the reference two-mode cavity (test/reference/qutip-cavity.json).

Usage: /usr/bin/python3 bench/qutip_mesolve.py '<json list of {"N", "atol", "rtol", "repeats"}>'
Prints one JSON object: for each case the wall times of qutip.mesolve (median reported), its
<n_a>, <n_b> at t = 10, 50, 100, and "exact" values from scipy's expm_multiply on the
Liouvillian block that holds rho(0) (found with scipy.sparse.csgraph.connected_components: the
other blocks stay exactly zero), independent of pqms.
"""
import json
import sys
import time

import numpy as np
import qutip as qt
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components
from scipy.sparse.linalg import expm_multiply

OMEGA, G, KAPPA, NTH = 1.0, 0.1, 0.05, 0.1
TLIST = np.linspace(0, 100, 1001)
T_CHECK = [10, 50, 100]


def model(N):
    a = qt.tensor(qt.destroy(N), qt.qeye(N))
    b = qt.tensor(qt.qeye(N), qt.destroy(N))
    H = OMEGA * (a.dag() * a + b.dag() * b) + G * (a.dag() * b + a * b.dag())
    c_ops = [np.sqrt(KAPPA * (1 + NTH)) * m for m in (a, b)] + [np.sqrt(KAPPA * NTH) * m.dag() for m in (a, b)]
    psi0 = qt.tensor(qt.basis(N, 1), qt.basis(N, 0))
    return H, c_ops, psi0, [a.dag() * a, b.dag() * b]


def exact(N):
    H, c_ops, psi0, e_ops = model(N)
    L = qt.liouvillian(H, c_ops).data.tocsr()
    rho0 = qt.operator_to_vector(qt.ket2dm(psi0)).full().ravel()
    pattern = (L != 0).astype(np.int8)
    _, lab = connected_components(pattern + pattern.T, directed=False)
    keep = np.isin(lab, np.unique(lab[np.nonzero(rho0)[0]]))
    idx = np.nonzero(keep)[0]
    Lb = L[idx][:, idx].tocsc()
    vals = {"n_a": {}, "n_b": {}}
    for t in T_CHECK:
        v = np.zeros(L.shape[0], complex)
        v[idx] = expm_multiply(Lb * t, rho0[idx])
        rho = qt.vector_to_operator(qt.Qobj(v.reshape(-1, 1), dims=[[[N, N], [N, N]], [1]]))
        vals["n_a"][f"t={t}"] = float(qt.expect(e_ops[0], rho).real)
        vals["n_b"][f"t={t}"] = float(qt.expect(e_ops[1], rho).real)
    return vals


def main():
    cases = json.loads(sys.argv[1])
    out = {"qutip": qt.__version__, "cases": []}
    exact_cache = {}
    for c in cases:
        N = c["N"]
        H, c_ops, psi0, e_ops = model(N)
        opts = qt.Options(atol=c["atol"], rtol=c["rtol"], nsteps=10**7)
        walls = []
        res = None
        for _ in range(c["repeats"]):
            t0 = time.perf_counter()
            res = qt.mesolve(H, psi0, TLIST, c_ops, e_ops, options=opts)
            walls.append(time.perf_counter() - t0)
        if N not in exact_cache:
            exact_cache[N] = exact(N)
        idx = {t: int(round(t * 10)) for t in T_CHECK}
        out["cases"].append({
            "N": N, "atol": c["atol"], "rtol": c["rtol"], "wall_s": walls, "median_s": float(np.median(walls)),
            "n_a": {f"t={t}": float(res.expect[0][i]) for t, i in idx.items()},
            "n_b": {f"t={t}": float(res.expect[1][i]) for t, i in idx.items()},
            "exact": exact_cache[N],
        })
    print(json.dumps(out))


if __name__ == "__main__":
    main()
