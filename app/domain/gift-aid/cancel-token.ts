// The link in a receipt that lets a donor cancel a Gift Aid declaration: the id signed with the app's secret.
import { createHmac, timingSafeEqual } from "node:crypto";

export function cancelToken(declarationId: string, secret: string): string {
  return createHmac("sha256", secret).update(`gift-aid-cancel:${declarationId}`).digest("base64url");
}

export function isValidCancelToken(declarationId: string, token: string | null | undefined, secret: string): boolean {
  if (!token) return false;
  const expected = Buffer.from(cancelToken(declarationId, secret));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function cancelPath(declarationId: string, secret: string): string {
  return `/gift-aid/cancel/${encodeURIComponent(declarationId)}?token=${cancelToken(declarationId, secret)}`;
}
