// server/request-log.ts: one line per request, with the id the response carries, the path without its query,
// the status and the time taken; build assets and a silent logger write nothing.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { logLines } from "../helpers/log-lines";
import { createLogger } from "~/utils/logger.server";
import { requestIdOf, requestLog } from "../../server/request-log";

const servers: { close: () => void }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function serve(level: string) {
  const { lines, sink } = logLines();
  const logger = createLogger(sink);
  logger.level = level;
  const app = express();
  app.use(requestLog(logger, { ignore: (path) => path.startsWith("/build/") }));
  app.get("/page", (_req, res) => void res.send(`id ${requestIdOf(res)}`));
  app.get("/build/app.js", (_req, res) => void res.type("js").send("1"));
  app.get("/broken", (_req, res) => void res.status(500).send("no"));
  app.get("/slow", () => undefined); // never answers: the client gives up
  const server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  servers.push(server);
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("the request log", () => {
  it("writes one line per request: its id (also sent back), method, path without the query, status and time", async () => {
    const { base, lines } = await serve("info");
    const res = await fetch(`${base}/page?code=123456&email=someone@example.org`);
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.text()).toBe(`id ${id}`);
    await settle();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: "request completed", level: 30, req: { id, method: "GET", path: "/page" }, res: { statusCode: 200 } });
    expect(typeof lines[0].responseTime).toBe("number");
    expect(JSON.stringify(lines[0])).not.toMatch(/123456|someone/);
  });

  it("gives every request its own id, and logs failures with their status", async () => {
    const { base, lines } = await serve("info");
    const [a, b] = await Promise.all([fetch(`${base}/page`), fetch(`${base}/broken`)]);
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
    await settle();
    expect(lines.map((l) => (l.res as { statusCode: number }).statusCode).sort()).toEqual([200, 500]);
  });

  it("logs a request the client gave up on before the response was sent", async () => {
    const { base, lines } = await serve("info");
    await expect(fetch(`${base}/slow`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    await settle();
    expect(lines).toEqual([expect.objectContaining({ msg: "request aborted before its response was sent", req: expect.objectContaining({ path: "/slow" }) })]);
  });

  it("does not log build assets, and writes nothing when the level is above info (the id is still sent)", async () => {
    const loud = await serve("info");
    expect((await fetch(`${loud.base}/build/app.js`)).headers.get("x-request-id")).toBeTruthy();
    const quiet = await serve("warn");
    expect((await fetch(`${quiet.base}/page`)).headers.get("x-request-id")).toBeTruthy();
    await settle();
    expect(loud.lines).toEqual([]);
    expect(quiet.lines).toEqual([]);
  });
});
