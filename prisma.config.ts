import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseUrl, providerOf } from "./scripts/database-url.ts";

// See scripts/prisma-engine-stub.sh: lets `prisma generate` run without the downloadable engine.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/prisma-engine-stub.sh");

const url = databaseUrl();
const provider = providerOf(url);

export default defineConfig({
  schema: provider === "postgresql" ? "prisma/schema.postgresql.prisma" : "prisma/schema.prisma",
  migrations: { path: `prisma/migrations/${provider}` },
  datasource: { url },
});
