// Signing in with a one-time code sent by email, for every role. The rules are in ~/domain/sign-in;
// this module keeps the challenges (SignInCode), the shared rate limits (RateLimit), the audit trail
// and the small cookie that remembers which email is waiting for a code.
import { createHmac } from "node:crypto";
import { generateTOTP, verifyTOTP } from "@epic-web/totp";
import { createCookie, type AppLoadContext } from "@remix-run/node";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db, type Db } from "~/db.server";
import {
  CODE_ALGORITHM,
  CODE_CHAR_SET,
  CODE_DIGITS,
  CODE_REQUEST_LIMIT,
  CODE_VALIDITY_MINUTES,
  CODE_VALIDITY_MS,
  CODE_VERIFY_LIMIT,
  MAX_CODE_TRIES,
  PENDING_SIGN_IN_MINUTES,
  codeExpiresAt,
  codeStatus,
  isWellFormedCode,
  normaliseCode,
  normaliseEmail,
  retryAfterSeconds,
  safeRedirectTo,
  triesLeft,
  type VerifyFailure,
} from "~/domain/sign-in";
import { sendEmail } from "~/integrations/mailer.server";
import { audit } from "~/services/audit.server";
import { loadEnv } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { signInCodeEmail } from "../../emails/sign-in-code";

export const SIGN_IN_AUDIT = {
  codeRequested: "sign_in.code_requested",
  signedIn: "sign_in.signed_in",
  codeFailed: "sign_in.code_failed",
  signedOut: "sign_in.signed_out",
} as const;

/** Too many requests: wait `retryAfterSeconds`, then try again. */
export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited: retry after ${retryAfterSeconds}s`);
    this.name = "RateLimited";
  }
}

// ---- Rate limits, in the shared database so they hold across every app server ----

type Limiters = { requestsPerEmail: RateLimiterPrisma; requestsPerIp: RateLimiterPrisma; wrongCodesPerIp: RateLimiterPrisma };
let limiters: { client: Db; set: Limiters } | undefined;

function getLimiters(): Limiters {
  const client = db();
  // db() hands out a new client when DATABASE_URL changes (tests): the limiters follow it.
  if (limiters?.client !== client) {
    const make = (keyPrefix: string, limit: { points: number; durationSeconds: number }, clearExpired: boolean) =>
      new RateLimiterPrisma({
        storeClient: client,
        tableName: "rateLimit", // the Prisma client's accessor for the RateLimit model
        keyPrefix,
        points: limit.points,
        duration: limit.durationSeconds,
        // One sweeper of stale rows per process is enough: the limiters share the table.
        clearExpiredByTimeout: clearExpired,
      });
    limiters = {
      client,
      set: {
        requestsPerEmail: make("code_request_email", CODE_REQUEST_LIMIT, true),
        requestsPerIp: make("code_request_ip", CODE_REQUEST_LIMIT, false),
        wrongCodesPerIp: make("code_verify_ip", CODE_VERIFY_LIMIT, false),
      },
    };
  }
  return limiters.set;
}

/** Rate-limit keys are keyed hashes: the table holds no email or IP address in the clear. */
function limitKey(value: string): string {
  return createHmac("sha256", loadEnv().SESSION_SECRET).update(value).digest("base64url").slice(0, 32);
}

/** Take one point from each limiter (all of them, so every attempt counts); throw if any is used up. */
async function consumeAll(entries: [RateLimiterPrisma, string][]): Promise<void> {
  const results = await Promise.allSettled(entries.map(([limiter, key]) => limiter.consume(limitKey(key))));
  let waitMs = -1;
  for (const result of results) {
    if (result.status === "fulfilled") continue;
    // The limiter rejects with a RateLimiterRes when over the limit, and with an Error when the store fails.
    if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
    waitMs = Math.max(waitMs, result.reason.msBeforeNext);
  }
  if (waitMs >= 0) throw new RateLimited(retryAfterSeconds(waitMs));
}

// ---- Requesting a code ----

/**
 * Send a code to `email` if it belongs to an active account. From outside, an unknown address behaves
 * exactly like a known one (same result, same rate limits, a challenge row that can be tried): only
 * the email is not sent. Throws RateLimited.
 */
export async function requestSignInCode({ email, ip, now = new Date() }: { email: string; ip: string; now?: Date }): Promise<void> {
  const address = normaliseEmail(email);
  const { requestsPerEmail, requestsPerIp } = getLimiters();
  await consumeAll([
    [requestsPerEmail, address],
    [requestsPerIp, ip],
  ]);

  const user = await db().user.findUnique({ where: { email: address }, select: { id: true, active: true } });
  const account = user?.active ? user : null;

  // The TOTP step is the validity period; expiresAt (checked against `now`) is the exact limit.
  const totp = await generateTOTP({
    period: CODE_VALIDITY_MS / 1000,
    digits: CODE_DIGITS,
    algorithm: CODE_ALGORITHM,
    charSet: CODE_CHAR_SET,
  });

  await db().$transaction(async (tx) => {
    // A new code supersedes this address's unused ones; expired codes are of no use to anyone.
    await tx.signInCode.deleteMany({ where: { OR: [{ email: address, usedAt: null }, { expiresAt: { lt: now } }] } });
    const challenge = await tx.signInCode.create({
      data: {
        email: address,
        secret: totp.secret,
        algorithm: totp.algorithm,
        digits: totp.digits,
        period: totp.period,
        charSet: totp.charSet,
        createdAt: now,
        expiresAt: codeExpiresAt(now),
      },
    });
    await audit(
      {
        actorUserId: account?.id ?? null,
        action: SIGN_IN_AUDIT.codeRequested,
        entityType: "User",
        entityId: account?.id ?? null,
        detail: { signInCodeId: challenge.id },
      },
      tx,
    );
  });

  // After the commit: the code is stored before anyone can read it.
  if (account) {
    const message = signInCodeEmail({ code: totp.otp, validityMinutes: CODE_VALIDITY_MINUTES });
    await sendEmail({ to: address, ...message });
  }
}

// ---- Checking a code ----

export type VerifyResult = { ok: true; userId: string } | { ok: false; reason: VerifyFailure; triesLeft: number };

/**
 * Check `code` against the latest challenge for `email`. Every check uses up one of the code's tries,
 * reserved in the database before the comparison, so parallel guesses cannot exceed the limit.
 * On success the code is spent, lastSignInAt set and the sign-in audited; the caller starts the session.
 * Throws RateLimited when this IP address has entered too many wrong codes.
 */
export async function verifySignInCode({
  email,
  code,
  ip,
  now = new Date(),
}: {
  email: string;
  code: string;
  ip: string;
  now?: Date;
}): Promise<VerifyResult> {
  const address = normaliseEmail(email);
  const { wrongCodesPerIp } = getLimiters();
  await consumeAll([[wrongCodesPerIp, ip]]);

  const user = await db().user.findUnique({ where: { email: address }, select: { id: true, active: true } });
  const fail = async (reason: VerifyFailure, challengeId: string | null, left = 0): Promise<VerifyResult> => {
    await audit({
      action: SIGN_IN_AUDIT.codeFailed,
      entityType: "User",
      entityId: user?.id ?? null,
      detail: { reason, signInCodeId: challengeId },
    });
    return { ok: false, reason, triesLeft: left };
  };

  const challenge = await db().signInCode.findFirst({ where: { email: address }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  if (!challenge) return fail("no_code", null);
  const status = codeStatus(challenge, now);
  if (status !== "usable") return fail(status, challenge.id);

  const reserved = await db().signInCode.updateMany({
    where: { id: challenge.id, usedAt: null, attempts: { lt: MAX_CODE_TRIES } },
    data: { attempts: { increment: 1 } },
  });
  // Re-read: parallel requests may have used tries (or the code) since we looked.
  const current = await db().signInCode.findUnique({ where: { id: challenge.id } });
  if (reserved.count === 0 || !current) {
    const state = current ? codeStatus(current, now) : "expired";
    return fail(state === "usable" ? "too_many_tries" : state, challenge.id);
  }
  const left = triesLeft(current.attempts);

  const candidate = normaliseCode(code);
  // The library compares the expected code with ===; only a well-formed candidate gets that far, and
  // five tries per code leave nothing to learn from timing. window 1 accepts the previous TOTP step,
  // so a code made just before a step boundary still works for its full 10 minutes (expiresAt ends it).
  const matches =
    isWellFormedCode(candidate) &&
    (await verifyTOTP({
      otp: candidate,
      secret: challenge.secret,
      period: challenge.period,
      digits: challenge.digits,
      algorithm: challenge.algorithm,
      charSet: challenge.charSet,
      window: 1,
    })) !== null;

  // A right code for an address with no active account (a decoy challenge) is still not a sign-in.
  if (matches && user?.active) {
    const signedIn = await db().$transaction(async (tx) => {
      const spent = await tx.signInCode.updateMany({ where: { id: challenge.id, usedAt: null }, data: { usedAt: now } });
      if (spent.count === 0) return false;
      await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
      await audit(
        { actorUserId: user.id, action: SIGN_IN_AUDIT.signedIn, entityType: "User", entityId: user.id, detail: { signInCodeId: challenge.id } },
        tx,
      );
      return true;
    });
    if (!signedIn) return fail("used", challenge.id);
    // Only wrong codes count against the IP address: an office signing in all morning is not an attack.
    // Best effort: the person is signed in whether or not the point comes back.
    await wrongCodesPerIp.reward(limitKey(ip), 1).catch((err: unknown) => logger.warn({ err }, "could not return a rate-limit point"));
    return { ok: true, userId: user.id };
  }
  return left > 0 ? fail("wrong_code", challenge.id, left) : fail("too_many_tries", challenge.id);
}

// ---- Signing out ----

export async function recordSignOut(userId: string): Promise<void> {
  await audit({ actorUserId: userId, action: SIGN_IN_AUDIT.signedOut, entityType: "User", entityId: userId });
}

// ---- The pending sign-in: which email is waiting for a code, between the two pages ----

export type PendingSignIn = { email: string; redirectTo: string };

function pendingCookie() {
  const env = loadEnv();
  return createCookie("hh_sign_in", {
    httpOnly: true,
    sameSite: "lax",
    secure: env.isProduction,
    path: "/sign-in",
    secrets: [env.SESSION_SECRET],
    maxAge: PENDING_SIGN_IN_MINUTES * 60,
  });
}

export async function pendingSignInCookie(pending: PendingSignIn): Promise<string> {
  return pendingCookie().serialize(pending);
}

export async function clearPendingSignInCookie(): Promise<string> {
  return pendingCookie().serialize("", { maxAge: 0 });
}

export async function readPendingSignIn(request: Request): Promise<PendingSignIn | null> {
  const value: unknown = await pendingCookie().parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return null;
  const { email, redirectTo } = value as Record<string, unknown>;
  if (typeof email !== "string" || !email) return null;
  return { email, redirectTo: safeRedirectTo(redirectTo) };
}

/**
 * The client's IP address for rate limits, as the Express server saw it (req.ip, which honours
 * TRUST_PROXY). Without one every request shares a bucket: stricter, never looser.
 */
export function clientIp(context: AppLoadContext): string {
  return context.clientIp || "unknown";
}
