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

export type BenchServer = {
  baseUrl: string;
  /** The server's own process (node itself, not a launcher), e.g. for reading its memory from /proc/<pid>/status. */
  pid: number;
  ready: () => Promise<void>;
  stop: () => Promise<void>;
};

/** The session secret a production-mode bench server signs cookies with (the bench signs its own with it too). */
export const BENCH_SESSION_SECRET = "bench-session-secret-0123456789abcdef";

/**
 * Production mode (React's production build, Remix's production mode) needs every secret set.
 * Page benches never send email or call Stripe, so placeholders do; the card bench, which sends
 * receipts, runs in the development mode of the same built server (emails to the outbox).
 */
export function productionEnv(baseUrl: string): Record<string, string> {
  return {
    NODE_ENV: "production",
    SESSION_SECRET: BENCH_SESSION_SECRET,
    APP_URL: baseUrl,
    STRIPE_SECRET_KEY: "sk_test_bench_never_called",
    STRIPE_WEBHOOK_SECRET: "whsec_bench_never_called",
    SENDGRID_API_KEY: "SG.bench_never_called",
  };
}

/** Start the server (it is ready once `ready()` resolves); `stop()` always, in a finally. */
export async function startBenchServer(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
  options: { production?: boolean } = {},
): Promise<BenchServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  if (options.production) extraEnv = { ...productionEnv(baseUrl), ...extraEnv };
  const { STRIPE_SECRET_KEY: _s, SENDGRID_API_KEY: _g, ...env } = process.env;
  let exited = false;
  // BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of the server there when it stops (for finding hot spots).
  const profileDir = process.env.BENCH_CPU_PROFILE;
  // node with tsx's loader rather than the tsx command, which runs the server in a second process:
  // this way the child is the server, so its pid is the one whose memory the soak reads.
  const args = [...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []), "--import", "tsx", "server.ts"];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...env, PORT: String(port), DATABASE_URL: databaseUrl, NODE_ENV: "development", LOG_LEVEL: "silent", ...extraEnv },
    stdio: ["ignore", "ignore", "inherit"],
  });
  child.once("exit", () => (exited = true));
  if (child.pid === undefined) throw new Error("the server did not start");
  return {
    baseUrl,
    pid: child.pid,
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
