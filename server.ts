// `npm start`: validate env, then serve the built app. The database is prepared by scripts/db-prepare.ts.
// WEB_CONCURRENCY > 1 runs that many worker processes sharing the port (node:cluster), one per CPU: a
// Node process renders on one core. Each worker is a full app server (its own caches, see
// docs/decisions/0019-several-app-servers.md); the primary only restarts workers that die.
import cluster from "node:cluster";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createApp } from "./server/app.ts";
import { EnvError, loadEnv, type Env } from "./app/utils/env.server.ts";
import { logger } from "./app/utils/logger.server.ts";

/** More restarts than this within a minute means the workers cannot run: stop and let the process manager see it. */
const MAX_RESTARTS_PER_MINUTE = 10;

let env: Env;
try {
  env = loadEnv();
} catch (err) {
  if (err instanceof EnvError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

if (env.WEB_CONCURRENCY > 1 && cluster.isPrimary) {
  runPrimary(env.WEB_CONCURRENCY);
} else {
  await serve(env);
}

function runPrimary(workers: number): void {
  let stopping = false;
  const restarts: number[] = [];
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && restarts[0] < now - 60_000) restarts.shift();
    logger.error({ pid: worker.process.pid, code, signal }, "worker stopped; starting another");
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      logger.fatal({ restarts: restarts.length }, "workers keep stopping; giving up");
      process.exit(1);
    }
    cluster.fork();
  });
  console.log(`Helping Hands is running at http://localhost:${env.PORT} with ${workers} worker processes`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    });
  }
}

async function serve(env: Env): Promise<void> {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const app = createApp({ build, env });
  const server = app.listen(env.PORT, () => {
    logger.info({ port: env.PORT, database: env.databaseProvider, emailToOutbox: env.emailToOutbox, worker: cluster.isWorker }, "listening");
    if (cluster.isWorker) return;
    console.log(`Helping Hands is running at http://localhost:${env.PORT}`);
    if (env.emailToOutbox) console.log(`Emails are not sent: read them at http://localhost:${env.PORT}/dev/outbox`);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.close(() => process.exit(0)));
  }
}
