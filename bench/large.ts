// The large data set (`npm run seed:large`: 5,000 employees, 3,000 pledges, 500 applications) in a fresh
// bench database, and signed-in visitors for it: for the HTTP benches that load the app's own pages
// (bench/pages.bench.ts, bench/soak.ts). Each call makes its own database; nothing is shared between runs.
import { createBenchDatabase } from "./run.ts";
import { BENCH_SESSION_SECRET } from "./server.ts";
import { LARGE_SEED, seed } from "../prisma/seed.ts";
import { resetEnvForTests } from "~/utils/env.server";
import { startSession } from "~/utils/session.server";
import { disconnectDb } from "~/db.server";

/** The employee count of the large data set: the n of the page benches' figures. */
export const LARGE_EMPLOYEES = LARGE_SEED.employees;

export type LargeDatabase = Awaited<ReturnType<typeof createBenchDatabase>> & {
  /** An open pay period of the monthly pay group (the first, which the seeded pledges start in). */
  openPeriodId: string;
  seedMs: number;
};

export async function createLargeDatabase(area: string): Promise<LargeDatabase> {
  const database = await createBenchDatabase(area);
  const started = performance.now();
  await seed(database.client, LARGE_SEED);
  const seedMs = performance.now() - started;
  const period = await database.client.payPeriod.findFirstOrThrow({
    where: { lockedAt: null, payGroup: { name: "Monthly salaried" } },
    orderBy: { startsOn: "asc" },
  });
  return { ...database, openPeriodId: period.id, seedMs };
}

/**
 * A Session row and its signed cookie (`name=value`) for each user id, as tests/helpers/server.ts makes them:
 * through the app's own session code, pointed at the bench database and the bench server's secret.
 */
export async function signIn(databaseUrl: string, userIds: readonly string[]): Promise<string[]> {
  process.env.DATABASE_URL = databaseUrl;
  process.env.SESSION_SECRET = BENCH_SESSION_SECRET;
  resetEnvForTests();
  try {
    const cookies: string[] = [];
    for (const id of userIds) cookies.push((await startSession(id)).split(";")[0]);
    return cookies;
  } finally {
    await disconnectDb();
  }
}

/** A user's id by email (the demo accounts have generated ids). */
export async function userIdOf(client: LargeDatabase["client"], email: string): Promise<string> {
  return (await client.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}
