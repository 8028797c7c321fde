/**
 * Physical constants in SI units, CODATA 2018 (the 2019 SI redefinition).
 *
 * Exact by definition of the SI since 20 May 2019: h, e, k_B, c, N_A.
 * Derived from exact ones (exact in principle, rounded only by IEEE-754): ħ = h/2π,
 * Φ0 = h/(2e), K_J = 2e/h, 1 eV = e · 1 J/C.
 * Source: E. Tiesinga et al., "CODATA recommended values of the fundamental physical
 * constants: 2018", Rev. Mod. Phys. 93, 025010 (2021); NIST SP 330 (2019).
 */

/** Planck constant h in J·s (exact). */
export const PLANCK_JS = 6.62607015e-34;
/** Elementary charge e in C (exact). */
export const ELEMENTARY_CHARGE_C = 1.602176634e-19;
/** Boltzmann constant k_B in J/K (exact). */
export const BOLTZMANN_J_PER_K = 1.380649e-23;
/** Speed of light in vacuum c in m/s (exact). */
export const SPEED_OF_LIGHT_M_PER_S = 299_792_458;
/** Avogadro constant N_A in 1/mol (exact). */
export const AVOGADRO_PER_MOL = 6.02214076e23;
/** Reduced Planck constant ħ = h/(2π) in J·s (CODATA 2018: 1.054 571 817… × 10⁻³⁴). */
export const HBAR_JS = PLANCK_JS / (2 * Math.PI);
/** Magnetic flux quantum Φ0 = h/(2e) in Wb = V·s (CODATA 2018: 2.067 833 848… × 10⁻¹⁵). */
export const FLUX_QUANTUM_WB = PLANCK_JS / (2 * ELEMENTARY_CHARGE_C);
/** One electronvolt in J (exact: numerically e). */
export const EV_J = ELEMENTARY_CHARGE_C;
/** Solar constant (total solar irradiance at 1 AU) in W/m²; Kopp & Lean, GRL 38, L01706 (2011): 1360.8 ± 0.5. Measured, not CODATA. */
export const SOLAR_CONSTANT_W_PER_M2 = 1360.8;
/** Room temperature used by the paper's comparisons ("room temperature", §2.2, §4.2), K. */
export const ROOM_TEMPERATURE_K = 300;

/** Provenance of each constant, for reports and the claims audit. */
export const CONSTANT_SOURCES: Readonly<Record<string, string>> = Object.freeze({
  PLANCK_JS: "CODATA 2018 / SI 2019, exact",
  ELEMENTARY_CHARGE_C: "CODATA 2018 / SI 2019, exact",
  BOLTZMANN_J_PER_K: "CODATA 2018 / SI 2019, exact",
  SPEED_OF_LIGHT_M_PER_S: "CODATA 2018 / SI 1983, exact",
  AVOGADRO_PER_MOL: "CODATA 2018 / SI 2019, exact",
  HBAR_JS: "h/(2π), exact in principle (CODATA 2018 lists 1.054571817e-34)",
  FLUX_QUANTUM_WB: "h/(2e), exact in principle (CODATA 2018 lists 2.067833848e-15)",
  EV_J: "e × 1 J/C, exact",
  SOLAR_CONSTANT_W_PER_M2: "Kopp & Lean 2011 (SORCE/TIM), 1360.8 ± 0.5 W/m², measured",
  ROOM_TEMPERATURE_K: "convention for 'room temperature' in the paper's comparisons",
});
