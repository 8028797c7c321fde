/** §3.1: NIC-1 Neuralink interface for up to 10⁴ concurrent human users. */
import type { Claim } from "../claim.js";

export const s31NeuralinkUsers: Claim<Record<string, never>> = {
  id: "s31-neuralink-users",
  section: "§3.1",
  claim: "Neuralink Interface (NIC-1) for up to 10⁴ concurrent human users",
  inputs: {},
  paperValue: 1e4,
  unit: "users per node",
  recompute() {
    return {
      recomputed: null,
      stated: { verdict: "untestable in software", why: "a specification of a custom ASIC (NIC-1) that is not described: no bandwidth, latency or channel figure from which a user count could be derived" },
      arithmetic: ["no bandwidth, latency or channel figure is given from which a user count could be derived"],
      explanation: "A product specification for a custom ASIC (NIC-1) that is not described; only the device could be tested.",
    };
  },
};
