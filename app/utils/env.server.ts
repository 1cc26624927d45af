// Environment, validated once at start-up (server.ts calls loadEnv() before listening).
import { z } from "zod";
import { databaseUrl, providerOf } from "../../scripts/database-url.ts";

const DEV_SESSION_SECRET = "helping-hands-local-demo-secret-not-for-production";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
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
  })
  .superRefine((env, ctx) => {
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
  return {
    ...env,
    DATABASE_URL: url,
    SESSION_SECRET: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
    databaseProvider: providerOf(url),
    isProduction: env.NODE_ENV === "production",
    emailToOutbox: !env.SENDGRID_API_KEY,
    appOrigin: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
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
