/**
 * The technology figures the buildable V3000 rests on. Each is an input with its source (a figure
 * from the literature, with the citation, or ours) and the range a reader may move it across with
 * `pqms improve --set name=value`. None is buried in a derivation: derivations read them from a
 * `Technology` record.
 */
import { describeValue, InputError, type Issue } from "../../errors.js";
import { SOLAR_CONSTANT_W_PER_M2 } from "../../model/constants.js";
import { H1_PAPER } from "../falsify/h1.js";
import { choiceParser, numberParser, type AssumptionValue } from "../falsify/assumption.js";

export type ComparatorTechnology = "cmos" | "sfq";

export interface Technology {
  readonly detectorEfficiency: number;
  readonly laserWallPlugEfficiency: number;
  readonly photonEnergyEv: number;
  readonly readoutError: number;
  readonly operatingTemperatureK: number;
  readonly opsPerNodePerS: number;
  readonly controlElectronicsW: number;
  readonly opticalTerminals: number;
  readonly terminalW: number;
  readonly coldStageK: number;
  readonly coldLoadW: number;
  readonly heatRejectionK: number;
  readonly carnotFraction: number;
  readonly solarCellEfficiency: number;
  readonly irradianceWPerM2: number;
  readonly panelAreaM2: number;
  readonly nodes: number;
  readonly clockAllanDeviation: number;
  readonly syncIntervalS: number;
  readonly timeTransferResidualS: number;
  readonly ephemerisRangeErrorM: number;
  readonly comparator: ComparatorTechnology;
  readonly cmosClockHz: number;
  readonly cmosStages: number;
  readonly sfqGateDelayS: number;
  readonly sfqGates: number;
  readonly junctionIcRnV: number;
  readonly criticalCurrentA: number;
  readonly controllerMinSeparationM: number;
  readonly planes: number;
  readonly altitudeM: number;
  readonly stateBits: number;
  readonly linkRateBitPerS: number;
  readonly legacyWPerTflop: number;
  readonly raftTimeoutRtts: number;
}

export type TechnologyName = keyof Technology;

/** One technology figure: value, unit, source ("literature: <citation>" or "ours: <why>"), range. */
export interface TechAssumption {
  readonly name: TechnologyName;
  readonly value: AssumptionValue;
  readonly unit: string;
  readonly source: string;
  readonly range: readonly [AssumptionValue, AssumptionValue];
  readonly description: string;
  parse(raw: string): AssumptionValue;
}

type Spec = Omit<TechAssumption, "value" | "parse"> & { readonly parse?: (raw: string) => AssumptionValue };

function num(name: TechnologyName, unit: string, source: string, range: readonly [number, number], description: string): Spec {
  return { name, unit, source, range, description, parse: numberParser(name, range[0], range[1]) };
}

const SPECS: readonly Spec[] = [
  num("detectorEfficiency", "(fraction)", "literature: Marsili et al., Nat. Photonics 7, 210 (2013): superconducting nanowire detectors at 93 % system efficiency", [0.05, 1], "probability that the read-out detector registers a photon that reaches it"),
  num("laserWallPlugEfficiency", "(fraction)", "literature: Crump et al., J. Phys. D 46, 013001 (2013): diode lasers at 50–70 % wall-plug efficiency", [0.01, 0.8], "optical power out per electrical power in for the read-out light source"),
  num("photonEnergyEv", "eV", "ours: the paper's ħω₀ ≈ 1 eV (§2.2), 1.24 µm light", [0.1, 10], "energy of one read-out photon"),
  num("readoutError", "(probability)", "ours: 1 − RCF at Theorem 2's RCF = 1/(1 + γ/κ) ≈ 0.999 (Appendix B's γ/κ = 10⁻³)", [1e-15, 0.5], "error probability each read-out may have: the 1 − RCF a node is asked to keep"),
  num("operatingTemperatureK", "K", "ours: the paper's room-temperature photonic node (§2.2)", [0.001, 400], "temperature at which a read-out's bit is erased (Landauer)"),
  num("opsPerNodePerS", "1/s", "ours: §6.1's operation rate (H1's opsPerS)", [1, 1e15], "operations (read-outs) one node performs per second"),
  num("controlElectronicsW", "W", "ours: an FPGA-class controller and its power conversion (the paper's §4.1 emulation draws 4.8 W)", [0.1, 200], "power of the node's control electronics"),
  num("opticalTerminals", "(count)", "ours: 4 inter-satellite terminals per node (§3.1 BOM: 4× SCU 100G)", [0, 8], "laser communication terminals per node"),
  num("terminalW", "W", "literature: Tesat SCU 100 / ConLCT class terminals, tens of watts each (Tesat product sheets)", [1, 200], "electrical power of one optical inter-satellite terminal"),
  num("coldStageK", "K", "ours: the 10 mK stage of Appendix F", [0.001, 10], "temperature of the coldest stage (detectors, junctions)"),
  num("coldLoadW", "W", "literature: Bluefors LD-class dilution refrigerators lift ~1e-5 W at 20 mK (product specifications)", [1e-9, 1e-2], "heat that must be lifted from the cold stage"),
  num("heatRejectionK", "K", "ours: radiator at 300 K", [50, 400], "temperature at which the cooler rejects its heat"),
  num("carnotFraction", "(fraction of Carnot COP)", "literature: ter Brake & Wiegerinck, Cryogenics 42, 705 (2002): small cryocoolers reach ~1 % of Carnot at 4 K, less below", [1e-7, 0.5], "real coefficient of performance ÷ Carnot's"),
  num("solarCellEfficiency", "(fraction)", "literature: Spectrolab XTJ Prime triple-junction cells, 30.7 % at beginning of life (datasheet)", [0.05, 0.5], "electrical power out per sunlight in"),
  num("irradianceWPerM2", "W/m²", "literature: Kopp & Lean, GRL 38, L01706 (2011): total solar irradiance 1360.8 W/m² at 1 AU", [1, 1400], "sunlight power per area on the panel"),
  num("panelAreaM2", "m²", "ours: §3.1's 0.8 m² panel", [0.01, 100], "solar panel area of one node"),
  num("nodes", "(count)", "ours: §5.1's 10⁵ nodes", [3, 1e7], "nodes in the constellation"),
  num("clockAllanDeviation", "(fractional)", "literature: GPS IIF rubidium clocks, σ_y ≈ 1e-12 at 1 s (Vannicola et al., PTTI 2010)", [1e-17, 1e-9], "fractional frequency stability of a node's clock over the sync interval"),
  num("syncIntervalS", "s", "ours: one two-way exchange per second", [1e-6, 1e4], "time between two synchronisations of a node's clock"),
  num("timeTransferResidualS", "s", "literature: ACES microwave link / ELT, ps-level two-way time transfer over space links (Cacciapuoti & Salomon, EPJ ST 172, 57 (2009))", [1e-16, 1e-6], "residual of one two-way time transfer"),
  num("ephemerisRangeErrorM", "m", "literature: ILRS satellite laser ranging, cm-level orbits (Pearlman et al., J. Geod. 93, 2181 (2019))", [0, 1e4], "error of the range the light-time correction uses"),
  { name: "comparator", unit: "technology", source: "ours: CMOS at the chip's clock, or single-flux-quantum logic at 4 K", range: ["cmos", "sfq"], description: "what takes the ΔE > threshold decision", parse: choiceParser("comparator", ["cmos", "sfq"]) },
  num("cmosClockHz", "Hz", "ours: a 1 GHz rad-hard CMOS clock", [1e6, 1e10], "clock of a CMOS comparator (the decision waits for an edge)"),
  num("cmosStages", "(clock periods)", "ours: sample, compare, vote (3 periods)", [1, 100], "clock periods from sample to veto output"),
  num("sfqGateDelayS", "s", "literature: Likharev & Semenov, IEEE TAS 1, 3 (1991): RSFQ gates switch in a few ps", [1e-13, 1e-9], "delay of one single-flux-quantum gate"),
  num("sfqGates", "(gates)", "ours: comparator + 2-of-3 voter + driver ≈ 5 gates", [1, 100], "gates on the SFQ veto path"),
  num("junctionIcRnV", "V", "literature: Nb/AlOx/Nb junctions, I_cR_N ≈ 1–2 mV (Gurvitch et al., APL 42, 472 (1983))", [1e-5, 1e-2], "characteristic voltage of the TER junction: slip time Φ₀/(I_cR_N)"),
  num("criticalCurrentA", "A", "ours: §4.2's I_c = 10 µA", [1e-8, 1e-2], "critical current of the TER junction (energy per slip I_c·Φ₀)"),
  num("controllerMinSeparationM", "m", "ours: controllers ≥ 1000 km apart so one fault region (a CME front, a debris event) does not take out two", [1e3, 1e9], "least distance between two consensus controllers"),
  num("planes", "(count)", "ours: 8 orbital planes (scenarios/v3000-default.yaml)", [1, 1000], "orbital planes of the constellation"),
  num("altitudeM", "m", "ours: 550 km LEO shell (V2000)", [2e5, 3.6e7], "orbit altitude of the nodes"),
  num("stateBits", "bit", "ours: 10 snapshots × 12 complex amplitudes × 128 bit (scenarios/v3000-default.yaml)", [1, 1e15], "bits the spare must receive to reload a node"),
  num("linkRateBitPerS", "bit/s", "literature: Tesat SCU 100, 100 Gbit/s optical ISL (product sheet)", [1e3, 1e13], "inter-satellite link rate"),
  num("raftTimeoutRtts", "(× the largest controller round trip)", "literature: Ongaro & Ousterhout, USENIX ATC 2014, §5.6: Raft needs broadcast time ≪ election timeout; ours: 3 round trips", [1, 1000], "Raft's election timeout in round trips between the two farthest controllers (the simulated failover's timing)"),
  num("legacyWPerTflop", "W per TFLOP/s", "literature: Green500, Nov 2024: best system 72.7 GFLOPS/W", [1, 1e4], "the legacy baseline's power per TFLOP/s"),
];

/** The technology figures as this tool takes them by default. */
export const TECHNOLOGY_DEFAULT: Technology = Object.freeze({
  detectorEfficiency: 0.93,
  laserWallPlugEfficiency: 0.5,
  photonEnergyEv: 1,
  readoutError: 1e-3,
  operatingTemperatureK: 300,
  opsPerNodePerS: H1_PAPER.opsPerS,
  controlElectronicsW: 5,
  opticalTerminals: 4,
  terminalW: 30,
  coldStageK: 0.02,
  coldLoadW: 1e-5,
  heatRejectionK: 300,
  carnotFraction: 0.01,
  solarCellEfficiency: 0.307,
  irradianceWPerM2: SOLAR_CONSTANT_W_PER_M2,
  panelAreaM2: 0.8,
  nodes: 1e5,
  clockAllanDeviation: 1e-12,
  syncIntervalS: 1,
  timeTransferResidualS: 1e-12,
  ephemerisRangeErrorM: 0.01,
  comparator: "sfq",
  cmosClockHz: 1e9,
  cmosStages: 3,
  sfqGateDelayS: 5e-12,
  sfqGates: 5,
  junctionIcRnV: 1e-3,
  criticalCurrentA: 10e-6,
  controllerMinSeparationM: 1e6,
  planes: 8,
  altitudeM: 550e3,
  stateBits: 10 * 12 * 128,
  linkRateBitPerS: 1e11,
  legacyWPerTflop: 1000 / 72.7,
  raftTimeoutRtts: 3,
});

/** The assumption records at `tech`'s values. */
export function techAssumptions(tech: Technology = TECHNOLOGY_DEFAULT): TechAssumption[] {
  return SPECS.map((s) => ({ ...s, value: tech[s.name], parse: s.parse ?? ((raw: string) => raw) }));
}

export const TECH_NAMES: readonly TechnologyName[] = Object.freeze(SPECS.map((s) => s.name));

/**
 * Apply `name=value` overrides; unknown names and bad values are typed errors, every one named at
 * `where(name)` (`--set name` on the command line, `body.set.name` over HTTP), all reported at once.
 */
export function applyTechOverrides(base: Technology, set: Readonly<Record<string, string>>, where: (name: string) => string = (n) => `--set ${n}`): Technology {
  const out: Record<string, AssumptionValue> = { ...base };
  const issues: Issue[] = [];
  for (const [name, raw] of Object.entries(set)) {
    const spec = SPECS.find((s) => s.name === name);
    if (spec === undefined) {
      issues.push({ path: where(name), expected: `a technology assumption: ${TECH_NAMES.join(", ")}`, got: describeValue(name) });
      continue;
    }
    try {
      out[name] = spec.parse!(raw);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      for (const i of e.issues) issues.push({ ...i, path: where(name) });
    }
  }
  if (issues.length === 1) throw new InputError(issues);
  if (issues.length > 1) throw new InputError(issues, "technology assumptions");
  return out as unknown as Technology;
}
