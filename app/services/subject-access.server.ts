// Subject access (UK GDPR article 15): everything the service holds about one person, for an
// administrator or for the person themselves, as JSON and as a readable page. Every export and
// every look at a person's summary is audited. Where the data lives: person-data.server.ts.
import { Prisma } from "~/generated/prisma/client.ts";
import { db } from "~/db.server";
import { hasAnyRole, type Role } from "~/domain/roles";
import { audit } from "~/services/audit.server";
import { personRecords, type PersonRecords } from "~/services/person-data.server";

export type SarActor = { userId: string; personId: string; roles: readonly Role[] };

export type SarPerson = { id: string; firstName: string; lastName: string; email: string | null; createdAt: string; erasedAt: string | null };

export type SubjectAccessExport = { generatedAt: string; person: SarPerson; records: PersonRecords };

export class SubjectAccessForbidden extends Error {}

/** An administrator for anyone; anyone else only for themselves. */
function roleFor(actor: SarActor, personId: string): string {
  if (actor.personId === personId) return "self";
  if (hasAnyRole(actor.roles, ["admin"])) return "admin";
  throw new SubjectAccessForbidden("Only an administrator or the person themselves can see this.");
}

async function personRow(personId: string): Promise<SarPerson | null> {
  const p = await db().person.findUnique({ where: { id: personId } });
  if (!p) return null;
  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    createdAt: p.createdAt.toISOString(),
    erasedAt: p.erasedAt ? p.erasedAt.toISOString() : null,
  };
}

/**
 * Everything held about the person, audited (who, as which role, which person, which format).
 * Null when there is no such person (nothing is audited: nothing was disclosed).
 */
export async function subjectAccessExport(
  actor: SarActor,
  personId: string,
  format: "json" | "html" = "json",
  now = new Date(),
): Promise<SubjectAccessExport | null> {
  const role = roleFor(actor, personId);
  const person = await personRow(personId);
  if (!person) return null;
  const records = (await personRecords(personId)) ?? {};
  await audit({
    actorUserId: actor.userId,
    actorRole: role,
    action: "person.exported",
    entityType: "Person",
    entityId: personId,
    detail: { format, tables: Object.keys(records).length, rows: Object.values(records).reduce((n, rows) => n + rows.length, 0) },
  });
  return { generatedAt: now.toISOString(), person, records };
}

export function exportFilename(personId: string, generatedAt: string): string {
  return `personal-data-${personId}-${generatedAt.slice(0, 10)}.json`;
}

export type PersonSummary = SarPerson & {
  roles: string[];
  payrollNumber: string | null;
  tables: { model: string; rows: number }[];
};

/** What an administrator sees before exporting: who the person is and how many rows each table holds. Audited. */
export async function personSummary(actor: SarActor, personId: string): Promise<PersonSummary | null> {
  if (!hasAnyRole(actor.roles, ["admin"])) throw new SubjectAccessForbidden("Only an administrator can see this.");
  const person = await personRow(personId);
  if (!person) return null;
  const [user, employee, records] = await Promise.all([
    db().user.findUnique({ where: { personId }, select: { roles: { select: { role: true } } } }),
    db().employeeRecord.findUnique({ where: { personId }, select: { payrollNumber: true } }),
    personRecords(personId),
  ]);
  await audit({ actorUserId: actor.userId, actorRole: "admin", action: "person.viewed", entityType: "Person", entityId: personId });
  return {
    ...person,
    roles: user?.roles.map((r) => r.role).sort() ?? [],
    payrollNumber: employee?.payrollNumber ?? null,
    tables: Object.entries(records ?? {}).map(([model, rows]) => ({ model, rows: rows.length })),
  };
}

export const PEOPLE_PAGE_SIZE = 25;

export type PersonListRow = { id: string; firstName: string; lastName: string; email: string | null; erased: boolean };

/**
 * People whose name or email contains every word of `q` (any case), by last name, one page.
 * Plain SQL: lower() works the same on SQLite and PostgreSQL, where Prisma's insensitive mode does not.
 */
export async function searchPeople(q: string, page: number): Promise<{ rows: PersonListRow[]; total: number; page: number; pageCount: number }> {
  const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
  const conditions = words.map((w) => {
    const like = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return Prisma.sql`(lower("firstName") LIKE ${like} ESCAPE '\\' OR lower("lastName") LIKE ${like} ESCAPE '\\' OR lower(coalesce("email", '')) LIKE ${like} ESCAPE '\\')`;
  });
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const [{ n }] = await db().$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM "Person" ${where}`;
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db().$queryRaw<{ id: string; firstName: string; lastName: string; email: string | null; erasedAt: unknown }[]>`
    SELECT "id", "firstName", "lastName", "email", "erasedAt" FROM "Person" ${where}
    ORDER BY lower("lastName"), lower("firstName"), "id" LIMIT ${PEOPLE_PAGE_SIZE} OFFSET ${(current - 1) * PEOPLE_PAGE_SIZE}`;
  return {
    rows: rows.map((r) => ({ id: r.id, firstName: r.firstName, lastName: r.lastName, email: r.email, erased: r.erasedAt != null })),
    total,
    page: current,
    pageCount,
  };
}

/** The export as a download: JSON, never cached, saved under a name without personal data. */
export function exportDownload(data: SubjectAccessExport): Response {
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFilename(data.person.id, data.generatedAt)}"`,
      "Cache-Control": "no-store",
    },
  });
}
