/**
 * The synchronisation tree: breadth-first from a reference node over the usable links (+Grid
 * ISLs clear of the Earth), each node synchronising to its BFS parent. Residuals add up hop by
 * hop, so the tree's depth sets how the error grows across the shell. Deterministic: neighbours
 * are visited in ascending id order. Nodes the root cannot reach get parent −1 and depth −1
 * (they run free).
 */
import { InputError } from "../../errors.js";

export interface SyncTree {
  readonly root: number;
  readonly parent: Int32Array;
  readonly depth: Int32Array;
  /** Nodes in BFS order (root first, unreachable nodes absent). */
  readonly order: Int32Array;
  readonly maxDepth: number;
}

/** BFS tree over undirected links [a0, b0, a1, b1, …] whose `usable[k]` is 1. */
export function syncTree(nodes: number, links: Int32Array, usable: Uint8Array, root = 0): SyncTree {
  if (!(Number.isInteger(root) && root >= 0 && root < nodes)) throw InputError.of("umt.root", `a node id in [0, ${nodes})`, root);
  const deg = new Int32Array(nodes + 1);
  const m = links.length / 2;
  for (let k = 0; k < m; k++) if (usable[k]) { deg[links[2 * k]! + 1]!++; deg[links[2 * k + 1]! + 1]!++; }
  for (let i = 0; i < nodes; i++) deg[i + 1] = deg[i + 1]! + deg[i]!;
  const adj = new Int32Array(deg[nodes]!);
  const fill = deg.slice(0, nodes);
  for (let k = 0; k < m; k++) {
    if (!usable[k]) continue;
    const a = links[2 * k]!, b = links[2 * k + 1]!;
    adj[fill[a]!++] = b;
    adj[fill[b]!++] = a;
  }
  for (let i = 0; i < nodes; i++) adj.subarray(deg[i]!, deg[i + 1]!).sort();
  const parent = new Int32Array(nodes).fill(-1);
  const depth = new Int32Array(nodes).fill(-1);
  const order = new Int32Array(nodes);
  let head = 0, tail = 0, maxDepth = 0;
  order[tail++] = root;
  depth[root] = 0;
  while (head < tail) {
    const u = order[head++]!;
    for (let p = deg[u]!; p < deg[u + 1]!; p++) {
      const v = adj[p]!;
      if (depth[v]! >= 0) continue;
      depth[v] = depth[u]! + 1;
      parent[v] = u;
      maxDepth = Math.max(maxDepth, depth[v]!);
      order[tail++] = v;
    }
  }
  return { root, parent, depth, order: order.slice(0, tail), maxDepth };
}
