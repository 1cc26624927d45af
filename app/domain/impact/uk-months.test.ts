import { describe, expect, it } from "vitest";
import { addMonths, financialYearLabel, financialYearOf, financialYearPeriod, previousUkMonth, ukDayStart, ukMonthKey, ukMonthPeriod } from "./uk-months";

describe("UK months and financial years", () => {
  it.each([
    ["2026-01-15", "2026-01-15T00:00:00.000Z"], // GMT
    ["2026-06-01", "2026-05-31T23:00:00.000Z"], // BST
    ["2026-03-29", "2026-03-29T00:00:00.000Z"], // clocks go forward at 01:00 UTC that day
    ["2026-10-25", "2026-10-24T23:00:00.000Z"], // clocks go back at 01:00 UTC that day
  ])("the UK day %s starts at %s", (day, instant) => {
    expect(ukDayStart(day).toISOString()).toBe(instant);
  });

  it("refuses a day that is not one", () => {
    expect(() => ukDayStart("2026-13-45")).toThrow(RangeError);
  });

  it("reads the UK month of an instant, not the UTC one", () => {
    expect(ukMonthKey(new Date("2026-04-30T23:30:00Z"))).toBe("2026-05"); // 00:30 BST on 1 May
    expect(ukMonthKey(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12"); // GMT
  });

  it.each([
    ["2026-01", -1, "2025-12"],
    ["2026-12", 1, "2027-01"],
    ["2026-05", -13, "2025-04"],
  ])("%s moved by %d months is %s", (month, by, expected) => {
    expect(addMonths(month, by)).toBe(expected);
  });

  it("the digest in a month reports on the UK month before", () => {
    expect(previousUkMonth(new Date("2026-12-01T06:00:00Z"))).toBe("2026-11");
    expect(previousUkMonth(new Date("2027-01-01T00:30:00Z"))).toBe("2026-12");
    expect(previousUkMonth(new Date("2026-05-31T23:30:00Z"))).toBe("2026-05"); // already 1 June in the UK
  });

  it("a month is [UK midnight on the 1st, UK midnight on the next 1st)", () => {
    const may = ukMonthPeriod("2026-05");
    expect(may.from.toISOString()).toBe("2026-04-30T23:00:00.000Z");
    expect(may.to.toISOString()).toBe("2026-05-31T23:00:00.000Z");
    const march = ukMonthPeriod("2026-03");
    expect(march.from.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(march.to.toISOString()).toBe("2026-03-31T23:00:00.000Z");
    expect(() => ukMonthPeriod("2026-13")).toThrow(RangeError);
  });

  it("a financial year runs from 1 April to 31 March, UK time", () => {
    expect(financialYearOf(new Date("2026-03-31T22:59:00Z"))).toBe(2025);
    expect(financialYearOf(new Date("2026-03-31T23:00:00Z"))).toBe(2026); // midnight BST, 1 April
    expect(financialYearOf(new Date("2027-02-10T12:00:00Z"))).toBe(2026);
    const year = financialYearPeriod(2026);
    expect(year.from.toISOString()).toBe("2026-03-31T23:00:00.000Z");
    expect(year.to.toISOString()).toBe("2027-03-31T23:00:00.000Z");
    expect(financialYearLabel(2026)).toBe("April 2026 to March 2027");
  });
});
