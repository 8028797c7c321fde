/**
 * Who may talk to the dashboard, checked before any route runs.
 *
 * - **Host**: a browser sends the name it resolved in `Host`. On loopback the API has no token, so
 *   a page on another site that re-points its own name at 127.0.0.1 (DNS rebinding) would reach
 *   the whole API; answering only to loopback names (`localhost`, `127.0.0.1`, `[::1]`, any port)
 *   closes that. With a token the configured public names are accepted too.
 * - **Origin / Sec-Fetch-Site**: a state-changing request (POST, PUT, PATCH, DELETE) sent by a page
 *   of another origin is refused, even to an allowed host: a form or `fetch` from any site can
 *   reach 127.0.0.1 without reading the answer, which is enough to start or stop runs.
 *
 * Both answers are 403 with the usual `what: expected …, got …` message.
 */
import { HttpError } from "./http-error.js";

/** Host names a loopback-bound dashboard answers to. */
export const LOOPBACK_HOST_NAMES: readonly string[] = ["localhost", "127.0.0.1", "[::1]"];

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The name part of a `Host` header (`[::1]:8080` → `[::1]`), lower case; undefined if malformed. */
export function hostName(header: string): string | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  return m?.[1]?.toLowerCase();
}

/** The host names accepted: loopback always, plus `publicHosts` when a token protects the API. */
export function allowedHostNames(token: string | undefined, publicHosts: readonly string[]): Set<string> {
  const names = new Set(LOOPBACK_HOST_NAMES);
  if (token !== undefined) for (const h of publicHosts) names.add(h.includes(":") && !h.startsWith("[") ? `[${h.toLowerCase()}]` : h.toLowerCase());
  return names;
}

/** Throw 403 unless the `Host` header names one of `allowed`. */
export function checkHost(allowed: ReadonlySet<string>, header: string | undefined): void {
  const name = header === undefined ? undefined : hostName(header);
  if (name !== undefined && allowed.has(name)) return;
  throw new HttpError(403, `host: expected one of ${[...allowed].join(", ")} (this dashboard answers only to those names; serve with --token and --public-host <name> to add one), got ${header === undefined ? "none" : JSON.stringify(header.slice(0, 80))}`, "E_HOST");
}

/**
 * Throw 403 for a state-changing request from another origin: `Sec-Fetch-Site` other than
 * `same-origin` / `none` (typed by the user), or an `Origin` whose host is not the request's `Host`.
 * A request without either header (curl, scripts) is not from a browser page and passes.
 */
export function checkOrigin(method: string, headers: { origin?: string; host?: string; "sec-fetch-site"?: string | string[] }): void {
  if (!STATE_CHANGING.has(method.toUpperCase())) return;
  const site = headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") {
    throw new HttpError(403, `sec-fetch-site: expected same-origin (a ${method} from this dashboard's own pages), got ${JSON.stringify(String(site).slice(0, 40))}`, "E_CROSS_SITE");
  }
  const origin = headers.origin;
  if (origin === undefined) return;
  if (sameOrigin(origin, headers.host)) return;
  throw new HttpError(403, `origin: expected this dashboard's own origin (http://${headers.host ?? "?"}), got ${JSON.stringify(origin.slice(0, 80))}`, "E_CROSS_SITE");
}

/** Does `origin` (scheme://host[:port]) name the same host and port as the `Host` header? */
function sameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    const o = new URL(origin);
    if (o.protocol !== "http:" && o.protocol !== "https:") return false;
    const h = new URL(`${o.protocol}//${host}`); // the Host header read with the origin's scheme: same default port
    return o.host === h.host;
  } catch {
    return false;
  }
}
