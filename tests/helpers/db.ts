// A fresh, migrated database for one test file: a temporary SQLite file by default, or a new
// PostgreSQL database on the server named by TEST_PG_URL (npm run test:pg sets it).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { applyMigrations } from "../../scripts/migrate.ts";
import { resetEnvForTests } from "~/utils/env.server";
import { db, disconnectDb } from "~/db.server";

export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const pgBase = process.env.TEST_PG_URL;
  if (pgBase) {
    const name = `hh_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: pgBase });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(pgBase);
    url.pathname = `/${name}`;
    await applyMigrations(url.toString());
    return {
      url: url.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: pgBase });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  await applyMigrations(url);
  return { url, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Call at the top of a test file: every test in it shares one fresh database. */
export function useTestDatabase(): { url: () => string } {
  let current: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
    process.env.DATABASE_URL = current.url;
    resetEnvForTests();
  });
  afterAll(async () => {
    await disconnectDb();
    await current?.drop();
  });
  return {
    url: () => {
      if (!current) throw new Error("test database not ready");
      return current.url;
    },
  };
}

export { db };
