// The document renderer (app/entry.server.tsx): the page as one string after its doctype, with the status and
// headers Remix chose; a page that fails to render is refused (Remix then renders its error page) and logged.
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";

const render = vi.hoisted(() => ({ fail: false }));
vi.mock("@remix-run/react", () => ({
  isRouteErrorResponse: () => false,
  // Stands in for Remix's whole document: a page with a multi-byte character, or a component that throws.
  RemixServer: ({ nonce }: { nonce: string }) => {
    if (render.fail) throw new Error("a component failed");
    return createElement("html", { lang: "en-GB" }, createElement("body", null, createElement("p", null, `Data controller — the council`), createElement("script", { nonce }, "")));
  },
}));
const logged = vi.hoisted(() => [] as { msg: string; requestId: unknown }[]);
vi.mock("~/utils/logger.server", () => ({ logger: { error: (obj: { requestId?: unknown }, msg: string) => logged.push({ msg, requestId: obj.requestId }) } }));

const { default: handleRequest, handleError } = await import("./entry.server");
const context = { cspNonce: "n0nce", requestId: "req-42" };
const call = () => handleRequest(new Request("http://app.test/"), 404, new Headers({ "X-Test": "kept" }), {} as never, context as never);

describe("the document renderer", () => {
  it("sends the whole page after its doctype, with Remix's status and headers", async () => {
    render.fail = false;
    const response = await call();
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("x-test")).toBe("kept");
    const html = await response.text();
    expect(html).toBe('<!DOCTYPE html><html lang="en-GB"><body><p>Data controller — the council</p><script nonce="n0nce"></script></body></html>');
  });

  it("refuses a page that fails to render, and logs it", async () => {
    render.fail = true;
    logged.length = 0;
    await expect(call()).rejects.toThrow("a component failed");
    expect(logged).toEqual([{ msg: "render error", requestId: "req-42" }]);
  });

  it("logs a loader's or action's error with the request's id, but not an aborted request", () => {
    logged.length = 0;
    handleError(new Error("database gone"), { request: new Request("http://app.test/giving"), context } as never);
    const aborted = new AbortController();
    aborted.abort();
    handleError(new Error("client left"), { request: new Request("http://app.test/giving", { signal: aborted.signal }), context } as never);
    expect(logged).toEqual([{ msg: "unhandled server error", requestId: "req-42" }]);
  });
});
