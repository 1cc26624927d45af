// The rules of signing in with a one-time code sent by email. Pure: no Prisma, env or clock.
import { z } from "zod";

/** Codes are 6 digits: short enough to type, and with 5 tries a guess succeeds 1 time in 200,000. */
export const CODE_DIGITS = 6;
export const CODE_CHAR_SET = "0123456789";
/** Only the sign-in server reads the code, so the stronger hash costs nothing (no authenticator app to match). */
export const CODE_ALGORITHM = "SHA-256";
export const CODE_VALIDITY_MINUTES = 10;
export const CODE_VALIDITY_MS = CODE_VALIDITY_MINUTES * 60 * 1000;
/** Wrong tries allowed per code; then the code is dead and the person must ask for a new one. */
export const MAX_CODE_TRIES = 5;
/** Tell people how many tries are left only when it starts to matter. */
export const FEW_TRIES_LEFT = 2;

/** Code requests: per email address and, separately, per IP address. */
export const CODE_REQUEST_LIMIT = { points: 10, durationSeconds: 5 * 60 } as const;
/**
 * Wrong code entries per IP address. Higher than the request limit because a council office may share
 * one address; right codes are given back so busy offices are not locked out by people who sign in.
 */
export const CODE_VERIFY_LIMIT = { points: 30, durationSeconds: 5 * 60 } as const;

/** The pending sign-in (which email is waiting for a code) outlives the code, so an expired code gets a clear message. */
export const PENDING_SIGN_IN_MINUTES = 30;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** People paste codes with spaces or type them in groups ("123 456"): ignore those. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, "");
}

export function isWellFormedCode(code: string): boolean {
  return new RegExp(`^[${CODE_CHAR_SET}]{${CODE_DIGITS}}$`).test(code);
}

export function codeExpiresAt(now: Date): Date {
  return new Date(now.getTime() + CODE_VALIDITY_MS);
}

export type CodeStatus = "usable" | "used" | "expired" | "too_many_tries";

export function codeStatus(code: { expiresAt: Date; usedAt: Date | null; attempts: number }, now: Date): CodeStatus {
  if (code.usedAt) return "used";
  if (code.attempts >= MAX_CODE_TRIES) return "too_many_tries";
  if (now.getTime() >= code.expiresAt.getTime()) return "expired";
  return "usable";
}

export function triesLeft(attempts: number): number {
  return Math.max(MAX_CODE_TRIES - attempts, 0);
}

/** Whole seconds, at least 1, for a Retry-After header. */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

/** "1 minute", "5 minutes": how long to wait, rounded up, in words. */
export function formatWait(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/**
 * Where to go after signing in: only a path on this site. "//evil.example" and "/\evil.example" are
 * other sites to a browser, and control characters can be stripped by browsers into the same thing.
 */
export function safeRedirectTo(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/";
  if (!value.startsWith("/") || value.startsWith("//")) return "/";
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return "/";
  return value;
}

export type VerifyFailure = "wrong_code" | "used" | "expired" | "too_many_tries" | "no_code";

/** What to tell someone whose code did not work (GOV.UK style: say what to do). */
export function verifyFailureMessage(reason: VerifyFailure, left = 0): string {
  switch (reason) {
    case "wrong_code": {
      const base = "The code is not right. Enter the code from the email we sent you";
      if (left > FEW_TRIES_LEFT) return base;
      return `${base}. You have ${left === 1 ? "1 more try" : `${left} more tries`} before you need to request a new code`;
    }
    case "too_many_tries":
      return "You have entered the wrong code too many times. Request a new code";
    case "used":
    case "expired":
    case "no_code":
      // One message: "used" and "expired" look the same to the person, and must to an attacker.
      return "This code has expired or has already been used. Request a new code";
  }
}

/** A failure the person can only fix by asking for a new code. */
export function needsNewCode(reason: VerifyFailure): boolean {
  return reason !== "wrong_code";
}

// Form schemas: shared by the page and the action, so both say the same thing.

export const ENTER_EMAIL = "Enter your email address";
export const EMAIL_FORMAT = "Enter an email address in the correct format, like name@example.com";
export const ENTER_CODE = "Enter the code from the email we sent you";
export const CODE_FORMAT = `The code must be ${CODE_DIGITS} numbers, like 123456`;

export const signInRequestSchema = z.object({
  email: z
    .string({ error: ENTER_EMAIL })
    .trim()
    .toLowerCase()
    .min(1, ENTER_EMAIL)
    .max(254, "Email address must be 254 characters or fewer")
    .pipe(z.email({ error: EMAIL_FORMAT })),
  // optional() first: Zod 4 otherwise treats a missing key as an error before the transform runs.
  redirectTo: z.unknown().optional().transform(safeRedirectTo),
});

export const signInCodeSchema = z.object({
  code: z
    .string({ error: ENTER_CODE })
    .transform(normaliseCode)
    .pipe(z.string().min(1, ENTER_CODE).refine(isWellFormedCode, CODE_FORMAT)),
});
