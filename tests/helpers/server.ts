// The real HTTP stack (Express middleware + the built Remix app) on a random local port,
// against the test file's database. Needs `npm run build` first (npm test does it).
import fs from "node:fs";
import path from "node:path";
import net, { type AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createApp } from "../../server/app.ts";
import { loadEnv, parseEnv } from "~/utils/env.server";
import { startSession } from "~/utils/session.server";
import { db } from "~/db.server";

const BUILD = path.resolve("build/index.js");

export async function loadBuild(): Promise<ServerBuild> {
  if (!fs.existsSync(BUILD)) throw new Error("build/index.js is missing: run `npm run build` first (npm test does)");
  return (await import(pathToFileURL(BUILD).href)) as ServerBuild;
}

export type TestServer = { baseUrl: string; close: () => Promise<void>; build: ServerBuild };

/** `port`: a fixed port, for a test that must know the app's address first (APP_URL, an OIDC redirect URI). */
export async function startTestServer(envOverrides: Record<string, string> = {}, { port: fixedPort = 0 } = {}): Promise<TestServer> {
  const build = await loadBuild();
  const env = Object.keys(envOverrides).length ? parseEnv({ ...process.env, ...envOverrides }) : loadEnv();
  const app = createApp({ build, env });
  const server = app.listen(fixedPort, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    build,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nobody is listening on now (for startTestServer's `port`). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A signed session cookie for a user, as if they had signed in. */
export async function sessionCookieFor(email: string): Promise<string> {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  const setCookie = await startSession(user.id);
  return setCookie.split(";")[0];
}
