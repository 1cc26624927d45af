// patches/ (applied by patch-package on install; docs/decisions/0020-route-matching-patch.md):
// - the server matches the same static route tree several times per request: @remix-run/router flattens
//   and ranks a routes array once, compiles each path pattern once and remembers recent results, and
//   Remix builds its server route tree once per build;
// - Remix's server hands a loader or action the request itself when there is no "index" or "_data" parameter
//   to strip, instead of two copies of it (docs/decisions/0024-fewer-request-copies.md);
// - Prisma's SQLite adapter keeps prepared statements per connection instead of preparing every query,
//   and reads each statement's result columns once.
// These tests fail if the patches are not applied, or if they change what the code returns.
import fs from "node:fs";
import os from "node:os";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);

describe("the route matching patch", () => {
  it("flattens and ranks a routes array once: a route added later to the same array is not seen", () => {
    // The CommonJS build is the one the server loads (the browser bundle uses the ES module build).
    const { matchRoutes } = require("@remix-run/router") as typeof import("@remix-run/router");
    const routes: { id: string; path: string }[] = [{ id: "a", path: "/a" }];
    expect(matchRoutes(routes, "/a")?.[0].route.id).toBe("a");
    routes.push({ id: "b", path: "/b" });
    expect(matchRoutes(routes, "/b")).toBeNull();
    // A new array is flattened afresh.
    expect(matchRoutes([...routes], "/b")?.[0].route.id).toBe("b");
  });

  it("still matches params, splats and index routes as before", () => {
    const { matchRoutes } = require("@remix-run/router") as typeof import("@remix-run/router");
    const routes = [
      { id: "root", path: "/", children: [{ id: "index", index: true }, { id: "item", path: "items/:id" }, { id: "splat", path: "files/*" }] },
    ];
    expect(matchRoutes(routes, "/")?.map((m) => m.route.id)).toEqual(["root", "index"]);
    expect(matchRoutes(routes, "/items/42")?.at(-1)?.params).toEqual({ id: "42" });
    expect(matchRoutes(routes, "/files/a/b.csv")?.at(-1)?.params["*"]).toBe("a/b.csv");
    expect(matchRoutes(routes, "/nothing")).toBeNull();
  });

  it("remembers results but hands out copies: a caller changing its matches does not change the next caller's", () => {
    const { matchRoutes } = require("@remix-run/router") as typeof import("@remix-run/router");
    const routes = [{ id: "root", path: "/", children: [{ id: "item", path: "items/:id" }] }];
    const first = matchRoutes(routes, "/items/7")!;
    (first[1].params as Record<string, string>).id = "changed";
    first.pop();
    const second = matchRoutes(routes, "/items/7")!;
    expect(second.map((m) => m.route.id)).toEqual(["root", "item"]);
    expect(second[1].params).toEqual({ id: "7" });
    expect(second[0].params).toBe(second[1].params); // one params object per match, as before
  });

  it("is applied to the server files of @remix-run/react and react-router-dom", () => {
    for (const file of ["@remix-run/react/dist/server.js", "react-router-dom/server.js"]) {
      const source = fs.readFileSync(path.resolve("node_modules", file), "utf8");
      expect(source, file).toContain("Helping Hands patch");
    }
    expect(fs.readdirSync(path.resolve("patches")).length).toBe(5);
  });
});

describe("the request copies patch", () => {
  // A one-route build: the root route's loader and action record the request they are given.
  function handlerRecording() {
    const { createRequestHandler } = require("@remix-run/server-runtime") as typeof import("@remix-run/server-runtime");
    const seen: Request[] = [];
    const record = ({ request }: { request: Request }) => {
      seen.push(request);
      return new Response(JSON.stringify({ url: request.url }), { headers: { "Content-Type": "application/json" } });
    };
    const build = {
      mode: "production",
      entry: { module: { default: async () => new Response("document") } },
      routes: { root: { id: "root", path: "", module: { default: () => null, loader: record, action: record } } },
      assets: { entry: { module: "/entry.js", imports: [] }, routes: { root: { id: "root", path: "", module: "/root.js", hasLoader: true, hasAction: true } }, url: "/manifest.js", version: "1" },
      publicPath: "/build/",
      assetsBuildDirectory: "public/build",
      future: {},
      isSpaMode: false,
    };
    return { handle: createRequestHandler(build as never, "production"), seen };
  }

  it("gives a page's loader the request itself when there is nothing to strip", async () => {
    const { handle, seen } = handlerRecording();
    const request = new Request("http://app.test/?page=2");
    expect(await (await handle(request)).text()).toBe("document");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(request);
  });

  it("gives a form post's action the request itself, its body unread", async () => {
    const { handle, seen } = handlerRecording();
    const request = new Request("http://app.test/", { method: "POST", body: new URLSearchParams({ amount: "5" }) });
    await handle(request);
    expect(seen[0]).toBe(request);
    expect((await seen[0].formData()).get("amount")).toBe("5");
  });

  it("still strips the _data and empty index parameters, as before", async () => {
    const { handle, seen } = handlerRecording();
    const data = await handle(new Request("http://app.test/?_data=root&page=2"));
    expect(await data.json()).toEqual({ url: "http://app.test/?page=2" });
    await handle(new Request("http://app.test/?index&page=3"));
    expect(seen.map((r) => r.url)).toEqual(["http://app.test/?page=2", "http://app.test/?page=3"]);
  });
});

describe("the SQLite adapter's statement cache", () => {
  it("prepares a statement once and runs it with each call's own parameters, reads and writes alike", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-stmt-"));
    const adapter = await new PrismaBetterSqlite3({ url: path.join(dir, "t.db") }).connect();
    const prepare = Database.prototype.prepare;
    const prepared: string[] = [];
    Database.prototype.prepare = function (this: Database.Database, sql: string) {
      prepared.push(sql);
      return prepare.call(this, sql);
    } as typeof prepare;
    try {
      const int = { scalarType: "int", arity: "scalar" } as const;
      await adapter.executeScript("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)");
      const insert = "INSERT INTO t (id, n) VALUES (?, ?)";
      for (let i = 1; i <= 3; i++) await adapter.executeRaw({ sql: insert, args: [i, i * 10], argTypes: [int, int] });
      const select = "SELECT n FROM t WHERE id = ?";
      const read = async (id: number) => (await adapter.queryRaw({ sql: select, args: [id], argTypes: [int] })).rows;
      expect(await read(1)).toEqual([[10]]);
      expect(await read(3)).toEqual([[30]]);
      expect(await read(9)).toEqual([]);
      expect(prepared.filter((sql) => sql === insert)).toHaveLength(1);
      expect(prepared.filter((sql) => sql === select)).toHaveLength(1);
    } finally {
      Database.prototype.prepare = prepare;
      await adapter.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads a statement's result columns once, and still answers each query with its own columns and types", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-cols-"));
    const adapter = await new PrismaBetterSqlite3({ url: path.join(dir, "t.db") }).connect();
    await adapter.executeScript("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, at DATETIME); INSERT INTO t VALUES (1, 'a', '2026-01-01T00:00:00.000Z')");
    const memory = new Database(":memory:");
    const statement = Object.getPrototypeOf(memory.prepare("SELECT 1")) as { columns: () => unknown[] };
    memory.close();
    const columns = statement.columns;
    let reads = 0;
    statement.columns = function (this: unknown) {
      reads++;
      return columns.call(this);
    };
    try {
      const both = await adapter.queryRaw({ sql: "SELECT id, name FROM t", args: [], argTypes: [] });
      const again = await adapter.queryRaw({ sql: "SELECT id, name FROM t", args: [], argTypes: [] });
      const other = await adapter.queryRaw({ sql: "SELECT at FROM t", args: [], argTypes: [] });
      expect(both.columnNames).toEqual(["id", "name"]);
      expect(again).toEqual(both);
      expect(other.columnNames).toEqual(["at"]);
      expect(other.columnTypes).not.toEqual(both.columnTypes.slice(0, 1));
      expect(reads).toBe(2);
    } finally {
      statement.columns = columns;
      await adapter.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
