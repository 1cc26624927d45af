// Migrations without Prisma's downloadable native engine: the WASM schema engine, driven here.
//   tsx scripts/migrate.ts apply            apply pending migrations to DATABASE_URL (SQLite by default)
//   tsx scripts/migrate.ts create <name>    write a new migration for both providers from the schema diff
//   tsx scripts/migrate.ts check            fail if schema.prisma has changes no migration holds
// See docs/decisions/0002-one-schema-two-databases.md.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { databaseUrl, providerOf, sqliteFilePath, type Provider } from "./database-url.ts";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const SCHEMA = path.join(ROOT, "prisma/schema.prisma");
const PG_SCHEMA = path.join(ROOT, "prisma/schema.postgresql.prisma");
const PROVIDERS: Provider[] = ["sqlite", "postgresql"];
const FILTERS = { externalTables: [], externalEnums: [] };

const migrationsDir = (p: Provider) => path.join(ROOT, "prisma/migrations", p);
const snapshotPath = (p: Provider) => path.join(migrationsDir(p), "schema.snapshot.prisma");

/** The PostgreSQL schema is schema.prisma with the provider swapped; never edited by hand. */
export function postgresSchemaFrom(sqliteSchema: string): string {
  const swapped = sqliteSchema.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  return swapped.replace(/^\/\/ The only hand-edited schema.*$/m, "// GENERATED from schema.prisma by scripts/migrate.ts: do not edit.");
}

function schemaFor(p: Provider): string {
  const sqlite = fs.readFileSync(SCHEMA, "utf8");
  return p === "sqlite" ? sqlite : postgresSchemaFrom(sqlite);
}

let engineModule: Promise<typeof import("@prisma/schema-engine-wasm")> | undefined;
// Instantiate once per process: the bindings cache views of the wasm memory, so a second
// instance behind the same module would read the first one's memory.
const loadEngine = () => (engineModule ??= instantiateEngine());

async function instantiateEngine() {
  // The engine reports panics through this global; without it a panic hides its message.
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m) => console.error(`schema engine panic: ${m}`) };
  // Node 20 cannot import the package's .wasm module directly: instantiate it by hand.
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(pathToFileURL(bgPath).href);
  const wasmBytes = fs.readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg as typeof import("@prisma/schema-engine-wasm");
}

/**
 * adapter-pg runs a migration script by splitting it on every ";", which breaks a function
 * body (our ledger trigger). PostgreSQL's simple query protocol takes the whole script at once.
 */
class PrismaPgWholeScripts extends PrismaPg {
  async connect() {
    const adapter = await super.connect();
    const pool = (adapter as unknown as { client: { query(sql: string): Promise<unknown> } }).client;
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  }
}

function adapterFor(url: string) {
  if (providerOf(url) === "postgresql") return new PrismaPgWholeScripts({ connectionString: url });
  const file = sqliteFilePath(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  return new PrismaBetterSqlite3({ url: file, timeout: 10_000 });
}

function migrationsList(p: Provider) {
  const baseDir = migrationsDir(p);
  fs.mkdirSync(baseDir, { recursive: true });
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const dirs = fs
    .readdirSync(baseDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: fs.readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

async function withEngine<T>(url: string, p: Provider, fn: (engine: import("@prisma/schema-engine-wasm").SchemaEngine) => Promise<T>): Promise<T> {
  const wasm = await loadEngine();
  // The engine never closes the connections it opens (a SQLite one would keep its lock): track them.
  const raw = adapterFor(url);
  const opened: { dispose(): Promise<void> }[] = [];
  const connect = raw.connect.bind(raw);
  raw.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  const factory = bindMigrationAwareSqlAdapterFactory(raw);
  const engine = await wasm.SchemaEngine.new(
    { datamodels: [[p === "sqlite" ? SCHEMA : PG_SCHEMA, schemaFor(p)]] },
    () => {},
    factory,
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((a) => a.dispose()));
  }
}

/** Apply every pending migration for the provider of `url`. Returns the names applied. */
export async function applyMigrations(url: string = databaseUrl()): Promise<string[]> {
  const p = providerOf(url);
  const applied = await withEngine(url, p, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: migrationsList(p), filters: FILTERS });
    return out.appliedMigrationNames;
  });
  if (p === "sqlite" && sqliteFilePath(url) !== ":memory:") {
    // WAL: readers never wait for the writer; the setting is kept in the database file.
    const file = new Database(sqliteFilePath(url));
    file.pragma("journal_mode = WAL");
    file.close();
  }
  return applied;
}

async function diffSnapshotToSchema(p: Provider): Promise<string> {
  const snap = snapshotPath(p);
  // Diffing datamodels needs an adapter of the right provider; the PostgreSQL engine connects
  // (it reads the server version) though it changes nothing, so creating migrations needs a server.
  const offline = p === "sqlite" ? "file::memory:" : (process.env.MIGRATION_DIFF_PG_URL ?? "postgresql://postgres:postgres@localhost:5432/postgres");
  return withEngine(offline, p, async (engine) => {
    const from = fs.existsSync(snap)
      ? { tag: "schemaDatamodel" as const, files: [{ path: snap, content: fs.readFileSync(snap, "utf8") }] }
      : { tag: "empty" as const };
    const to = { tag: "schemaDatamodel" as const, files: [{ path: p === "sqlite" ? SCHEMA : PG_SCHEMA, content: schemaFor(p) }] };
    const res = await engine.diff({ from, to, script: true, exitCode: null, filters: FILTERS });
    return (res.stdout ?? "").trim();
  });
}

const isEmptyDiff = (sql: string) => sql === "" || /^-- This is an empty migration\.?$/.test(sql);

async function create(name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("migration name: lower-case letters, digits and _ only");
  fs.writeFileSync(PG_SCHEMA, schemaFor("postgresql"));
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const p of PROVIDERS) {
    const sql = await diffSnapshotToSchema(p);
    if (isEmptyDiff(sql)) {
      console.log(`${p}: no changes`);
      continue;
    }
    const dir = path.join(migrationsDir(p), `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
    fs.writeFileSync(path.join(migrationsDir(p), "migration_lock.toml"), `provider = "${p}"\n`);
    fs.writeFileSync(snapshotPath(p), schemaFor(p));
    console.log(`${p}: wrote ${path.relative(ROOT, dir)}/migration.sql — read it before committing`);
  }
}

async function check() {
  const problems: string[] = [];
  if (!fs.existsSync(PG_SCHEMA) || fs.readFileSync(PG_SCHEMA, "utf8") !== schemaFor("postgresql")) {
    problems.push("prisma/schema.postgresql.prisma is out of date");
  }
  for (const p of PROVIDERS) {
    const sql = await diffSnapshotToSchema(p);
    if (!isEmptyDiff(sql)) problems.push(`${p}: schema.prisma has changes no migration holds`);
  }
  if (problems.length) throw new Error(problems.join("\n") + "\nrun: npm run db:migration -- <name>");
  console.log("migrations are up to date with schema.prisma");
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const [cmd, arg] = process.argv.slice(2);
  const run =
    cmd === "apply"
      ? applyMigrations().then((names) => console.log(names.length ? `applied: ${names.join(", ")}` : "database is up to date"))
      : cmd === "create" && arg
        ? create(arg)
        : cmd === "check"
          ? check()
          : Promise.reject(new Error("usage: migrate.ts apply | create <name> | check"));
  run.catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
