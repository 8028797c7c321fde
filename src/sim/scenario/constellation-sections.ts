/**
 * Optional scenario sections for a constellation run: the constellation (§3.2, V2000), UMT synchronisation
 * (`umt.sync`, §5.2 / Theorem 1), the SMC controllers (§3.2), the Black Sarcophagus (§3.2) and
 * faults. Defaults are the values the models use (model/orbit, model/umt, model/sarcophagus,
 * sim/faults); absent sections stay absent.
 */
import { z } from "zod";

const seconds = (max = 9e6) => z.number().nonnegative().max(max);

export const constellationSchema = z.strictObject({
  nodes: z.number().int().min(1).max(100_000).default(10_000).describe("Satellites in the Walker-delta shell (V2000: 10^4; up to 10^5)."),
  planes: z.number().int().min(1).max(100_000).default(80).describe("Orbital planes (a divisor of nodes; one plane = one cluster, §3.2)."),
  phasing: z.number().int().min(0).max(99_999).default(1).describe("Walker phasing F (< planes)."),
  inclinationDeg: z.number().min(0).max(180).default(53).describe("Inclination, degrees."),
  altitudeKm: z.number().min(160).max(40_000).default(550).describe("Circular altitude, km (V2000: 550)."),
  epoch: z.iso.datetime().default("2026-02-21T00:00:00Z").describe("Epoch of the generated TLEs and the SMC ephemerides (ISO 8601, UTC)."),
}).describe("The Walker-delta constellation of nodes, propagated by SGP4 (§3.2, V2000).");

export const umtOscillatorSchema = z.strictObject({
  adev1s: z.number().positive().max(1e-3).default(3e-10).describe("Allan deviation at τ = 1 s (Microsemi SA.45s CSAC: 3e-10); fits the white-FM level."),
  adev1000s: z.number().positive().max(1e-3).default(1e-11).describe("Allan deviation at τ = 1000 s (SA.45s: 1e-11); the rest above white FM is random-walk FM."),
  agingPerMonth: z.number().nonnegative().max(1e-3).default(9e-10).describe("Frequency aging per month, 1σ per node (SA.45s: < 9e-10/month)."),
  frequencyOffsetStd: z.number().nonnegative().max(1e-3).default(5e-11).describe("1σ initial fractional frequency offset (SA.45s accuracy at shipment ±5e-11)."),
}).describe("Per-node oscillator (CSAC class).");

export const umtSyncSchema = z.strictObject({
  oscillator: umtOscillatorSchema.prefault({}),
  syncIntervalS: z.number().positive().max(1e6).default(1).describe("Interval between two-way sync rounds, s."),
  timestampJitterS: z.number().nonnegative().max(1).default(1e-12).describe("RMS jitter of one timestamp, s (ps-class event timers)."),
  turnaroundS: z.number().nonnegative().max(1).default(1e-6).describe("Reply delay at the parent node, s."),
  frequencyGain: z.number().min(0).max(1).default(0.5).describe("Frequency-steering gain g (0: phase steps only)."),
  lightTimeCompensation: z.boolean().default(true).describe("Predict τ_AB, τ_BA by solving the light-time equation on the ephemeris (false: |r_B − r_A|/c both ways)."),
  ephemerisErrorM: z.number().nonnegative().max(1e5).default(0.02).describe("Orbit-determination error per axis, m (constant per node)."),
  rounds: z.number().int().min(1).max(100_000).default(20).describe("Sync rounds simulated before the mesh run starts."),
  holdoverS: z.number().nonnegative().max(1e6).default(0.5).describe("Age of the last sync round when the mesh run starts, s (< syncIntervalS)."),
}).describe("Feed the mesh's per-node phase reference from the UMT model (model/umt): CSAC clocks steered by two-way transfer over the +Grid ISLs of `constellation` (nodes = mesh.nodes). Replaces driftFs/walkFsPerSqrtS/fractionalFrequencyStd.");

export const smcSchema = z.strictObject({
  raftTickS: z.number().positive().max(3600).default(0.5).describe("Raft logical tick, s."),
  electionTicks: z.number().int().min(2).max(100_000).default(60).describe("Election timeout in ticks (must exceed the largest SMC round trip, ~20 s L1–L2)."),
  heartbeatTicks: z.number().int().min(1).max(100_000).default(2).describe("Heartbeat interval in ticks (< electionTicks)."),
  commitEveryS: z.number().positive().max(3600).default(5).describe("Interval between client commands proposed at the leader (commit latency is measured on them), s."),
}).describe("The five Satellite Mesh Controllers on Raft (L1, L2, Moon south pole, GEO-180°, reserve; §3.2).");

export const sarcophagusSchema = z.strictObject({
  snapshotEveryS: z.number().positive().max(1).default(1e-3).describe("Interval between Frozen-Now snapshots a node streams to its SMC, s."),
  bufferS: z.number().positive().max(10).default(10e-3).describe("History kept per node, s (§3.2: 10 ms)."),
  detectTimeoutS: seconds(10).default(3e-3).describe("Silence before the SMC declares a node failed, s."),
  framReadPerSnapshotS: seconds(1).default(1e-7).describe("FRAM read latency per 256-B snapshot, s."),
  linkRateBitPerS: z.number().positive().max(1e15).default(100e9).describe("Reload link rate, bit/s (§3.2: 100 Gbit/s)."),
}).describe("The Black Sarcophagus state buffer and spare reload (§3.2).");

export const faultsSectionSchema = z.strictObject({
  file: z.string().min(1).max(4096).optional().describe("A fault-schedule JSON file to replay (relative to the working directory); otherwise faults are generated from the seed."),
  durationS: z.number().positive().max(9e6).default(600).describe("Horizon of the generated schedule (and of `pqms failover`), s."),
  nodeMtbfS: z.number().positive().max(1e12).default(3e4).describe("Mean time between failures of one node, s (accelerated for statistics)."),
  leaderCrashes: z.number().int().min(0).max(10_000).default(3).describe("SMC leader crashes, evenly spread."),
  smcDownS: seconds().default(90).describe("How long a crashed SMC stays down, s."),
  cmes: z.number().int().min(0).max(1000).default(1).describe("Coronal mass ejections at random times and centres."),
  cmeRings: z.number().int().min(0).max(100).default(4).describe("Rings of +Grid neighbours a CME spreads over."),
  cmeRingEveryS: seconds().default(2).describe("Time between CME rings, s."),
  stormS: seconds().default(60).describe("How long the ΔE threshold stays at odos.stormDeltaEThreshold in the CME region after its last ring, s."),
}).describe("Faults: random node failures, SMC crashes, CMEs; generated from the seed or replayed from `file`.");

/** The constellation entries of `extensionSections`. */
export const constellationSections = {
  constellation: constellationSchema.optional(),
  smc: smcSchema.optional(),
  sarcophagus: sarcophagusSchema.optional(),
  faults: faultsSectionSchema.optional(),
};
