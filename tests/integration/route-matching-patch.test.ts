// The server matches the same static route tree several times per request. patches/ (applied by
// patch-package on install) make @remix-run/router flatten and rank a routes array once, compile each
// path pattern once, and make Remix build its server route tree once per build
// (docs/decisions/0020-route-matching-patch.md). These tests fail if the patches are not applied.
import fs from "node:fs";
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
    expect(fs.readdirSync(path.resolve("patches")).length).toBe(3);
  });
});
