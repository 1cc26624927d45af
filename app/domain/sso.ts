// The rules of staff single sign-on (OpenID Connect): who may use it and which claim finds their account.
// Pure: the identity provider's claims come in as a plain object. See docs/decisions/0018-staff-sso.md.
import type { Role } from "~/domain/roles";
import { normaliseEmail } from "~/domain/sign-in";

/** Council staff roles. Young people are not staff: they sign in with a one-time code. */
export const STAFF_ROLES = ["employee", "panel", "finance", "coordinator", "personal_adviser", "admin"] as const satisfies readonly Role[];

export function isStaff(roles: readonly string[]): boolean {
  return roles.some((role) => (STAFF_ROLES as readonly string[]).includes(role));
}

/** The PKCE verifier, state and nonce wait in a signed cookie this long: long enough to type a password and do MFA. */
export const SSO_FLOW_MINUTES = 5;

/** How an identity is looked up: by email address, or by payroll number (any other claim name holds one). */
export type StaffMatch = { by: "email"; email: string } | { by: "payroll_number"; payrollNumber: string };

export type MatchFailure = "claim_missing" | "email_not_verified";

/**
 * Reads the configured claim from the ID token's claims. "email" matches User.email (case does not
 * matter); any other claim name (e.g. "employee_id") holds the payroll number (EmployeeRecord.payrollNumber).
 * An email the provider says it has not verified is refused; one without email_verified (Entra ID sends
 * none for the organisation's own accounts) is trusted, as the council's directory issued it.
 */
export function staffMatchFromClaims(claims: Record<string, unknown>, matchClaim: string): { ok: true; match: StaffMatch } | { ok: false; reason: MatchFailure } {
  const raw = claims[matchClaim];
  const value = typeof raw === "string" ? raw.trim() : typeof raw === "number" && Number.isSafeInteger(raw) ? String(raw) : "";
  if (!value) return { ok: false, reason: "claim_missing" };
  if (matchClaim === "email") {
    if (claims.email_verified === false) return { ok: false, reason: "email_not_verified" };
    return { ok: true, match: { by: "email", email: normaliseEmail(value) } };
  }
  return { ok: true, match: { by: "payroll_number", payrollNumber: value } };
}

/** What the refusal page names: the address or payroll number the council account gave us. */
export function describeMatch(match: StaffMatch): string {
  return match.by === "email" ? match.email : `payroll number ${match.payrollNumber}`;
}

/** The provider's own error codes (RFC 6749 §4.1.2.1): a person who cancels is not a fault. */
export function providerErrorStatus(error: string): 400 | 403 {
  return error === "access_denied" || error === "login_required" || error === "consent_required" || error === "interaction_required" ? 403 : 400;
}
