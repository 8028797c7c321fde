/**
 * Decode the live stream's per-node frame (src/server/node-frame.ts): q_i = round(255·√ΔE_i)
 * per node, so ΔE_i = (q_i/255)² and RCF_i = 1 − ΔE_i (RCF to the ODOS reference, §2.3); and the
 * flag byte per node (1 = failed, 2 = in an active CME region), or none.
 */
export const FLAG_FAILED = 1;
export const FLAG_STORM = 2;

export interface NodeFrame { tNs: number; nodes: number; deltaESqrtQ: string; flags: string | null }

function bytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Write each node's ΔE into `deltaE` and its flags into `flags` (0 when the frame has none). */
export function decodeNodeFrame(f: NodeFrame, deltaE: Float32Array, flags: Uint8Array): void {
  const q = bytes(f.deltaESqrtQ);
  if (q.length !== f.nodes || deltaE.length !== f.nodes || flags.length !== f.nodes) {
    throw new Error(`node frame: expected ${deltaE.length} nodes, got ${f.nodes} (${q.length} bytes)`);
  }
  for (let i = 0; i < q.length; i++) { const r = q[i]! / 255; deltaE[i] = r * r; }
  if (f.flags === null) flags.fill(0);
  else flags.set(bytes(f.flags));
}
