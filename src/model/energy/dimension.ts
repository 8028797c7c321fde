/**
 * A small SI dimension algebra: a quantity's dimension is a vector of integer exponents over
 * the base units kg, m, s, A, K. Used to check the paper's formulas (the abstract's P_node,
 * the TER rate γ) rather than to carry units through hot code.
 */

/** Exponents of kg, m, s, A, K. */
export interface Dim {
  readonly kg: number;
  readonly m: number;
  readonly s: number;
  readonly A: number;
  readonly K: number;
}

const BASES = ["kg", "m", "s", "A", "K"] as const;

/** Build a dimension from exponents (missing ones are 0). */
export function dim(e: Partial<Dim> = {}): Dim {
  return Object.freeze({ kg: e.kg ?? 0, m: e.m ?? 0, s: e.s ?? 0, A: e.A ?? 0, K: e.K ?? 0 });
}

/** Product of dimensions (exponents add). */
export function dimMul(...ds: readonly Dim[]): Dim {
  const out = { kg: 0, m: 0, s: 0, A: 0, K: 0 };
  for (const d of ds) for (const b of BASES) out[b] += d[b];
  return dim(out);
}

/** Dimension raised to an integer power. */
export function dimPow(d: Dim, p: number): Dim {
  return dim({ kg: d.kg * p, m: d.m * p, s: d.s * p, A: d.A * p, K: d.K * p });
}

/** Quotient a / b. */
export function dimDiv(a: Dim, b: Dim): Dim {
  return dimMul(a, dimPow(b, -1));
}

/** Same dimension? */
export function dimEquals(a: Dim, b: Dim): boolean {
  return BASES.every((b0) => a[b0] === b[b0]);
}

/** Render as `kg·m^2·s^-3`; the dimensionless quantity renders as `1`. */
export function dimFormat(d: Dim): string {
  const parts = BASES.filter((b) => d[b] !== 0).map((b) => (d[b] === 1 ? b : `${b}^${d[b]}`));
  return parts.length === 0 ? "1" : parts.join("·");
}

/** Named dimensions used in this module. */
export const DIM = Object.freeze({
  one: dim(),
  second: dim({ s: 1 }),
  rate: dim({ s: -1 }),
  joule: dim({ kg: 1, m: 2, s: -2 }),
  watt: dim({ kg: 1, m: 2, s: -3 }),
  jouleSecond: dim({ kg: 1, m: 2, s: -1 }),
  ampere: dim({ A: 1 }),
  weber: dim({ kg: 1, m: 2, s: -2, A: -1 }),
  kelvin: dim({ K: 1 }),
});

/** Express a dimension in J and s when it is J^a·s^b (kg and m enter only through J), else null. */
export function dimInJouleSecond(d: Dim): { readonly J: number; readonly s: number } | null {
  if (d.A !== 0 || d.K !== 0 || d.m !== 2 * d.kg) return null;
  // J = kg·m²·s⁻², so J^a·s^b has kg^a, s^(b − 2a).
  return { J: d.kg, s: d.s + 2 * d.kg };
}

/** Render J^a·s^b, e.g. `J^-2·s^-1`; falls back to base units. */
export function dimFormatJs(d: Dim): string {
  const js = dimInJouleSecond(d);
  if (!js) return dimFormat(d);
  const p = (u: string, e: number): string => (e === 0 ? "" : e === 1 ? u : `${u}^${e}`);
  const parts = [p("J", js.J), p("s", js.s)].filter((x) => x !== "");
  return parts.length === 0 ? "1" : parts.join("·");
}
