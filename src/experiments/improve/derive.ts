/**
 * The nearest buildable figures, each derived from the technology figures (assumptions.ts), CODATA
 * 2018 constants and the law that bounds it. Pure functions of a `Technology` record: changing an
 * assumption moves every figure that reads it.
 */
import { BOLTZMANN_J_PER_K, EV_J, FLUX_QUANTUM_WB, SPEED_OF_LIGHT_M_PER_S } from "../../model/constants.js";
import { pathAroundM, type Vec3 } from "../../model/orbit/light-time.js";
import { defaultVetoPath } from "../../model/guardian/veto-latency.js";
import { EARTH_RADIUS_M, GEO_RADIUS_M, LINK_GRAZING_MARGIN_M } from "../audit/distances.js";
import { searchFailover } from "../audit/claims/s32-failover-search.js";
import { s32Failover } from "../audit/claims/s32-failover.js";
import { sci } from "../audit/compare.js";
import type { Technology, TechnologyName } from "./assumptions.js";

/** One derived figure: its value, the formula and law, the assumptions it reads, the steps. */
export interface Derived {
  readonly value: number;
  readonly unit: string;
  readonly formula: string;
  readonly law: string;
  readonly uses: readonly TechnologyName[];
  readonly arithmetic: readonly string[];
}

/** Mean photons a direct-detection (photon-counting) on/off read-out needs for error ε at detector efficiency η, equal priors, no dark counts: ½·e^(−η·n̄) = ε. */
export function photonsDirectDetection(error: number, efficiency: number): number {
  return Math.max(0, Math.log(1 / (2 * error)) / efficiency);
}

/** Helstrom's quantum limit for telling |0⟩ from a coherent |α⟩ (equal priors): ε = ½(1 − √(1 − e^(−n̄))), so n̄ = −ln(4ε(1 − ε)). */
export function photonsHelstrom(error: number): number {
  return Math.max(0, -Math.log(4 * error * (1 - error)));
}

/** Landauer's bound k_B·T·ln 2, J. */
export function landauerJ(temperatureK: number): number {
  return BOLTZMANN_J_PER_K * temperatureK * Math.LN2;
}

/** Carnot coefficient of performance of a refrigerator between T_c and T_h. */
export function carnotCop(coldK: number, hotK: number): number {
  return coldK / (hotK - coldK);
}

export function photonsPerOp(t: Technology): Derived {
  const n = photonsDirectDetection(t.readoutError, t.detectorEfficiency);
  const h = photonsHelstrom(t.readoutError);
  return {
    value: n, unit: "photons per operation",
    formula: "n̄ = ln(1/(2ε))/η (photon counting of on/off pulses; Helstrom's limit n̄_H = −ln(4ε(1−ε)) shown beside it)",
    law: "Poisson photon statistics (shot noise): a pulse of n̄ photons gives no count with probability e^(−η·n̄)",
    uses: ["readoutError", "detectorEfficiency"],
    arithmetic: [`ε = ${sci(t.readoutError)}, η = ${sci(t.detectorEfficiency)}: n̄ = ln(1/(2ε))/η = ${sci(n)} photons`, `Helstrom's quantum limit (a receiver no device reaches yet): n̄_H = −ln(4ε(1−ε)) = ${sci(h)} photons`],
  };
}

export function energyPerOp(t: Technology): Derived {
  const n = photonsPerOp(t).value;
  const optical = (n * t.photonEnergyEv * EV_J) / t.laserWallPlugEfficiency;
  const land = landauerJ(t.operatingTemperatureK);
  return {
    value: optical + land, unit: "J per operation",
    formula: "E_op = n̄·ħω₀/η_wp + k_B·T·ln 2",
    law: "energy quantisation (ħω₀ per photon) and Landauer's principle (k_B·T·ln 2 per erased bit)",
    uses: ["readoutError", "detectorEfficiency", "photonEnergyEv", "laserWallPlugEfficiency", "operatingTemperatureK"],
    arithmetic: [`optical: ${sci(n)} × ${sci(t.photonEnergyEv)} eV / ${sci(t.laserWallPlugEfficiency)} = ${sci(optical)} J`, `Landauer at ${sci(t.operatingTemperatureK)} K: ${sci(land)} J`, `E_op = ${sci(optical + land)} J = ${sci((optical + land) / EV_J)} eV`],
  };
}

export function coolingWorkW(t: Technology): Derived {
  const cop = carnotCop(t.coldStageK, t.heatRejectionK);
  const w = t.coldLoadW / (t.carnotFraction * cop);
  return {
    value: w, unit: "W",
    formula: "W = Q̇ / (f·COP_Carnot), COP_Carnot = T_c/(T_h − T_c)",
    law: "second law (Carnot)",
    uses: ["coldLoadW", "coldStageK", "heatRejectionK", "carnotFraction"],
    arithmetic: [`COP_Carnot = ${sci(t.coldStageK)}/(${sci(t.heatRejectionK)} − ${sci(t.coldStageK)}) = ${sci(cop)}`, `Carnot work ${sci(t.coldLoadW / cop)} W; at ${sci(t.carnotFraction)} of Carnot: ${sci(w)} W`],
  };
}

export function nodePowerW(t: Technology): Derived {
  const e = energyPerOp(t).value;
  const compute = e * t.opsPerNodePerS;
  const links = t.opticalTerminals * t.terminalW;
  const cool = coolingWorkW(t).value;
  const p = compute + t.controlElectronicsW + links + cool;
  return {
    value: p, unit: "W per node",
    formula: "P = E_op·f_op + P_control + n_terminals·P_terminal + W_cooling",
    law: "energy conservation over the node's parts",
    uses: [...energyPerOp(t).uses, "opsPerNodePerS", "controlElectronicsW", "opticalTerminals", "terminalW", ...coolingWorkW(t).uses],
    arithmetic: [`read-outs ${sci(e)} J × ${sci(t.opsPerNodePerS)}/s = ${sci(compute)} W`, `control ${sci(t.controlElectronicsW)} W, terminals ${t.opticalTerminals} × ${sci(t.terminalW)} W = ${sci(links)} W, cooling ${sci(cool)} W`, `node ${sci(p)} W`],
  };
}

/** Power per TFLOP/s, counting one read-out as one operation. */
export function wPerTflop(t: Technology): Derived {
  const p = nodePowerW(t).value;
  const v = p / (t.opsPerNodePerS / 1e12);
  return { value: v, unit: "W per TFLOP/s", formula: "P_node / (f_op / 10¹²)", law: "energy conservation", uses: nodePowerW(t).uses, arithmetic: [`${sci(p)} W / ${sci(t.opsPerNodePerS / 1e12)} TFLOP/s = ${sci(v)} W per TFLOP/s`] };
}

export function advantageOverLegacy(t: Technology): Derived {
  const v = wPerTflop(t).value;
  const r = t.legacyWPerTflop / v;
  return { value: r, unit: "× (legacy W/TFLOP ÷ buildable W/TFLOP)", formula: "legacy / buildable", law: "ratio of two derived powers", uses: [...wPerTflop(t).uses, "legacyWPerTflop"], arithmetic: [`${sci(t.legacyWPerTflop)} / ${sci(v)} = ${sci(r)}`] };
}

export function solarPeakW(t: Technology): Derived {
  const v = t.panelAreaM2 * t.irradianceWPerM2 * t.solarCellEfficiency;
  const area = nodePowerW(t).value / (t.irradianceWPerM2 * t.solarCellEfficiency);
  return {
    value: v, unit: "W", formula: "P = A·S·η_cell", law: "energy conservation (a panel delivers at most the sunlight on it)",
    uses: ["panelAreaM2", "irradianceWPerM2", "solarCellEfficiency"],
    arithmetic: [`${sci(t.panelAreaM2)} m² × ${sci(t.irradianceWPerM2)} W/m² × ${sci(t.solarCellEfficiency)} = ${sci(v)} W`, `the buildable node's ${sci(nodePowerW(t).value)} W needs ${sci(area)} m² in full sun`],
  };
}

export function solarAreaM2(t: Technology): Derived {
  const p = nodePowerW(t).value;
  const a = p / (t.irradianceWPerM2 * t.solarCellEfficiency);
  return { value: a, unit: "m²", formula: "A = P_node/(S·η_cell)", law: "energy conservation", uses: [...nodePowerW(t).uses, "irradianceWPerM2", "solarCellEfficiency"], arithmetic: [`${sci(p)} W / (${sci(t.irradianceWPerM2)} × ${sci(t.solarCellEfficiency)}) = ${sci(a)} m²`] };
}

export function umtResidualS(t: Technology): Derived {
  const clock = t.clockAllanDeviation * t.syncIntervalS;
  const eph = t.ephemerisRangeErrorM / SPEED_OF_LIGHT_M_PER_S;
  const r = Math.hypot(clock, t.timeTransferResidualS, eph);
  return {
    value: r, unit: "s", formula: "σ = √((σ_y·τ)² + σ_TWTT² + (δr/c)²)",
    law: "independent error sources add in quadrature; the light-time correction is as good as the range it uses",
    uses: ["clockAllanDeviation", "syncIntervalS", "timeTransferResidualS", "ephemerisRangeErrorM"],
    arithmetic: [`clock between syncs σ_y·τ = ${sci(clock)} s; two-way transfer ${sci(t.timeTransferResidualS)} s; ephemeris ${sci(t.ephemerisRangeErrorM)} m / c = ${sci(eph)} s`, `σ = ${sci(r)} s`],
  };
}

export function vetoLatencyS(t: Technology): Derived {
  const front = defaultVetoPath().slice(0, 2);
  const optical = front.reduce((s, x) => s + x.delayS, 0);
  const slip = FLUX_QUANTUM_WB / t.junctionIcRnV;
  const decide = t.comparator === "sfq" ? t.sfqGates * t.sfqGateDelayS : t.cmosStages / t.cmosClockHz;
  const v = optical + decide + slip;
  return {
    value: v, unit: "s", formula: "t = t_optical+detector + t_comparator + Φ₀/(I_c·R_N)",
    law: "the Josephson relation (a 2π slip takes Φ₀/(I_c·R_N)) and the comparator's switching time",
    uses: ["comparator", t.comparator === "sfq" ? "sfqGates" : "cmosStages", t.comparator === "sfq" ? "sfqGateDelayS" : "cmosClockHz", "junctionIcRnV"],
    arithmetic: [`optical projection + detector: ${sci(optical)} s`, t.comparator === "sfq" ? `SFQ comparator: ${t.sfqGates} × ${sci(t.sfqGateDelayS)} s = ${sci(decide)} s` : `CMOS comparator: ${t.cmosStages} periods / ${sci(t.cmosClockHz)} Hz = ${sci(decide)} s`, `junction slip Φ₀/(I_cR_N) = ${sci(slip)} s`, `veto ${sci(v)} s`],
  };
}

export function vetoEnergyJ(t: Technology): Derived {
  const e = t.criticalCurrentA * FLUX_QUANTUM_WB;
  return { value: e, unit: "J", formula: "E = I_c·Φ₀", law: "the Josephson relation", uses: ["criticalCurrentA"], arithmetic: [`${sci(t.criticalCurrentA)} A × ${sci(FLUX_QUANTUM_WB)} Wb = ${sci(e)} J`] };
}

/** One controller placement and the least quorum round trip it allows. */
export interface Placement {
  readonly name: string;
  readonly roundTripS: number;
  /** Least distance between two of its controllers, m. */
  readonly minSeparationM: number;
  readonly eligible: boolean;
  /** The five controllers, geocentric m (equator of date); null for the paper's, which sit at their ephemeris sites at the epoch (model/orbit/smc.ts). */
  readonly sitesM: readonly Vec3[] | null;
}

function quorumRoundTrip(sites: readonly Vec3[], radiusM: number): { rtt: number; minSep: number } {
  let rtt = Infinity;
  let minSep = Infinity;
  for (let a = 0; a < sites.length; a++) {
    const d: number[] = [];
    for (let b = 0; b < sites.length; b++) if (b !== a) d.push(pathAroundM(sites[a]!, sites[b]!, radiusM));
    d.sort((x, y) => x - y);
    minSep = Math.min(minSep, d[0]!);
    const need = Math.floor(sites.length / 2); // votes beyond its own for a majority
    rtt = Math.min(rtt, (2 * d[need - 1]!) / SPEED_OF_LIGHT_M_PER_S);
  }
  return { rtt, minSep };
}

function ring(radiusM: number, n: number, centre: Vec3 = [0, 0, 0]): Vec3[] {
  return Array.from({ length: n }, (_, k): Vec3 => [centre[0] + radiusM * Math.cos((2 * Math.PI * k) / n), centre[1] + radiusM * Math.sin((2 * Math.PI * k) / n), centre[2]]);
}

/** The paper's placement reads no technology figure: searched once. */
let paperSearch: ReturnType<typeof searchFailover> | undefined;

/** Five controllers: the paper's placement (the audit's search), rings at GEO, MEO and the nodes' LEO shell, and a tight cluster at GEO. */
export function placements(t: Technology): Placement[] {
  const r = EARTH_RADIUS_M + LINK_GRAZING_MARGIN_M;
  const out: Placement[] = [];
  paperSearch ??= searchFailover({ ...s32Failover.inputs, gridDeg: 5 });
  const paper = paperSearch;
  out.push({ name: "paper: L1, L2, Moon-South, GEO-180°, reserve", roundTripS: paper.best.roundTripS, minSeparationM: GEO_RADIUS_M, eligible: true, sitesM: null });
  const rings: Array<[string, number]> = [["GEO ring of 5", GEO_RADIUS_M], ["MEO ring of 5 (GNSS radius)", 26_560e3], ["LEO ring of 5 (the nodes' shell)", EARTH_RADIUS_M + t.altitudeM]];
  for (const [name, radius] of rings) {
    const sites = ring(radius, 5);
    const q = quorumRoundTrip(sites, r);
    out.push({ name, roundTripS: q.rtt, minSeparationM: q.minSep, eligible: q.minSep >= t.controllerMinSeparationM, sitesM: sites });
  }
  // Regular pentagon with side = the least separation, centred on a GEO slot.
  const circum = t.controllerMinSeparationM / (2 * Math.sin(Math.PI / 5));
  const cluster = ring(circum, 5, [GEO_RADIUS_M, 0, 0]);
  const q = quorumRoundTrip(cluster, r);
  out.push({ name: "GEO cluster of 5 at the least separation", roundTripS: q.rtt, minSeparationM: q.minSep, eligible: q.minSep >= t.controllerMinSeparationM * (1 - 1e-9), sitesM: cluster });
  return out;
}

/** The eligible placement with the least quorum round trip. */
export function bestPlacement(t: Technology): Placement {
  return placements(t).filter((p) => p.eligible).reduce((a, b) => (b.roundTripS < a.roundTripS ? b : a));
}

export function failoverS(t: Technology): Derived {
  const ps = placements(t);
  const best = bestPlacement(t);
  return {
    value: best.roundTripS, unit: "s", formula: "min over placements of the least round trip in which a candidate collects 2 more votes (3 of 5)",
    law: "special relativity with Raft's majority rule; links the Earth blocks go round it",
    uses: ["controllerMinSeparationM", "altitudeM"],
    arithmetic: [...ps.map((p) => `${p.name}: ${sci(p.roundTripS)} s (closest pair ${sci(p.minSeparationM / 1e3)} km${p.eligible ? "" : ", closer than the least separation"})`), `best: ${best.name}, ${sci(best.roundTripS)} s`],
  };
}

export function reloadS(t: Technology): Derived {
  const perPlane = t.nodes / t.planes;
  const spacing = 2 * (EARTH_RADIUS_M + t.altitudeM) * Math.sin(Math.PI / perPlane);
  const light = spacing / SPEED_OF_LIGHT_M_PER_S;
  const transfer = t.stateBits / t.linkRateBitPerS;
  const geo = (GEO_RADIUS_M - EARTH_RADIUS_M - t.altitudeM) / SPEED_OF_LIGHT_M_PER_S;
  return {
    value: light + transfer, unit: "s", formula: "t = d_neighbour/c + bits/rate, d_neighbour = 2(R⊕ + h)·sin(π/n_plane)",
    law: "special relativity (the state travels no faster than light) and the link's rate",
    uses: ["nodes", "planes", "altitudeM", "stateBits", "linkRateBitPerS"],
    arithmetic: [`${sci(perPlane)} nodes per plane, in-plane neighbour ${sci(spacing / 1e3)} km: ${sci(light)} s`, `transfer ${sci(t.stateBits)} bit / ${sci(t.linkRateBitPerS)} bit/s = ${sci(transfer)} s`, `buffer in the in-plane neighbour: ${sci(light + transfer)} s; in GEO instead: ≥ ${sci(geo)} s`, `cost: one extra ${sci(t.stateBits)}-bit copy per node on the in-plane link each snapshot`],
  };
}

/** One-way light time to the nearest node, the in-plane neighbour: the least latency between two nodes. */
export function neighbourLatencyS(t: Technology): Derived {
  const perPlane = t.nodes / t.planes;
  const d = 2 * (EARTH_RADIUS_M + t.altitudeM) * Math.sin(Math.PI / perPlane);
  const v = d / SPEED_OF_LIGHT_M_PER_S;
  return {
    value: v, unit: "s", formula: "t = 2(R⊕ + h)·sin(π/n_plane)/c", law: "special relativity: no signal outruns light",
    uses: ["nodes", "planes", "altitudeM"],
    arithmetic: [`${sci(perPlane)} nodes per plane at ${sci(t.altitudeM / 1e3)} km: neighbour ${sci(d / 1e3)} km away, ${sci(v)} s one way`, `any two nodes farther apart wait longer: across the shell ≈ ${sci((2 * (EARTH_RADIUS_M + t.altitudeM)) / SPEED_OF_LIGHT_M_PER_S)} s`],
  };
}

/** Latency a clocked (CMOS, FPGA-class) pipeline registers: its stages ÷ its clock. */
export function clockedLatencyS(t: Technology): Derived {
  const v = t.cmosStages / t.cmosClockHz;
  return {
    value: v, unit: "s", formula: "t = n_stages / f_clock", law: "a synchronous circuit registers a result only on a clock edge",
    uses: ["cmosStages", "cmosClockHz"],
    arithmetic: [`${t.cmosStages} periods / ${sci(t.cmosClockHz)} Hz = ${sci(v)} s (an emulation at §4.1's 100 MHz registers nothing shorter than 10 ns)`],
  };
}

/** The legacy baseline's power per TFLOP/s: today's most efficient system. */
export function legacyPerTflop(t: Technology): Derived {
  return {
    value: t.legacyWPerTflop, unit: "W per TFLOP/s", formula: "P/TFLOP = 1000 / (GFLOPS per W)", law: "energy conservation (a measured efficiency, inverted)",
    uses: ["legacyWPerTflop"], arithmetic: [`${sci(t.legacyWPerTflop)} W per TFLOP/s = 1000 / ${sci(1000 / t.legacyWPerTflop)} GFLOPS/W`],
  };
}

/** One node's (one unit's) capacity in TFLOP/s, counting one read-out as one operation. */
export function nodeTflops(t: Technology): Derived {
  const v = t.opsPerNodePerS / 1e12;
  return { value: v, unit: "TFLOP/s per unit", formula: "f_op / 10¹²", law: "counting (one read-out is one operation)", uses: ["opsPerNodePerS"], arithmetic: [`${sci(t.opsPerNodePerS)} operations per second = ${sci(v)} TFLOP/s`] };
}

/** Thermal ratio k_B·T / E_op at the operating temperature. */
export function thermalRatio(t: Technology): Derived {
  const e = energyPerOp(t);
  const v = (BOLTZMANN_J_PER_K * t.operatingTemperatureK) / e.value;
  return { value: v, unit: "ratio k_BT / E_op", formula: "k_B·T / E_op", law: e.law, uses: e.uses, arithmetic: [`${sci(BOLTZMANN_J_PER_K * t.operatingTemperatureK)} J / ${sci(e.value)} J = ${sci(v)}`] };
}

/** 4-significant-digit text (the audit's `sci`). */
export const sci4 = sci;
