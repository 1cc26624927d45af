// A real OpenID Connect provider (oidc-provider) on 127.0.0.1 and a random port, standing in for the
// council's (Microsoft Entra ID in production) in the single sign-on tests. It has one confidential
// client (the app), signs people in with its development login page (any login, any password) and
// skips the consent page, as a council's own tenant does for its own app.
// Whoever logs in as "<login>" gets the claims in `accounts[login]`, or, for a login that looks like an
// email address, { email: login, email_verified: true }.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Context } from "oidc-provider";

export const TEST_IDP_CLIENT = { clientId: "helping-hands", clientSecret: "test-client-secret-for-the-local-provider" };

export type TestIdp = {
  issuer: string;
  /** env for an app that signs in with this provider */
  appEnv: { OIDC_ISSUER: string; OIDC_CLIENT_ID: string; OIDC_CLIENT_SECRET: string };
  close: () => Promise<void>;
};

export async function startTestIdp({
  redirectUris,
  accounts = {},
}: {
  redirectUris: string[];
  accounts?: Record<string, Record<string, unknown>>;
}): Promise<TestIdp> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_IDP_CLIENT.clientId,
        client_secret: TEST_IDP_CLIENT.clientSecret,
        redirect_uris: redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        // openid-client's default when given a secret.
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    async findAccount(_ctx: Context, sub: string) {
      const claims = accounts[sub] ?? (sub.includes("@") ? { email: sub, email_verified: true } : {});
      return { accountId: sub, claims: () => ({ sub, ...claims }) };
    },
    // Like Entra ID: the person's claims are in the ID token itself.
    conformIdTokenClaims: false,
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "employee_id"] },
    features: { devInteractions: { enabled: true } },
    // No consent page for the council's own app.
    async loadExistingGrant(ctx: Context) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    cookies: { keys: ["a-cookie-key-for-the-local-test-provider"] },
    // Set, so the provider does not print a notice about its defaults in every test run.
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  server.on("request", provider.callback());

  return {
    issuer,
    appEnv: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: TEST_IDP_CLIENT.clientId, OIDC_CLIENT_SECRET: TEST_IDP_CLIENT.clientSecret },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---- Driving the provider without a browser (HTTP tests) ----

/** A cookie jar per host, just enough for the provider's and the app's cookies. */
export class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  header(url: string | URL): string {
    const jar = this.jars.get(new URL(url).host);
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join("; ") : "";
  }

  store(url: string | URL, response: Response): void {
    const host = new URL(url).host;
    const jar = this.jars.get(host) ?? new Map<string, string>();
    this.jars.set(host, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || attributes.some((a) => /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === "") jar.delete(name);
      else jar.set(name, value);
    }
  }

  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.header(url);
    if (cookie) headers.set("Cookie", cookie);
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    this.store(url, response);
    return response;
  }
}

function location(response: Response, from: string | URL): URL {
  const to = response.headers.get("Location");
  if (response.status < 300 || response.status >= 400 || !to) throw new Error(`expected a redirect from ${from}, got ${response.status}`);
  return new URL(to, from);
}

/** Follows redirects while they stay at the provider; returns the first address elsewhere (the app's callback). */
async function followAtProvider(jar: CookieJar, idp: TestIdp, response: Response, from: URL): Promise<URL> {
  let next = location(response, from);
  while (next.origin === new URL(idp.issuer).origin && !next.pathname.startsWith("/interaction/")) {
    const r = await jar.fetch(next);
    next = location(r, next);
  }
  return next;
}

/**
 * From the provider's authorization URL, log in as `login` on its login page and return the URL it
 * sends the browser back to (the app's callback, with code and state), without following it.
 */
export async function logInAtProvider(jar: CookieJar, idp: TestIdp, authorizationUrl: URL, login: string): Promise<URL> {
  const interaction = await followAtProvider(jar, idp, await jar.fetch(authorizationUrl), authorizationUrl);
  if (!interaction.pathname.startsWith("/interaction/")) throw new Error(`expected the provider's login page, went to ${interaction}`);
  const submitted = await jar.fetch(interaction, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ prompt: "login", login, password: "any password" }),
  });
  return followAtProvider(jar, idp, submitted, interaction);
}

/** From the provider's authorization URL, cancel on its login page ("access_denied"); returns the callback URL. */
export async function cancelAtProvider(jar: CookieJar, idp: TestIdp, authorizationUrl: URL): Promise<URL> {
  const interaction = await followAtProvider(jar, idp, await jar.fetch(authorizationUrl), authorizationUrl);
  const abort = new URL(`${interaction.pathname}/abort`, interaction);
  return followAtProvider(jar, idp, await jar.fetch(abort), abort);
}
