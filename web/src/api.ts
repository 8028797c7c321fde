/** The server's JSON API, with the token (from `?token=`, kept for the tab) when one is needed. */
const params = new URLSearchParams(location.search);
const urlToken = params.get("token");
if (urlToken) sessionStorage.setItem("pqms-token", urlToken);
const token = sessionStorage.getItem("pqms-token");

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly issues: Array<{ path: string; expected: string; got: string }> = []) {
    super(message);
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const r = await fetch(path, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const data = (await r.json().catch(() => ({ error: `${r.status} ${r.statusText}` }))) as { error?: string; issues?: ApiError["issues"] };
  if (!r.ok) throw new ApiError(r.status, data.error ?? `HTTP ${r.status}`, data.issues ?? []);
  return data as T;
}

/** An EventSource URL (EventSource cannot send headers: the token goes in the query). */
export function streamUrl(path: string): string {
  return token ? `${path}?token=${encodeURIComponent(token)}` : path;
}

export interface Series { tNs: number[]; value: number[] }
export interface RunSummary {
  id: string; name: string; status: string; live: boolean; seed: number; nodes: number; createdAt: string; finishedAt: string | null;
  simTNs: number; durationNs: number; wallS: number; fingerprint: string | null; error: string | null;
}
import type { NodeFrame } from "./node-frame.js";

export interface RunEvent { tNs: number; kind: string; data: Record<string, number> }
export interface Snapshot {
  run: RunSummary; tNs: number; metrics: Record<string, Series>; events: RunEvent[]; eventCounts: Record<string, number>; nodes: number;
  thresholds: { deltaE: number; rcf: number };
}
export interface Update {
  runId: string; tNs: number; durationNs: number; samples: Array<{ tNs: number; metrics: Record<string, number> }>; events: RunEvent[]; eventsDropped: number; status: string;
  /** Each node's ΔE and flags (src/server/node-frame.ts), on at most 5 updates a second. */
  nodes?: NodeFrame;
}
export interface Layout {
  nodes: number; planes: number; perPlane: number; altitudeKm: number; positionsKm: number[]; links: number[];
  smcs: Array<{ name: string; positionKm: number[] }>;
}
