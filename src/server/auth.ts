/**
 * Access control: on a loopback address the dashboard is open (only this machine can reach it);
 * bound to any other address the server refuses to start without a token, and every API request
 * must carry it as `Authorization: Bearer <token>` (or `?token=` for EventSource, which cannot
 * set headers). Tokens are compared in constant time.
 */
import { timingSafeEqual, createHash } from "node:crypto";
import { InputError } from "../errors.js";
import { HttpError } from "./http-error.js";

/** Is `host` a loopback address (127.0.0.0/8, ::1, localhost)? */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The token the server requires for `host`, or undefined when none is needed. */
export function requiredToken(host: string, token: string | undefined): string | undefined {
  if (token !== undefined && token.length < 16) throw InputError.of("--token", "at least 16 characters", `~${token.length} characters`);
  if (isLoopback(host)) return token;
  if (token === undefined) throw InputError.of("--token", `a token (at least 16 characters) when bound beyond localhost (host ${host})`, "~none (pass --token or set PQMS_TOKEN)");
  return token;
}

function digest(s: string): Buffer {
  return createHash("sha256").update(s).digest();
}

/** Throw 401 unless the request presents `token`. */
export function checkToken(token: string, authorization: string | undefined, queryToken: string | undefined): void {
  const m = authorization === undefined ? undefined : /^Bearer\s+(\S+)$/i.exec(authorization);
  const given = m?.[1] ?? queryToken;
  if (given === undefined) throw new HttpError(401, "authorization: expected 'Bearer <token>' (this server is bound beyond localhost), got none", "E_AUTH");
  if (!timingSafeEqual(digest(given), digest(token))) throw new HttpError(401, "authorization: expected the server's token, got a different one", "E_AUTH");
}
