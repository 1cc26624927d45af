// The administrator's read-only view of the audit log: filters, newest first, paged on the server.
// Nothing here (or anywhere in the app) edits or deletes an entry.
import { z } from "zod";
import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client.ts";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { ukDayStart } from "~/domain/impact/uk-months";

export const AUDIT_PAGE_SIZE = 50;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
function realDay(v: string): boolean {
  if (!DAY.test(v)) return false;
  const noon = new Date(`${v}T12:00:00Z`);
  return !Number.isNaN(noon.getTime()) && ukDayKey(noon) === v;
}
const optionalText = z.string().trim().max(200).optional().transform((v) => v || undefined);
const optionalDay = (what: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || realDay(v), { error: `${what} must be a real date, like 2026-03-31` });

export const auditQuerySchema = z
  .object({
    action: optionalText,
    entityType: optionalText,
    entityId: optionalText,
    /** an actor's email address or user id */
    actor: optionalText,
    from: optionalDay("The from date"),
    to: optionalDay("The to date"),
    page: z.coerce.number().int().min(1).catch(1).default(1),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], error: "The to date must be the same as or after the from date" });

export type AuditQuery = z.infer<typeof auditQuerySchema>;

export type AuditFilterValues = { action: string; entityType: string; entityId: string; actor: string; from: string; to: string };

export function parseAuditQuery(params: URLSearchParams):
  | { ok: true; query: AuditQuery; values: AuditFilterValues }
  | { ok: false; errors: Record<string, string>; values: AuditFilterValues } {
  const raw = Object.fromEntries(["action", "entityType", "entityId", "actor", "from", "to", "page"].map((k) => [k, params.get(k) ?? undefined]));
  const values: AuditFilterValues = {
    action: raw.action ?? "",
    entityType: raw.entityType ?? "",
    entityId: raw.entityId ?? "",
    actor: raw.actor ?? "",
    from: raw.from ?? "",
    to: raw.to ?? "",
  };
  const parsed = auditQuerySchema.safeParse(raw);
  if (parsed.success) return { ok: true, query: parsed.data, values };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return { ok: false, errors, values };
}

export type AuditRow = {
  id: string;
  at: string;
  actorUserId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  detail: string | null;
};

export type AuditPage = {
  rows: AuditRow[];
  total: number;
  page: number;
  pageCount: number;
  /** the actions and entity types that occur, for the filter lists */
  actions: string[];
  entityTypes: string[];
};

async function whereFor(query: AuditQuery): Promise<Prisma.AuditLogWhereInput> {
  const where: Prisma.AuditLogWhereInput = {};
  if (query.action) where.action = query.action;
  if (query.entityType) where.entityType = query.entityType;
  if (query.entityId) where.entityId = query.entityId;
  if (query.actor) {
    // An email address finds its user; anything else is taken as a user id.
    const user = query.actor.includes("@")
      ? await db().user.findFirst({ where: { email: query.actor.trim().toLowerCase() }, select: { id: true } })
      : null;
    // An unknown address matches nothing (an empty list: no sentinel value, which PostgreSQL may refuse).
    where.actorUserId = user?.id ?? (query.actor.includes("@") ? { in: [] } : query.actor);
  }
  if (query.from || query.to) {
    where.at = {
      ...(query.from ? { gte: ukDayStart(query.from) } : {}),
      // "to" is a whole UK day: up to the start of the next one.
      ...(query.to ? { lt: ukDayStart(nextDay(query.to)) } : {}),
    };
  }
  return where;
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** One page of the audit log, newest first, with the actors' email addresses. */
export async function auditLogPage(query: AuditQuery): Promise<AuditPage> {
  const where = await whereFor(query);
  const [total, actions, entityTypes] = await Promise.all([
    db().auditLog.count({ where }),
    db().auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db().auditLog.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db().auditLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  const actorIds = [...new Set(rows.map((r) => r.actorUserId).filter((id): id is string => !!id))];
  const users = actorIds.length ? await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } }) : [];
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  return {
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorUserId: r.actorUserId,
      actorEmail: r.actorUserId ? (emailOf.get(r.actorUserId) ?? null) : null,
      actorRole: r.actorRole,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      detail: r.detail,
    })),
    total,
    page,
    pageCount,
    actions: actions.map((a) => a.action),
    entityTypes: entityTypes.map((e) => e.entityType),
  };
}
