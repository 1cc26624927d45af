// The one Prisma client of the process, with the driver adapter that matches DATABASE_URL.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { providerOf, sqliteFilePath } from "../scripts/database-url.ts";
import { loadEnv } from "~/utils/env.server";

export type Db = PrismaClient;
/** A client or an interactive transaction: what service functions accept. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * SQLite in WAL mode with synchronous=NORMAL survives a crash of the process with nothing committed
 * lost (`npm run drill:crash`), but a power cut or an OS crash can lose the last commits; FULL syncs
 * each commit to disk (docs/decisions/0017-backups-and-crash-safety.md). PostgreSQL's default
 * (synchronous_commit = on) already gives this.
 */
export type SqliteSynchronous = "FULL" | "NORMAL";

class SqliteWithSynchronous extends PrismaBetterSqlite3 {
  constructor(
    config: ConstructorParameters<typeof PrismaBetterSqlite3>[0],
    private readonly synchronous: SqliteSynchronous,
  ) {
    super(config);
  }

  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(`PRAGMA synchronous = ${this.synchronous};`);
    return adapter;
  }
}

/** The driver connection each client reaches its database through, once Prisma has opened it. */
const connections = new WeakMap<PrismaClient, { adapter?: SqlDriverAdapter }>();

function remembered(factory: SqlDriverAdapterFactory, connection: { adapter?: SqlDriverAdapter }): SqlDriverAdapterFactory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = () => {
      if (connection.adapter === adapter) connection.adapter = undefined;
      return dispose();
    };
    connection.adapter = adapter;
    return adapter;
  };
  return factory;
}

export function createPrismaClient(url: string, { synchronous = "NORMAL" }: { synchronous?: SqliteSynchronous } = {}): PrismaClient {
  const connection: { adapter?: SqlDriverAdapter } = {};
  const factory =
    providerOf(url) === "postgresql"
      ? new PrismaPg({ connectionString: url, max: 10 })
      : // timeout = SQLite's busy timeout: a second writer (another process) waits instead of failing.
        new SqliteWithSynchronous({ url: sqliteFilePath(url), timeout: 10_000 }, synchronous);
  const client = new PrismaClient({ adapter: remembered(factory, connection) });
  connections.set(client, connection);
  return client;
}

/**
 * Rows of one read-only statement sent straight to the driver Prisma itself uses (same connection or pool),
 * skipping Prisma's query interpreter: for the statement every signed-in page view makes, where the
 * interpreter cost more than the query (docs/decisions/0028-sign-in-read-through-the-driver.md).
 * `sql` gets each parameter's placeholder by its number from 1 (`?` in SQLite, `$n` in PostgreSQL).
 * Values come back as the driver adapter gives them to Prisma: dates as ISO strings, integers as numbers.
 */
export async function driverRows<Row>(client: PrismaClient, sql: (param: (n: number) => string) => string, args: string[]): Promise<Row[]> {
  const connection = connections.get(client);
  if (!connection) throw new Error("driverRows needs a client made by createPrismaClient");
  if (!connection.adapter) await client.$connect();
  const adapter = connection.adapter;
  if (!adapter) throw new Error("the database client did not connect");
  const param = adapter.provider === "postgres" ? (n: number) => `$${n}` : () => "?";
  const result = await adapter.queryRaw({ sql: sql(param), args, argTypes: args.map(() => ({ scalarType: "string", arity: "scalar" })) });
  return result.rows.map((values) => Object.fromEntries(result.columnNames.map((name, i) => [name, values[i]])) as Row);
}

let client: PrismaClient | undefined;
let clientUrl: string | undefined;

export function db(): PrismaClient {
  const env = loadEnv();
  const url = env.DATABASE_URL;
  if (!client || clientUrl !== url) {
    client = createPrismaClient(url, { synchronous: env.SQLITE_SYNCHRONOUS ?? (env.isProduction ? "FULL" : "NORMAL") });
    clientUrl = url;
  }
  return client;
}

export async function disconnectDb(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
  clientUrl = undefined;
}
