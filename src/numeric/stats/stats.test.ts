// Statistics against scipy 1.10 (test/reference/scipy-stats-mst.json, the project's shared
// reference) and against 50-digit mpmath values (test/reference/stats-extra.json from
// scripts/refs/stats_ref.py). Tolerance: 1e-12 relative unless stated.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import {
  betaInc, betaIncC, logBeta, logGamma, mean, meanCi, normPpf, std, tCdf, tPdf, tPpf, tSf, ttest1samp, ttestInd, ttestRel, variance,
  type Alternative,
} from "./index.js";

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../test/reference/${name}`, import.meta.url), "utf8"));

interface Shared {
  x: number[]; y: number[];
  welch: { t: number; p_two_sided: number; df: number };
  pooled: { t: number; p_two_sided: number; df: number };
  one_sample_mu5: { t: number; p_two_sided: number; df: number };
  paired_x7_y: { t: number; p_two_sided: number; df: number };
  t_cdf: Record<string, number>;
  t_sf_tail: Record<string, number>;
}
interface Extra {
  t_dist: { t: number; df: number; cdf: number; sf: number; pdf: number }[];
  t_ppf: { p: number; df: number; ppf: number }[];
  lgamma: { x: number; value: number }[];
  betainc: { a: number; b: number; x: number; value: number; complement: number }[];
  ttests: ({
    x: number[]; y: number[]; mu: number; mean: number; std0: number; std1: number; ci95: [number, number]; ci99: [number, number];
  } & Record<Alternative, { "one_sample_mu_plus_0.1": number[]; pooled: number[]; welch: number[]; paired_prefix: number[] }>)[];
}
const shared = load("scipy-stats-mst.json") as Shared;
const extra = load("stats-extra.json") as Extra;

function expectRel(got: number, want: number, tol: number, label = ""): void {
  const err = want === 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want);
  if (!(err <= tol)) expect(`${label} got ${got}, want ${want}, rel err ${err.toExponential(2)}`).toBe(`within ${tol}`);
}

const parseKey = (k: string): [number, number] => {
  const m = /^t=([-\d.e+]+),df=([-\d.e+]+)$/.exec(k);
  if (!m) throw new Error(`bad key ${k}`);
  return [Number(m[1]), Number(m[2])];
};

describe("Student t distribution", () => {
  it("matches scipy's t CDF in the shared reference (df up to 1e6, deep tails) to 1e-12", () => {
    for (const [k, v] of Object.entries(shared.t_cdf)) {
      const [t, df] = parseKey(k);
      expectRel(tCdf(t, df), v, 1e-12, k);
    }
    for (const [k, v] of Object.entries(shared.t_sf_tail)) {
      const [t, df] = parseKey(k);
      expectRel(tSf(t, df), v, 1e-12, k);
    }
  });

  it(`matches 50-digit values: cdf, sf and pdf on ${extra.t_dist.length} points (t up to 1e5, df 0.5…1e7)`, () => {
    for (const c of extra.t_dist) {
      const label = `t=${c.t} df=${c.df}`;
      expectRel(tCdf(c.t, c.df), c.cdf, 1e-12, `cdf ${label}`);
      expectRel(tSf(c.t, c.df), c.sf, 1e-12, `sf ${label}`);
      expectRel(tPdf(c.t, c.df), c.pdf, 1e-12, `pdf ${label}`);
    }
  });

  it(`quantile tPpf matches 50-digit values on ${extra.t_ppf.length} points, p from 1e-300`, () => {
    for (const c of extra.t_ppf) expectRel(tPpf(c.p, c.df), c.ppf, 1e-12, `p=${c.p} df=${c.df}`);
    expect(tPpf(0.5, 3)).toBe(0);
    expect(tPpf(0, 3)).toBe(-Infinity);
    expect(tPpf(1, 3)).toBe(Infinity);
  });

  it("quantile and cdf invert each other", () => {
    for (const df of [1, 2.5, 9, 40, 1e5]) {
      for (const p of [1e-12, 0.01, 0.2, 0.6, 0.99]) expectRel(tCdf(tPpf(p, df), df), p, 1e-12, `p=${p} df=${df}`);
    }
  });

  it("normPpf agrees with the t quantile as df → ∞ and with known values", () => {
    expectRel(normPpf(0.975), 1.959963984540054, 1e-15);
    expectRel(normPpf(1e-300), -37.0470962993612, 1e-14); // scipy ndtri, mpmath
    expectRel(tPpf(0.975, 1e7), normPpf(0.975), 1e-6);
  });

  it("rejects df ≤ 0, NaN and out-of-range probabilities", () => {
    expect(() => tCdf(1, 0)).toThrow(InputError);
    expect(() => tCdf(1, -2)).toThrow(InputError);
    expect(() => tSf(Number.NaN, 3)).toThrow(InputError);
    expect(() => tCdf(1, Number.NaN)).toThrow(InputError);
    expect(() => tPpf(1.5, 3)).toThrow(InputError);
    expect(() => tPpf(0.5, Infinity)).toThrow(InputError);
    expect(tCdf(Infinity, 3)).toBe(1);
    expect(tSf(Infinity, 3)).toBe(0);
  });
});

describe("special functions", () => {
  it("logGamma matches 50-digit values (absolute 1e-14 · max(1, |value|))", () => {
    for (const c of extra.lgamma) {
      const got = logGamma(c.x);
      const err = Math.abs(got - c.value) / Math.max(1, Math.abs(c.value));
      if (!(err < 1e-14)) expect(`x=${c.x}: ${got} vs ${c.value}`).toBe("close");
    }
    expect(logGamma(1)).toBe(0);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-14);
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-3)).toBe(Infinity);
    expect(() => logGamma(Number.NaN)).toThrow(InputError);
  });

  it("logBeta keeps full precision for huge arguments", () => {
    // ln B(a, ½) → ½ ln(π/a) − 1/(8a) + … for large a (from Γ(a)/Γ(a+½) asymptotics)
    const a = 1e12;
    expectRel(logBeta(a, 0.5), 0.5 * Math.log(Math.PI / a) + 1 / (8 * a), 1e-14);
    expectRel(logBeta(2, 3), Math.log(1 / 12), 1e-15);
  });

  it(`betaInc and betaIncC match 50-digit values on ${extra.betainc.length} cases (a, b up to 1e6)`, () => {
    for (const c of extra.betainc) {
      const label = `a=${c.a} b=${c.b} x=${c.x}`;
      expectRel(betaInc(c.a, c.b, c.x), c.value, 1e-12, label);
      if (c.complement > 1e-300) expectRel(betaIncC(c.a, c.b, c.x), c.complement, 1e-12, `complement ${label}`);
    }
    expect(betaInc(2, 3, 0)).toBe(0);
    expect(betaInc(2, 3, 1)).toBe(1);
    expect(() => betaInc(0, 1, 0.5)).toThrow(InputError);
    expect(() => betaInc(1, 1, 1.5)).toThrow(InputError);
    expect(() => betaInc(1, Number.NaN, 0.5)).toThrow(InputError);
  });
});

describe("t-tests (scipy conventions)", () => {
  const x7 = shared.x.slice(0, 7);

  it("reproduce the shared scipy reference: Welch, pooled, one-sample, paired, to 1e-12", () => {
    const w = ttestInd(shared.x, shared.y, { equalVar: false });
    expectRel(w.t, shared.welch.t, 1e-12, "welch t");
    expectRel(w.pValue, shared.welch.p_two_sided, 1e-12, "welch p");
    expectRel(w.df, shared.welch.df, 1e-12, "welch df");
    const p = ttestInd(shared.x, shared.y);
    expectRel(p.t, shared.pooled.t, 1e-12, "pooled t");
    expectRel(p.pValue, shared.pooled.p_two_sided, 1e-12, "pooled p");
    expect(p.df).toBe(shared.pooled.df);
    const o = ttest1samp(shared.x, 5);
    expectRel(o.t, shared.one_sample_mu5.t, 1e-12);
    expectRel(o.pValue, shared.one_sample_mu5.p_two_sided, 1e-12);
    expect(o.df).toBe(7);
    const r = ttestRel(x7, shared.y);
    expectRel(r.t, shared.paired_x7_y.t, 1e-12);
    expectRel(r.pValue, shared.paired_x7_y.p_two_sided, 1e-12);
    expect(r.df).toBe(6);
    expect(r.alternative).toBe("two-sided");
  });

  it("match scipy on generated samples for every alternative (n up to 1000, mean 1e6)", () => {
    for (const c of extra.ttests) {
      const m = Math.min(c.x.length, c.y.length);
      for (const alternative of ["two-sided", "less", "greater"] as const) {
        const want = c[alternative];
        const label = `n=${c.x.length},${c.y.length} ${alternative}`;
        const o = ttest1samp(c.x, c.mu + 0.1, { alternative });
        expectRel(o.t, want["one_sample_mu_plus_0.1"][0]!, 1e-10, `1samp t ${label}`);
        expectRel(o.pValue, want["one_sample_mu_plus_0.1"][1]!, 1e-10, `1samp p ${label}`);
        const p = ttestInd(c.x, c.y, { alternative });
        expectRel(p.t, want.pooled[0]!, 1e-10, `pooled t ${label}`);
        expectRel(p.pValue, want.pooled[1]!, 1e-10, `pooled p ${label}`);
        const w = ttestInd(c.x, c.y, { alternative, equalVar: false });
        expectRel(w.t, want.welch[0]!, 1e-10, `welch t ${label}`);
        expectRel(w.pValue, want.welch[1]!, 1e-10, `welch p ${label}`);
        const r = ttestRel(c.x.slice(0, m), c.y.slice(0, m), { alternative });
        expectRel(r.t, want.paired_prefix[0]!, 1e-10, `paired t ${label}`);
        expectRel(r.pValue, want.paired_prefix[1]!, 1e-10, `paired p ${label}`);
      }
    }
  });

  it("constant samples: ±∞ with p 0 when the means differ; 0/0 is an InputError", () => {
    const r = ttest1samp([2, 2, 2], 1, { alternative: "greater" });
    expect(r.t).toBe(Infinity);
    expect(r.pValue).toBe(0);
    expect(ttest1samp([2, 2, 2], 1, { alternative: "less" }).pValue).toBe(1);
    expect(() => ttest1samp([2, 2, 2], 2)).toThrow(InputError);
    expect(() => ttestInd([1, 1], [1, 1], { equalVar: false })).toThrow(InputError);
  });

  it("bad input is an InputError naming the argument", () => {
    expect(() => ttest1samp([], 0)).toThrow(/x: expected at least 2 values/);
    expect(() => ttest1samp([1], 0)).toThrow(InputError);
    expect(() => ttest1samp([1, Number.NaN, 3], 0)).toThrow(/x\[1\]: expected a finite number, got NaN/);
    expect(() => ttest1samp([1, 2, 3], Number.NaN)).toThrow(InputError);
    expect(() => ttestInd([1, 2, 3], [4])).toThrow(/y: expected at least 2/);
    expect(() => ttestRel([1, 2, 3], [1, 2])).toThrow(/y: expected a sample paired with x/);
    expect(() => ttestInd([1, 2], [3, 4], { alternative: "two" as Alternative })).toThrow(/alternative/);
  });
});

describe("descriptive statistics", () => {
  it("mean, std (ddof 0 and 1) and t confidence intervals match numpy/scipy", () => {
    for (const c of extra.ttests) {
      expectRel(mean(c.x), c.mean, 1e-13, "mean");
      expectRel(std(c.x), c.std0, 1e-11, "std ddof=0");
      expectRel(std(c.x, 1), c.std1, 1e-11, "std ddof=1");
      const ci = meanCi(c.x);
      expectRel(ci.lower, c.ci95[0], 1e-12, "ci95 lower");
      expectRel(ci.upper, c.ci95[1], 1e-12, "ci95 upper");
      const ci99 = meanCi(Float64Array.from(c.x), 0.99);
      expectRel(ci99.lower, c.ci99[0], 1e-12, "ci99 lower");
      expectRel(ci99.upper, c.ci99[1], 1e-12, "ci99 upper");
      expect(ci99.df).toBe(c.x.length - 1);
    }
    expect(variance([1, 2, 3, 4], 1)).toBe(5 / 3);
  });

  it("is accurate when the mean dwarfs the spread", () => {
    const x = [1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4];
    expect(variance(x, 1)).toBe(5 / 3);
    expect(mean(x)).toBe(1e9 + 2.5);
  });

  it("bad input is an InputError", () => {
    expect(() => mean([])).toThrow(InputError);
    expect(() => std([1], 1)).toThrow(InputError);
    expect(() => std([1, 2], -1)).toThrow(InputError);
    expect(() => meanCi([1, 2, 3], 1)).toThrow(InputError);
    expect(() => meanCi([1], 0.9)).toThrow(InputError);
    expect(() => mean([1, Infinity])).toThrow(InputError);
  });
});
