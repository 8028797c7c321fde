/** `pqms serve`: the web dashboard on 127.0.0.1 (a token is required beyond localhost). */
import type { Command } from "commander";
import { buildServer, requiredToken } from "../../server/index.js";
import { LOG_LEVELS, type LogLevel } from "../../server/app.js";
import { isLoopback } from "../../server/auth.js";
import { InputError } from "../../errors.js";
import { choiceFlag, intFlag } from "../options.js";
import { openStoreFor, withDbOption } from "../support/store-option.js";

interface ServeOptions {
  port?: number;
  host: string;
  token?: string;
  db?: string;
  web?: string;
  publicHost: string[];
  logLevel: LogLevel;
}

/** `--public-host` names are host names (no scheme, no path), and need the token that protects them. */
function publicHosts(o: ServeOptions, token: string | undefined): string[] {
  for (const h of o.publicHost) if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]{1,253}|[0-9a-f:]+)$/i.test(h)) throw InputError.of("--public-host", "a host name such as pqms.example.org (no scheme, port or path)", h);
  if (o.publicHost.length > 0 && token === undefined) throw InputError.of("--public-host", "a --token too (only a token-protected dashboard answers to other names)", "~none");
  // Bound to one address beyond loopback (with its token): that address is a name it answers to.
  const bound = !isLoopback(o.host) && o.host !== "0.0.0.0" && o.host !== "::" ? [o.host] : [];
  return [...o.publicHost, ...bound];
}

export function registerServe(program: Command): void {
  const cmd = program
    .command("serve")
    .description("serve the web dashboard and its JSON API (watch runs live, run experiments, read the audit)")
    .option("--port <n>", "TCP port (default: $PQMS_PORT or 8080; 0 picks a free one)", intFlag("--port", 0, 65535))
    .option("--host <h>", "address to bind; anything but loopback requires --token", "127.0.0.1")
    .option("--token <t>", "bearer token for the API (default: $PQMS_TOKEN); required beyond localhost")
    .option("--web <dir>", "directory of the built SPA (default: dist/web)")
    .option("--public-host <name>", "a host name the dashboard answers to besides localhost (repeatable; needs --token)", (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option("--log-level <level>", `request log on stderr: ${LOG_LEVELS.join(", ")}`, choiceFlag("--log-level", LOG_LEVELS), "info");
  withDbOption(cmd).action(async (o: ServeOptions) => {
    const envPort = process.env.PQMS_PORT;
    const port = o.port ?? (envPort !== undefined && envPort !== "" ? intFlag("PQMS_PORT", 0, 65535)(envPort) : 8080);
    const token = requiredToken(o.host, o.token ?? (process.env.PQMS_TOKEN || undefined));
    const hosts = publicHosts(o, token);
    const store = openStoreFor(o);
    const app = await buildServer({ store, token, webDir: o.web, publicHosts: hosts, logLevel: o.logLevel });
    const address = await app.listen({ port, host: o.host });
    process.stderr.write(`pqms: dashboard at ${address}${token ? "/?token=<your token>" : "/"} (store ${store.path}; Ctrl-C to stop)\n`);
    await new Promise<void>((resolveStop) => {
      const stop = () => {
        process.stderr.write("pqms: stopping (live runs are checkpointed and marked interrupted)…\n");
        void app.close().then(() => resolveStop());
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    store.close();
  });
}
