import { describe, expect, it } from "vitest";
import { add, formatPence, MoneyError, negate, parsePounds, pence, sub, toPoundsInput } from "./money";

describe("pence", () => {
  it("accepts whole numbers only", () => {
    expect(pence(1250)).toBe(1250);
    expect(() => pence(12.5)).toThrow(MoneyError);
    expect(() => pence(Number.NaN)).toThrow(MoneyError);
    expect(() => pence(2 ** 60)).toThrow(MoneyError);
  });

  it("adds, subtracts and negates", () => {
    expect(add(pence(1), pence(2), pence(3))).toBe(6);
    expect(add()).toBe(0);
    expect(sub(pence(5), pence(7))).toBe(-2);
    expect(negate(pence(5))).toBe(-5);
    expect(Object.is(negate(pence(0)), 0)).toBe(true);
  });
});

describe("parsePounds", () => {
  it.each([
    ["12", 1200],
    ["12.5", 1250],
    ["12.05", 1205],
    ["£1,250.00", 125000],
    [" 0.01 ", 1],
    ["0", 0],
  ])("%s → %i pence", (input, expected) => {
    expect(parsePounds(input)).toBe(expected);
  });

  it.each(["", "abc", "12.345", "-5", "1e3", "12,34", "£", "1.2.3"])("rejects %j", (input) => {
    expect(parsePounds(input)).toBeNull();
  });

  it("never goes through floating point", () => {
    // 0.1 + 0.2 style errors would show here
    expect(parsePounds("0.29")).toBe(29);
    expect(parsePounds("1.15")).toBe(115);
  });
});

describe("formatPence", () => {
  it("formats pounds, dropping zero pence", () => {
    expect(formatPence(2000)).toBe("£20");
    expect(formatPence(123456)).toBe("£1,234.56");
    expect(formatPence(5)).toBe("£0.05");
    expect(formatPence(-250)).toBe("-£2.50");
  });
});

describe("toPoundsInput", () => {
  it.each([
    [1200, "12"],
    [1250, "12.50"],
    [1205, "12.05"],
    [5, "0.05"],
    [0, ""],
    [null, ""],
    [undefined, ""],
  ])("%s → %j, and back through parsePounds", (amount, text) => {
    expect(toPoundsInput(amount)).toBe(text);
    if (text) expect(parsePounds(text)).toBe(amount);
  });
});
