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
const logged = vi.hoisted(() => [] as string[]);
vi.mock("~/utils/logger.server", () => ({ logger: { error: (_obj: unknown, msg: string) => logged.push(msg) } }));

const { default: handleRequest } = await import("./entry.server");
const call = () => handleRequest(new Request("http://app.test/"), 404, new Headers({ "X-Test": "kept" }), {} as never, { cspNonce: "n0nce" } as never);

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
    expect(logged).toEqual(["render error"]);
  });
});
