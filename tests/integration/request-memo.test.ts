// Through Remix itself (patched @remix-run/server-runtime): the root's and the page's loaders of one page
// view share a read memoised on the request (app/utils/request-memo.server.ts), and after a form post
// the loaders read afresh, after the action's write.
import { describe, expect, it } from "vitest";
import { remixHandler } from "../helpers/remix-build";
import { perRequest } from "~/utils/request-memo.server";

/** A root route and a /giving page under it, whose loaders both ask "who is signed in"; the page's action writes. */
function twoRouteApp() {
  const events: string[] = [];
  let version = 0;
  const whoIsSignedIn = (request: Request) =>
    perRequest(request, "user", async () => {
      events.push(`read v${version}`);
      return { name: "Sam", version };
    });
  const json = (value: unknown) => new Response(JSON.stringify(value), { headers: { "Content-Type": "application/json" } });
  const loader = (route: string) => async ({ request }: { request: Request }) => {
    const user = await whoIsSignedIn(request);
    events.push(`${route} saw v${user.version}`);
    return json(user);
  };
  const action = async ({ request }: { request: Request }) => {
    // The action asks twice: a form post is never memoised, so both are reads.
    await whoIsSignedIn(request);
    await whoIsSignedIn(request);
    version++;
    events.push("action wrote");
    return json({ ok: true });
  };
  const handle = remixHandler([
    { id: "root", path: "", loader: loader("root") },
    { id: "routes/giving", parentId: "root", path: "giving", loader: loader("giving"), action },
  ]);
  return { handle, events };
}

describe("a page view's shared reads", () => {
  it("are read once for the root's and the page's loaders, and again for the next page view", async () => {
    const { handle, events } = twoRouteApp();
    expect(await (await handle(new Request("http://app.test/giving"))).text()).toBe("document");
    expect(events.filter((e) => e.startsWith("read"))).toEqual(["read v0"]);
    expect(events.filter((e) => e.includes("saw")).sort()).toEqual(["giving saw v0", "root saw v0"]);
    await handle(new Request("http://app.test/giving"));
    expect(events.filter((e) => e.startsWith("read"))).toEqual(["read v0", "read v0"]);
  });

  it("are read after a form post's write, so the page shows what it changed", async () => {
    const { handle, events } = twoRouteApp();
    await handle(new Request("http://app.test/giving", { method: "POST", body: new URLSearchParams({ amount: "5" }) }));
    expect(events.slice(0, 3)).toEqual(["read v0", "read v0", "action wrote"]);
    expect(events.slice(3).filter((e) => e.startsWith("read"))).toEqual(["read v1"]);
    expect(events.filter((e) => e.includes("saw")).sort()).toEqual(["giving saw v1", "root saw v1"]);
  });
});
