#!/usr/bin/python3
"""The reference two-mode cavity that `pqms demo` and quantum/mesolve.test.ts compare with.

    /usr/bin/python3 scripts/refs/qutip_cavity.py > test/reference/qutip-cavity.json

H = ω(a†a + b†b) + g(a†b + ab†), thermal damping of both modes (κ, n_th), from |1,0⟩, ħ = 1.
"exact": scipy's expm_multiply on QuTiP's Liouvillian (no ODE tolerance); also qutip.mesolve at
its default tolerances, the untruncated closed form (the excitation swaps as cos²/sin²(gt) and
decays to n_th), and qutip.steadystate (direct). Wall times are this machine's.
"""
import json
import time

import numpy as np
import qutip
import scipy
from qutip import basis, destroy, entropy_vn, expect, liouvillian, mesolve, operator_to_vector, qeye, steadystate, tensor, vector_to_operator
from scipy.sparse.linalg import expm_multiply

omega, g, kappa, n_th = 1.0, 0.1, 0.05, 0.1
tlist = np.linspace(0, 100, 1001)
marks = [10, 50, 100]


def model(N):
    a = tensor(destroy(N), qeye(N))
    b = tensor(qeye(N), destroy(N))
    H = omega * (a.dag() * a + b.dag() * b) + g * (a.dag() * b + a * b.dag())
    c_ops = [np.sqrt(kappa * (1 + n_th)) * m for m in (a, b)] + [np.sqrt(kappa * n_th) * m.dag() for m in (a, b)]
    psi0 = tensor(basis(N, 1), basis(N, 0))
    return a, b, H, c_ops, psi0


def case(N):
    a, b, H, c_ops, psi0 = model(N)
    rho0 = psi0 * psi0.dag()
    L = liouvillian(H, c_ops).data.tocsc()
    v0 = operator_to_vector(rho0).full().ravel()
    exact = {"n_a": {}, "n_b": {}}
    rho_t = {}
    for t in marks:
        v = expm_multiply(L * t, v0)
        rho = vector_to_operator(qutip.Qobj(v.reshape(-1, 1), dims=operator_to_vector(rho0).dims))
        rho_t[t] = rho
        exact["n_a"][f"t={t}"] = float(np.real(expect(a.dag() * a, rho)))
        exact["n_b"][f"t={t}"] = float(np.real(expect(b.dag() * b, rho)))
    exact["entropy_vn_nats_t100"] = float(entropy_vn(rho_t[100]))
    t0 = time.perf_counter()
    r = mesolve(H, rho0, tlist, c_ops, [a.dag() * a, b.dag() * b])
    wall = time.perf_counter() - t0
    idx = {t: int(round(t * 10)) for t in marks}
    md = {"n_a": {f"t={t}": float(r.expect[0][idx[t]]) for t in marks}, "n_b": {f"t={t}": float(r.expect[1][idx[t]]) for t in marks}, "wall_s": wall}
    decay = {t: np.exp(-kappa * t) for t in marks}
    analytic = {f"t={t}": {"n_a": float(n_th * (1 - decay[t]) + decay[t] * np.cos(g * t) ** 2), "n_b": float(n_th * (1 - decay[t]) + decay[t] * np.sin(g * t) ** 2)} for t in marks}
    return {"N": N, "init": "fock10", "exact": exact, "qutip_mesolve_default_tolerances": md, "analytic_untruncated": analytic}


def steady(N):
    a, b, H, c_ops, _ = model(N)
    t0 = time.perf_counter()
    rho = steadystate(H, c_ops)
    wall = time.perf_counter() - t0
    return {"n_a": float(np.real(expect(a.dag() * a, rho))), "n_b": float(np.real(expect(b.dag() * b, rho))), "entropy_vn_nats": float(entropy_vn(rho)), "purity": float(np.real((rho * rho).tr())), "qutip_direct_wall_s": wall}


out = {
    "about": f"Two-mode cavity reference values computed with QuTiP {qutip.__version__} (Debian python3-qutip), scipy {scipy.__version__}. hbar=1. 'exact' values come from scipy expm_multiply on the Liouvillian (no ODE tolerance), so a solver with tight tolerances should match them to ~1e-7.",
    "model": {
        "H": "omega*(a.dag()*a + b.dag()*b) + g*(a.dag()*b + a*b.dag()), a = destroy(N) x I, b = I x destroy(N)",
        "c_ops": "sqrt(kappa*(1+n_th))*m and sqrt(kappa*n_th)*m.dag() for m in (a, b)",
        "params": {"omega": omega, "g": g, "kappa": kappa, "n_th": n_th, "tlist": "linspace(0,100,1001)", "c_ops": "sqrt(kappa*(1+n_th))*m, sqrt(kappa*n_th)*m.dag() for m in (a,b)", "hbar": 1},
        "initial_state": "fock10 = basis(N,1) x basis(N,0)",
    },
    "cases": [case(5), case(10)],
    "steadystate": {"N=5": steady(5), "N=10": steady(10), "analytic_untruncated_entropy_two_modes": float(2 * ((n_th + 1) * np.log(n_th + 1) - n_th * np.log(n_th)))},
    "conventions": {
        "entropy_vn": "natural log (nats); eigenvalues that are exactly 0 are skipped",
        "fidelity": "QuTiP convention Tr sqrt(sqrt(A) B sqrt(A)) (not squared); the paper's RCF is |<psi|phi>|^2",
        "coherent": "QuTiP coherent(N, alpha) default method='operator' (displacement on the truncated space)",
        "thermal_dm": "normalised truncated geometric distribution",
    },
}
print(json.dumps(out))
