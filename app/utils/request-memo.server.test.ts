import { describe, expect, it } from "vitest";
import { perRequest } from "./request-memo.server";

const get = (url = "http://app.test/giving") => new Request(url);

describe("perRequest", () => {
  it("runs a read once per GET request and shares its result", async () => {
    let reads = 0;
    const read = async () => ++reads;
    const first = get();
    expect(await Promise.all([perRequest(first, "k", read), perRequest(first, "k", read)])).toEqual([1, 1]);
    expect(await perRequest(first, "other", read)).toBe(2);
    const head = new Request(first.url, { method: "HEAD" });
    expect([await perRequest(head, "k", read), await perRequest(head, "k", read)]).toEqual([3, 3]);
    // The next request, even for the same URL, reads afresh.
    expect(await perRequest(get(), "k", read)).toBe(4);
  });

  it("does not memoise a write (a form post)", async () => {
    let reads = 0;
    const read = async () => ++reads;
    const post = new Request("http://app.test/giving", { method: "POST", body: "a=1" });
    await perRequest(post, "k", read);
    await perRequest(post, "k", read);
    expect(reads).toBe(2);
  });

  it("does not keep a failed read", async () => {
    let calls = 0;
    const read = async () => {
      calls++;
      if (calls === 1) throw new Error("database busy");
      return "ok";
    };
    const request = get();
    await expect(perRequest(request, "k", read)).rejects.toThrow("database busy");
    expect(await perRequest(request, "k", read)).toBe("ok");
  });
});
