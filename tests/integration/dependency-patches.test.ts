// patches/ (applied by patch-package on install; docs/decisions/0020-route-matching-patch.md):
// - the server matches the same static route tree several times per request: @remix-run/router flattens
//   and ranks a routes array once, compiles each path pattern once and remembers recent results, and
//   Remix builds its server route tree once per build;
// - Remix's server hands a loader or action the request itself when there is no "index" or "_data" parameter
//   to strip, instead of two copies of it (docs/decisions/0024-fewer-request-copies.md), and a page view's
//   loaders hand their plain data to the page without turning it into JSON and back (docs/decisions/0029);
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
import { remixHandler } from "../helpers/remix-build";

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
    const seen: Request[] = [];
    const record = ({ request }: { request: Request }) => {
      seen.push(request);
      return new Response(JSON.stringify({ url: request.url }), { headers: { "Content-Type": "application/json" } });
    };
    return { handle: remixHandler([{ id: "root", path: "", loader: record, action: record }]), seen };
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

describe("the loader data patch", () => {
  // A root page and a resource route (no component): each loader answers what the test put in `answer`;
  // the document renderer records the loader data the page would be rendered with.
  function handlerWith(answer: { data: unknown }) {
    const rendered: unknown[] = [];
    const loader = () => answer.data;
    const handle = remixHandler(
      [
        { id: "root", path: "", loader },
        { id: "routes/feed", parentId: "root", path: "feed", loader, component: false },
      ],
      async (_request, status, _headers, context) => {
        rendered.push(context.staticHandlerContext.loaderData.root);
        return new Response("document", { status });
      },
    );
    return { handle, rendered };
  }

  it("hands a page its loader's plain data as it is, without turning it into JSON and back", async () => {
    const data = { name: "Sam", amounts: [500, 1250], pledge: { status: "active", pausedUntil: null, nested: [[{ pence: -0.5 }]] }, ok: true };
    const { handle, rendered } = handlerWith({ data });
    expect(await (await handle(new Request("http://app.test/"))).text()).toBe("document");
    expect(rendered[0]).toBe(data);
  });

  it("still round-trips data that JSON would change: a date, NaN, -0, a prototype-less object, undefined, a hole, a class", async () => {
    class Money {
      constructor(readonly pence: number) {}
    }
    for (const [data, expected] of [
      [{ at: new Date("2026-11-24T01:00:00Z") }, { at: "2026-11-24T01:00:00.000Z" }],
      [{ ratio: Number.NaN }, { ratio: null }],
      [{ balance: -0 }, { balance: 0 }],
      [{ counts: Object.assign(Object.create(null) as object, { a: 1 }) }, { counts: { a: 1 } }],
      [{ list: [1, undefined, 3] }, { list: [1, null, 3] }],
      [{ list: [1, , 3] }, { list: [1, null, 3] }],
      [{ errors: { amount: "Enter an amount", email: undefined } }, { errors: { amount: "Enter an amount" } }],
      [{ amount: new Money(500) }, { amount: { pence: 500 } }],
    ] as const) {
      const { handle, rendered } = handlerWith({ data });
      await handle(new Request("http://app.test/"));
      expect(rendered[0]).not.toBe(data);
      expect(rendered[0]).toEqual(expected);
    }
  });

  it("answers a data request and a resource route with JSON, as before", async () => {
    const data = { name: "Sam", amounts: [500] };
    const { handle, rendered } = handlerWith({ data });
    const asData = await handle(new Request("http://app.test/?_data=root"));
    expect(asData.headers.get("content-type")).toContain("application/json");
    expect(await asData.json()).toEqual(data);
    const resource = await handle(new Request("http://app.test/feed"));
    expect(resource.headers.get("content-type")).toContain("application/json");
    expect(await resource.json()).toEqual(data);
    expect(rendered).toHaveLength(0);
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
