import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores here: forks keep native addons (better-sqlite3) isolated per file.
    pool: "forks",
    setupFiles: ["test/setup-fast-check.ts"],
  },
});
