/**
 * The paper's mesh for a microsecond: `pqms run scenarios/planetary-1e5.yaml --set
 * run.durationS=1e-6 --set run.sampleEveryS=1e-8` (10^5 nodes, d = 12, 1000 ticks of
 * mesh.substeps coupling steps each, a hierarchical coherence sample every 10 ns, checkpoints as
 * the scenario says) as a user runs it: the CLI in a child process, its wall time and peak RSS.
 * The anchor, measured in the same run: the numpy vectorised tick (bench/mesh-numpy.ts) at the
 * same N and d, its median × the run's ticks ("1000 numpy ticks"), and × ticks × substeps (the
 * same number of coupling steps as the run).
 *
 * Run: npx tsx bench/planetary.ts [--duration 1e-6] [--sample 1e-8] [--anchor-ticks 5]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { numberArg as arg } from "./lib.js";
import { numpyMeshTick } from "./mesh-numpy.js";
import { loadScenario } from "../src/store/scenario-file.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const scenarioFile = join(root, "scenarios/planetary-1e5.yaml");
const duration = arg("--duration", 1e-6);
const sample = arg("--sample", 1e-8);
const sc = loadScenario(scenarioFile).scenario;
const ticks = Math.round(duration / sc.run.tickS);
const substeps = sc.mesh.substeps;

const a = numpyMeshTick(sc.mesh.nodes, sc.mesh.dim, arg("--anchor-ticks", 5), sc.run.tickS / substeps);

const dir = mkdtempSync(join(tmpdir(), "pqms-bench-"));
try {
  const args = ["-f", "%e %M", process.execPath, "--import", "tsx", join(root, "src/cli/main.ts"), "run", scenarioFile,
    "--set", `run.durationS=${duration}`, "--set", `run.sampleEveryS=${sample}`, "--db", join(dir, "runs.db"), "--no-report", "--json"];
  const p = spawnSync("/usr/bin/time", args, { encoding: "utf8", maxBuffer: 1 << 26 });
  if (p.status !== 0) {
    console.error(p.stderr.split("\n").slice(-5).join("\n"));
    process.exit(1);
  }
  const [wallS, rssKb] = p.stderr.trim().split("\n").pop()!.split(" ").map(Number) as [number, number];
  const out = JSON.parse(p.stdout) as { fingerprint: string; final: Record<string, number> };
  console.log(`planetary-1e5 for ${duration} s: ${ticks} ticks × ${substeps} substeps, N = ${sc.mesh.nodes}, d = ${sc.mesh.dim}, blocks ${sc.mesh.blocks} on ${sc.run.threads} thread(s), coherence every ${sample} s (${sc.mesh.coherenceMethod}), checkpoint every ${sc.run.checkpointEveryS} s`);
  console.log(`  pqms run (CLI, whole run): ${wallS.toFixed(1)} s wall, ${(wallS / ticks * 1e3).toFixed(0)} ms per tick, peak RSS ${(rssKb / 1024).toFixed(0)} MiB, fingerprint ${out.fingerprint}, final globalRcf ${out.final.globalRcf}`);
  if (a) {
    const anchor = (a.tickMs * ticks) / 1e3;
    const same = anchor * substeps;
    console.log(`  numpy ${a.numpy} tick: ${a.tickMs.toFixed(1)} ms; × ${ticks} ticks = ${anchor.toFixed(1)} s   ratio pqms/anchor = ${(wallS / anchor).toFixed(2)}`);
    console.log(`  same coupling steps (× ${substeps} substeps): ${same.toFixed(1)} s   ratio pqms/numpy = ${(wallS / same).toFixed(2)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
