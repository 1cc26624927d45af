// Browser journeys (Playwright + axe, with Vitest as the runner): `npm run test:e2e`.
// One app server for the whole run (tests/e2e/global-setup.ts), one test file at a time.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    pool: "forks",
    // The journeys share one server and its database: run the files one after another.
    fileParallelism: false,
    maxWorkers: 1,
    globalSetup: ["tests/e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
