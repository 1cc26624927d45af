// The one Prisma client of the process, with the driver adapter that matches DATABASE_URL.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { providerOf, sqliteFilePath } from "../scripts/database-url.ts";
import { loadEnv } from "~/utils/env.server";

export type Db = PrismaClient;
/** A client or an interactive transaction: what service functions accept. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createPrismaClient(url: string): PrismaClient {
  if (providerOf(url) === "postgresql") {
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  }
  // timeout = SQLite's busy timeout: a second writer (another process) waits instead of failing.
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: sqliteFilePath(url), timeout: 10_000 }) });
}

let client: PrismaClient | undefined;
let clientUrl: string | undefined;

export function db(): PrismaClient {
  const url = loadEnv().DATABASE_URL;
  if (!client || clientUrl !== url) {
    client = createPrismaClient(url);
    clientUrl = url;
  }
  return client;
}

export async function disconnectDb(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
  clientUrl = undefined;
}
