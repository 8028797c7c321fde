import { describe, it, expect } from "vitest";
import { InputError } from "../../errors.js";
import { parseRedisUrl } from "./redis-url.js";

describe("parseRedisUrl (pqms sweep/worker --queue)", () => {
  it("reads host, port, database and password, and hides the password in messages", () => {
    expect(parseRedisUrl("redis://127.0.0.1:6390")).toEqual({ host: "127.0.0.1", port: 6390, db: 0, display: "redis://127.0.0.1:6390/0" });
    const t = parseRedisUrl("redis://:s3cret@127.0.0.1:7000/2");
    expect(t).toMatchObject({ host: "127.0.0.1", port: 7000, db: 2, password: "s3cret" });
    expect(t.display).not.toContain("s3cret");
    expect(parseRedisUrl("redis://127.0.0.1").port).toBe(6379);
  });

  it("rejects what is not a redis:// URL, naming the flag", () => {
    for (const bad of ["127.0.0.1:6379", "http://127.0.0.1:6379", "redis://127.0.0.1:6379/x", ""]) {
      expect(() => parseRedisUrl(bad, "--queue")).toThrow(InputError);
    }
    expect(() => parseRedisUrl("localhost:6379", "--queue")).toThrow(/--queue: expected a URL redis:\/\/host:port/);
  });
});
