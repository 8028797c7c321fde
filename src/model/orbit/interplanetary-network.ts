/**
 * The Earth–Mars network of §5.2 as a graph on real geometry: an Earth Walker shell with +Grid
 * inter-satellite links, a Mars areostationary ring linked to its neighbours, optional Sun–Earth
 * L4/L5 relays, and deep-space links from the Earth gateways to every Mars site and relay.
 *
 * Nodes: Earth satellites [0, NE), Mars sites [NE, NE + NM), relays after. At each time `update`
 * sets every link's state: up or down, and its delay, s.
 * - Earth ISLs: |r_b − r_a|/c at the instant (SGP4 TEME; the retarded correction is < |v|/c ≈
 *   3e-5 of a few ms), down when the Earth (radius + margin) blocks the line (isl.ts).
 * - Mars ring links: the same on the areostationary positions, blocked by Mars (radius + margin).
 * - Deep-space links (gateway → Mars site, gateway → relay, relay → Mars site): the light-time
 *   equation for a signal leaving the first end at the time, and `linkState`'s occultation by the
 *   Sun, Earth and Mars and its solar exclusion. The graph is undirected: the reverse leg's delay
 *   differs by < |v|/c ≈ 1e-4 relative.
 * Routing weights each usable link by its delay plus the per-hop processing time.
 */
import { Body, RotationAxis, type AstroTime } from "astronomy-engine";
import type { SatRec } from "satellite.js";
import { InputError } from "../../errors.js";
import { SPEED_OF_LIGHT_M_PER_S } from "../constants.js";
import {
  GM_MARS, MARS_EQUATORIAL_RADIUS_M, areostationarySite, baryPositionM, earthShellSite, linkState, sunEarthTrojanSite,
  type LinkBlock, type LinkOptions, type SitePosition,
} from "./interplanetary.js";
import { linkVisibility, plusGridLinks } from "./isl.js";
import { positionsAt, type WalkerShell } from "./walker.js";

/** Kinds of link, in the order they are listed. */
export const LINK_KINDS = ["earth-isl", "mars-ring", "gap", "earth-relay", "relay-mars", "mars-low"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Why a deep-space link is down, as a code (index) for numeric event data; 0 is "up". */
export const BLOCK_CAUSES = [null, "sun-exclusion", "sun", "earth", "mars"] as const satisfies readonly LinkBlock[];

/** Rank of each BLOCK_CAUSES code as the cause of a closed gap (higher wins): sun, sun-exclusion, mars, earth. */
const CAUSE_RANK = [0, 3, 4, 1, 2] as const;

export type RelayName = "sun-earth-L4" | "sun-earth-L5";

/** What the network is made of. */
export interface InterplanetaryNetworkOptions {
  readonly shell: WalkerShell;
  /** SGP4 records of the shell (walkerSatrecs) and their epoch. */
  readonly recs: readonly SatRec[];
  readonly epoch: AstroTime;
  readonly gateways: number;
  readonly marsSites: number;
  readonly marsLongitudeDeg: number;
  readonly relays: readonly RelayName[];
  readonly link: Required<LinkOptions>;
  /** An optional low Mars orbit ring (no deep-space terminals: it reaches Earth through the areostationary sites). */
  readonly marsLowOrbit?: { readonly sites: number; readonly altitudeKm: number; readonly inclinationDeg: number };
}

/**
 * Satellite k of `count` equally spaced on one circular low Mars orbit (two-body, no J2): radius
 * R♂ + altitude, mean motion √(GM♂/r³), ascending node on Mars's equator at the node of that
 * equator on the ICRF equator (x̂ = ẑ × n̂), inclination to Mars's equator, phase 2πk/count at `epoch`.
 */
export function marsLowOrbitSite(k: number, count: number, altitudeKm: number, inclinationDeg: number, epoch: AstroTime): SitePosition {
  if (!(Number.isInteger(count) && count >= 1 && Number.isInteger(k) && k >= 0 && k < count)) throw InputError.of("mars.lowOrbit.sites", `a site index in [0, ${count})`, k);
  if (!(altitudeKm >= 100 && altitudeKm <= 20_000)) throw InputError.of("mars.lowOrbit.altitudeKm", "an altitude in [100, 20000] km", altitudeKm);
  const r = MARS_EQUATORIAL_RADIUS_M + altitudeKm * 1000;
  const nRadS = Math.sqrt(GM_MARS / (r * r * r));
  const u0 = (2 * Math.PI * k) / count, inc = (inclinationDeg * Math.PI) / 180;
  const ci = Math.cos(inc), si = Math.sin(inc);
  return (time, out) => {
    const n = RotationAxis(Body.Mars, time).north;
    const xl = Math.hypot(n.x, n.y);
    const xx = -n.y / xl, xy = n.x / xl; // ẑ × n̂, normalised
    const yx = -n.z * xy, yy = n.z * xx, yz = n.x * xy - n.y * xx; // n̂ × x̂
    const u = u0 + nRadS * (time.tt - epoch.tt) * 86_400;
    const c = Math.cos(u) * r, s = Math.sin(u) * r;
    baryPositionM(Body.Mars, time, out);
    out[0] = out[0]! + c * xx + s * (ci * yx + si * n.x);
    out[1] = out[1]! + c * xy + s * (ci * yy + si * n.y);
    out[2] = out[2]! + s * (ci * yz + si * n.z);
    return out;
  };
}

/** Closest distance of segment a→b (flat xyz arrays at offsets ia, ib) to point p, m. */
function segmentDistance(x: Float64Array, ia: number, ib: number, p: Float64Array): number {
  const ax = x[ia]!, ay = x[ia + 1]!, az = x[ia + 2]!;
  const dx = x[ib]! - ax, dy = x[ib + 1]! - ay, dz = x[ib + 2]! - az;
  const len2 = dx * dx + dy * dy + dz * dz;
  const s = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((p[0]! - ax) * dx + (p[1]! - ay) * dy + (p[2]! - az) * dz) / len2));
  return Math.hypot(ax + s * dx - p[0]!, ay + s * dy - p[1]!, az + s * dz - p[2]!);
}

/** The network's nodes, links and per-time link state. */
export class InterplanetaryNetwork {
  readonly earthNodes: number;
  /** Mars nodes: the areostationary sites first (with deep-space terminals), then the low-orbit ring. */
  readonly marsNodes: number;
  readonly areostationaryNodes: number;
  readonly relayNodes: number;
  readonly nodes: number;
  /** Earth satellite index of each gateway. */
  readonly gatewayIndex: Int32Array;
  readonly marsSites: readonly SitePosition[];
  readonly relaySites: readonly SitePosition[];
  readonly gatewaySites: readonly SitePosition[];
  /** Undirected links as node pairs [a0, b0, a1, b1, …] and their kinds (index into LINK_KINDS). */
  readonly links: Int32Array;
  readonly linkKind: Uint8Array;
  /** Per link at the last `update`: 1 up / 0 down, delay s (NaN for a deep-space link not evaluated), and the cause code (BLOCK_CAUSES) of a deep-space link. */
  readonly linkUp: Uint8Array;
  readonly linkDelayS: Float64Array;
  readonly linkCause: Uint8Array;
  /** Directed CSR adjacency (both directions of each link) and the link behind each directed edge. */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly edgeLink: Int32Array;
  private readonly earthLinkCount: number;
  private readonly earthXyz: Float64Array;
  private readonly marsXyz: Float64Array;
  private readonly earthVis: Uint8Array;
  private readonly scratch = new Float64Array(3);

  constructor(readonly options: InterplanetaryNetworkOptions) {
    const { shell, recs, gateways, marsSites, relays } = options;
    if (recs.length !== shell.total) throw InputError.of("interplanetary.earth.nodes", `${recs.length} SGP4 records`, shell.total);
    if (!(Number.isInteger(gateways) && gateways >= 1 && gateways <= shell.total)) throw InputError.of("interplanetary.earth.gateways", `an integer in [1, ${shell.total}]`, gateways);
    this.earthNodes = shell.total;
    const low = options.marsLowOrbit?.sites ?? 0;
    this.areostationaryNodes = marsSites;
    this.marsNodes = marsSites + low;
    this.relayNodes = relays.length;
    this.nodes = this.earthNodes + this.marsNodes + this.relayNodes;
    this.gatewayIndex = Int32Array.from({ length: gateways }, (_, k) => Math.floor((k * shell.total) / gateways));
    this.gatewaySites = Array.from(this.gatewayIndex, (i) => earthShellSite(recs, i, options.epoch));
    const lo = options.marsLowOrbit;
    this.marsSites = [
      ...Array.from({ length: marsSites }, (_, k) => areostationarySite(k, marsSites, options.marsLongitudeDeg)),
      ...Array.from({ length: low }, (_, k) => marsLowOrbitSite(k, low, lo!.altitudeKm, lo!.inclinationDeg, options.epoch)),
    ];
    this.relaySites = relays.map((r) => sunEarthTrojanSite(r === "sun-earth-L4" ? 4 : 5));
    const pairs: number[] = [];
    const kinds: number[] = [];
    const add = (a: number, b: number, kind: LinkKind) => {
      pairs.push(a, b);
      kinds.push(LINK_KINDS.indexOf(kind));
    };
    const grid = plusGridLinks(shell.planes, shell.total / shell.planes);
    for (let k = 0; k < grid.length; k += 2) add(grid[k]!, grid[k + 1]!, "earth-isl");
    this.earthLinkCount = grid.length / 2;
    const m0 = this.earthNodes, r0 = m0 + this.marsNodes;
    if (marsSites === 2) add(m0, m0 + 1, "mars-ring");
    if (marsSites > 2) for (let k = 0; k < marsSites; k++) add(m0 + k, m0 + ((k + 1) % marsSites), "mars-ring");
    // The low ring: neighbours in the ring, and each satellite to every areostationary site.
    const l0 = m0 + marsSites;
    if (low === 2) add(l0, l0 + 1, "mars-low");
    if (low > 2) for (let k = 0; k < low; k++) add(l0 + k, l0 + ((k + 1) % low), "mars-low");
    for (let k = 0; k < low; k++) for (let m = 0; m < marsSites; m++) add(l0 + k, m0 + m, "mars-low");
    for (const g of this.gatewayIndex) for (let m = 0; m < marsSites; m++) add(g, m0 + m, "gap");
    for (const g of this.gatewayIndex) for (let r = 0; r < this.relayNodes; r++) add(g, r0 + r, "earth-relay");
    for (let r = 0; r < this.relayNodes; r++) for (let m = 0; m < marsSites; m++) add(r0 + r, m0 + m, "relay-mars");
    this.links = Int32Array.from(pairs);
    this.linkKind = Uint8Array.from(kinds);
    const L = kinds.length;
    this.linkUp = new Uint8Array(L);
    this.linkDelayS = new Float64Array(L);
    this.linkCause = new Uint8Array(L);
    // CSR: count degrees, then fill both directions of every link.
    this.offsets = new Int32Array(this.nodes + 1);
    for (let k = 0; k < 2 * L; k++) this.offsets[this.links[k]! + 1]!++;
    for (let u = 0; u < this.nodes; u++) this.offsets[u + 1] = this.offsets[u + 1]! + this.offsets[u]!;
    this.targets = new Int32Array(2 * L);
    this.edgeLink = new Int32Array(2 * L);
    const fill = this.offsets.slice(0, this.nodes);
    for (let l = 0; l < L; l++) {
      const a = this.links[2 * l]!, b = this.links[2 * l + 1]!;
      this.targets[fill[a]!] = b; this.edgeLink[fill[a]!++] = l;
      this.targets[fill[b]!] = a; this.edgeLink[fill[b]!++] = l;
    }
    this.earthXyz = new Float64Array(3 * this.earthNodes);
    this.marsXyz = new Float64Array(3 * this.marsNodes);
    this.earthVis = new Uint8Array(this.earthLinkCount);
  }

  /** Node index of Mars site k / relay k. */
  marsNode(k: number): number {
    return this.earthNodes + k;
  }

  relayNode(k: number): number {
    return this.earthNodes + this.marsNodes + k;
  }

  /** Set every link's state at `time` (emission time for deep-space links). */
  update(time: AstroTime): void {
    const c = SPEED_OF_LIGHT_M_PER_S;
    // Earth ISLs: SGP4 positions (TEME) relative to Earth's centre.
    positionsAt(this.options.recs, (time.ut - this.options.epoch.ut) * 1440, this.earthXyz);
    linkVisibility(this.links.subarray(0, 2 * this.earthLinkCount), this.earthXyz, this.earthVis);
    for (let l = 0; l < this.earthLinkCount; l++) {
      const a = 3 * this.links[2 * l]!, b = 3 * this.links[2 * l + 1]!, x = this.earthXyz;
      this.linkUp[l] = this.earthVis[l]!;
      this.linkDelayS[l] = Math.hypot(x[b]! - x[a]!, x[b + 1]! - x[a + 1]!, x[b + 2]! - x[a + 2]!) / c;
      this.linkCause[l] = this.earthVis[l] === 1 ? 0 : BLOCK_CAUSES.indexOf("earth");
    }
    // Mars ring: barycentric positions at the same instant, blocked by Mars.
    for (let k = 0; k < this.marsNodes; k++) this.marsSites[k]!(time, this.marsXyz.subarray(3 * k, 3 * k + 3));
    const mars = baryPositionM(Body.Mars, time, this.scratch);
    const marsR = MARS_EQUATORIAL_RADIUS_M + this.options.link.atmosphereMarginM;
    const L = this.linkKind.length;
    for (let l = this.earthLinkCount; l < L; l++) {
      const kind = LINK_KINDS[this.linkKind[l]!]!;
      const a = this.links[2 * l]!, b = this.links[2 * l + 1]!;
      if (kind === "mars-ring" || kind === "mars-low") {
        const ia = 3 * (a - this.earthNodes), ib = 3 * (b - this.earthNodes), x = this.marsXyz;
        const up = segmentDistance(x, ia, ib, mars) >= marsR;
        this.linkUp[l] = up ? 1 : 0;
        this.linkCause[l] = up ? 0 : BLOCK_CAUSES.indexOf("mars");
        this.linkDelayS[l] = Math.hypot(x[ib]! - x[ia]!, x[ib + 1]! - x[ia + 1]!, x[ib + 2]! - x[ia + 2]!) / c;
        continue;
      }
      const st = linkState(this.siteOf(a), this.siteOf(b), time, this.options.link);
      this.linkUp[l] = st.blockedBy === null ? 1 : 0;
      this.linkCause[l] = BLOCK_CAUSES.indexOf(st.blockedBy);
      this.linkDelayS[l] = st.lightTimeS;
    }
  }

  /** The site of a node with a deep-space terminal (gateway, Mars site, relay). */
  siteOf(node: number): SitePosition {
    if (node < this.earthNodes) {
      const g = this.gatewayIndex.indexOf(node);
      if (g < 0) throw new Error(`pqms internal assertion: Earth node ${node} is not a gateway`);
      return this.gatewaySites[g]!;
    }
    if (node < this.earthNodes + this.marsNodes) return this.marsSites[node - this.earthNodes]!;
    return this.relaySites[node - this.earthNodes - this.marsNodes]!;
  }

  /** Directed edge weights for routing: delay + processing where up, +∞ where down, into `out`. */
  edgeWeights(processingS: number, out: Float64Array): Float64Array {
    for (let k = 0; k < this.edgeLink.length; k++) {
      const l = this.edgeLink[k]!;
      out[k] = this.linkUp[l] === 1 ? this.linkDelayS[l]! + processingS : Infinity;
    }
    return out;
  }

  /** Links of `kind` that are up now. */
  upCount(kind: LinkKind): number {
    const code = LINK_KINDS.indexOf(kind);
    let n = 0;
    for (let l = 0; l < this.linkKind.length; l++) if (this.linkKind[l] === code && this.linkUp[l] === 1) n++;
    return n;
  }

  /**
   * The first path gateway → relay → Mars site whose two links are up now (relays, then gateways,
   * then Mars sites in index order), as node indices; null when none.
   */
  relayPath(): { readonly gateway: number; readonly relay: number; readonly mars: number } | null {
    const er = LINK_KINDS.indexOf("earth-relay"), rm = LINK_KINDS.indexOf("relay-mars");
    for (let r = 0; r < this.relayNodes; r++) {
      const relay = this.relayNode(r);
      let gateway = -1, mars = -1;
      for (let l = 0; l < this.linkKind.length && (gateway < 0 || mars < 0); l++) {
        if (this.linkUp[l] !== 1) continue;
        if (gateway < 0 && this.linkKind[l] === er && this.links[2 * l + 1] === relay) gateway = this.links[2 * l]!;
        if (mars < 0 && this.linkKind[l] === rm && this.links[2 * l] === relay) mars = this.links[2 * l + 1]!;
      }
      if (gateway >= 0 && mars >= 0) return { gateway, relay, mars };
    }
    return null;
  }

  /**
   * Whether some gateway reaches some Mars site now, directly or through one relay (the gap is
   * open); when not, the cause code that closes it: the Sun (disc, then exclusion) when it blocks
   * any direct link, since it blocks them all alike, else Mars, else Earth (a gateway's own planet).
   */
  gapState(): { readonly open: boolean; readonly cause: number } {
    if (this.upCount("gap") > 0) return { open: true, cause: 0 };
    const relayUp = new Uint8Array(this.relayNodes * 2); // [earth side, mars side] per relay
    const r0 = this.earthNodes + this.marsNodes;
    let firstCause = 0; // the highest-ranked cause over the direct links
    for (let l = 0; l < this.linkKind.length; l++) {
      const kind = LINK_KINDS[this.linkKind[l]!]!;
      if (kind === "gap" && CAUSE_RANK[this.linkCause[l]!]! > CAUSE_RANK[firstCause]!) firstCause = this.linkCause[l]!;
      if (this.linkUp[l] !== 1) continue;
      if (kind === "earth-relay") relayUp[2 * (this.links[2 * l + 1]! - r0)] = 1;
      if (kind === "relay-mars") relayUp[2 * (this.links[2 * l]! - r0) + 1] = 1;
    }
    for (let r = 0; r < this.relayNodes; r++) if (relayUp[2 * r] === 1 && relayUp[2 * r + 1] === 1) return { open: true, cause: 0 };
    return { open: false, cause: firstCause };
  }
}
