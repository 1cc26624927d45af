// Environment, validated once at start-up (server.ts calls loadEnv() before listening).
import { z } from "zod";
import { databaseUrl, providerOf } from "../../scripts/database-url.ts";

const DEV_SESSION_SECRET = "helping-hands-local-demo-secret-not-for-production";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** worker processes serving the port (node:cluster): the number of CPUs in production; 1 = no cluster */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    DATABASE_URL: z.string().optional(),
    SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
    APP_URL: z.url().optional(),
    SENDGRID_API_KEY: z.string().min(1).optional(),
    EMAIL_FROM: z.email().default("helping-hands@council.example"),
    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** SQLite only: FULL (default in production) syncs every commit to disk, so a power cut loses nothing committed. */
    SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL"]).optional(),
    // Staff single sign-on (docs/decisions/0018-staff-sso.md): all or nothing, see below.
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_LABEL: z.string().min(1).default("Sign in with your council account"),
    /** the ID token claim matched to a staff account: "email", or another claim that holds the payroll number */
    OIDC_MATCH_CLAIM: z.string().regex(/^[A-Za-z0-9_.:-]+$/, "OIDC_MATCH_CLAIM must be a claim name").default("email"),
  })
  .superRefine((env, ctx) => {
    if (env.OIDC_ISSUER) {
      // Half a configuration would show a button that cannot work: name what is missing.
      for (const key of ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: `${key} is required when OIDC_ISSUER is set` });
      }
      if (env.NODE_ENV === "production" && !env.OIDC_ISSUER.startsWith("https://")) {
        ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "OIDC_ISSUER must be an https:// address in production" });
      }
    } else {
      for (const key of ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (env[key]) ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: `OIDC_ISSUER is required when ${key} is set` });
      }
    }
    if (env.NODE_ENV !== "production") return;
    // A real deployment must not fall back to demo behaviour: name every missing secret.
    for (const key of ["SESSION_SECRET", "SENDGRID_API_KEY", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "APP_URL"] as const) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: `${key} is required in production` });
    }
  });

export type Env = Omit<z.infer<typeof schema>, "DATABASE_URL" | "SESSION_SECRET"> & {
  DATABASE_URL: string;
  SESSION_SECRET: string;
  databaseProvider: "sqlite" | "postgresql";
  isProduction: boolean;
  /** true when emails go to the local outbox instead of SendGrid */
  emailToOutbox: boolean;
  /** where links in emails point: APP_URL, or this machine in development */
  appOrigin: string;
  /** staff single sign-on, when OIDC_ISSUER is set (with its client id and secret) */
  oidc: OidcSettings | null;
};

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
  matchClaim: string;
  /** registered at the identity provider: APP_URL + /sign-in/sso/callback */
  redirectUri: string;
};

export class EnvError extends Error {}

export type RawEnv = Record<string, string | undefined>;

export function parseEnv(raw: RawEnv): Env {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "env"}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = result.data;
  const url = databaseUrl(raw);
  const appOrigin = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  return {
    ...env,
    DATABASE_URL: url,
    SESSION_SECRET: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
    databaseProvider: providerOf(url),
    isProduction: env.NODE_ENV === "production",
    emailToOutbox: !env.SENDGRID_API_KEY,
    appOrigin,
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            label: env.OIDC_LABEL,
            matchClaim: env.OIDC_MATCH_CLAIM,
            redirectUri: `${appOrigin}/sign-in/sso/callback`,
          }
        : null,
  };
}

let cached: Env | undefined;

export function loadEnv(): Env {
  return (cached ??= parseEnv(process.env));
}

/** Tests change DATABASE_URL and friends between files; let them start over. */
export function resetEnvForTests(): void {
  cached = undefined;
}
