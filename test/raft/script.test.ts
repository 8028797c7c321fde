/**
 * Scripted Raft scenarios (test/raft/*.txt): election (§5.2), partition with PreVote and
 * CheckQuorum (thesis §9.6, §6.2), heal (§5.3), leader crash and restart from stable storage (§5.4),
 * each with the safety checker after every command. The paper's SMCs run a "RAFT-variant" (§3.2).
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RandomStream } from "../../src/numeric/random/stream.js";
import { runRaftScript } from "../support/raft/script.js";

const dir = dirname(fileURLToPath(import.meta.url));
const random = (seed: number, id: number) => RandomStream.fromSeed(seed, "raft", `node-${id}`);

describe("raft scripts (test/raft/*.txt)", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
  it("has the four required stories", () => {
    expect(files).toEqual(expect.arrayContaining(["elect.txt", "partition.txt", "heal.txt", "crash-leader.txt"]));
  });
  for (const f of files) {
    it(f, () => {
      expect(runRaftScript(readFileSync(join(dir, f), "utf8"), random, f)).toBeGreaterThan(3);
    });
  }
  it("a false expectation fails with its line", () => {
    expect(() => runRaftScript("cluster 3\nhup 1\nstabilize\nexpect leader 2\n", random, "bad")).toThrow(/bad:4/);
  });
});
