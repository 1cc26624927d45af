// The production server for a benchmark: the built app (`tsx server.ts`) on a free loopback port,
// against the bench's own database, in no-key mode (emails to the outbox, no Stripe API).
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type BenchServer = { baseUrl: string; ready: () => Promise<void>; stop: () => Promise<void> };

/** Start the server (it is ready once `ready()` resolves); `stop()` always, in a finally. */
export async function startBenchServer(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<BenchServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { STRIPE_SECRET_KEY: _s, SENDGRID_API_KEY: _g, ...env } = process.env;
  let exited = false;
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["server.ts"], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), DATABASE_URL: databaseUrl, NODE_ENV: "development", LOG_LEVEL: "silent", ...extraEnv },
    stdio: ["ignore", "ignore", "inherit"],
  });
  child.once("exit", () => (exited = true));
  return {
    baseUrl,
    async ready() {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        if (exited) throw new Error("the server exited before it was ready");
        try {
          if ((await fetch(`${baseUrl}/accessibility`)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error("the server did not start within 60 s");
    },
    async stop() {
      if (exited) return;
      child.kill("SIGTERM");
      await new Promise<void>((resolve) => (exited ? resolve() : child.once("exit", () => resolve())));
    },
  };
}
