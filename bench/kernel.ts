/**
 * The bare event kernel: events per second through `Kernel` (schedule, pop in (time, seq) order,
 * dispatch on the kind, every event folded into the FNV-1a 64 fingerprint), through its kind API
 * (no object per event) and its object API (the same events, so the same fingerprint), beside a Python
 * heapq loop doing the same work (push and pop (time, seq, kind, data) tuples, dispatch through a
 * dict of handlers, fold each event into a running hash), measured in the same run.
 *
 * The workload: `--flows` independent arrival chains (1024 by default, so the heap holds about
 * that many events); each event is an "arrival" or a "departure" of one flow, and its handler
 * schedules the flow's next event a pseudo-random delay later (an LCG on the flow's own state,
 * the same in both languages, so both process the same event sequence).
 *
 * Run: npx tsx bench/kernel.ts [--events 2000000] [--flows 1024] [--reps 5]
 */
import { Kernel } from "../src/sim/kernel.js";
import { median, numberArg as arg, runPython } from "./lib.js";

const EVENTS = arg("--events", 2_000_000);
const FLOWS = arg("--flows", 1024);
const REPS = arg("--reps", 5);

/** Next pseudo-random delay of a flow, 1..1024 ns (31-bit LCG, exact in doubles). */
function delay(state: Float64Array, flow: number): number {
  const s = (state[flow]! * 1103515245 + 12345) % 2147483648;
  state[flow] = s;
  return 1 + (s % 1024);
}

/** The object API: `schedule(at, kind, {flow})` and `next()` (one SimEvent and one payload per event). */
function oursObjects(): { rate: number; fingerprint: string } {
  const k = new Kernel(FLOWS + 16);
  const state = new Float64Array(FLOWS);
  for (let f = 0; f < FLOWS; f++) {
    state[f] = f;
    k.schedule(delay(state, f), "arrival", { flow: f });
  }
  let departures = 0;
  const t0 = performance.now();
  for (let n = 0; n < EVENTS; n++) {
    const ev = k.next()!;
    const flow = ev.data.flow!;
    switch (ev.kind) {
      case "arrival":
        k.scheduleIn(delay(state, flow), "departure", { flow });
        break;
      case "departure":
        departures++;
        k.scheduleIn(delay(state, flow), "arrival", { flow });
        break;
    }
  }
  const s = (performance.now() - t0) / 1e3;
  if (departures === 0) throw new Error("no departures processed");
  return { rate: EVENTS / s, fingerprint: k.fingerprint() };
}

/** The kind API: kinds registered once, `scheduleKindIn(delay, id, flow)` and `nextKind()`; no object per event. */
function oursKinds(): { rate: number; fingerprint: string } {
  const k = new Kernel(FLOWS + 16);
  const ARRIVAL = k.kind("arrival", ["flow"]);
  const DEPARTURE = k.kind("departure", ["flow"]);
  const state = new Float64Array(FLOWS);
  for (let f = 0; f < FLOWS; f++) {
    state[f] = f;
    k.scheduleKind(delay(state, f), ARRIVAL, f);
  }
  let departures = 0;
  const t0 = performance.now();
  for (let n = 0; n < EVENTS; n++) {
    const kind = k.nextKind();
    const flow = k.field(0);
    if (kind === ARRIVAL) {
      k.scheduleKindIn(delay(state, flow), DEPARTURE, flow);
    } else if (kind === DEPARTURE) {
      departures++;
      k.scheduleKindIn(delay(state, flow), ARRIVAL, flow);
    }
  }
  const s = (performance.now() - t0) / 1e3;
  if (departures === 0) throw new Error("no departures processed");
  return { rate: EVENTS / s, fingerprint: k.fingerprint() };
}

const PY = String.raw`
import heapq, time, json
EVENTS, FLOWS, REPS = ${EVENTS}, ${FLOWS}, ${REPS}
def run():
    state = list(range(FLOWS))
    def delay(f):
        s = (state[f] * 1103515245 + 12345) % 2147483648
        state[f] = s
        return 1 + s % 1024
    h = []; seq = 0; now = 0; fp = 0; deps = [0]
    for f in range(FLOWS):
        heapq.heappush(h, (delay(f), seq, 'arrival', {'flow': f})); seq += 1
    def arrival(d):
        nonlocal seq
        heapq.heappush(h, (now + delay(d['flow']), seq, 'departure', {'flow': d['flow']})); seq += 1
    def departure(d):
        nonlocal seq
        deps[0] += 1
        heapq.heappush(h, (now + delay(d['flow']), seq, 'arrival', {'flow': d['flow']})); seq += 1
    handlers = {'arrival': arrival, 'departure': departure}
    t0 = time.perf_counter()
    for _ in range(EVENTS):
        t, s, kind, d = heapq.heappop(h)
        now = t
        fp = hash((fp, t, kind, d['flow']))
        handlers[kind](d)
    return EVENTS / (time.perf_counter() - t0)
rates = sorted(run() for _ in range(REPS))
print(json.dumps({"rate": rates[len(rates) // 2]}))
`;

const rates: number[] = [];
const objectRates: number[] = [];
let fingerprint = "";
for (let r = 0; r < REPS + 1; r++) {
  const o = oursKinds();
  const b = oursObjects();
  if (r > 0) {
    // the first run warms the JIT
    rates.push(o.rate);
    objectRates.push(b.rate);
  }
  if (fingerprint && o.fingerprint !== fingerprint) throw new Error("the same run gave two fingerprints");
  if (b.fingerprint !== o.fingerprint) throw new Error("the kind and object APIs folded different events");
  fingerprint = o.fingerprint;
}
const mine = median(rates);
const mineObjects = median(objectRates);
const py = runPython<{ rate: number }>(["-c", PY]);
console.log(`event kernel: ${EVENTS} events, ${FLOWS} flows pending (schedule, pop, dispatch, fingerprint ${fingerprint})`);
console.log(`  pqms Kernel (kind API: scheduleKind/nextKind): median ${(mine / 1e6).toFixed(3)}·10^6 events/s (target ≥ 2·10^6)`);
console.log(`  pqms Kernel (object API: schedule/next):        median ${(mineObjects / 1e6).toFixed(3)}·10^6 events/s`);
if (py.ok) {
  console.log(`  anchor python heapq loop: median ${(py.value.rate / 1e6).toFixed(3)}·10^6 events/s`);
  console.log(`  ratio pqms/anchor = ${(mine / py.value.rate).toFixed(2)} (kind API), ${(mineObjects / py.value.rate).toFixed(2)} (object API); above 1 we are faster`);
} else console.log(`  anchor unavailable: ${py.why}`);
