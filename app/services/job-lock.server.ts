// One-at-a-time scheduled jobs across several app servers (docs/decisions/0019-several-app-servers.md).
// Each server may run the same cron entry; a job first takes a lease on its JobLock row, and a server
// that finds the lease held skips the job. The jobs are also safe to overlap on their own (each sends or
// purges a thing once), so the lock saves duplicate work and mixed log lines rather than guarding money.
//
// The lease is a row, not a database session lock, so the same code works on SQLite and PostgreSQL and a
// holder that dies (SIGKILL, a lost host) blocks the job only until `lockedUntil`. Lease times come from
// the clock of the server taking it: keep the servers' clocks in sync (NTP) and the TTL well above a run.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { Prisma } from "~/generated/prisma/client.ts";
import { db, type Db } from "~/db.server";
import { logger } from "~/utils/logger.server";

/** A lease long enough for any of our jobs on the large seed; a crashed holder delays the next run this long at most. */
export const JOB_LOCK_TTL_MS = 30 * 60 * 1000;

export type JobLockOptions = { client?: Db; now?: () => Date };

export type JobLockResult<T> = { ran: true; value: T } | { ran: false };

// A busy database (another server's write) may keep us waiting briefly; give it room before failing the job.
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Who holds a lease: the host and process (for people reading the table) and a random part (unique per call). */
export function newJobLockHolder(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(6).toString("hex")}`;
}

/**
 * Takes the lease on `name` for `ttlMs` if nobody holds it (no row, or an expired one). True when taken.
 * The conditional update goes first so that, on SQLite, the transaction holds the write lock before it
 * reads; on PostgreSQL the UPDATE's WHERE is re-checked after a concurrent taker commits, so only one
 * of two servers racing for an expired lease gets count 1.
 */
export async function acquireJobLock(name: string, holder: string, ttlMs: number, { client = db(), now = () => new Date() }: JobLockOptions = {}): Promise<boolean> {
  const at = now();
  const lockedUntil = new Date(at.getTime() + ttlMs);
  try {
    return await client.$transaction(async (tx) => {
      const taken = await tx.jobLock.updateMany({ where: { name, lockedUntil: { lt: at } }, data: { holder, lockedUntil, acquiredAt: at } });
      if (taken.count === 1) return true;
      if (await tx.jobLock.findUnique({ where: { name }, select: { name: true } })) return false; // held, lease still running
      await tx.jobLock.create({ data: { name, holder, lockedUntil, acquiredAt: at } });
      return true;
    }, TX_OPTIONS);
  } catch (error) {
    // Another server created the row between our read and our insert: it holds the lease.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Gives the lease back, only if it is still ours (after our TTL another server may have taken it over). */
export async function releaseJobLock(name: string, holder: string, { client = db() }: Pick<JobLockOptions, "client"> = {}): Promise<void> {
  await client.jobLock.deleteMany({ where: { name, holder } });
}

/**
 * Runs `fn` holding the lease on `name`, or not at all if another run holds it ({ ran: false }).
 * The lease is given back when `fn` ends, also when it throws (the error is passed on).
 */
export async function withJobLock<T>(name: string, ttlMs: number, fn: () => Promise<T>, options: JobLockOptions = {}): Promise<JobLockResult<T>> {
  const holder = newJobLockHolder();
  if (!(await acquireJobLock(name, holder, ttlMs, options))) return { ran: false };
  try {
    return { ran: true, value: await fn() };
  } finally {
    // A failed release must not hide the job's own result or error: the lease then simply runs out.
    await releaseJobLock(name, holder, options).catch((error: unknown) => {
      logger.warn({ job: name, err: error instanceof Error ? error.message : String(error) }, "job lock not released; it expires by itself");
    });
  }
}

/** The scheduled jobs' one-line report: the job's own line, or that another server has it. */
export async function runLockedJob(name: string, fn: () => Promise<string>, ttlMs = JOB_LOCK_TTL_MS): Promise<string> {
  const result = await withJobLock(name, ttlMs, fn);
  return result.ran ? result.value : `${name}: skipped, another server is running it`;
}
