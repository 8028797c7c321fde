/**
 * `npm run bench [-- name … [--flag value …]]`: run the benchmarks one after another (each in its
 * own process, so one's heap and JIT state do not colour the next; flags passed to each) and print
 * their output as they go. Every
 * benchmark prints our median beside its anchor (numpy/scipy/QuTiP via /usr/bin/python3, measured
 * in the same run) and the ratio. Numbers from a loaded machine are noisy: compare ratios.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const all = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && f !== "index.ts" && f !== "lib.ts" && !f.endsWith(".lib.ts"))
  .map((f) => f.slice(0, -3))
  .sort();
// Names pick benchmarks; flags (`--duration 1e-7`: a flag and its value) go to each one run.
const asked: string[] = [];
const flags: string[] = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (!a.startsWith("-")) asked.push(a);
  else {
    flags.push(a);
    const v = argv[i + 1];
    if (v !== undefined && !a.includes("=") && (!v.startsWith("-") || Number.isFinite(Number(v)))) flags.push(argv[++i]!);
  }
}
const unknown = asked.filter((a) => !all.includes(a));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown benchmark ${unknown.join(", ")}; expected one of ${all.join(", ")}\n`);
  process.exit(2);
}
let failed = 0;
for (const name of asked.length > 0 ? asked : all) {
  process.stdout.write(`\n=== bench/${name}.ts ===\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", `${here}${name}.ts`, ...flags], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
