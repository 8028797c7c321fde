#!/usr/bin/python3
"""QuTiP 4.7 anchor for bench/steadystate.ts: steady state of the reference two-mode cavity.

Usage: /usr/bin/python3 bench/qutip_steadystate.py '<json list of {"N", "method", "repeats"}>'
Prints JSON: per case the wall times of qutip.steadystate (median reported) and <n_a>, <n_b>,
entropy and purity of its result. The untruncated steady state is the thermal product state with
<n> = n_th = 0.1 per mode (entropy 2[(n+1)ln(n+1) - n ln n]).
"""
import json
import sys
import time

import numpy as np
import qutip as qt

OMEGA, G, KAPPA, NTH = 1.0, 0.1, 0.05, 0.1


def model(N):
    a = qt.tensor(qt.destroy(N), qt.qeye(N))
    b = qt.tensor(qt.qeye(N), qt.destroy(N))
    H = OMEGA * (a.dag() * a + b.dag() * b) + G * (a.dag() * b + a * b.dag())
    c_ops = [np.sqrt(KAPPA * (1 + NTH)) * m for m in (a, b)] + [np.sqrt(KAPPA * NTH) * m.dag() for m in (a, b)]
    return H, c_ops, [a.dag() * a, b.dag() * b]


out = {"qutip": qt.__version__, "cases": []}
for c in json.loads(sys.argv[1]):
    H, c_ops, e_ops = model(c["N"])
    walls, rho = [], None
    for _ in range(c["repeats"]):
        t0 = time.perf_counter()
        rho = qt.steadystate(H, c_ops, method=c["method"])
        walls.append(time.perf_counter() - t0)
    out["cases"].append({**c, "wall_s": walls, "median_s": float(np.median(walls)),
                         "n_a": float(qt.expect(e_ops[0], rho)), "n_b": float(qt.expect(e_ops[1], rho)),
                         "entropy": float(qt.entropy_vn(rho)), "purity": float((rho * rho).tr().real)})
print(json.dumps(out))
