import { describe, expect, it } from "vitest";
import { dayBefore, formatDayKey, giftAidKeptUntil, grantKeptUntil, monthsKeptUntil, retentionEnded, taxYearEnd } from "./retention";

describe("taxYearEnd", () => {
  it("is 5 April: of the same year up to 5 April, of the next year from 6 April", () => {
    expect(taxYearEnd("2026-04-05")).toBe("2026-04-05");
    expect(taxYearEnd("2026-04-06")).toBe("2027-04-05");
    expect(taxYearEnd("2026-01-01")).toBe("2026-04-05");
    expect(taxYearEnd("2026-12-31")).toBe("2027-04-05");
  });
});

describe("giftAidKeptUntil", () => {
  it("keeps Gift Aid records to the end of the 6th tax year after the gift's, on the UK day", () => {
    expect(giftAidKeptUntil(new Date("2026-05-10T12:00:00Z"), 6)).toBe("2033-04-05");
    expect(giftAidKeptUntil(new Date("2026-04-05T12:00:00Z"), 6)).toBe("2032-04-05");
    // 23:30 UTC on 5 April is 6 April in the UK (BST): the next tax year
    expect(giftAidKeptUntil(new Date("2026-04-05T23:30:00Z"), 6)).toBe("2033-04-05");
  });
  it("refuses a negative or fractional period", () => {
    expect(() => giftAidKeptUntil(new Date(), -1)).toThrow(RangeError);
    expect(() => giftAidKeptUntil(new Date(), 1.5)).toThrow(RangeError);
  });
});

describe("months and grant clocks", () => {
  it("keep to the day before the months end (so the record goes the day the months are up)", () => {
    expect(monthsKeptUntil(new Date("2026-01-15T10:00:00Z"), 12)).toBe("2027-01-14");
    expect(monthsKeptUntil(new Date("2026-08-31T10:00:00Z"), 6)).toBe("2027-02-27");
    expect(grantKeptUntil(new Date("2026-03-01T10:00:00Z"), 7)).toBe("2033-02-28");
    expect(dayBefore("2028-03-01")).toBe("2028-02-29");
  });
});

describe("retentionEnded", () => {
  it("is false on the last day kept and true the UK day after", () => {
    expect(retentionEnded("2033-04-05", new Date("2033-04-05T22:59:00Z"))).toBe(false);
    expect(retentionEnded("2033-04-05", new Date("2033-04-05T23:00:00Z"))).toBe(true);
  });
  it("formats a day for people", () => {
    expect(formatDayKey("2033-04-05")).toBe("5 April 2033");
  });
});
