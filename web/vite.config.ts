// Dev: `npx vite web` with `pqms serve` on :8080 behind it. Build: `npm run build:web`.
import { defineConfig } from "vite";

export default defineConfig({
  base: "./",
  build: { target: "es2022", sourcemap: true, chunkSizeWarningLimit: 800 },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
