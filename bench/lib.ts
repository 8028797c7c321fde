/**
 * What every benchmark in bench/ shares: numeric flags, the median, median wall and CPU time of
 * repeated runs, and the Python anchor (numpy/scipy/QuTiP run by /usr/bin/python3 in the same
 * benchmark run, answering one JSON object on stdout).
 */
import { spawnSync } from "node:child_process";

/** The number after flag `name` on the command line (`--reps 5`), or `dflt` without it. */
export function numberArg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

/** The median (mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/**
 * Run `f` untimed for at least `ms` milliseconds (at least once), so V8 has optimised a small
 * kernel before it is timed: it needs many calls, and a few-millisecond run would otherwise be
 * timed partly in the interpreter.
 */
export function warmUp(f: () => void, ms = 500): void {
  const t0 = performance.now();
  do f(); while (performance.now() - t0 < ms);
}

/** Median wall and CPU time of `reps` runs after `warmup` untimed ones (CPU time is the steadier figure on a shared machine). */
export function timeMedian(f: () => void, reps: number, warmup = 1): { wallMs: number; cpuMs: number } {
  for (let w = 0; w < warmup; w++) f();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let k = 0; k < reps; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  return { wallMs: median(walls), cpuMs: median(cpus) };
}

/** The anchor's JSON answer, or why there is none (the last line of its stderr). */
export type PythonAnswer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: string };

/**
 * Run /usr/bin/python3 with `args` (a script path or `-c CODE`, then its arguments) and parse its
 * stdout as JSON. The anchor runs without OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, so OpenBLAS picks
 * its own kernels for this CPU as a user's numpy would.
 */
export function runPython<T>(args: readonly string[]): PythonAnswer<T> {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const p = spawnSync("/usr/bin/python3", args, { encoding: "utf8", maxBuffer: 1 << 24, env });
  if (p.status !== 0) return { ok: false, why: p.error?.message ?? (p.stderr.trim().split("\n").pop() ?? `exit ${p.status}`) };
  return { ok: true, value: JSON.parse(p.stdout) as T };
}
