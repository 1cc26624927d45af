// Guards. Every loader and action starts with one of these (or is explicitly public).
import { redirect } from "@remix-run/node";
import { db } from "~/db.server";
import { hasAnyRole, isRole, type Role } from "~/domain/roles";
import { perRequest } from "~/utils/request-memo.server";
import { readSessionId } from "~/utils/session.server";

export type CurrentUser = {
  id: string;
  personId: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  sessionId: string;
};

export async function getOptionalUser(request: Request, now = new Date()): Promise<CurrentUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  return perRequest(`user:${sessionId}`, () => userOfSession(sessionId, now));
}

async function userOfSession(sessionId: string, now: Date): Promise<CurrentUser | null> {
  // Every page asks this: plain SQL, one join and the roles (a model include is four queries on SQLite).
  const [row] = await db().$queryRaw<SessionRow[]>`SELECT s."expiresAt", u."id", u."personId", u."email", u."active", p."firstName", p."lastName"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId" JOIN "Person" p ON p."id" = u."personId" WHERE s."id" = ${sessionId}`;
  if (!row || new Date(row.expiresAt) <= now || !row.active) return null;
  const roles = await db().$queryRaw<{ role: string }[]>`SELECT "role" FROM "UserRole" WHERE "userId" = ${row.id}`;
  return {
    id: row.id,
    personId: row.personId,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    roles: roles.map((r) => r.role).filter(isRole),
    sessionId,
  };
}

type SessionRow = { expiresAt: Date | string; id: string; personId: string; email: string; active: boolean | number; firstName: string; lastName: string };

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
