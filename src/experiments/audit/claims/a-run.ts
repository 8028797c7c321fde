/** Short literal runs of Appendix A's script shared by the Appendix A claims (memoised by their inputs). */
import { replicateAppendixA, type AppendixAResult } from "../../replicate/appendix-a.js";

/** The script as printed (numpy seed 42, N = 1000, d = 12), 5 of the paper's 10¹² steps. */
export const APPENDIX_A_AUDIT_RUN = Object.freeze({ steps: 5, nodes: 1000, dim: 12, seed: 42 });
export type AppendixARunInputs = { steps: number; nodes: number; dim: number; seed: number };

const cache = new Map<string, AppendixAResult>();

export function appendixARun(i: AppendixARunInputs = APPENDIX_A_AUDIT_RUN): AppendixAResult {
  const o = { steps: i.steps, nodes: i.nodes, dim: i.dim, seed: i.seed };
  const key = JSON.stringify(o);
  let r = cache.get(key);
  if (!r) { r = replicateAppendixA(o); cache.set(key, r); }
  return r;
}
