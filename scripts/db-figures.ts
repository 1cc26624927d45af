// Figures the drills and the backup compare: rows per table and ledger totals per account, plus the
// ledger's own checks. Plain drivers (better-sqlite3, pg), not the Prisma client: the client is
// generated for one provider, and a backup or a check must work on either database from any checkout.
// See docs/decisions/0017-backups-and-crash-safety.md.
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf, sqliteFilePath } from "./database-url.ts";

export type Row = Record<string, unknown>;
/** Runs one SQL statement (no parameters) and returns its rows. */
export type QueryAll = (sql: string) => Promise<Row[]>;

export type Figures = {
  /** rows per table, every table of the schema (migrations table included) */
  tables: Record<string, number>;
  /** sum of LedgerEntry.amountPence per account code (debits positive) */
  ledger: Record<string, number>;
};

export type Connection = {
  provider: "sqlite" | "postgresql";
  all: QueryAll;
  /** a statement that returns no rows */
  run: (sql: string) => Promise<void>;
  close: () => Promise<void>;
};

/** A connection to the database at `url`, through the plain driver. */
export async function connect(url: string): Promise<Connection> {
  if (providerOf(url) === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return {
      provider: "postgresql",
      all: async (sql) => (await client.query(sql)).rows as Row[],
      run: async (sql) => {
        await client.query(sql);
      },
      close: () => client.end(),
    };
  }
  const file = new Database(sqliteFilePath(url), { fileMustExist: true, timeout: 10_000 });
  return sqliteConnection(file);
}

export function sqliteConnection(file: Database.Database): Connection {
  return {
    provider: "sqlite",
    all: async (sql) => file.prepare(sql).all() as Row[],
    run: async (sql) => {
      file.exec(sql);
    },
    close: async () => {
      file.close();
    },
  };
}

/** Run `work` with a connection to `url`, closing it afterwards. */
export async function withConnection<T>(url: string, work: (c: Connection) => Promise<T>): Promise<T> {
  const c = await connect(url);
  try {
    return await work(c);
  } finally {
    await c.close();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function tableNames(c: Connection): Promise<string[]> {
  const rows =
    c.provider === "sqlite"
      ? await c.all(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      : await c.all(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
  return rows.map((r) => String(r.name));
}

/** Rows per table and ledger totals per account, read by `c` (inside the caller's transaction, if any). */
export async function figuresOf(c: Connection): Promise<Figures> {
  const tables: Record<string, number> = {};
  for (const name of await tableNames(c)) {
    const [row] = await c.all(`SELECT COUNT(*) AS n FROM ${quote(name)}`);
    tables[name] = Number(row.n);
  }
  const ledger: Record<string, number> = {};
  if ("LedgerEntry" in tables) {
    const rows = await c.all(`SELECT "accountCode" AS code, SUM("amountPence") AS total FROM "LedgerEntry" GROUP BY "accountCode" ORDER BY "accountCode"`);
    for (const row of rows) ledger[String(row.code)] = Number(row.total);
  }
  return { tables, ledger };
}

/** Every way `actual` differs from `expected`, as readable lines; empty when they match. */
export function compareFigures(expected: Figures, actual: Figures): string[] {
  const differences: string[] = [];
  const each = (kind: string, a: Record<string, number>, b: Record<string, number>) => {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (a[key] !== b[key]) differences.push(`${kind} ${key}: expected ${a[key] ?? "(none)"}, found ${b[key] ?? "(none)"}`);
    }
  };
  each("rows in", expected.tables, actual.tables);
  each("ledger total of", expected.ledger, actual.ledger);
  return differences;
}

export const totalRows = (f: Figures) => Object.values(f.tables).reduce((a, b) => a + b, 0);

export type LedgerCheck = {
  transactions: number;
  /** transactions whose entries do not sum to zero, or that have fewer than two entries */
  unbalanced: string[];
  /** sum of every entry: zero when the ledger balances */
  trialBalance: number;
};

/** Does every ledger transaction balance, and the ledger as a whole? */
export async function checkLedger(c: Connection): Promise<LedgerCheck> {
  const [count] = await c.all(`SELECT COUNT(*) AS n FROM "LedgerTransaction"`);
  // A transaction with no entries would be a torn write, so it counts as unbalanced too.
  const unbalanced = await c.all(`
    SELECT t."id" AS id FROM "LedgerTransaction" t LEFT JOIN "LedgerEntry" e ON e."transactionId" = t."id"
    GROUP BY t."id" HAVING COALESCE(SUM(e."amountPence"), 0) <> 0 OR COUNT(e."id") < 2`);
  const [trial] = await c.all(`SELECT COALESCE(SUM("amountPence"), 0) AS total FROM "LedgerEntry"`);
  return { transactions: Number(count.n), unbalanced: unbalanced.map((r) => String(r.id)), trialBalance: Number(trial.total) };
}

/** SQLite's own check of the file ("ok" when sound); PostgreSQL has no such check, so null there. */
export async function integrityOf(c: Connection): Promise<string | null> {
  if (c.provider !== "sqlite") return null;
  const rows = await c.all(`PRAGMA integrity_check`);
  const problems = rows.map((r) => String(Object.values(r)[0]));
  const fk = await c.all(`PRAGMA foreign_key_check`);
  if (fk.length > 0) problems.push(`${fk.length} rows break a foreign key`);
  return problems.join("; ");
}

/** The externalRefs in the ledger that start with `prefix` (letters, digits and "-" only). */
export async function refsWithPrefix(c: Connection, prefix: string): Promise<Set<string>> {
  if (!/^[A-Za-z0-9-]+$/.test(prefix)) throw new Error(`drill ref prefix must be letters, digits and "-": ${prefix}`);
  const rows = await c.all(`SELECT "externalRef" AS ref FROM "LedgerTransaction" WHERE "externalRef" LIKE '${prefix}:%'`);
  return new Set(rows.map((r) => String(r.ref)));
}

export const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`;
