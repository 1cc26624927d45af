import { describe, expect, it } from "vitest";
import { requestContext } from "./logger.server";
import { perRequest } from "./request-memo.server";

describe("perRequest", () => {
  it("runs a read once per GET request and shares its result", async () => {
    let reads = 0;
    const read = async () => ++reads;
    await requestContext.run({ requestId: "r1", memo: new Map() }, async () => {
      expect(await Promise.all([perRequest("k", read), perRequest("k", read)])).toEqual([1, 1]);
      expect(await perRequest("other", read)).toBe(2);
    });
    // The next request reads afresh.
    await requestContext.run({ requestId: "r2", memo: new Map() }, async () => expect(await perRequest("k", read)).toBe(3));
  });

  it("does not memoise a request without a memo (a write) or outside a request", async () => {
    let reads = 0;
    const read = async () => ++reads;
    await requestContext.run({ requestId: "post" }, async () => {
      await perRequest("k", read);
      await perRequest("k", read);
    });
    await perRequest("k", read);
    expect(reads).toBe(3);
  });

  it("does not keep a failed read", async () => {
    let calls = 0;
    const read = async () => {
      calls++;
      if (calls === 1) throw new Error("database busy");
      return "ok";
    };
    await requestContext.run({ requestId: "r", memo: new Map() }, async () => {
      await expect(perRequest("k", read)).rejects.toThrow("database busy");
      expect(await perRequest("k", read)).toBe("ok");
    });
  });
});
