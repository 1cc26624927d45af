// Guards. Every loader and action starts with one of these (or is explicitly public).
import { redirect } from "@remix-run/node";
import { db, driverRows } from "~/db.server";
import { hasAnyRole, isRole, type Role } from "~/domain/roles";
import { perRequest } from "~/utils/request-memo.server";
import type { DataVersions } from "~/services/data-version.server";
import { readSessionId } from "~/utils/session.server";

export type CurrentUser = {
  id: string;
  personId: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  sessionId: string;
  /** the data counters as this request began (read in the same statement), for the pages' caches */
  dataVersions?: DataVersions;
};

export function getOptionalUser(request: Request, now = new Date()): Promise<CurrentUser | null> {
  // The cookie is checked once per page view too: its signature is verified with WebCrypto.
  return perRequest(request, "user", async () => {
    const sessionId = await readSessionId(request);
    return sessionId ? userOfSession(sessionId, now) : null;
  });
}

async function userOfSession(sessionId: string, now: Date): Promise<CurrentUser | null> {
  // Every page asks this: one plain SQL query, a row per role (a model include is five queries), sent straight
  // to the driver (db.server.ts driverRows). The data counters ride along: the cached pages
  // (data-version.server.ts) then need no statement of their own.
  const rows = await driverRows<SessionRow>(
    db(),
    (param) => `SELECT s."expiresAt", u."id", u."personId", u."email", u."active", p."firstName", p."lastName", r."role",
      (SELECT "version" FROM "DataVersion" WHERE "name" = 'pledges') AS "pledgesVersion",
      (SELECT "version" FROM "DataVersion" WHERE "name" = 'panel') AS "panelVersion"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId" JOIN "Person" p ON p."id" = u."personId"
    LEFT JOIN "UserRole" r ON r."userId" = u."id" WHERE s."id" = ${param(1)}`,
    [sessionId],
  );
  const row = rows[0];
  if (!row || new Date(row.expiresAt) <= now || !row.active) return null;
  return {
    id: row.id,
    personId: row.personId,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    roles: rows.map((r) => r.role).filter((role): role is string => role !== null).filter(isRole),
    sessionId,
    dataVersions: { pledges: versionOf(row.pledgesVersion), panel: versionOf(row.panelVersion) },
  };
}

type SessionRow = {
  expiresAt: string; // ISO, as the driver gives it (driverRows)
  id: string;
  personId: string;
  email: string;
  active: boolean | number;
  firstName: string;
  lastName: string;
  role: string | null;
  pledgesVersion: number | bigint | null;
  panelVersion: number | bigint | null;
};

const versionOf = (value: number | bigint | null) => (value === null ? null : Number(value));

function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return redirect(`/sign-in?redirectTo=${encodeURIComponent(back)}`);
}

/** Signed in, any role; otherwise a redirect to sign-in that comes back here. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getOptionalUser(request);
  if (!user) throw signInRedirect(request);
  return user;
}

/** Signed in with at least one of `roles` (admin does not imply others); otherwise 403. */
export async function requireRole(request: Request, roles: readonly Role[]): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!hasAnyRole(user.roles, roles)) {
    throw new Response("You do not have access to this page.", { status: 403, statusText: "Forbidden" });
  }
  return user;
}
