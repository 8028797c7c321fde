/**
 * pqms as a user gets it: `npm pack`, the tarball unpacked into an empty directory's
 * node_modules, and the `pqms` executable run from there — `demo` (QuTiP's reference values beside
 * ours), `audit`, a tiny `run`, and `serve` answering its health check. What this proves is that
 * package.json "files" ships everything the commands read and that they find it relative to the
 * package, not to a checkout.
 *
 * Dependencies: the tarball is unpacked the way `npm install <tarball>` lays it out, and its
 * runtime dependencies are linked from this checkout's node_modules instead of downloaded, so the
 * test runs offline (the machines running CI have no registry, and better-sqlite3's native build
 * could not be fetched there). The package's own files come only from the tarball.
 *
 * Slow (a build if dist/ is missing, a pack, a few CLI processes): it is one file, run once by
 * `npm test` after `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string; dependencies: Record<string, string>; bin: Record<string, string> };

// 20 ticks of a 40-node mesh: seconds, enough to store a run with samples and a fingerprint.
const TINY = `name: installed-tiny
run: { seed: 3, durationS: 2.0e-8, tickS: 1.0e-9, sampleEveryS: 5.0e-9, checkpointEveryS: 1.0e-8 }
mesh: { nodes: 40, clusterSize: 40, initialSpread: 0.3 }
`;

let dir: string;
let app: string;
let bin: string;

function pqms(args: string[]) {
  const r = spawnSync(bin, args, { cwd: app, encoding: "utf8", env: { ...process.env, PQMS_DB: undefined } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist/cli/main.js"))) execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
  dir = mkdtempSync(join(tmpdir(), "pqms-installed-"));
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { cwd: ROOT, encoding: "utf8" })) as Array<{ filename: string }>;
  const tarball = join(dir, packed[0]!.filename);
  app = join(dir, "app");
  const modules = join(app, "node_modules");
  mkdirSync(modules, { recursive: true });
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "uses-pqms", private: true, dependencies: { pqms: `file:${tarball}` } }));
  execFileSync("tar", ["-xzf", tarball, "-C", modules]);
  renameSync(join(modules, "package"), join(modules, "pqms"));
  for (const dep of Object.keys(pkg.dependencies)) {
    const link = join(modules, dep);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(realpathSync(join(ROOT, "node_modules", dep)), link, "dir");
  }
  mkdirSync(join(modules, ".bin"));
  bin = join(modules, ".bin", "pqms");
  symlinkSync(join("..", "pqms", pkg.bin.pqms!), bin);
  chmodSync(join(modules, "pqms", pkg.bin.pqms!), 0o755); // as npm does for a package's bin targets
  writeFileSync(join(app, "tiny.yaml"), TINY);
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("pqms installed from its tarball", () => {
  it("ships the reference and not the test suite", () => {
    const root = join(app, "node_modules/pqms");
    expect(existsSync(join(root, "test/reference/qutip-cavity.json"))).toBe(true);
    expect(existsSync(join(root, "scenarios/v3000-default.yaml"))).toBe(true);
    expect(existsSync(join(root, "src"))).toBe(false);
    expect(existsSync(join(root, "dist/cli/commands/demo.test.js"))).toBe(false);
  });

  it("pqms demo prints QuTiP's reference values beside ours", () => {
    const r = pqms(["demo", "--n", "5", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: Array<{ quantity: string; pqms: number; qutip: number | null }> };
    // The values must be QuTiP's, read from the checkout's reference file independently of the CLI.
    const ref = JSON.parse(readFileSync(join(ROOT, "test/reference/qutip-cavity.json"), "utf8")) as { cases: Array<{ N: number; exact: { n_a: Record<string, number> } }> };
    const na10 = ref.cases.find((c) => c.N === 5)!.exact.n_a["t=10"];
    expect(out.rows.find((row) => row.quantity === "<n_a>(t=10)")?.qutip).toBe(na10);
    for (const row of out.rows) {
      expect(row.qutip, row.quantity).not.toBeNull();
      // mesolve at atol = rtol = 1e-10 agrees with QuTiP's expm to ~1e-9 (see demo.test.ts); 1e-6 is loose on purpose.
      expect(Math.abs(row.pqms - row.qutip!), row.quantity).toBeLessThan(1e-6);
    }
    const table = pqms(["demo", "--n", "5"]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).not.toContain("(no reference)");
  });

  it("pqms audit --quick judges the claims and writes its report", () => {
    const r = pqms(["audit", "--quick", "--format", "json", "--out", join(dir, "audit")]);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout) as { claims: Array<{ verdict: string }> };
    expect(a.claims.length).toBeGreaterThan(20);
    expect(existsSync(join(dir, "audit/audit.md"))).toBe(true);
  });

  it("pqms run stores a tiny run, and a bundled scenario name resolves inside the package", () => {
    const r = pqms(["run", "tiny.yaml", "--db", join(dir, "runs.db"), "--json", "--no-report"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: "done", scenario: "installed-tiny" });
    const bad = pqms(["run", "no-such-scenario", "--db", join(dir, "runs.db")]);
    expect(bad.code).toBe(4);
    expect(bad.stderr).toContain("v3000-default"); // the bundled names it offers come from the package
  });

  it("pqms serve answers its health check", async () => {
    const child = spawn(bin, ["serve", "--port", "0", "--db", join(dir, "serve.db")], { cwd: app, stdio: ["ignore", "ignore", "pipe"] });
    try {
      let stderr = "";
      const address = await new Promise<string>((resolveAddress, reject) => {
        const timer = setTimeout(() => reject(new Error(`pqms serve did not start in 60 s: ${stderr}`)), 60_000);
        child.stderr.on("data", (b: Buffer) => {
          stderr += b.toString();
          const m = /dashboard at (http:\/\/\S+?)\//.exec(stderr);
          if (m) { clearTimeout(timer); resolveAddress(m[1]!); }
        });
        child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`pqms serve exited with ${code}: ${stderr}`)); });
      });
      const health = (await (await fetch(`${address}/api/health`)).json()) as { ok: boolean; version: string };
      expect(health).toEqual({ ok: true, version: pkg.version });
    } finally {
      child.kill("SIGTERM");
    }
  });
});
