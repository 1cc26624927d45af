// The audit log: who did what to which record, and when. Append-only; no personal data in detail.
import { randomUUID } from "node:crypto";
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

/** Write one audit entry, inside the caller's transaction when given one. */
export async function audit(entry: AuditEntry, tx: DbTx = db()): Promise<void> {
  // Plain SQL: every write in the service makes one of these, and a model create (which reads
  // the row back) costs about three times as much (bench/card.bench.ts).
  await tx.$executeRaw`INSERT INTO "AuditLog" ("id", "at", "actorUserId", "actorRole", "action", "entityType", "entityId", "detail")
    VALUES (${randomUUID()}, ${new Date()}, ${entry.actorUserId ?? null}, ${entry.actorRole ?? null}, ${entry.action}, ${entry.entityType},
      ${entry.entityId ?? null}, ${entry.detail ? JSON.stringify(entry.detail) : null})`;
}
