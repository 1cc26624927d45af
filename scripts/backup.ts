// `npm run backup [-- --out <file>]`: an online, consistent backup of the DATABASE_URL database, taken
// while the app keeps running and writing.
//   SQLite: SQLite's backup API (better-sqlite3's db.backup) run inside one read transaction, so the copy
//     is exactly the database as of that transaction's start, however many writes land meanwhile (WAL:
//     the writers do not wait). Default file backups/helping-hands-<timestamp>.db.
//   PostgreSQL: pg_dump --format=custom, from a snapshot exported by our own REPEATABLE READ transaction,
//     so the counts printed are the dump's. Default file backups/helping-hands-<timestamp>.dump.
// Prints the file, its size and the rows per table and ledger totals of the backup moment.
// Restore with `npm run restore -- <file> --to <url>`. See docs/decisions/0017-backups-and-crash-safety.md.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseUrl, providerOf, sqliteFilePath, type Provider } from "./database-url.ts";
import { figuresOf, formatBytes, sqliteConnection, totalRows, type Connection, type Figures } from "./db-figures.ts";
import { runIfMain } from "./run-main.ts";

export type BackupResult = { provider: Provider; file: string; bytes: number; figures: Figures };

export class ToolMissingError extends Error {}

/** `postgres://user:secret@host/db` → the URL without its password, and the password (for PGPASSWORD). */
export function splitPassword(url: string): { url: string; password?: string } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = "";
  return { url: u.toString(), password };
}

export const redactUrl = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");

export function hasTool(name: string): boolean {
  const probe = spawnSync(name, ["--version"], { stdio: "ignore" });
  return probe.error === undefined && probe.status === 0;
}

/** Run a PostgreSQL client tool with the password in the environment, never on the command line. */
export function runPgTool(tool: string, args: string[], url: string): Promise<void> {
  const { url: bare, password } = splitPassword(url);
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, `--dbname=${bare}`], { env, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`${tool} exited with ${code}: ${stderr.trim()}`))));
  });
}

export function defaultBackupFile(provider: Provider, now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  return path.join("backups", `helping-hands-${stamp}.${provider === "sqlite" ? "db" : "dump"}`);
}

function prepareOut(out: string): string {
  const file = path.resolve(out);
  if (fs.existsSync(file)) throw new Error(`${out} already exists: choose another --out`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

export type BackupOptions = {
  /** SQLite: pages copied before the event loop runs again (the drill makes it small) */
  pagesPerStep?: number;
  /** called once the snapshot is fixed, before the copy starts: the drill waits here for more writes */
  afterSnapshot?: () => Promise<void>;
};

/** Back up the SQLite file `source` into `out`. */
export async function backupSqlite(source: string, out: string, options: BackupOptions = {}): Promise<BackupResult> {
  const file = prepareOut(out);
  const partial = `${file}.partial`;
  const db = new Database(source, { fileMustExist: true, timeout: 10_000 });
  let figures: Figures;
  try {
    // One read transaction around both: the figures and the copied pages are the same snapshot.
    db.exec("BEGIN");
    const reader: Connection = { ...sqliteConnection(db), close: async () => {} };
    figures = await figuresOf(reader);
    await options.afterSnapshot?.();
    await db.backup(partial, { progress: () => options.pagesPerStep ?? 100 });
    db.exec("COMMIT");
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  // A single self-contained file (no -wal beside it), checked before it is called a backup.
  const copy = new Database(partial);
  try {
    copy.pragma("journal_mode = DELETE");
    const integrity = copy.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`the backup copy failed its integrity check: ${integrity}`);
  } finally {
    copy.close();
  }
  fs.renameSync(partial, file);
  return { provider: "sqlite", file, bytes: fs.statSync(file).size, figures };
}

export const PG_DUMP_COMMAND = "pg_dump --format=custom --file=<backup.dump> --dbname=<DATABASE_URL>";

/** pg_dump --format=custom of the database at `url` into `out`, with the figures of the same snapshot. */
export async function backupPostgres(url: string, out: string, options: BackupOptions = {}): Promise<BackupResult> {
  if (!hasTool("pg_dump")) throw new ToolMissingError(`pg_dump is not on PATH. Install the PostgreSQL client tools, or run:\n  ${PG_DUMP_COMMAND}`);
  const file = prepareOut(out);
  const partial = `${file}.partial`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // pg_dump joins our snapshot, so what it writes is exactly what the figures below count.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const { rows } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
    const reader: Connection = {
      provider: "postgresql",
      all: async (sql) => (await client.query(sql)).rows,
      run: async (sql) => void (await client.query(sql)),
      close: async () => {},
    };
    const figures = await figuresOf(reader);
    await options.afterSnapshot?.();
    await runPgTool("pg_dump", ["--format=custom", `--snapshot=${rows[0].snapshot}`, `--file=${partial}`], url);
    await client.query("COMMIT");
    fs.renameSync(partial, file);
    return { provider: "postgresql", file, bytes: fs.statSync(file).size, figures };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

export function backup(url: string, out: string, options: BackupOptions = {}): Promise<BackupResult> {
  return providerOf(url) === "postgresql" ? backupPostgres(url, out, options) : backupSqlite(sqliteFilePath(url), out, options);
}

/** The lines a backup or a restore prints: file, size, counts. */
export function describe(file: string, bytes: number | null, figures: Figures): string[] {
  const nonEmpty = Object.entries(figures.tables).filter(([, n]) => n > 0);
  const lines = [
    `  file: ${path.relative(process.cwd(), file) || file}${bytes === null ? "" : ` (${formatBytes(bytes)})`}`,
    `  tables: ${Object.keys(figures.tables).length}, rows: ${totalRows(figures)}; ledger: ${figures.tables.LedgerTransaction ?? 0} transactions, ${figures.tables.LedgerEntry ?? 0} entries`,
    `  rows: ${nonEmpty.map(([name, n]) => `${name} ${n}`).join(", ") || "(none)"}`,
    `  ledger totals (pence): ${Object.entries(figures.ledger).map(([code, n]) => `${code} ${n}`).join(", ") || "(none)"}`,
  ];
  return lines;
}

async function main(args: string[]): Promise<number> {
  const outIndex = args.indexOf("--out");
  if (outIndex >= 0 && !args[outIndex + 1]) throw new Error("--out needs a file name");
  const url = databaseUrl();
  const provider = providerOf(url);
  const out = outIndex >= 0 ? args[outIndex + 1] : defaultBackupFile(provider);
  try {
    const result = await backup(url, out);
    console.log(`backup of ${redactUrl(url)} taken online (${provider === "sqlite" ? "SQLite backup API in one read transaction" : "pg_dump --format=custom"})`);
    for (const line of describe(result.file, result.bytes, result.figures)) console.log(line);
    return 0;
  } catch (error) {
    if (error instanceof ToolMissingError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

runIfMain(import.meta.url, main);
