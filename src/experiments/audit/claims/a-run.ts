/** One short literal run of Appendix A's script shared by the Appendix A claims (memoised). */
import { replicateAppendixA, type AppendixAResult } from "../../replicate/appendix-a.js";

export const APPENDIX_A_AUDIT_RUN = Object.freeze({ steps: 5, nodes: 1000, dim: 12, seed: 42 });
let cached: AppendixAResult | undefined;

/** The script as printed (numpy seed 42), 5 steps of the paper's 10¹². */
export function appendixARun(): AppendixAResult {
  cached ??= replicateAppendixA(APPENDIX_A_AUDIT_RUN);
  return cached;
}
