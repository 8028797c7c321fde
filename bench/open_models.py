"""Three open quantum systems whose Liouvillian has a single block (no conserved quantity), as
QuTiP 4.7 objects; the same models as src/quantum/open-models.ts (ħ = 1):

- ising(n): transverse-field Ising chain, H = -J Σ σz_i σz_{i+1} - h Σ σx_i - hz Σ σz_i,
  local damping c_i = √γ σ-_i; J = 1, h = 0.7, hz = 0.2, γ = 0.1; ψ0 = |↑…↑⟩ (basis 0).
  e_ops: σz of site 0 and the mean magnetisation Σ σz_i / n.
- kerr(N): driven Kerr oscillator, H = Δ a†a + (χ/2) a†a†aa + F (a + a†), c = √κ a;
  Δ = 0.5, χ = 0.1, F = 0.6, κ = 0.4; ψ0 = |0⟩. e_ops: a†a, (a + a†)/2.
- jc(N): driven Jaynes–Cummings, H = Δc a†a + Δa σ+σ- + g (a†σ- + a σ+) + E (a + a†),
  c = √κ a, √γ σ-; Δc = 0.2, Δa = -0.1, g = 1, E = 0.5, κ = 0.3, γ = 0.05; cavity ⊗ qubit;
  ψ0 = |0⟩|↓⟩. e_ops: a†a, σ+σ-.
"""
import numpy as np
import qutip as qt


def ising(n, J=1.0, h=0.7, hz=0.2, gamma=0.1):
    def site(op, i):
        return qt.tensor([op if k == i else qt.qeye(2) for k in range(n)])
    sz = [site(qt.sigmaz(), i) for i in range(n)]
    H = 0 * sz[0]
    for i in range(n - 1):
        H += -J * sz[i] * sz[i + 1]
    for i in range(n):
        H += -h * site(qt.sigmax(), i) - hz * sz[i]
    c_ops = [np.sqrt(gamma) * site(qt.sigmam(), i) for i in range(n)]
    psi0 = qt.tensor([qt.basis(2, 0)] * n)
    return H, c_ops, psi0, [sz[0], sum(sz) / n]


def kerr(N, delta=0.5, chi=0.1, F=0.6, kappa=0.4):
    a = qt.destroy(N)
    H = delta * a.dag() * a + 0.5 * chi * a.dag() * a.dag() * a * a + F * (a + a.dag())
    return H, [np.sqrt(kappa) * a], qt.basis(N, 0), [a.dag() * a, 0.5 * (a + a.dag())]


def jc(N, dc=0.2, da=-0.1, g=1.0, E=0.5, kappa=0.3, gamma=0.05):
    a = qt.tensor(qt.destroy(N), qt.qeye(2))
    sm = qt.tensor(qt.qeye(N), qt.sigmam())
    H = dc * a.dag() * a + da * sm.dag() * sm + g * (a.dag() * sm + a * sm.dag()) + E * (a + a.dag())
    c_ops = [np.sqrt(kappa) * a, np.sqrt(gamma) * sm]
    psi0 = qt.tensor(qt.basis(N, 0), qt.basis(2, 1))
    return H, c_ops, psi0, [a.dag() * a, sm.dag() * sm]


MODELS = {"ising": ising, "kerr": kerr, "jc": jc}
