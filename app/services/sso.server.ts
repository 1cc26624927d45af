// Staff single sign-on: the short cookie that carries a sign-in across the round trip to the council's
// identity provider, finding the staff account for a validated ID token, and the audit trail.
// The provider itself sits behind ~/integrations/oidc.server; the rules are in ~/domain/sso.
import { createCookie } from "@remix-run/node";
import { db } from "~/db.server";
import { safeRedirectTo } from "~/domain/sign-in";
import { SSO_FLOW_MINUTES, describeMatch, isStaff, providerErrorStatus, staffMatchFromClaims, type MatchFailure, type StaffMatch } from "~/domain/sso";
import { OidcCallbackError, OidcProviderError, beginSignIn, completeSignIn, type OidcFlow } from "~/integrations/oidc.server";
import { audit } from "~/services/audit.server";
import { loadEnv, type OidcSettings } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";

export const SSO_AUDIT = {
  signedIn: "sign_in.sso",
  refused: "sign_in.sso_refused",
} as const;

export type SsoRefusal = MatchFailure | "no_staff_account" | "provider_error" | "callback_failed" | "flow_expired" | "provider_unavailable";

// ---- The flow cookie: PKCE verifier, state and nonce, between /sign-in/sso and its callback ----

export type PendingSso = OidcFlow & { redirectTo: string };

function flowCookie() {
  const env = loadEnv();
  // SameSite=Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
  return createCookie("hh_sso", {
    httpOnly: true,
    sameSite: "lax",
    secure: env.isProduction,
    path: "/sign-in/sso",
    secrets: [env.SESSION_SECRET],
    maxAge: SSO_FLOW_MINUTES * 60,
  });
}

export async function pendingSsoCookie(pending: PendingSso): Promise<string> {
  return flowCookie().serialize(pending);
}

export async function clearPendingSsoCookie(): Promise<string> {
  return flowCookie().serialize("", { maxAge: 0 });
}

export async function readPendingSso(request: Request): Promise<PendingSso | null> {
  const value: unknown = await flowCookie().parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return null;
  const { codeVerifier, state, nonce, redirectTo } = value as Record<string, unknown>;
  if (typeof codeVerifier !== "string" || typeof state !== "string" || typeof nonce !== "string") return null;
  return { codeVerifier, state, nonce, redirectTo: safeRedirectTo(redirectTo) };
}

// ---- From claims to a staff account ----

export type SsoResult = { ok: true; userId: string } | { ok: false; reason: SsoRefusal; match: StaffMatch | null };

async function findUser(match: StaffMatch) {
  const select = { id: true, active: true, roles: { select: { role: true } }, person: { select: { employee: { select: { leftOn: true } } } } } as const;
  if (match.by === "email") return db().user.findUnique({ where: { email: match.email }, select });
  const employee = await db().employeeRecord.findUnique({
    where: { payrollNumber: match.payrollNumber },
    select: { person: { select: { user: { select } } } },
  });
  return employee?.person.user ?? null;
}

/**
 * Signs in the active staff account the claims point to (by `matchClaim`, see ~/domain/sso): sets
 * lastSignInAt and audits `sign_in.sso`. No account is ever created here; anyone else is refused
 * (audited without their email address or payroll number). The caller starts the session.
 */
export async function signInWithClaims({
  claims,
  matchClaim,
  now = new Date(),
}: {
  claims: Record<string, unknown>;
  matchClaim: string;
  now?: Date;
}): Promise<SsoResult> {
  const read = staffMatchFromClaims(claims, matchClaim);
  if (!read.ok) {
    await recordSsoRefusal(read.reason, null);
    return { ok: false, reason: read.reason, match: null };
  }
  const user = await findUser(read.match);
  // A leaver's account may still be active (HR's record says when they left): they are not staff from that day.
  const leftOn = user?.person.employee?.leftOn;
  const hasLeft = !!leftOn && leftOn.getTime() <= now.getTime();
  if (!user?.active || !isStaff(user.roles.map((r) => r.role)) || hasLeft) {
    await recordSsoRefusal("no_staff_account", user?.id ?? null);
    return { ok: false, reason: "no_staff_account", match: read.match };
  }
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await audit({ actorUserId: user.id, action: SSO_AUDIT.signedIn, entityType: "User", entityId: user.id, detail: { matchedBy: read.match.by } }, tx);
  });
  return { ok: true, userId: user.id };
}

/** A refused single sign-on, with the reason (and the provider's error code, if any); never the email address. */
export async function recordSsoRefusal(reason: SsoRefusal, userId: string | null, providerError?: string): Promise<void> {
  await audit({
    action: SSO_AUDIT.refused,
    entityType: "User",
    entityId: userId,
    // The provider's error code is short ASCII when genuine; keep the log tidy if it is not.
    detail: providerError ? { reason, providerError: providerError.slice(0, 64) } : { reason },
  });
}

// ---- The two steps, for the routes ----

/** Where to send the browser, and the cookie that remembers this attempt; null when the provider cannot be reached. */
export async function startSso(settings: OidcSettings, redirectTo: string): Promise<{ location: string; setCookie: string } | null> {
  try {
    const { url, flow } = await beginSignIn(settings);
    return { location: url.href, setCookie: await pendingSsoCookie({ ...flow, redirectTo: safeRedirectTo(redirectTo) }) };
  } catch (err) {
    logger.error({ err }, "single sign-on: the identity provider could not be reached");
    return null;
  }
}

export type SsoOutcome =
  | { ok: true; userId: string; redirectTo: string }
  | { ok: false; reason: SsoRefusal; status: 400 | 403 | 503; providerError?: string; description?: string; shown?: string };

/**
 * The provider sent the browser back: check it against the pending attempt, exchange the code,
 * validate the ID token and find the staff account. The caller starts the session on success
 * and clears the flow cookie either way (an attempt is used once).
 */
export async function finishSso(settings: OidcSettings, request: Request): Promise<SsoOutcome> {
  const pending = await readPendingSso(request);
  if (!pending) {
    await recordSsoRefusal("flow_expired", null);
    return { ok: false, reason: "flow_expired", status: 400 };
  }
  let claims: Record<string, unknown>;
  try {
    claims = await completeSignIn(settings, new URL(request.url), pending);
  } catch (err) {
    if (err instanceof OidcProviderError) {
      await recordSsoRefusal("provider_error", null, err.error);
      return { ok: false, reason: "provider_error", status: providerErrorStatus(err.error), providerError: err.error, description: err.description };
    }
    if (err instanceof OidcCallbackError) {
      logger.warn({ err: err.message }, "single sign-on: callback refused");
      await recordSsoRefusal("callback_failed", null);
      return { ok: false, reason: "callback_failed", status: 400 };
    }
    logger.error({ err }, "single sign-on: the identity provider could not be reached");
    await recordSsoRefusal("provider_unavailable", null);
    return { ok: false, reason: "provider_unavailable", status: 503 };
  }
  const result = await signInWithClaims({ claims, matchClaim: settings.matchClaim });
  if (result.ok) return { ok: true, userId: result.userId, redirectTo: pending.redirectTo };
  return { ok: false, reason: result.reason, status: 403, shown: result.match ? describeMatch(result.match) : undefined };
}
