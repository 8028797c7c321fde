/**
 * What a run's fault events say at a time (failovers, reloads and CMEs, recorded by the
 * mesh run's `faults` section): the SMC leader and SMCs down (`leaderChange {leader}`,
 * `smcCrash/smcRestart {smc}`), failed nodes (`nodeFail`/`nodeLost {node}` until `reload {node}`),
 * and CME regions (`stormStart/stormEnd {cme}`; with `centerNode` the halo spreads ring by ring,
 * `ringEveryNs` apart, else it covers the nodes the live frames flag). Pure: no DOM, so the
 * reducer is tested on synthetic events (test/web/fault-state.test.ts).
 */
/** One recorded event (structurally api.ts's RunEvent; kept here so the reducer has no DOM imports). */
export interface RunEvent { tNs: number; kind: string; data: Record<string, number> }

export interface Storm { cme: number; startNs: number; endNs: number | undefined; centerNode: number | undefined; rings: number; ringEveryNs: number }

export interface FaultState {
  /** Index of the SMC leading Raft, −1 while none is known. */
  leader: number;
  smcDown: Set<number>;
  /** Failed nodes (awaiting a spare or lost). */
  failed: Set<number>;
  storms: Map<number, Storm>;
  failovers: number;
  reloads: number;
}

export function newFaultState(): FaultState {
  return { leader: -1, smcDown: new Set(), failed: new Set(), storms: new Map(), failovers: 0, reloads: 0 };
}

/** Fold one event (in time order) into the state; events of other kinds are ignored. */
export function applyFaultEvent(s: FaultState, e: RunEvent): void {
  const d = e.data;
  switch (e.kind) {
    case "leaderChange": s.leader = d.leader ?? -1; break;
    case "smcCrash": if (d.smc !== undefined) s.smcDown.add(d.smc); if (d.smc === s.leader) s.leader = -1; break;
    case "smcRestart": if (d.smc !== undefined) s.smcDown.delete(d.smc); break;
    case "leaderFailover": s.failovers++; break;
    case "nodeFail": case "nodeLost": if (d.node !== undefined) s.failed.add(d.node); break;
    case "reload": if (d.node !== undefined) { s.failed.delete(d.node); s.reloads++; } break;
    case "stormStart": {
      const cme = d.cme ?? s.storms.size;
      s.storms.set(cme, { cme, startNs: e.tNs, endNs: undefined, centerNode: d.centerNode, rings: Math.max(1, d.rings ?? 1), ringEveryNs: d.ringEveryNs ?? 0 });
      break;
    }
    case "stormEnd": { const st = s.storms.get(d.cme ?? -1); if (st) st.endNs = e.tNs; break; }
    default: break;
  }
}

/** The state after every event at or before `atNs` (events in time order). */
export function faultStateAt(events: readonly RunEvent[], atNs: number): FaultState {
  const s = newFaultState();
  for (const e of events) { if (e.tNs > atNs) break; applyFaultEvent(s, e); }
  return s;
}

/**
 * CME halos at `atNs`: each active storm with a known centre, its radius the rings reached so far
 * (one more every `ringEveryNs`, all at once when 0) times `ringKm`, the spacing of +Grid rings.
 */
export function cmeHalos(s: FaultState, atNs: number, ringKm: number): Array<{ centerNode: number; radiusKm: number }> {
  const out: Array<{ centerNode: number; radiusKm: number }> = [];
  for (const st of s.storms.values()) {
    if (st.centerNode === undefined || atNs < st.startNs || (st.endNs !== undefined && atNs >= st.endNs)) continue;
    const reached = st.ringEveryNs > 0 ? Math.min(st.rings, 1 + Math.floor((atNs - st.startNs) / st.ringEveryNs)) : st.rings;
    out.push({ centerNode: st.centerNode, radiusKm: reached * ringKm });
  }
  return out;
}
