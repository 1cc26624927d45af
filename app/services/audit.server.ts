// The audit log: who did what to which record, and when. Append-only; no personal data in detail.
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
  await tx.auditLog.create({
    data: {
      actorUserId: entry.actorUserId ?? null,
      actorRole: entry.actorRole ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    },
  });
}
