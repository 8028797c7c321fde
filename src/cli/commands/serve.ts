/** `pqms serve`: the web dashboard on 127.0.0.1 (a token is required beyond localhost). */
import type { Command } from "commander";
import { buildServer, requiredToken } from "../../server/index.js";
import { intFlag } from "../options.js";
import { openStoreFor, withDbOption } from "../support/store-option.js";

interface ServeOptions {
  port?: number;
  host: string;
  token?: string;
  db?: string;
  web?: string;
}

export function registerServe(program: Command): void {
  const cmd = program
    .command("serve")
    .description("serve the web dashboard and its JSON API (watch runs live, run experiments, read the audit)")
    .option("--port <n>", "TCP port (default: $PQMS_PORT or 8080; 0 picks a free one)", intFlag("--port", 0, 65535))
    .option("--host <h>", "address to bind; anything but loopback requires --token", "127.0.0.1")
    .option("--token <t>", "bearer token for the API (default: $PQMS_TOKEN); required beyond localhost")
    .option("--web <dir>", "directory of the built SPA (default: dist/web)");
  withDbOption(cmd).action(async (o: ServeOptions) => {
    const envPort = process.env.PQMS_PORT;
    const port = o.port ?? (envPort !== undefined && envPort !== "" ? intFlag("PQMS_PORT", 0, 65535)(envPort) : 8080);
    const token = requiredToken(o.host, o.token ?? (process.env.PQMS_TOKEN || undefined));
    const store = openStoreFor(o);
    const app = await buildServer({ store, token, webDir: o.web });
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
