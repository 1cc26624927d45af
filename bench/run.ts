// The benchmark runner.
//   tsx bench/run.ts            run every bench/*.bench.ts
//   tsx bench/run.ts ledger     run only bench/ledger.bench.ts (area = file name without .bench.ts)
// A bench module exports `default async function run(): Promise<void>`, builds its own database
// and data (createBenchDatabase), and prints figures with printFigure:
//   bench <area>.<figure> <number> <unit> (n=<data size>)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { applyMigrations } from "../scripts/migrate.ts";
import { createPrismaClient, type Db } from "~/db.server";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const SUFFIX = ".bench.ts";

export function availableAreas(): string[] {
  return fs
    .readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith(SUFFIX))
    .map((file) => file.slice(0, -SUFFIX.length))
    .sort();
}

/** The one line format every figure is reported in, so results can be compared run to run. */
export function printFigure(area: string, figure: string, value: number, unit: string, dataSize: number): void {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(2);
  console.log(`bench ${area}.${figure} ${shown} ${unit} (n=${dataSize})`);
}

/** A fresh, migrated SQLite database in a temporary directory, with a client; `cleanup` removes both. */
export async function createBenchDatabase(area: string): Promise<{ url: string; client: Db; cleanup: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hh-bench-${area}-`));
  const url = `file:${path.join(dir, "bench.db")}`;
  await applyMigrations(url);
  const client = createPrismaClient(url);
  return {
    url,
    client,
    cleanup: async () => {
      await client.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main(requested: string[]): Promise<number> {
  const areas = availableAreas();
  const unknown = requested.filter((area) => !areas.includes(area));
  if (unknown.length > 0) {
    console.error(`unknown bench area: ${unknown.join(", ")}`);
    console.error(`available: ${areas.join(", ") || "(none)"}`);
    return 1;
  }
  let failed = 0;
  for (const area of requested.length > 0 ? requested : areas) {
    const module = (await import(pathToFileURL(path.join(BENCH_DIR, `${area}${SUFFIX}`)).href)) as { default?: unknown };
    if (typeof module.default !== "function") {
      console.error(`bench/${area}${SUFFIX} must export a default async function run()`);
      failed++;
      continue;
    }
    try {
      await (module.default as () => Promise<void>)();
    } catch (error) {
      // One broken bench should not hide the others' figures.
      console.error(`bench ${area} failed:`, error);
      failed++;
    }
  }
  return failed > 0 ? 1 : 0;
}

// No top-level await: bench modules import the helpers above, and a module cannot wait on an
// import of itself while it is still evaluating.
const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
