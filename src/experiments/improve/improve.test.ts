/**
 * The buildable V3000's derivations against closed forms and known values computed here
 * independently, `--set` moving dependent figures, every failing audit claim answered, and the
 * committed scenario equal to what the command writes now.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import { runAudit } from "../audit/audit.js";
import { parseScenario } from "../../sim/scenario/resolve.js";
import {
  applyTechOverrides, buildableScenarioYaml, BUILDABLE_SCENARIO_PATH, carnotCop, coolingWorkW, failoverS, landauerJ, photonsDirectDetection,
  NO_DERIVATION, photonsHelstrom, placements, reloadS, runImprove, solarPeakW, TECHNOLOGY_DEFAULT, techAssumptions, umtResidualS, VACUUM_TERMS, vetoEnergyJ, vetoLatencyS,
} from "./index.js";

const C = 299_792_458;
const T = TECHNOLOGY_DEFAULT;
const result = runImprove({ hypotheses: false });

describe("derivations against closed forms", () => {
  it("Landauer at 300 K is 2.87e-21 J (k_B·T·ln 2)", () => {
    expect(landauerJ(300)).toBeCloseTo(2.871e-21, 24);
  });
  it("Carnot COP between 4.2 K and 300 K is 0.0142; the cooling work is Q̇/(f·COP)", () => {
    expect(carnotCop(4.2, 300)).toBeCloseTo(4.2 / 295.8, 12);
    expect(carnotCop(4.2, 300)).toBeCloseTo(0.0142, 4);
    const w = coolingWorkW({ ...T, coldLoadW: 1e-6, coldStageK: 4.2, heatRejectionK: 300, carnotFraction: 0.01 }).value;
    expect(w).toBeCloseTo(1e-6 * 295.8 / 4.2 / 0.01, 10);
  });
  it("photon counts invert their error laws: ½e^(−ηn̄) = ε and Helstrom ½(1 − √(1 − e^(−n̄))) = ε", () => {
    for (const eps of [1e-2, 1e-3, 1e-9]) {
      const n = photonsDirectDetection(eps, 0.8);
      expect(0.5 * Math.exp(-0.8 * n)).toBeCloseTo(eps, 14);
      const h = photonsHelstrom(eps);
      expect(0.5 * (1 - Math.sqrt(1 - Math.exp(-h))) / eps).toBeCloseTo(1, 6);
      expect(h).toBeLessThan(photonsDirectDetection(eps, 1)); // the quantum limit is below photon counting
    }
  });
  it("veto: a Nb junction at I_cR_N = 1 mV slips in Φ₀/1 mV = 2.068 ps; SFQ and CMOS comparators add their delays; E = I_c·Φ₀", () => {
    const sfq = vetoLatencyS(T).value;
    const cmos = vetoLatencyS({ ...T, comparator: "cmos", cmosClockHz: 1e9, cmosStages: 3 }).value;
    expect(cmos - sfq).toBeCloseTo(3e-9 - 5 * 5e-12, 18);
    const slowJunction = vetoLatencyS({ ...T, junctionIcRnV: 0.5e-3 }).value;
    expect(slowJunction - sfq).toBeCloseTo(2.0678338e-15 / 0.5e-3 - 2.0678338e-15 / 1e-3, 18);
    expect(vetoEnergyJ(T).value / (10e-6 * 2.067833848e-15)).toBeCloseTo(1, 9);
  });
  it("failover: a GEO ring of 5 reaches a majority in 2·2R·sin 36°/c; the paper's placement is ≈ 1 s", () => {
    const ps = placements(T);
    const geo = ps.find((p) => p.name.startsWith("GEO ring"))!;
    expect(geo.roundTripS).toBeCloseTo((2 * 2 * 42_164e3 * Math.sin(Math.PI / 5)) / C, 9);
    const cluster = ps.find((p) => p.name.startsWith("GEO cluster"))!;
    expect(cluster.roundTripS).toBeCloseTo((2 * T.controllerMinSeparationM) / C, 9);
    expect(ps[0]!.roundTripS).toBeGreaterThan(1);
    expect(failoverS(T).value).toBe(Math.min(...ps.filter((p) => p.eligible).map((p) => p.roundTripS)));
  });
  it("reload from the in-plane neighbour: chord 2(R⊕+h)·sin(π/n)/c plus bits/rate", () => {
    const n = T.nodes / T.planes;
    expect(reloadS(T).value).toBeCloseTo((2 * (6_371e3 + T.altitudeM) * Math.sin(Math.PI / n)) / C + T.stateBits / T.linkRateBitPerS, 15);
  });
  it("UMT residual adds clock, transfer and ephemeris in quadrature; solar peak is A·S·η", () => {
    const r = umtResidualS({ ...T, clockAllanDeviation: 3e-12, syncIntervalS: 1, timeTransferResidualS: 4e-12, ephemerisRangeErrorM: 0 }).value;
    expect(r).toBeCloseTo(5e-12, 24);
    expect(solarPeakW({ ...T, panelAreaM2: 1, irradianceWPerM2: 1000, solarCellEfficiency: 0.3 }).value).toBeCloseTo(300, 10);
  });
});

describe("derivations of the claims that used to fall back to the audit", () => {
  const get = (id: string) => result.changes.find((c) => c.claim === id)!;
  it("d-latency: the nearest node is the in-plane neighbour, 2(R⊕+h)·sin(π/n)/c away (in ns), moved by the plane count", () => {
    const n = T.nodes / T.planes;
    expect(get("d-latency").achievable! * 1e-9).toBeCloseTo((2 * (6_371e3 + T.altitudeM) * Math.sin(Math.PI / n)) / C, 15);
    const more = runImprove({ hypotheses: false, set: { planes: "16" } });
    expect(more.changes.find((c) => c.claim === "d-latency")!.achievable! / get("d-latency").achievable!).toBeCloseTo(Math.sin((16 * Math.PI) / T.nodes) / Math.sin(Math.PI / n), 12);
  });
  it("s41-clock-timing: a clocked pipeline registers after stages/clock (3 / 1 GHz = 3 ns); s63-h3: the buildable veto path", () => {
    expect(get("s41-clock-timing").achievable).toBeCloseTo(3e-9, 20);
    expect(get("s63-h3").achievable).toBe(vetoLatencyS(T).value);
    expect(get("s63-h3").setBy.map((x) => x.name)).toContain("junctionIcRnV");
  });
  it("s51-legacy-per-tflop: Green500's 72.7 GFLOPS/W inverted; d-rpu-capacity: 10¹⁰ ops/s = 0.01 TFLOP/s", () => {
    expect(get("s51-legacy-per-tflop").achievable).toBeCloseTo(1000 / 72.7, 12);
    expect(get("d-rpu-capacity").achievable).toBeCloseTo(0.01, 15);
  });
  it("every claim still without a derivation says, for itself, why none exists", () => {
    const left = result.changes.filter((c) => c.basis === "audit");
    expect(left.length).toBeGreaterThan(0);
    for (const c of left) expect(NO_DERIVATION[c.claim], c.claim).toBe(c.reason);
  });
});

describe("assumptions and --set", () => {
  it("every assumption is labelled literature (with a citation) or ours, with a range holding its value", () => {
    for (const a of techAssumptions()) {
      expect(a.source).toMatch(/^(literature: \S.+|ours: \S.+)$/);
      if (typeof a.value === "number") {
        expect(a.value).toBeGreaterThanOrEqual(Number(a.range[0]));
        expect(a.value).toBeLessThanOrEqual(Number(a.range[1]));
      } else expect(a.range).toContain(a.value);
    }
  });
  it("--set moves the dependent figures and only those", () => {
    const moved = runImprove({ hypotheses: false, set: { detectorEfficiency: "0.465" } });
    const get = (r: typeof result, id: string) => r.changes.find((c) => c.claim === id)!;
    expect(get(moved, "s22-photons-per-op").achievable! / get(result, "s22-photons-per-op").achievable!).toBeCloseTo(2, 12);
    expect(get(moved, "s22-photons-per-op").setBy.find((s) => s.name === "detectorEfficiency")!.value).toBe(0.465);
    expect(get(moved, "s32-failover").achievable).toBe(get(result, "s32-failover").achievable);
    const far = runImprove({ hypotheses: false, set: { controllerMinSeparationM: "3e6" } });
    expect(get(far, "s32-failover").achievable!).toBeGreaterThan(get(result, "s32-failover").achievable!);
  });
  it("unknown names and bad values are typed errors naming the assumption", () => {
    expect(() => applyTechOverrides(T, { detectorEff: "0.5" })).toThrow(InputError);
    expect(() => applyTechOverrides(T, { detectorEff: "0.5" })).toThrow(/--set detectorEff: expected a technology assumption/);
    expect(() => applyTechOverrides(T, { detectorEfficiency: "2" })).toThrow(/--set detectorEfficiency: expected a finite number in \[0.05, 1\]/);
    expect(() => applyTechOverrides(T, { comparator: "ttl" })).toThrow(/one of cmos, sfq/);
  });
});

describe("coverage and the scenario", () => {
  it("every claim the audit finds inconsistent or physically impossible appears in changes", () => {
    const failing = runAudit(undefined, { quick: true }).claims.filter((c) => c.verdict === "inconsistent" || c.verdict === "physically impossible").map((c) => c.id);
    expect(failing.length).toBeGreaterThan(0);
    expect(result.changes.map((c) => c.claim).sort()).toEqual([...failing].sort());
    for (const c of result.changes) {
      if (c.basis !== "derived") expect(c.reason).toBeTruthy();
      if (c.basis === "derived") expect(c.setBy.length).toBeGreaterThan(0);
    }
  });
  it("vacuum terms are kept at zero", () => {
    for (const id of VACUUM_TERMS) {
      const c = result.changes.find((x) => x.claim === id);
      if (c) expect([c.achievable, c.basis]).toEqual([0, "zero"]);
    }
  });
  it("the committed scenarios/v3000-buildable.yaml is what the command writes now, and it validates", () => {
    const committed = readFileSync(resolve(import.meta.dirname, "../../..", BUILDABLE_SCENARIO_PATH), "utf8");
    expect(committed).toBe(buildableScenarioYaml());
    const s = parseScenario(committed, BUILDABLE_SCENARIO_PATH);
    expect(s.name).toBe("v3000-buildable");
    expect(JSON.stringify(s)).toContain(String(umtResidualS(T).value * 1e15));
  });
});
