/**
 * The ODOS kernel (§2.3, §3.1 "hardware-burned ODOS kernel", abstract item 3): the thresholds
 * and the reference vector every Guardian Neuron checks against, as one immutable, hash-pinned
 * configuration. A run records `hash`; any run-time change is refused (the object graph is
 * deep-frozen) and reported as an event by `tryChange`.
 */
import { InputError, describeValue, requireInt } from "../../errors.js";
import { canonicalJson, deepFreeze } from "./deep-freeze.js";
import { sha256HexOfString } from "./sha256.js";

/** Thresholds of the kernel (dimensionless, as the paper uses them). */
export interface OdosThresholds {
  /** Veto when ΔE exceeds this (§2.3, §6.3: 0.05). */
  readonly deltaEMax: number;
  /** Resonant coupling threshold θ_crit on RCF (§2.1: 0.95). */
  readonly rcfMin: number;
  /** Stricter ΔE limit in storm mode (0.02; a modelling assumption — the V3000 text states no value). */
  readonly stormDeltaEMax: number;
}

/** The pinned configuration without its hash. */
export interface OdosKernelConfig {
  readonly version: string;
  readonly thresholds: OdosThresholds;
  /** Dimension d of the node state the reference vector lives in. */
  readonly dim: number;
  /** |ODOS⟩ = (1, …, 1)/√d, real (Appendix A `odos_vec`). */
  readonly referenceVector: readonly number[];
}

/** The kernel: config plus the SHA-256 of its canonical JSON. */
export interface OdosKernel extends OdosKernelConfig {
  readonly hash: string;
}

/** The paper's thresholds. */
export const PAPER_THRESHOLDS: OdosThresholds = Object.freeze({ deltaEMax: 0.05, rcfMin: 0.95, stormDeltaEMax: 0.02 });

/** Hash of a configuration: SHA-256 of its canonical JSON (sorted keys). */
export function odosHash(config: OdosKernelConfig): string {
  const { version, thresholds, dim, referenceVector } = config;
  return sha256HexOfString(canonicalJson({ version, thresholds, dim, referenceVector }));
}

/** Build the frozen kernel for node states of dimension `dim` (Appendix A uses 12; V1000 nodes 192). */
export function createOdosKernel(dim = 12, thresholds: OdosThresholds = PAPER_THRESHOLDS): OdosKernel {
  requireInt(dim, "dim", 1, 1 << 20);
  for (const [k, v] of Object.entries(thresholds)) {
    if (typeof v !== "number" || !(v > 0 && v < 1)) throw InputError.of(`thresholds.${k}`, "a number in (0, 1)", v);
  }
  const a = 1 / Math.sqrt(dim);
  const config: OdosKernelConfig = {
    version: "ODOS-V3000",
    thresholds: { ...thresholds },
    dim,
    referenceVector: Array.from({ length: dim }, () => a),
  };
  return deepFreeze({ ...config, hash: odosHash(config) });
}

/** True when the kernel's content still hashes to its recorded hash. */
export function verifyOdosKernel(kernel: OdosKernel): boolean {
  return odosHash(kernel) === kernel.hash;
}

/** The event a refused change produces. */
export interface OdosChangeRefused {
  readonly kind: "odos-change-refused";
  /** Dotted path that was to be changed (`thresholds.deltaEMax`). */
  readonly path: string;
  readonly attempted: string;
  readonly current: string;
  readonly kernelHash: string;
  readonly reason: string;
}

/**
 * Attempt to change the kernel at `path` to `value` at run time. The write is really attempted
 * (Reflect.set on the frozen graph); it fails, the kernel is unchanged (hash re-verified), and the
 * refusal is returned as an event for the run's log.
 */
export function tryChange(kernel: OdosKernel, path: string, value: unknown): OdosChangeRefused {
  const keys = path.split(".");
  let target: unknown = kernel;
  for (const k of keys.slice(0, -1)) target = (target as Record<string, unknown> | undefined)?.[k];
  const last = keys[keys.length - 1] ?? "";
  if (target === null || typeof target !== "object" || !(last in target)) {
    throw InputError.of("path", `a field of the ODOS kernel (e.g. thresholds.deltaEMax)`, path);
  }
  const before = (target as Record<string, unknown>)[last];
  const written = Reflect.set(target, last, value);
  if (written || (target as Record<string, unknown>)[last] !== before || !verifyOdosKernel(kernel)) {
    throw new Error("pqms internal assertion: the ODOS kernel accepted a run-time change");
  }
  return Object.freeze({
    kind: "odos-change-refused",
    path,
    attempted: describeValue(value),
    current: describeValue(before),
    kernelHash: kernel.hash,
    reason: "the ODOS kernel is hardware-burned: immutable for the lifetime of the run",
  });
}
