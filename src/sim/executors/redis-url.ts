/** `--queue redis://[:password@]host[:port][/db]` → connection options, validated. */
import { InputError } from "../../errors.js";

/** Where the queue's Redis is. */
export interface RedisTarget {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly password?: string;
  /** The URL without its password, for messages. */
  readonly display: string;
}

/** Parse and validate a Redis URL; `flag` names where it came from in errors. */
export function parseRedisUrl(raw: string, flag = "--queue"): RedisTarget {
  const expected = "a URL redis://host:port (optionally redis://:password@host:port/db)";
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw InputError.of(flag, expected, raw);
  }
  if (u.protocol !== "redis:" || u.hostname === "") throw InputError.of(flag, expected, raw);
  const port = u.port === "" ? 6379 : Number(u.port);
  const dbText = u.pathname.replace(/^\//, "");
  if (!/^\d{0,2}$/.test(dbText)) throw InputError.of(`${flag} (database)`, "a database number 0–99 after the port", dbText);
  const db = dbText === "" ? 0 : Number(dbText);
  const password = u.password === "" ? undefined : decodeURIComponent(u.password);
  const host = u.hostname.replace(/^\[(.*)\]$/, "$1");
  return { host, port, db, ...(password === undefined ? {} : { password }), display: `redis://${u.host}/${db}` };
}
