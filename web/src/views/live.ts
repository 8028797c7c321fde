/**
 * Live run: streaming charts and the constellation view of one run. A running run streams over
 * SSE; a recorded one is replayed: play/pause and a time scrubber move a cursor through it.
 */
import { api, streamUrl, type Layout, type RunEvent, type Snapshot, type Update, type RunSummary } from "../api.js";
import { ChartBoard } from "../chart-board.js";
import { h, fmt, fmtTime } from "../dom.js";
import { Globe, STATE_FAILED, STATE_OK, STATE_VETO } from "../globe.js";
import { COLORS } from "../metrics.js";
import { applyFaultEvent, cmeHalos, faultStateAt, newFaultState, type FaultState } from "../fault-state.js";
import { decodeNodeFrame, FLAG_FAILED, FLAG_STORM } from "../node-frame.js";

export async function liveView(main: HTMLElement, runId: string | undefined): Promise<() => void> {
  if (runId === undefined) return pickRun(main);
  const status = h("p", { class: "status", "aria-live": "polite" }, "connecting…");
  const updatesEl = h("span", { id: "live-updates" }, "0");
  const tEl = h("span", { id: "live-t" }, "—");
  const stopBtn = h("button", { type: "button", class: "danger" }, "Stop run");
  const playBtn = h("button", { type: "button", "aria-pressed": "false" }, "▶ Play");
  const scrub = h("input", { type: "range", min: "0", max: "1000", value: "1000", "aria-label": "Time scrubber" }) as HTMLInputElement;
  const linksBox = h("input", { type: "checkbox", id: "links", checked: true }) as HTMLInputElement;
  const globe = new Globe();
  const board = new ChartBoard((spec) => [{ name: spec.key, color: COLORS[0]! }]);
  const legend = h("p", { class: "legend" },
    h("span", { class: "sw ok" }), "RCF to ODOS ≈ 1 (ΔE ≪ threshold) ", h("span", { class: "sw warn" }), "ΔE → threshold ", h("span", { class: "sw veto" }), "vetoed ",
    h("span", { class: "sw failed" }), "failed ", h("span", { class: "sw storm" }), "CME region ", h("span", { class: "sw smc" }), "SMC (distance compressed; gold: Raft leader)");
  const faultsEl = h("p", { class: "muted", id: "live-faults" });
  main.replaceChildren(
    h("section", { class: "panel" },
      h("h2", {}, "Run ", h("code", {}, runId)),
      status,
      h("p", { class: "muted" }, "simulated ", tEl, " · updates received ", updatesEl),
      h("div", { class: "controls" }, stopBtn, playBtn, scrub, h("label", { for: "links" }, linksBox, " links"))),
    h("div", { class: "live-grid" },
      h("section", { class: "panel globe-panel", "aria-label": "Constellation" }, h("h2", {}, "Constellation"), globe.el, legend, faultsEl),
      h("section", { class: "panel", "aria-label": "Charts" }, board.el)),
  );

  const series = new Map<string, { t: number[]; v: number[] }>();
  let events: RunEvent[] = [];
  let run: RunSummary | undefined;
  let threshold = 0.05;
  let durationNs = 1;
  let tNs = 0;
  let updates = 0;
  let cursorNs: number | undefined;
  let playing = false;
  let lastVeto = new Float64Array(0);
  let vetoDe = new Float32Array(0);
  // Live per-node frames (each node's own ΔE = 1 − RCF to ODOS, failed/storm flags), when the model has them.
  let nodeDe = new Float32Array(0);
  let nodeFlags = new Uint8Array(0);
  let haveFrame = false;
  let nodeFrames = 0;
  let faults: FaultState = newFaultState();
  let ringKm = 500;
  let smcNames: string[] = [];

  const ensureCharts = () => {
    for (const [spec, c] of board.ensure([...series.keys()])) {
      const s = series.get(spec.key);
      if (s) c.set(spec.key, s.t, s.v);
    }
  };
  const addSample = (t: number, metrics: Record<string, number>) => {
    for (const [k, v] of Object.entries(metrics)) {
      let s = series.get(k);
      if (!s) series.set(k, (s = { t: [], v: [] }));
      s.t.push(t); s.v.push(v);
      board.get(k)?.push(k, t, v);
    }
  };
  const applyEvent = (e: RunEvent) => {
    const i = e.data.node;
    if (i === undefined || i < 0 || i >= lastVeto.length) return;
    if (e.kind === "veto") { lastVeto[i] = e.tNs; vetoDe[i] = e.data.deltaE ?? threshold; }
  };
  const showFaults = (at: number) => {
    globe.leader = faults.leader;
    globe.smcDown = faults.smcDown;
    globe.cmes = cmeHalos(faults, at, ringKm);
    const parts = [];
    if (faults.leader >= 0) parts.push(`SMC leader ${smcNames[faults.leader] ?? faults.leader}`);
    if (faults.smcDown.size > 0) parts.push(`SMCs down ${faults.smcDown.size}`);
    if (faults.failed.size > 0 || faults.reloads > 0) parts.push(`failed nodes ${faults.failed.size} · reloads ${faults.reloads}`);
    if (faults.failovers > 0) parts.push(`leader failovers ${faults.failovers}`);
    const storms = [...faults.storms.values()].filter((s) => at >= s.startNs && (s.endNs === undefined || at < s.endNs)).length;
    if (storms > 0) parts.push(`CME storms active ${storms}`);
    faultsEl.textContent = parts.join(" · ");
  };
  /**
   * Node colours at time `at`. Live, with node frames: each node's own ΔE/threshold, failed and
   * storm flags from the model. Otherwise (a replay) from the events: a veto shows for 5% of the
   * run and fades, failed from nodeFail/nodeLost until the reload.
   */
  const paint = (at: number) => {
    const hold = durationNs * 0.05;
    const live = haveFrame && cursorNs === undefined && nodeDe.length === globe.state.length;
    for (let i = 0; i < globe.state.length; i++) {
      const lv = lastVeto[i]!;
      const failed = live ? (nodeFlags[i]! & FLAG_FAILED) !== 0 : faults.failed.has(i);
      if (failed) globe.state[i] = STATE_FAILED;
      else if (lv >= 0 && lv <= at && at - lv < hold) globe.state[i] = STATE_VETO;
      else globe.state[i] = STATE_OK;
      globe.level[i] = live ? nodeDe[i]! / threshold
        : lv >= 0 && lv <= at ? Math.max(0, 1 - (at - lv) / (4 * hold)) * Math.min(1, vetoDe[i]! / threshold) : 0;
      globe.storm[i] = live && (nodeFlags[i]! & FLAG_STORM) !== 0 ? 1 : 0;
    }
    showFaults(at);
  };
  const replayTo = (at: number) => {
    lastVeto.fill(-1);
    for (const e of events) { if (e.tNs > at) break; applyEvent(e); }
    faults = faultStateAt(events, at);
    paint(at);
    for (const c of board.all()) c.cursor(at);
    tEl.textContent = `${fmtTime(at)} of ${fmtTime(durationNs)}`;
  };
  const setupNodes = async (n: number) => {
    lastVeto = new Float64Array(n).fill(-1); vetoDe = new Float32Array(n);
    nodeDe = new Float32Array(n); nodeFlags = new Uint8Array(n);
    const layout = await api<Layout>(`/api/runs/${runId}/constellation`);
    globe.setLayout(layout);
    // +Grid rings around a CME centre are one in-plane node spacing apart.
    ringKm = (2 * Math.PI * (6371 + layout.altitudeKm)) / Math.max(1, layout.perPlane);
    smcNames = layout.smcs.map((s) => s.name);
    linksBox.checked = globe.showLinks;
    globe.start();
  };

  const es = new EventSource(streamUrl(`/api/runs/${runId}/stream`));
  es.addEventListener("snapshot", (m) => {
    const s = JSON.parse((m as MessageEvent).data as string) as Snapshot;
    run = s.run; threshold = s.thresholds.deltaE; durationNs = s.run.durationNs; tNs = s.tNs; events = s.events;
    for (const [k, v] of Object.entries(s.metrics)) series.set(k, { t: v.tNs.slice(), v: v.value.slice() });
    ensureCharts();
    status.textContent = `${s.run.name} · seed ${s.run.seed} · ${s.run.nodes} nodes · ${s.run.status}${s.run.live ? " (live)" : ""}`;
    stopBtn.hidden = !s.run.live;
    void setupNodes(s.nodes).then(() => { for (const e of events) applyEvent(e); faults = faultStateAt(events, tNs); paint(tNs); });
    tEl.textContent = `${fmtTime(tNs)} of ${fmtTime(durationNs)}`;
  });
  es.addEventListener("update", (m) => {
    const u = JSON.parse((m as MessageEvent).data as string) as Update;
    updates++;
    updatesEl.textContent = String(updates);
    tNs = u.tNs;
    for (const s of u.samples) addSample(s.tNs, s.metrics);
    ensureCharts();
    for (const e of u.events) { events.push(e); applyEvent(e); applyFaultEvent(faults, e); }
    if (u.nodes && u.nodes.nodes === nodeDe.length) { decodeNodeFrame(u.nodes, nodeDe, nodeFlags); haveFrame = true; document.body.dataset.nodeFrames = String(++nodeFrames); }
    if (events.length > 20000) events = events.slice(-10000);
    if (cursorNs === undefined) { paint(tNs); tEl.textContent = `${fmtTime(tNs)} of ${fmtTime(durationNs)}`; scrub.value = String(Math.round((1000 * tNs) / durationNs)); }
  });
  es.addEventListener("end", (m) => {
    const st = (JSON.parse((m as MessageEvent).data as string) as { status: string }).status;
    status.textContent = `${run?.name ?? runId} · ${st} · ${updates} live updates`;
    stopBtn.hidden = true;
    es.close();
    document.body.dataset.runEnded = st;
    // A recorded run: load every event for the scrubber.
    void api<{ events: RunEvent[] }>(`/api/runs/${runId}/events?limit=10000`).then((r) => { events = r.events; });
  });
  es.onerror = () => { if (es.readyState === EventSource.CLOSED) status.textContent = "stream closed"; };

  stopBtn.addEventListener("click", () => { void api(`/api/runs/${runId}/stop`, { method: "POST" }).catch((e: Error) => (status.textContent = e.message)); });
  scrub.addEventListener("input", () => {
    cursorNs = (Number(scrub.value) / 1000) * Math.max(tNs, 1);
    replayTo(cursorNs);
  });
  let playTimer = 0;
  playBtn.addEventListener("click", () => {
    playing = !playing;
    playBtn.textContent = playing ? "❚❚ Pause" : "▶ Play";
    playBtn.setAttribute("aria-pressed", String(playing));
    if (playing) {
      if (Number(scrub.value) >= 1000) scrub.value = "0";
      playTimer = window.setInterval(() => {
        const v = Math.min(1000, Number(scrub.value) + 5);
        scrub.value = String(v);
        cursorNs = (v / 1000) * Math.max(tNs, 1);
        replayTo(cursorNs);
        if (v >= 1000) playBtn.click();
      }, 50);
    } else window.clearInterval(playTimer);
  });
  linksBox.addEventListener("change", () => (globe.showLinks = linksBox.checked));
  return () => { es.close(); globe.stop(); window.clearInterval(playTimer); };
}

async function pickRun(main: HTMLElement): Promise<() => void> {
  const { runs } = await api<{ runs: RunSummary[] }>("/api/runs");
  const live = runs.filter((r) => r.live);
  main.replaceChildren(h("section", { class: "panel" }, h("h2", {}, "Live run"),
    live.length === 0 ? h("p", {}, "No run is live. Start one from ", h("a", { href: "#/editor" }, "Scenario"), ", or open a recorded one in ", h("a", { href: "#/history" }, "History"), ".")
      : h("ul", {}, ...live.map((r) => h("li", {}, h("a", { href: `#/live/${r.id}` }, `${r.id} — ${r.name}`), ` ${fmt(r.simTNs / r.durationNs * 100, 3)}%`)))));
  return () => undefined;
}

/**
 * #/constellation/<nodes>: the shell alone at any size (up to 10^5), nodes given a spread of
 * states so every colour shows. Used to explore the geometry and to measure the view's frame rate.
 */
export async function constellationView(main: HTMLElement, nodesArg: string | undefined): Promise<() => void> {
  const nodes = Math.max(1, Math.min(100_000, Number(nodesArg ?? "10000") || 10_000));
  const layout = await api<Layout>(`/api/constellation?nodes=${nodes}&clusterSize=125`);
  const globe = new Globe();
  const fpsEl = h("span", { id: "fps" }, "—");
  main.replaceChildren(h("section", { class: "panel globe-panel" },
    h("h2", {}, `Constellation: ${layout.nodes} nodes in ${layout.planes} planes of ${layout.perPlane}, ${layout.altitudeKm} km`),
    h("p", { class: "muted" }, "frame rate ", fpsEl, " fps · arrow keys turn, space pauses"), globe.el));
  globe.setLayout(layout);
  // A deterministic spread of states (not a simulation): every 97th node vetoed, every 211th failed,
  // every 53rd in a CME region; SMC 0 leads.
  for (let i = 0; i < nodes; i++) {
    globe.level[i] = (i % 17) / 17;
    globe.state[i] = i % 211 === 0 ? STATE_FAILED : i % 97 === 0 ? STATE_VETO : STATE_OK;
    globe.storm[i] = i % 53 === 0 ? 1 : 0;
  }
  globe.leader = 0;
  globe.cmes = [{ centerNode: Math.floor(nodes / 3), radiusKm: 1500 }];
  globe.start();
  let alive = true;
  void (async () => { while (alive) fpsEl.textContent = (await globe.measureFps(1000)).toFixed(0); })();
  return () => { alive = false; globe.stop(); };
}
