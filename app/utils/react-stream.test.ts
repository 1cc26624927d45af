import { describe, expect, it, vi } from "vitest";
import { documentSink, withoutTrailingNuls } from "./react-stream";

const bytes = (...b: number[]) => Uint8Array.from(b);

describe("withoutTrailingNuls", () => {
  it.each([
    [bytes(60, 112, 62), bytes(60, 112, 62)],
    [bytes(60, 0), bytes(60)],
    [bytes(60, 0, 0), bytes(60)],
    [bytes(60, 0, 0, 0), bytes(60)],
    // never more than three: a fourth zero would not come from a character that did not fit
    [bytes(60, 0, 0, 0, 0), bytes(60, 0)],
    // a zero inside the chunk is left alone (it is not React's leftover)
    [bytes(0, 60), bytes(0, 60)],
    [bytes(), bytes()],
  ])("%j → %j", (input, expected) => {
    expect(Array.from(withoutTrailingNuls(input))).toEqual(Array.from(expected));
  });

  it("keeps a page with an em dash split across chunks whole", async () => {
    const text = "Data controller — the council";
    const encoded = Buffer.from(text);
    const cut = encoded.indexOf(0xe2); // the dash's first byte: React would stop before it
    const { destination, body } = documentSink();
    destination.write(Buffer.concat([encoded.subarray(0, cut), Buffer.alloc(2)]));
    destination.end(encoded.subarray(cut));
    expect((await body).toString("utf8")).toBe(text);
  });
});

describe("documentSink", () => {
  it("holds a page rendered by React, ends once however often it is ended, and never emits", async () => {
    const { renderToPipeableStream } = await import("react-dom/server");
    const { createElement } = await import("react");
    const { destination, body } = documentSink();
    const listen = vi.spyOn(destination, "on");
    await new Promise<void>((resolve, reject) => {
      const { pipe, abort } = renderToPipeableStream(createElement("p", null, "Helping Hands — ", "thank you"), {
        onAllReady() {
          pipe(destination);
          // what React does when a timer or a closed destination aborts a finished render
          abort();
          abort();
          resolve();
        },
        onShellError: reject,
      });
    });
    expect((await body).toString("utf8")).toBe("<p>Helping Hands — <!-- -->thank you</p>");
    expect(listen).toHaveBeenCalledWith("close", expect.any(Function));
    expect(destination.write("more")).toBe(true);
  });
});
