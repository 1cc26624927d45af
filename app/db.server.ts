// The one Prisma client of the process, with the driver adapter that matches DATABASE_URL.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
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

export function createPrismaClient(url: string, { synchronous = "NORMAL" }: { synchronous?: SqliteSynchronous } = {}): PrismaClient {
  if (providerOf(url) === "postgresql") {
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  }
  // timeout = SQLite's busy timeout: a second writer (another process) waits instead of failing.
  return new PrismaClient({ adapter: new SqliteWithSynchronous({ url: sqliteFilePath(url), timeout: 10_000 }, synchronous) });
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
