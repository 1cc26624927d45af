// Run by `npm start`: create and migrate the database, then seed the demo data if it is empty.
import { applyMigrations } from "./migrate.ts";
import { databaseUrl, providerOf } from "./database-url.ts";
import { createPrismaClient } from "../app/db.server.ts";
import { isSeeded, seed } from "../prisma/seed.ts";

const url = databaseUrl();
const applied = await applyMigrations(url);
if (applied.length) console.log(`database migrated: ${applied.join(", ")}`);
const db = createPrismaClient(url);
try {
  if (!(await isSeeded(db))) {
    await seed(db);
    console.log(`demo data seeded (${providerOf(url)})`);
  }
} finally {
  await db.$disconnect();
}
