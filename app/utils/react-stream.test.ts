import { describe, expect, it } from "vitest";
import { withoutTrailingNuls, reactOutputStream } from "./react-stream";

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
    const stream = reactOutputStream();
    const out: Buffer[] = [];
    stream.on("data", (c: Buffer) => out.push(c));
    stream.write(Buffer.concat([encoded.subarray(0, cut), Buffer.alloc(2)]));
    stream.end(encoded.subarray(cut));
    await new Promise((resolve) => stream.on("end", resolve));
    expect(Buffer.concat(out).toString("utf8")).toBe(text);
  });
});
