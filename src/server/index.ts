/** The dashboard server (`pqms serve`). */
export { buildServer, BODY_LIMIT_BYTES, DEFAULT_WEB_DIR, type ServerOptions } from "./app.js";
export { isLoopback, requiredToken } from "./auth.js";
