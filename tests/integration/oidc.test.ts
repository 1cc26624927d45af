// Staff single sign-on (issue 11) against a real OpenID Connect provider on a local port
// (tests/helpers/oidc-provider.ts), through the app's real HTTP stack: the button on /sign-in,
// the round trip, the callback's checks (state, PKCE, ID token and its nonce) and who may come in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import { SSO_AUDIT, pendingSsoCookie, readPendingSso, signInWithClaims } from "~/services/sso.server";
import { parseEnv, resetEnvForTests } from "~/utils/env.server";
import { db, useTestDatabase } from "../helpers/db";
import { CookieJar, cancelAtProvider, logInAtProvider, startTestIdp, type TestIdp } from "../helpers/oidc-provider";
import { freePort, startTestServer, type TestServer } from "../helpers/server";

useTestDatabase();

let app: TestServer;
let idp: TestIdp;
let groupId = "";

async function person(email: string, roles: Role[], { active = true, payrollNumber }: { active?: boolean; payrollNumber?: string } = {}) {
  const p = await db().person.create({ data: { firstName: email.split(".")[0].replace(/^./, (c) => c.toUpperCase()), lastName: "Test", email } });
  const user = await db().user.create({ data: { personId: p.id, email, active, roles: { create: roles.map((role) => ({ role })) } } });
  if (payrollNumber) await db().employeeRecord.create({ data: { personId: p.id, payrollNumber, payGroupId: groupId } });
  return user;
}

beforeAll(async () => {
  groupId = (await db().payGroup.create({ data: { name: "Monthly", frequency: "monthly", cutOffDay: 10 } })).id;
  await person("ada.employee@council.example", ["employee"], { payrollNumber: "P1001" });
  await person("jo.young@young.example", ["young_person"]);
  await person("left.employee@council.example", ["employee"], { active: false });

  // The app's address must be known before it starts: it is the redirect URI registered at the provider.
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  idp = await startTestIdp({
    redirectUris: [`${appUrl}/sign-in/sso/callback`],
    accounts: {
      // Entra ID may send the address in any case.
      ada: { email: "Ada.Employee@Council.EXAMPLE" },
      unverified: { email: "ada.employee@council.example", email_verified: false },
      "no-email": { name: "Nobody" },
    },
  });
  Object.assign(process.env, { APP_URL: appUrl, ...idp.appEnv });
  resetEnvForTests();
  app = await startTestServer({}, { port });
});

afterAll(async () => {
  await app?.close();
  await idp?.close();
  for (const key of ["APP_URL", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]) delete process.env[key];
  resetEnvForTests();
});

/** Presses the button on /sign-in: returns the provider's authorization URL. */
async function pressSsoButton(jar: CookieJar, redirectTo = "/giving"): Promise<URL> {
  const res = await jar.fetch(`${app.baseUrl}/sign-in/sso`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ redirectTo }),
  });
  expect(res.status).toBe(303);
  const to = new URL(res.headers.get("Location")!);
  expect(to.origin).toBe(idp.issuer);
  return to;
}

async function signInAs(login: string, redirectTo?: string): Promise<{ jar: CookieJar; callback: Response }> {
  const jar = new CookieJar();
  const callbackUrl = await logInAtProvider(jar, idp, await pressSsoButton(jar, redirectTo), login);
  expect(`${callbackUrl.origin}${callbackUrl.pathname}`).toBe(`${app.baseUrl}/sign-in/sso/callback`);
  return { jar, callback: await jar.fetch(callbackUrl) };
}

/** Who the home page greets ("Welcome, Ada"), or null when signed out. */
async function greeted(jar: CookieJar): Promise<string | null> {
  const html = await (await jar.fetch(`${app.baseUrl}/`)).text();
  return html.match(/Welcome, (?:<!-- -->)?(\w+)/)?.[1] ?? null;
}

const auditCount = (action: string) => db().auditLog.count({ where: { action } });

describe("the sign-in page", () => {
  it("offers the council sign-in button, and the page's CSP lets the form go to the provider", async () => {
    const res = await fetch(`${app.baseUrl}/sign-in?redirectTo=%2Fgiving`);
    const html = await res.text();
    expect(html).toContain("Sign in with your council account");
    expect(html).toMatch(/<form[^>]*action="\/sign-in\/sso"/);
    expect(html).toContain('name="redirectTo" value="/giving"');
    const formAction = res.headers.get("Content-Security-Policy")!.split(";").find((d) => d.trim().startsWith("form-action"));
    expect(formAction?.trim()).toBe(`form-action 'self' ${idp.issuer}`);
  });

  it("sends a PKCE challenge, a state and a nonce to the provider, and keeps them in a short httpOnly cookie", async () => {
    const jar = new CookieJar();
    const res = await jar.fetch(`${app.baseUrl}/sign-in/sso?redirectTo=%2Fgiving`);
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get("Location")!);
    for (const p of ["code_challenge", "state", "nonce"]) expect(to.searchParams.get(p)).toBeTruthy();
    expect(to.searchParams.get("code_challenge_method")).toBe("S256");
    expect(to.searchParams.get("redirect_uri")).toBe(`${app.baseUrl}/sign-in/sso/callback`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("hh_sso="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=300/i);
    expect(cookie).toMatch(/Path=\/sign-in\/sso/i);
    // Signed and opaque: the verifier is not readable in the URL the provider sees.
    expect(to.href).not.toContain(decodeURIComponent(cookie.split(";")[0].slice("hh_sso=".length)));
  });
});

describe("signing in through the council's provider", () => {
  it("signs an employee in by email address (any case), to the page they asked for, and audits it", async () => {
    const before = await auditCount(SSO_AUDIT.signedIn);
    const { jar, callback } = await signInAs("ada", "/giving");
    expect(callback.status).toBe(303);
    expect(callback.headers.get("Location")).toBe("/giving");
    expect(callback.headers.getSetCookie().some((c) => c.startsWith("hh_session="))).toBe(true);
    expect(await greeted(jar)).toBe("Ada");
    expect(await auditCount(SSO_AUDIT.signedIn)).toBe(before + 1);
    const user = await db().user.findUniqueOrThrow({ where: { email: "ada.employee@council.example" } });
    expect(user.lastSignInAt).not.toBeNull();
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: SSO_AUDIT.signedIn }, orderBy: { at: "desc" } });
    expect(entry.entityId).toBe(user.id);
    expect(entry.detail).not.toContain("@");
  });

  it("refuses an address with no account, and creates none", async () => {
    const users = await db().user.count();
    const { jar, callback } = await signInAs("stranger@council.example");
    expect(callback.status).toBe(403);
    expect(await callback.text()).toContain("We could not find a staff account for <strong class=\"break-all\">stranger@council.example</strong>");
    expect(callback.headers.getSetCookie().some((c) => c.startsWith("hh_session="))).toBe(false);
    expect(await db().user.count()).toBe(users);
    expect(await greeted(jar)).toBeNull();
  });

  it("refuses someone who is not staff (a young person signs in with a code) and a deactivated employee", async () => {
    for (const login of ["jo.young@young.example", "left.employee@council.example"]) {
      const { jar, callback } = await signInAs(login);
      expect(callback.status).toBe(403);
      const html = await callback.text();
      expect(html).toContain(login);
      expect(html).toContain("sign in with a code sent to your email");
      expect(await greeted(jar)).toBeNull();
    }
  });

  it("refuses an ID token without a usable email address (missing, or marked unverified)", async () => {
    for (const login of ["no-email", "unverified"]) {
      const { callback } = await signInAs(login);
      expect(callback.status).toBe(403);
      expect(await callback.text()).toContain("did not tell us who you are");
    }
  });
});

describe("the callback's checks", () => {
  it("refuses a callback whose state is not the one this browser started with", async () => {
    const jar = new CookieJar();
    const callbackUrl = await logInAtProvider(jar, idp, await pressSsoButton(jar), "ada");
    callbackUrl.searchParams.set("state", "a-state-this-browser-never-sent");
    const res = await jar.fetch(callbackUrl);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("We could not sign you in");
    expect(res.headers.getSetCookie().some((c) => c.startsWith("hh_session="))).toBe(false);
    expect(await greeted(jar)).toBeNull();
  });

  it("refuses an ID token whose nonce is not the one this attempt sent (state and verifier right)", async () => {
    const jar = new CookieJar();
    const callbackUrl = await logInAtProvider(jar, idp, await pressSsoButton(jar), "ada");
    // Re-sign this browser's flow cookie (same SESSION_SECRET) with only the nonce changed.
    const pending = (await readPendingSso(new Request(app.baseUrl, { headers: { Cookie: jar.header(app.baseUrl) } })))!;
    expect(pending.state).toBe(callbackUrl.searchParams.get("state"));
    const forged = (await pendingSsoCookie({ ...pending, nonce: "not-the-nonce-that-was-sent" })).split(";")[0];
    const res = await fetch(callbackUrl, { headers: { Cookie: forged }, redirect: "manual" });
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("hh_session="))).toBe(false);
  });

  it("refuses someone else's callback: a code meant for another browser's sign-in (login CSRF)", async () => {
    const victim = new CookieJar();
    await pressSsoButton(victim);
    const attacker = new CookieJar();
    const attackersCallback = await logInAtProvider(attacker, idp, await pressSsoButton(attacker), "ada");
    const res = await victim.fetch(attackersCallback);
    expect(res.status).toBe(400);
    expect(await greeted(victim)).toBeNull();
  });

  it("uses a sign-in attempt once: the same callback again is refused", async () => {
    const jar = new CookieJar();
    const callbackUrl = await logInAtProvider(jar, idp, await pressSsoButton(jar), "ada");
    expect((await jar.fetch(callbackUrl)).status).toBe(303);
    const again = await jar.fetch(callbackUrl);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("took too long, or was started in another browser");
  });

  it("shows the provider's refusal (the person cancelled) as a clear page, 403", async () => {
    const before = await auditCount(SSO_AUDIT.refused);
    const jar = new CookieJar();
    const callbackUrl = await cancelAtProvider(jar, idp, await pressSsoButton(jar));
    expect(callbackUrl.searchParams.get("error")).toBe("access_denied");
    const res = await jar.fetch(callbackUrl);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("You did not sign in");
    expect(await auditCount(SSO_AUDIT.refused)).toBe(before + 1);
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: SSO_AUDIT.refused }, orderBy: { at: "desc" } });
    expect(JSON.parse(entry.detail!)).toEqual({ reason: "provider_error", providerError: "access_denied" });
  });

  it("answers a callback with no sign-in under way with 400, not an error page", async () => {
    const res = await fetch(`${app.baseUrl}/sign-in/sso/callback?code=x&state=y`, { redirect: "manual" });
    expect(res.status).toBe(400);
  });
});

describe("matching by payroll number (OIDC_MATCH_CLAIM=employee_id)", () => {
  it("finds the employee whose EmployeeRecord has that payroll number", async () => {
    const ada = await db().user.findUniqueOrThrow({ where: { email: "ada.employee@council.example" } });
    const result = await signInWithClaims({ claims: { sub: "x", employee_id: " P1001 " }, matchClaim: "employee_id" });
    expect(result).toEqual({ ok: true, userId: ada.id });
  });

  it("refuses a leaver from their leaving date, by payroll number or email, though the account is still active", async () => {
    const ada = await db().user.findUniqueOrThrow({ where: { email: "ada.employee@council.example" }, include: { person: { include: { employee: true } } } });
    const employeeId = ada.person.employee!.id;
    await db().employeeRecord.update({ where: { id: employeeId }, data: { leftOn: new Date("2026-11-20T00:00:00Z") } });
    try {
      const before = new Date("2026-11-19T09:00:00Z");
      const after = new Date("2026-11-20T09:00:00Z");
      expect(await signInWithClaims({ claims: { sub: "x", employee_id: "P1001" }, matchClaim: "employee_id", now: before })).toEqual({ ok: true, userId: ada.id });
      expect(await signInWithClaims({ claims: { sub: "x", employee_id: "P1001" }, matchClaim: "employee_id", now: after })).toMatchObject({ ok: false, reason: "no_staff_account" });
      expect(
        await signInWithClaims({ claims: { sub: "x", email: "ada.employee@council.example", email_verified: true }, matchClaim: "email", now: after }),
      ).toMatchObject({ ok: false, reason: "no_staff_account" });
    } finally {
      await db().employeeRecord.update({ where: { id: employeeId }, data: { leftOn: null } });
    }
  });

  it("refuses a payroll number nobody has, and a token without the claim (the email is not used instead)", async () => {
    expect(await signInWithClaims({ claims: { sub: "x", employee_id: "P9999" }, matchClaim: "employee_id" })).toEqual({
      ok: false,
      reason: "no_staff_account",
      match: { by: "payroll_number", payrollNumber: "P9999" },
    });
    expect(await signInWithClaims({ claims: { sub: "x", email: "ada.employee@council.example" }, matchClaim: "employee_id" })).toMatchObject({
      ok: false,
      reason: "claim_missing",
    });
  });
});

describe("the OIDC settings (env)", () => {
  const base = { OIDC_ISSUER: "https://login.microsoftonline.com/tenant/v2.0", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "secret" };

  it("are off unless OIDC_ISSUER is set, with defaults for the label and the claim", () => {
    expect(parseEnv({}).oidc).toBeNull();
    expect(parseEnv({ ...base, APP_URL: "https://giving.council.example/" }).oidc).toEqual({
      issuer: base.OIDC_ISSUER,
      clientId: "id",
      clientSecret: "secret",
      label: "Sign in with your council account",
      matchClaim: "email",
      redirectUri: "https://giving.council.example/sign-in/sso/callback",
    });
  });

  it("name what is missing when only part is set", () => {
    expect(() => parseEnv({ OIDC_ISSUER: base.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID is required when OIDC_ISSUER is set[\s\S]*OIDC_CLIENT_SECRET is required/);
    expect(() => parseEnv({ OIDC_CLIENT_ID: "id" })).toThrow(/OIDC_ISSUER is required when OIDC_CLIENT_ID is set/);
    expect(() => parseEnv({ ...base, OIDC_MATCH_CLAIM: "employee id" })).toThrow(/OIDC_MATCH_CLAIM must be a claim name/);
  });

  it("refuse a plain-http provider in production", () => {
    const production = { NODE_ENV: "production", SESSION_SECRET: "x".repeat(32), SENDGRID_API_KEY: "SG.x", STRIPE_SECRET_KEY: "sk", STRIPE_WEBHOOK_SECRET: "wh", APP_URL: "https://a.example" };
    expect(() => parseEnv({ ...production, ...base, OIDC_ISSUER: "http://idp.example" })).toThrow(/OIDC_ISSUER must be an https:\/\/ address in production/);
    expect(parseEnv({ ...production, ...base }).oidc?.issuer).toBe(base.OIDC_ISSUER);
  });
});
