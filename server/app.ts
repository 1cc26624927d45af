// The HTTP server: security headers, origin check, logging, static files, then Remix.
// Kept apart from server.ts (which listens) so tests can mount it on a random port.
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { constants as zlibConstants } from "node:zlib";
import express, { type NextFunction, type Request, type Response } from "express";
import compression from "compression";
import helmet from "helmet";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import type { Env } from "~/utils/env.server";
import type { RawEndpoints } from "~/entry.server";
import { logger } from "~/utils/logger.server";
import { SESSION_COOKIE } from "~/utils/session.server";
import { invalidateImpact } from "~/services/impact-cache.server";
import { createPageCache } from "./page-cache.ts";
import { requestIdOf, requestLog } from "./request-log.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A state-changing request from another site's page is refused (CSRF defence with SameSite=Lax). */
export function isForeignOrigin(req: Request, appUrl: string | undefined): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const origin = req.get("origin");
  if (!origin) return false; // not a browser form post (e.g. Stripe's webhook): other checks apply
  const own = new Set([`${req.protocol}://${req.get("host")}`]);
  if (appUrl) own.add(new URL(appUrl).origin);
  return !own.has(origin);
}

export function createApp({ build, env, publicDir = "public" }: { build: ServerBuild; env: Env; publicDir?: string }) {
  const app = express();
  app.disable("x-powered-by");
  // Behind a council load balancer set TRUST_PROXY so req.ip (for rate limits) is the client's.
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

  // The load balancer's health check: 200 "ok" when this server can query the database, 503 when not.
  // Ahead of the request log too, as a balancer asks every few seconds (a failure is logged by the check).
  // The check comes from the build, so it uses the same database client as the pages.
  const { health } = (build.entry.module as unknown as { rawEndpoints: RawEndpoints }).rawEndpoints;
  app.get("/healthz", async (_req, res) => {
    const ok = await health();
    res.status(ok ? 200 : 503).set("Cache-Control", "no-store").type("text/plain").send(ok ? "ok" : "database unavailable");
  });

  // Build assets are not logged: a page view would log each of its scripts.
  app.use(requestLog(logger, { ignore: (path) => path.startsWith("/build/") }));

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
          "style-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "font-src": ["'self'"],
          "connect-src": ["'self'"],
          // The staff sign-in button posts to /sign-in/sso, which redirects to the identity provider: browsers
          // check that redirect against form-action too (docs/decisions/0018-staff-sso.md).
          "form-action": ["'self'", ...(env.oidc ? [new URL(env.oidc.issuer).origin] : [])],
          "frame-ancestors": ["'none'"],
          "base-uri": ["'self'"],
          "object-src": ["'none'"],
          ...(env.isProduction ? { "upgrade-insecure-requests": [] } : {}),
        },
      },
      strictTransportSecurity: env.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      xFrameOptions: { action: "deny" },
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isForeignOrigin(req, env.APP_URL)) {
      res.status(403).type("text/plain").send("Forbidden: this request came from another site.");
      return;
    }
    next();
  });

  // Signed-in pages must never be kept by a browser or proxy cache.
  app.use((req, res, next) => {
    if ((req.headers.cookie ?? "").includes(`${SESSION_COOKIE}=`)) res.setHeader("Cache-Control", "no-store");
    next();
  });

  // Whole anonymous public pages (e.g. /impact) for 30 s, ahead of Remix; a successful write clears
  // them and the figures behind them (server/page-cache.ts, app/services/impact-cache.server.ts).
  const pageCache = createPageCache({ onWrite: invalidateImpact });
  app.use(pageCache.clearAfterWrites);

  // Stripe's webhook is answered here, ahead of Remix: it is machine-to-machine, is verified over
  // the raw bytes, and renders nothing, while Remix's routing and Request conversion cost a
  // delivery more than its own processing (docs/decisions/0011-webhook-outside-remix.md).
  const { rawEndpoints } = build.entry.module as unknown as { rawEndpoints: RawEndpoints };
  app.post("/webhooks/stripe", express.raw({ type: () => true, limit: "1mb" }), async (req, res, next) => {
    try {
      const body = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
      const result = await rawEndpoints.stripeWebhook(body, req.get("stripe-signature") ?? null);
      res.status(result.status).type("text/plain").send(result.message);
    } catch (error) {
      next(error);
    }
  });

  // Brotli's default window (4 MB) is allocated for every response: a page's few kilobytes need far less,
  // and with it compressing a page cost more than rendering it (the bare page: 229 → 548 req/s).
  app.use(compression({ brotli: { params: { [zlibConstants.BROTLI_PARAM_LGWIN]: 16 } } }));
  app.use(pageCache.serve);
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
  // Only paths under what public/ holds (favicon.ico, images/…) are looked for on disk: asking the disk
  // about every page first (a failed stat each) cost every page request a system call.
  const publicFiles = express.static(publicDir, { maxAge: "1h", index: false });
  const publicEntries = new Set(existsSync(publicDir) ? readdirSync(publicDir) : []);
  app.use((req, res, next) => (publicEntries.has(req.path.split("/")[1] ?? "") ? publicFiles(req, res, next) : next()));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env.isProduction ? "production" : "development",
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        requestId: requestIdOf(res),
        clientIp: req.ip ?? "unknown",
      }),
    }),
  );
  return app;
}
