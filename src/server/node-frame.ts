/**
 * The compact per-node frame of a live stream (the constellation view's colours): each node's
 * ΔE_i = 1 − RCF_i (RCF to the ODOS reference, §2.3) quantised on a square-root scale,
 * q_i = round(255·√ΔE_i) ∈ 0…255, so the view decodes ΔE_i = (q_i/255)² — about 0.002 absolute
 * resolution near the 0.05 threshold, 0.0011 near the storm threshold 0.02 — plus the flag byte
 * (model.ts: NODE_FAILED, NODE_STORM), each as base64 of one byte per node. 10^4 nodes: 27 kB.
 */
import type { NodeView } from "../sim/model.js";

export interface NodeFrame {
  readonly tNs: number;
  readonly nodes: number;
  /** base64 of q_i = round(255·√(1 − RCF_i)), one byte per node. */
  readonly deltaESqrtQ: string;
  /** base64 of the flag byte per node, or null when every flag is 0. */
  readonly flags: string | null;
}

/** Quantise a node view (reusing `scratch`, one byte per node) into a frame at `tNs`. */
export function encodeNodeFrame(view: NodeView, tNs: number, scratch: Uint8Array): NodeFrame {
  const n = view.rcf.length;
  for (let i = 0; i < n; i++) {
    const de = 1 - view.rcf[i]!;
    scratch[i] = Math.round(255 * Math.sqrt(de > 0 ? (de < 1 ? de : 1) : 0));
  }
  const deltaESqrtQ = Buffer.from(scratch.buffer, scratch.byteOffset, n).toString("base64");
  let any = false;
  for (let i = 0; i < n && !any; i++) any = view.flags[i] !== 0;
  const flags = any ? Buffer.from(view.flags.buffer, view.flags.byteOffset, n).toString("base64") : null;
  return { tNs, nodes: n, deltaESqrtQ, flags };
}
