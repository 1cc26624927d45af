// The two-app-server journey alone (tests/e2e/two-servers.e2e.ts): `npx vitest run --config vitest.e2e.two-servers.config.ts`.
// The file starts its own database, two servers and a proxy, so it needs none of global-setup.ts's single
// server; npm run test:pg runs it this way on PostgreSQL (TEST_PG_URL set) with the PostgreSQL build in place.
// npm test's e2e leg (vitest.e2e.config.ts) runs the same file on SQLite.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    include: ["tests/e2e/two-servers.e2e.ts"],
    pool: "forks",
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
