import { describe, expect, it } from "vitest";
import { formatDayKey, parseClaimRange } from "./claim-range";
import { cancelPath, cancelToken, isValidCancelToken } from "./cancel-token";

const v = (from: [string, string, string], to: [string, string, string], aggregate?: string) => ({
  fromDay: from[0], fromMonth: from[1], fromYear: from[2], toDay: to[0], toMonth: to[1], toYear: to[2], aggregate,
});

describe("parseClaimRange", () => {
  it("reads a range and the aggregate tick", () => {
    expect(parseClaimRange(v(["6", "4", "2026"], ["5", "4", "2027"], "yes"), "2027-05-01")).toEqual({
      ok: true,
      range: { fromKey: "2026-04-06", toKey: "2027-04-05", aggregate: true },
    });
    expect(parseClaimRange(v(["1", "5", "2026"], ["1", "5", "2026"]), "2027-05-01")).toMatchObject({ ok: true, range: { aggregate: false } });
  });
  it.each([
    ["empty", v(["", "", ""], ["", "", ""]), { from: "Enter the start date", to: "Enter the end date" }],
    ["missing month", v(["1", "", "2026"], ["2", "5", "2026"]), { from: "The start date must include a month" }],
    ["not a real date", v(["31", "2", "2026"], ["2", "5", "2026"]), { from: "The start date must be a real date, like 6 4 2026" }],
    ["two-digit year", v(["1", "2", "26"], ["2", "5", "2026"]), { from: "The start date must be a real date, like 6 4 2026" }],
    ["end before start", v(["2", "5", "2026"], ["1", "5", "2026"]), { to: "The end date must be the same as or after the start date" }],
    ["in the future", v(["1", "5", "2026"], ["1", "6", "2028"]), { to: "The end date must be today or in the past" }],
  ])("%s", (_name, values, errors) => {
    expect(parseClaimRange(values, "2027-05-01")).toEqual({ ok: false, errors });
  });
  it("formats a day", () => expect(formatDayKey("2026-04-06")).toBe("6 April 2026"));
});

describe("cancel token", () => {
  const secret = "x".repeat(32);
  it("is valid only for its id and secret", () => {
    const token = cancelToken("decl-1", secret);
    expect(isValidCancelToken("decl-1", token, secret)).toBe(true);
    expect(isValidCancelToken("decl-2", token, secret)).toBe(false);
    expect(isValidCancelToken("decl-1", token, "y".repeat(32))).toBe(false);
    expect(isValidCancelToken("decl-1", null, secret)).toBe(false);
    expect(isValidCancelToken("decl-1", "short", secret)).toBe(false);
    expect(cancelPath("decl-1", secret)).toBe(`/gift-aid/cancel/decl-1?token=${token}`);
  });
});
