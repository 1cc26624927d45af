// `npm run restore -- <file> [--to <url>] [--force]`: restore a backup from `npm run backup` into a FRESH
// database (default: DATABASE_URL). It refuses a target that already holds tables unless --force; stop
// the app before forcing a restore over its database.
//   SQLite: checks the backup's integrity, copies it beside the target, switches it to WAL (the app's
//     setting), checks it again, removes the target's old -wal/-shm files (SQLite would otherwise replay
//     the old database's log into the new file) and renames the copy into place.
//   PostgreSQL: pg_restore --no-owner --no-privileges --single-transaction --exit-on-error
//     (with --force also --clean --if-exists).
// Prints the restored database's rows per table and ledger totals. See docs/decisions/0017-backups-and-crash-safety.md.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseUrl, providerOf, sqliteFilePath, type Provider } from "./database-url.ts";
import { figuresOf, tableNames, withConnection, type Figures } from "./db-figures.ts";
import { describe, hasTool, redactUrl, runPgTool, ToolMissingError } from "./backup.ts";
import { runIfMain } from "./run-main.ts";

export type RestoreResult = { provider: Provider; target: string; figures: Figures };

export class NotFreshError extends Error {}

/** What a backup file holds, from its first bytes. */
export function backupKind(file: string): Provider | "unknown" {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString("latin1") === "SQLite format 3\0") return "sqlite";
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgresql";
  return "unknown";
}

function sqliteIntegrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma("integrity_check", { simple: true }));
  } finally {
    db.close();
  }
}

export async function restoreSqlite(backupFile: string, targetUrl: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  const target = sqliteFilePath(targetUrl);
  const before = sqliteIntegrity(backupFile);
  if (before !== "ok") throw new Error(`${backupFile} fails SQLite's integrity check: ${before}`);
  if (fs.existsSync(target) && fs.statSync(target).size > 0) {
    const tables = await withConnection(targetUrl, tableNames);
    if (tables.length > 0 && !options.force) {
      throw new NotFreshError(`${target} already holds ${tables.length} tables: restore into a fresh database, or add --force (stop the app first)`);
    }
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = `${target}.restoring`;
  fs.copyFileSync(backupFile, staging);
  try {
    const db = new Database(staging);
    try {
      db.pragma("journal_mode = WAL");
      const after = db.pragma("integrity_check", { simple: true });
      if (after !== "ok") throw new Error(`the restored copy fails SQLite's integrity check: ${after}`);
    } finally {
      db.close();
    }
    for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(staging, target);
  } catch (error) {
    fs.rmSync(staging, { force: true });
    throw error;
  }
  return { provider: "sqlite", target, figures: await withConnection(targetUrl, figuresOf) };
}

export const PG_RESTORE_COMMAND = "pg_restore --no-owner --no-privileges --single-transaction --exit-on-error --dbname=<fresh database URL> <backup.dump>";

export async function restorePostgres(backupFile: string, targetUrl: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  if (!hasTool("pg_restore")) throw new ToolMissingError(`pg_restore is not on PATH. Install the PostgreSQL client tools, or run:\n  ${PG_RESTORE_COMMAND}`);
  const tables = await withConnection(targetUrl, tableNames);
  if (tables.length > 0 && !options.force) {
    throw new NotFreshError(`${redactUrl(targetUrl)} already holds ${tables.length} tables: restore into a fresh database (CREATE DATABASE …), or add --force`);
  }
  const args = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"];
  if (options.force) args.push("--clean", "--if-exists");
  await runPgTool("pg_restore", [...args, path.resolve(backupFile)], targetUrl);
  return { provider: "postgresql", target: redactUrl(targetUrl), figures: await withConnection(targetUrl, figuresOf) };
}

export async function restore(backupFile: string, targetUrl: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  if (!fs.existsSync(backupFile)) throw new Error(`${backupFile} does not exist`);
  const kind = backupKind(backupFile);
  const provider = providerOf(targetUrl);
  if (kind === "unknown") throw new Error(`${backupFile} is neither a SQLite database nor a pg_dump custom-format file`);
  if (kind !== provider) throw new Error(`${backupFile} is a ${kind} backup but ${redactUrl(targetUrl)} is a ${provider} database`);
  return provider === "postgresql" ? restorePostgres(backupFile, targetUrl, options) : restoreSqlite(backupFile, targetUrl, options);
}

async function main(args: string[]): Promise<number> {
  const toIndex = args.indexOf("--to");
  if (toIndex >= 0 && !args[toIndex + 1]) throw new Error("--to needs a database URL");
  const force = args.includes("--force");
  const file = args.find((a, i) => !a.startsWith("--") && (toIndex < 0 || i !== toIndex + 1));
  if (!file) {
    console.error("usage: npm run restore -- <backup file> [--to <database url>] [--force]");
    return 2;
  }
  const target = toIndex >= 0 ? args[toIndex + 1] : databaseUrl();
  try {
    const result = await restore(file, target, { force });
    console.log(`restored ${file} into ${redactUrl(target)}`);
    for (const line of describe(result.provider === "sqlite" ? result.target : file, null, result.figures)) console.log(line);
    return 0;
  } catch (error) {
    if (error instanceof ToolMissingError || error instanceof NotFreshError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

runIfMain(import.meta.url, main);
