// The audit log: who did what to which record, and when. Append-only; no personal data in detail.
import { randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma/client.ts";
import type { DbTx } from "~/db.server";
import { db } from "~/db.server";

export type AuditEntry = {
  actorUserId?: string | null;
  actorRole?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
};

/** One row's VALUES: a fresh id and the time of the call. */
function auditRow(entry: AuditEntry, at: Date): Prisma.Sql {
  return Prisma.sql`(${randomUUID()}, ${at}, ${entry.actorUserId ?? null}, ${entry.actorRole ?? null}, ${entry.action}, ${entry.entityType},
    ${entry.entityId ?? null}, ${entry.detail ? JSON.stringify(entry.detail) : null})`;
}

function insertAudit(rows: Prisma.Sql[], tx: DbTx): Promise<number> {
  // Plain SQL: every write in the service makes one of these, and a model create (which reads
  // the row back) costs about three times as much (bench/card.bench.ts).
  return tx.$executeRaw`INSERT INTO "AuditLog" ("id", "at", "actorUserId", "actorRole", "action", "entityType", "entityId", "detail")
    VALUES ${Prisma.join(rows)}`;
}

/** Write one audit entry, inside the caller's transaction when given one. */
export async function audit(entry: AuditEntry, tx: DbTx = db()): Promise<void> {
  await insertAudit([auditRow(entry, new Date())], tx);
}

type Waiting = { row: Prisma.Sql; resolve: () => void; reject: (error: unknown) => void };

/** Rows per INSERT: 8 parameters each, well inside both databases' limits on parameters. */
const MOST_PER_COMMIT = 500;
let waiting: Waiting[] = [];
let flushScheduled = false;

/**
 * Write one audit entry that belongs to no other write (a page view, an export), committed together
 * with the entries other requests make at the same moment: one commit, so one flush to disk, for
 * several views. It resolves only once the entry is committed (and rejects if it could not be), so a
 * caller still shows nothing it has not logged.
 */
export function auditAlone(entry: AuditEntry): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    waiting.push({ row: auditRow(entry, new Date()), resolve, reject });
    if (flushScheduled) return;
    flushScheduled = true;
    // After the I/O callbacks now running: the requests they serve join this commit.
    setImmediate(flushWaiting);
  });
}

async function flushWaiting(): Promise<void> {
  const batch = waiting;
  waiting = [];
  flushScheduled = false;
  for (let start = 0; start < batch.length; start += MOST_PER_COMMIT) {
    const part = batch.slice(start, start + MOST_PER_COMMIT);
    try {
      await insertAudit(
        part.map((w) => w.row),
        db(),
      );
      for (const w of part) w.resolve();
    } catch (error) {
      for (const w of part) w.reject(error);
    }
  }
}
