// Sessions: a random id in a signed, httpOnly cookie; the row in the Session table is the truth,
// so signing out (or an admin) ends it everywhere at once.
import { randomBytes } from "node:crypto";
import { createCookie, createCookieSessionStorage, redirect } from "@remix-run/node";
import { db } from "~/db.server";
import { loadEnv } from "~/utils/env.server";

export const SESSION_COOKIE = "hh_session";
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000; // a working day

function sessionCookie() {
  const env = loadEnv();
  return createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.isProduction,
    path: "/",
    secrets: [env.SESSION_SECRET],
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

/** Start a session for a user who has just proved who they are; returns the Set-Cookie header. */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db().session.create({ data: { id, userId, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) } });
  return sessionCookie().serialize(id);
}

export async function endSession(request: Request): Promise<string> {
  const id = await readSessionId(request);
  if (id) await db().session.deleteMany({ where: { id } });
  return sessionCookie().serialize("", { maxAge: 0 });
}

export async function redirectWithSession(userId: string, to: string): Promise<Response> {
  return redirect(to, { headers: { "Set-Cookie": await startSession(userId) } });
}

// Flash messages ride in their own short cookie so they survive one redirect, without JavaScript.
const flashStorage = () =>
  createCookieSessionStorage({
    cookie: {
      name: "hh_flash",
      httpOnly: true,
      sameSite: "lax",
      secure: loadEnv().isProduction,
      path: "/",
      secrets: [loadEnv().SESSION_SECRET],
    },
  });

export type Flash = { kind: "success" | "info"; message: string };

export async function setFlash(request: Request, flash: Flash): Promise<string> {
  const storage = flashStorage();
  const session = await storage.getSession(request.headers.get("Cookie"));
  session.flash("flash", flash);
  return storage.commitSession(session);
}

export async function readFlash(request: Request): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const storage = flashStorage();
  const session = await storage.getSession(request.headers.get("Cookie"));
  const flash = (session.get("flash") as Flash | undefined) ?? null;
  return { flash, setCookie: flash ? await storage.commitSession(session) : null };
}
