#!/usr/bin/python3
"""QuTiP 4.7 anchor for bench/open-systems.ts: mesolve and steadystate on open systems whose
Liouvillian has a single block (bench/open_models.py).

Usage: /usr/bin/python3 bench/qutip_open_systems.py '<json {"mesolve": [{"model", "size", "T", "nt", "repeats"}], "steadystate": [{"model", "size", "repeats"}]}>'
Prints one JSON object: per case the wall and CPU (process) times of qutip.mesolve / qutip.steadystate at QuTiP's
defaults (median reported) and their expectation values; for mesolve also "exact" expectation
values from scipy's expm_multiply on the Liouvillian over the same time grid (independent of
QuTiP's integrator and of pqms).
"""
import json
import os
import sys
import time

import numpy as np
import qutip as qt
import scipy
from scipy.sparse.linalg import expm_multiply

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from open_models import MODELS  # noqa: E402


def exact_expect(H, c_ops, psi0, e_ops, tlist):
    L = qt.liouvillian(H, c_ops).data.tocsr()
    rho0 = qt.operator_to_vector(qt.ket2dm(psi0)).full().ravel()
    states = expm_multiply(L, rho0, start=tlist[0], stop=tlist[-1], num=len(tlist), endpoint=True)
    d = H.shape[0]
    # <A> = Tr(A rho) = sum_mn A_nm rho_mn; column stacking: vec index m + n d
    out = []
    for A in e_ops:
        a = A.full().T.ravel(order="F")  # a[m + n d] = A[n, m]
        out.append([complex(np.dot(a, s)).real for s in states])
    return out


def main():
    spec = json.loads(sys.argv[1])
    out = {"qutip": qt.__version__, "scipy": scipy.__version__, "numpy": np.__version__, "mesolve": [], "steadystate": []}
    for c in spec.get("mesolve", []):
        H, c_ops, psi0, e_ops = MODELS[c["model"]](c["size"])
        tlist = np.linspace(0, c["T"], c["nt"])
        walls, cpus, res = [], [], None
        for _ in range(c["repeats"]):
            t0, c0 = time.perf_counter(), time.process_time()
            res = qt.mesolve(H, psi0, tlist, c_ops, e_ops, options=qt.Options(nsteps=10**7))
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        out["mesolve"].append({**c, "wall_s": walls, "median_s": float(np.median(walls)), "cpu_median_s": float(np.median(cpus)),
                               "expect": [list(map(float, e)) for e in res.expect],
                               "exact": exact_expect(H, c_ops, psi0, e_ops, tlist)})
    for c in spec.get("steadystate", []):
        H, c_ops, psi0, e_ops = MODELS[c["model"]](c["size"])
        walls, cpus, rho = [], [], None
        for _ in range(c["repeats"]):
            t0, c0 = time.perf_counter(), time.process_time()
            rho = qt.steadystate(H, c_ops)
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        out["steadystate"].append({**c, "wall_s": walls, "median_s": float(np.median(walls)), "cpu_median_s": float(np.median(cpus)),
                                   "expect": [float(qt.expect(e, rho)) for e in e_ops],
                                   "rho": [[[float(z.real), float(z.imag)] for z in row] for row in rho.full()]})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
