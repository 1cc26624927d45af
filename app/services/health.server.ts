// The load balancer's health check (GET /healthz in server/app.ts): can this app server query the
// database? Every other piece of state lives there (docs/decisions/0019-several-app-servers.md), so a
// server that cannot reach it should get no traffic.
import { db, type Db } from "~/db.server";
import { logger } from "~/utils/logger.server";

/** A check must answer before the balancer's own timeout (typically 5 s), even when the database hangs. */
export const HEALTH_TIMEOUT_MS = 2_000;

/** True when a trivial query comes back within `timeoutMs`; false (and a warning in the log) otherwise. */
export async function databaseAnswers(timeoutMs = HEALTH_TIMEOUT_MS, client: Db = db()): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([client.$queryRaw`SELECT 1`, timeout]);
    return true;
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, "health check: the database did not answer");
    return false;
  } finally {
    clearTimeout(timer);
  }
}
