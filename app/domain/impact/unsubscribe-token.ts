// The unsubscribe link in every monthly digest: the user's id signed with the app's secret, so a link
// works for that one person only and nobody can make one for someone else. It does not expire: an old
// digest's link must still stop the next one.
import { createHmac, timingSafeEqual } from "node:crypto";

export function unsubscribeToken(userId: string, secret: string): string {
  // The purpose is part of what is signed, so a token made for another signed link never works here.
  return createHmac("sha256", secret).update(`digest-unsubscribe:${userId}`).digest("base64url");
}

export function isValidUnsubscribeToken(userId: string, token: string | null | undefined, secret: string): boolean {
  if (!token || !userId) return false;
  const expected = Buffer.from(unsubscribeToken(userId, secret));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function unsubscribePath(userId: string, secret: string): string {
  return `/digest/unsubscribe/${encodeURIComponent(userId)}?token=${unsubscribeToken(userId, secret)}`;
}
