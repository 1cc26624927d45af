// Guards. Every loader and action starts with one of these (or is explicitly public).
import { redirect } from "@remix-run/node";
import { db } from "~/db.server";
import { hasAnyRole, isRole, type Role } from "~/domain/roles";
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
  const session = await db().session.findUnique({
    where: { id: sessionId },
    include: { user: { include: { person: true, roles: true } } },
  });
  if (!session || session.expiresAt <= now || !session.user.active) return null;
  const { user } = session;
  return {
    id: user.id,
    personId: user.personId,
    email: user.email,
    firstName: user.person.firstName,
    lastName: user.person.lastName,
    roles: user.roles.map((r) => r.role).filter(isRole),
    sessionId,
  };
}

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
