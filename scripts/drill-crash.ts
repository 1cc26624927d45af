// `npm run drill:crash [-- --writes 1000 --kill-after 431]`: a child process posts card gifts through
// the ledger service into a fresh SQLite database and is killed with SIGKILL part-way (after a random
// 200–700 reported commits). Then the database must pass its integrity check, every ledger transaction
// and the ledger as a whole must balance, and every post the child reported as committed must be there
// (at most the one in flight may be extra). Prints the figures and PASS/FAIL; exit code 1 on FAIL.
// See docs/decisions/0017-backups-and-crash-safety.md.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations } from "./migrate.ts";
import { checkLedger, integrityOf, refsWithPrefix, withConnection, type LedgerCheck } from "./db-figures.ts";
import { runIfMain } from "./run-main.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WRITER = path.join(ROOT, "scripts/drill-crash-writer.ts");

export type Writer = {
  child: ChildProcess;
  /** refs the child reported as committed, in order */
  committed: string[];
  /** resolves when the child has exited and its output is read to the end */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  /** resolves once the child has reported `n` commits (rejects if it exits first) */
  reached: (n: number) => Promise<void>;
};

/** Start scripts/drill-crash-writer.ts posting `count` card gifts with refs `<prefix>:<i>`. */
export function startWriter(url: string, count: number, prefix: string, onCommit?: (committed: number) => void): Writer {
  const child = spawn(process.execPath, ["--import", "tsx", WRITER, url, String(count), prefix], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const committed: string[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let pending = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8");
  child.stdout!.on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith("committed ")) continue;
      committed.push(line.slice("committed ".length));
      onCommit?.(committed.length);
    }
    for (const w of waiters.filter((w) => committed.length >= w.n)) w.resolve();
  });
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => (stderr += chunk));
  // "close" rather than "exit": close comes after stdout is read to its end, so no reported line is lost.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal, stderr })),
  );
  const reached = (n: number) =>
    committed.length >= n
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          waiters.push({ n, resolve });
          void exited.then(({ code, signal, stderr }) => {
            if (committed.length < n) reject(new Error(`the writer exited (${signal ?? code}) after ${committed.length} of ${n} commits: ${stderr.trim()}`));
          });
        });
  return { child, committed, exited, reached };
}

export type CrashCheck = {
  reported: number;
  found: number;
  /** reported as committed but not in the database: must be none */
  missing: string[];
  /** in the database but never reported: at most the one post that was in flight */
  extra: string[];
  /** "ok" when SQLite's integrity check passes; null on PostgreSQL, which has no such check */
  integrity: string | null;
  ledger: LedgerCheck;
  problems: string[];
};

/** Check the database at `url` against the refs the writer reported as committed. */
export async function verifyCrash(url: string, reported: readonly string[], prefix: string): Promise<CrashCheck> {
  return withConnection(url, async (c) => {
    const integrity = await integrityOf(c);
    const ledger = await checkLedger(c);
    const inDb = await refsWithPrefix(c, prefix);
    const reportedSet = new Set(reported);
    const missing = reported.filter((ref) => !inDb.has(ref));
    const extra = [...inDb].filter((ref) => !reportedSet.has(ref));
    const problems: string[] = [];
    if (integrity !== null && integrity !== "ok") problems.push(`integrity check: ${integrity}`);
    if (ledger.unbalanced.length > 0) problems.push(`${ledger.unbalanced.length} ledger transactions do not balance`);
    if (ledger.trialBalance !== 0) problems.push(`the trial balance is ${ledger.trialBalance}p, not 0`);
    if (missing.length > 0) problems.push(`${missing.length} reported commits are missing: ${missing.slice(0, 5).join(", ")}`);
    // Posts run one after another, so only the next one after the last reported can be extra.
    const inFlight = `${prefix}:${reported.length}`;
    if (extra.length > 1 || (extra.length === 1 && extra[0] !== inFlight)) {
      problems.push(`unreported posts in the database: ${extra.slice(0, 5).join(", ")} (only ${inFlight} could be in flight)`);
    }
    return { reported: reported.length, found: reported.length - missing.length, missing, extra, integrity, ledger, problems };
  });
}

export type CrashDrillResult = CrashCheck & { killed: boolean; pass: boolean; line: string };

/**
 * Run the drill on the migrated database at `url`: start the writer for `writes` posts, SIGKILL it once
 * it has reported `killAfter` commits, then verify.
 */
export async function runCrashDrill(options: { url: string; writes: number; killAfter: number; prefix?: string }): Promise<CrashDrillResult> {
  const prefix = options.prefix ?? `crash-${Date.now().toString(36)}`;
  const writer = startWriter(options.url, options.writes, prefix, (n) => {
    if (n >= options.killAfter) writer.child.kill("SIGKILL");
  });
  const { signal, code, stderr } = await writer.exited;
  const killed = signal === "SIGKILL";
  if (!killed && code !== 0) throw new Error(`the writer failed (exit ${code}) before it was killed: ${stderr.trim()}`);
  const check = await verifyCrash(options.url, writer.committed, prefix);
  const problems = killed ? check.problems : [`the writer finished all ${options.writes} posts before the kill landed`, ...check.problems];
  const pass = problems.length === 0;
  const integrity = check.integrity === null ? "integrity n/a (PostgreSQL)" : check.integrity === "ok" ? "integrity ok" : "integrity FAILED";
  const balanced =
    check.ledger.unbalanced.length === 0 && check.ledger.trialBalance === 0
      ? `ledger balanced (${check.ledger.transactions} transactions, trial balance 0)`
      : `ledger NOT balanced (${check.ledger.unbalanced.length} transactions off, trial balance ${check.ledger.trialBalance}p)`;
  const line =
    `crash drill: ${killed ? "killed" : "NOT killed"} after ${check.reported} committed writes; ${check.found} found, ` +
    `${check.missing.length} missing, ${check.extra.length} in flight, ${integrity}, ${balanced} — ${pass ? "PASS" : "FAIL"}`;
  return { ...check, problems, killed, pass, line };
}

function argValue(args: string[], name: string): number | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a whole number`);
  return n;
}

async function main(args: string[]): Promise<number> {
  const writes = argValue(args, "--writes") ?? 1000;
  const killAfter = argValue(args, "--kill-after") ?? 200 + Math.floor(Math.random() * 501);
  if (killAfter >= writes) throw new Error("--kill-after must be below --writes");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-crash-drill-"));
  try {
    const url = `file:${path.join(dir, "drill.db")}`;
    await applyMigrations(url);
    // The accounts and the fund lock row come from the init migration: the ledger needs nothing else.
    await withConnection(url, async (c) => {
      const [accounts] = await c.all(`SELECT COUNT(*) AS n FROM "LedgerAccount"`);
      if (Number(accounts.n) === 0) throw new Error("the migrated database has no ledger accounts");
      // What the app's connection runs with: nothing in app/db.server.ts changes these defaults.
      const [mode] = await c.all("PRAGMA journal_mode");
      const [sync] = await c.all("PRAGMA synchronous");
      const names = ["OFF", "NORMAL", "FULL", "EXTRA"];
      console.log(`SQLite settings: journal_mode=${Object.values(mode)[0]}, synchronous=${names[Number(Object.values(sync)[0])]}`);
    });
    console.log(`writer: up to ${writes} card gifts through postTransaction; SIGKILL after ${killAfter} reported commits`);
    const result = await runCrashDrill({ url, writes, killAfter });
    console.log(result.line);
    for (const problem of result.problems) console.log(`  - ${problem}`);
    return result.pass ? 0 : 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runIfMain(import.meta.url, main);
