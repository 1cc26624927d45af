// `npm start`: validate env, then serve the built app. The database is prepared by scripts/db-prepare.ts.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createApp } from "./server/app.ts";
import { EnvError, loadEnv } from "./app/utils/env.server.ts";
import { logger } from "./app/utils/logger.server.ts";

let env;
try {
  env = loadEnv();
} catch (err) {
  if (err instanceof EnvError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
const app = createApp({ build, env });
const server = app.listen(env.PORT, () => {
  logger.info({ port: env.PORT, database: env.databaseProvider, emailToOutbox: env.emailToOutbox }, "listening");
  console.log(`Helping Hands is running at http://localhost:${env.PORT}`);
  if (env.emailToOutbox) console.log(`Emails are not sent: read them at http://localhost:${env.PORT}/dev/outbox`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
