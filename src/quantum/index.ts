/** pqms/quantum: a small QuTiP-shaped API (Qobj, operators, states, metrics, mesolve, steadystate). */
export {};
