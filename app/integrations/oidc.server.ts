// The council's OpenID Connect provider (e.g. Microsoft Entra ID), through openid-client v6.
// The one seam for single sign-on: the rest of the app sees "a URL to send the person to" and
// "the claims of a validated ID token". Discovery is fetched once per process (and again after a failure).
import * as client from "openid-client";
import type { OidcSettings } from "~/utils/env.server";

/** What must survive the round trip to the provider (kept in a signed cookie by the service). */
export type OidcFlow = { codeVerifier: string; state: string; nonce: string };

/** The provider answered the callback with an error (error=access_denied, …). */
export class OidcProviderError extends Error {
  constructor(
    readonly error: string,
    readonly description: string | undefined,
  ) {
    super(`identity provider error: ${error}${description ? ` (${description})` : ""}`);
    this.name = "OidcProviderError";
  }
}

/** The callback did not check out: wrong state, bad or replayed code, an ID token that fails validation. */
export class OidcCallbackError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "OidcCallbackError";
  }
}

let cached: { key: string; config: Promise<client.Configuration> } | undefined;

function configuration(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer}\n${settings.clientId}\n${settings.clientSecret}`;
  if (cached?.key !== key) {
    const issuer = new URL(settings.issuer);
    const config = client
      .discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
        // Plain http only for a local test provider; env validation refuses it in production.
        execute: issuer.protocol === "http:" ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((err: unknown) => {
        // Do not remember a failure: the next sign-in tries again.
        if (cached?.config === config) cached = undefined;
        throw err;
      });
    cached = { key, config };
  }
  return cached.config;
}

/** The provider's sign-in page for a new attempt (PKCE S256, state and nonce), and what to remember. */
export async function beginSignIn(settings: OidcSettings): Promise<{ url: URL; flow: OidcFlow }> {
  const config = await configuration(settings);
  const flow: OidcFlow = { codeVerifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce() };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUri,
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
  });
  return { url, flow };
}

/**
 * Checks the callback against the remembered flow (state), exchanges the code (PKCE) and validates the
 * ID token (signature, issuer, audience, expiry, nonce). Returns the ID token's claims.
 * Throws OidcProviderError when the provider sent an error, OidcCallbackError when the answer does not
 * check out, and the network's own error when the provider cannot be reached.
 */
export async function completeSignIn(settings: OidcSettings, callbackUrl: URL, flow: OidcFlow): Promise<Record<string, unknown>> {
  const config = await configuration(settings);
  // The redirect_uri sent to the token endpoint must be the registered one, whatever host the request came in on.
  const current = new URL(settings.redirectUri);
  current.search = callbackUrl.search;
  try {
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new OidcCallbackError("the provider sent no ID token");
    return { ...claims };
  } catch (err) {
    if (err instanceof OidcCallbackError) throw err;
    // openid-client checks the state before it reads an error, so only a genuine answer gets this far.
    if (err instanceof client.AuthorizationResponseError) throw new OidcProviderError(err.error, err.error_description);
    if (err instanceof client.ClientError || err instanceof client.ResponseBodyError || err instanceof client.WWWAuthenticateChallengeError) {
      throw new OidcCallbackError(err.message, { cause: err });
    }
    // Anything else (the provider unreachable, a timeout) is not the person's fault: the caller says so.
    throw err;
  }
}

/** Tests start a new provider per file: forget the old one's discovery document. */
export function resetOidcForTests(): void {
  cached = undefined;
}
