"""Reference for the TER veto channel (§2.3): a qubit under L = sqrt(gamma) sigma_z, solved by QuTiP.

gamma is the project's reading 2*pi*dE^2*E_J/hbar for dE = 0.06, I_c = 10 uA (E_J = hbar I_c / 2e);
time in ps, gamma in 1/ps. Writes test/reference/qutip-ter-dephasing.json.
"""
import json, math
import numpy as np
import qutip as qt
from scipy.constants import hbar, e

EJ = hbar * 10e-6 / (2 * e)
gamma_per_s = 2 * math.pi * 0.06**2 * EJ / hbar
gamma_per_ps = gamma_per_s * 1e-12
H = 0.5 * 2 * math.pi * 0.3 * qt.sigmaz()  # a qubit precessing at 0.3 THz: commutes with sigma_z
plus = (qt.basis(2, 0) + qt.basis(2, 1)).unit()
rho0 = qt.ket2dm(plus)
tlist = np.linspace(0, 3.0, 31)
res = qt.mesolve(H, rho0, tlist, [math.sqrt(gamma_per_ps) * qt.sigmaz()], [qt.sigmax(), qt.sigmay(), qt.sigmaz(), H],
                 options=qt.Options(atol=1e-12, rtol=1e-10))
out = {
    "source": "scripts/refs/ter_dephasing.py, QuTiP " + qt.__version__,
    "gammaPerS": gamma_per_s,
    "gammaPerPs": gamma_per_ps,
    "omegaRadPerPs": 2 * math.pi * 0.3,
    "tlistPs": tlist.tolist(),
    "sx": [float(x) for x in res.expect[0]],
    "sy": [float(x) for x in res.expect[1]],
    "sz": [float(x) for x in res.expect[2]],
    "energy": [float(x) for x in res.expect[3]],
}
with open("test/reference/qutip-ter-dephasing.json", "w") as f:
    json.dump(out, f, indent=1)
print("gamma", gamma_per_s)
