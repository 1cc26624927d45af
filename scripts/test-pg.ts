// `npm run test:pg`: the test suite against PostgreSQL.
//   TEST_PG_URL (default postgresql://postgres:postgres@localhost:5432/postgres) names a server and a
//   database we may CREATE DATABASE from; tests/helpers/db.ts makes a fresh database per test file.
// Steps: check the server answers, check migrations hold schema.prisma, generate the PostgreSQL
// client and rebuild the app with it (the Remix server build bundles the generated client, and the
// HTTP tests load build/index.js), run vitest, then the two-app-server browser journey on a fresh
// PostgreSQL database (tests/e2e/two-servers.e2e.ts: its servers run the PostgreSQL build, so it must run
// here, before the switch back), and ALWAYS regenerate the SQLite client and rebuild, so the working tree
// is left on SQLite as it was.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const BIN = path.join(ROOT, "node_modules/.bin");
const PG_URL = process.env.TEST_PG_URL?.trim() || "postgresql://postgres:postgres@localhost:5432/postgres";

const redact = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  console.log(`\n$ ${cmd} ${args.join(" ")}`);
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(BIN, cmd), args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 1)));
  });
}

/** The environment without DATABASE_URL, so prisma.config.ts falls back to SQLite. */
function sqliteEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return env;
}

async function checkServer(): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    console.log(`PostgreSQL ${rows[0].v} at ${redact(PG_URL)}`);
  } catch (err) {
    console.error(
      [
        `Cannot connect to PostgreSQL at ${redact(PG_URL)}: ${err instanceof Error ? err.message : err}`,
        "",
        "Start one (Debian 12, as root), then run npm run test:pg again:",
        "  apt-get update && apt-get install -y postgresql",
        "  pg_ctlcluster 15 main start",
        `  su postgres -c "psql -c \\"ALTER USER postgres PASSWORD 'postgres'\\""`,
        "Or point TEST_PG_URL at another server, e.g.",
        "  TEST_PG_URL=postgresql://user:password@host:5432/postgres npm run test:pg",
      ].join("\n"),
    );
    process.exit(2);
  } finally {
    await client.end().catch(() => {});
  }
}

await checkServer();

// Ctrl-C goes to vitest too; we stay alive long enough to put the SQLite client back.
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping, then regenerating the SQLite client`);
  });
}

let exitCode = 1;
try {
  const check = await run("tsx", ["scripts/migrate.ts", "check"], { ...sqliteEnv(), MIGRATION_DIFF_PG_URL: PG_URL });
  if (check !== 0) {
    console.error("\nmigrations check failed: see above");
    exitCode = check;
  } else if (!interrupted) {
    const pgEnv = { ...process.env, DATABASE_URL: PG_URL };
    const gen = await run("prisma", ["generate"], pgEnv);
    const build = gen === 0 && !interrupted ? await run("remix", ["build"], pgEnv) : gen;
    if (gen !== 0 || build !== 0) {
      console.error(`\n${gen !== 0 ? "prisma generate" : "remix build"} for PostgreSQL failed`);
      exitCode = gen || build;
    } else if (!interrupted) {
      const extra = process.argv.slice(2); // e.g. npm run test:pg -- tests/integration
      const testEnv = { ...sqliteEnv(), TEST_PG_URL: PG_URL };
      exitCode = await run("vitest", ["run", ...extra], testEnv);
      if (extra.length) {
        console.log("\n(a test filter was given: the two-server browser journey was not run)");
      } else if (!interrupted) {
        // Two app processes on one new PostgreSQL database (made, migrated and seeded by the test file).
        const twoServers = await run("vitest", ["run", "--config", "vitest.e2e.two-servers.config.ts"], testEnv);
        if (twoServers !== 0) console.error("\nthe two-server journey on PostgreSQL failed: see above");
        exitCode ||= twoServers;
      }
    }
  }
} finally {
  const gen = await run("prisma", ["generate"], sqliteEnv());
  const restore = gen === 0 ? await run("remix", ["build"], sqliteEnv()) : gen;
  if (restore !== 0) {
    console.error("\nCould not put the SQLite client and build back: run `npm run build` by hand.");
    if (exitCode === 0) exitCode = restore;
  } else {
    console.log("\nSQLite client regenerated and app rebuilt (the working tree is back on SQLite).");
  }
}
if (interrupted && exitCode === 0) exitCode = 130;
console.log(exitCode === 0 ? "\nPostgreSQL tests passed." : `\nPostgreSQL tests failed (exit ${exitCode}).`);
process.exit(exitCode);
