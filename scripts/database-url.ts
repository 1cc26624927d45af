// One place that says which database we talk to. Used by prisma.config.ts, the migration
// script and the app's env module, so all three always agree.
import path from "node:path";

export type Provider = "sqlite" | "postgresql";

export const DEFAULT_SQLITE_FILE = "data/helping-hands.db";

export function databaseUrl(env: Record<string, string | undefined> = process.env): string {
  return env.DATABASE_URL && env.DATABASE_URL.trim() !== ""
    ? env.DATABASE_URL
    : `file:${path.resolve(DEFAULT_SQLITE_FILE)}`;
}

export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** `file:./x.db` or `file:/abs/x.db` → an absolute file path for better-sqlite3. */
export function sqliteFilePath(url: string): string {
  const raw = url.replace(/^file:/, "");
  return raw === ":memory:" ? raw : path.resolve(raw);
}
