import { twinFailover, TECHNOLOGY_DEFAULT } from "./src/experiments/improve/index.js";
for (const nodes of [1000, 100000]) {
  const t0 = performance.now();
  const r = twinFailover(TECHNOLOGY_DEFAULT, { nodes });
  console.log(nodes, performance.now() - t0, JSON.stringify({ ...r, sites: undefined }, null, 1));
}
