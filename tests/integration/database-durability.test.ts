// A committed write must survive a power cut, not only a crash of the process: SQLite runs with
// synchronous=FULL in production (SQLITE_SYNCHRONOUS overrides), PostgreSQL with synchronous_commit on.
import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/db";
import { db, disconnectDb } from "~/db.server";
import { providerOf } from "../../scripts/database-url";
import { resetEnvForTests } from "~/utils/env.server";

const database = useTestDatabase();
const saved = { NODE_ENV: process.env.NODE_ENV, SQLITE_SYNCHRONOUS: process.env.SQLITE_SYNCHRONOUS };

afterEach(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvForTests();
  await disconnectDb();
});

/** How the current connection syncs commits: PostgreSQL's synchronous_commit, or SQLite's synchronous level. */
async function commitSync(): Promise<string | number> {
  if (providerOf(database.url()) === "postgresql") {
    const [row] = await db().$queryRawUnsafe<{ synchronous_commit: string }[]>("SHOW synchronous_commit");
    return row.synchronous_commit;
  }
  const [row] = await db().$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
  return Number(row.synchronous);
}

async function withEnv(env: Record<string, string>): Promise<void> {
  await disconnectDb();
  Object.assign(process.env, env);
  resetEnvForTests();
}

describe("commit durability", () => {
  it("syncs every commit in production", async () => {
    await withEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32), SENDGRID_API_KEY: "SG.x", STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x", APP_URL: "https://giving.example" });
    expect(await commitSync()).toBe(providerOf(database.url()) === "postgresql" ? "on" : 2); // SQLite: 2 = FULL
  });

  it("lets SQLite trade the power-cut guarantee for speed when asked (tests, development)", async () => {
    await withEnv({ NODE_ENV: "development", SQLITE_SYNCHRONOUS: "NORMAL" });
    // PostgreSQL ignores the SQLite setting.
    expect(await commitSync()).toBe(providerOf(database.url()) === "postgresql" ? "on" : 1); // SQLite: 1 = NORMAL
  });
});
