/**
 * Errors at the HTTP edge: a typed pqms error becomes a status and a JSON body carrying the same
 * `path: expected …, got …` lines the CLI prints; anything else is a 500 without a stack.
 */
import { InputError, NotFoundError, PqmsError, StoreError, type Issue } from "../errors.js";

/** An error that already knows its HTTP status (401, 409, 413 …). */
export class HttpError extends PqmsError {
  constructor(readonly status: number, message: string, code: string) {
    super(message, code, 2);
  }
}

/** The JSON body of every error answer. */
export interface ErrorBody {
  readonly error: string;
  readonly code: string;
  readonly issues?: readonly Issue[];
}

/** Status and body for any thrown value. */
export function toHttpError(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof HttpError) return { status: err.status, body: { error: err.message, code: err.code } };
  if (err instanceof InputError) return { status: 400, body: { error: err.message, code: err.code, issues: err.issues } };
  if (err instanceof NotFoundError) return { status: 404, body: { error: err.message, code: err.code } };
  // The store file failed (corrupt, not writable): the server is fine, its storage is not.
  if (err instanceof StoreError) return { status: 503, body: { error: err.message, code: err.code } };
  if (err instanceof PqmsError) return { status: 422, body: { error: err.message, code: err.code } };
  const e = err as { statusCode?: number; code?: string; message?: string };
  // Fastify's own errors: body too large, bad JSON, unsupported media type.
  if (typeof e?.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, body: { error: e.message ?? "bad request", code: e.code ?? "E_HTTP" } };
  }
  return { status: 500, body: { error: "internal error (a bug, please report it)", code: "E_INTERNAL" } };
}
