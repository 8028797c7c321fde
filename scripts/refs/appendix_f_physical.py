"""Reference for Appendix F physical mode (src/model/machine/physical-machine.ts): the first two
control steps of the two-mode cavity solved by QuTiP. Step 0: g = 1, n_th = 0, b decays at
1.1 kappa (10 cycles); step 1: g = 1, b at 2.0 kappa (100 cycles, the ODOS alert). Time in 1/kappa.
Writes test/reference/qutip-appendix-f-physical.json."""
import json
import qutip as qt

N = 5
a = qt.tensor(qt.destroy(N), qt.qeye(N))
b = qt.tensor(qt.qeye(N), qt.destroy(N))
H = a.dag() * b + a * b.dag()
vac = qt.ket2dm(qt.tensor(qt.basis(N, 0), qt.basis(N, 0)))
rho = qt.tensor(qt.thermal_dm(N, 0.5), qt.ket2dm(qt.basis(N, 0)))
out = {"source": "scripts/refs/appendix_f_physical.py, QuTiP " + qt.__version__, "initialEntropy": qt.entropy_vn(rho), "steps": []}
opts = qt.Options(atol=1e-12, rtol=1e-10)
for rate_b in (1.1, 2.0):
    rho = qt.mesolve(H, rho, [0, 0.5], [a, (rate_b ** 0.5) * b], [], options=opts).states[-1]
    out["steps"].append({"entropy": qt.entropy_vn(rho), "dissonance": 1 - qt.expect(vac, rho)})
json.dump(out, open("test/reference/qutip-appendix-f-physical.json", "w"), indent=1)
print(out)
