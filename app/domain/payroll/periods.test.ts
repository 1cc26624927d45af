import { describe, expect, it } from "vitest";
import { effectivePeriod, generatePeriods, periodsPerYear, previousPeriod, type PeriodLike } from "./periods";

const d = (iso: string) => new Date(iso);

describe("generatePeriods", () => {
  it("makes calendar-month periods with the cut-off at the end of the cut-off day", () => {
    const [dec, jan] = generatePeriods({ frequency: "monthly", cutOffDay: 10 }, d("2026-12-01"), 2);
    expect(dec).toEqual({
      label: "December 2026",
      startsOn: d("2026-12-01T00:00:00Z"),
      endsOn: d("2026-12-31T00:00:00Z"),
      payDate: d("2026-12-31T00:00:00Z"),
      cutOffAt: d("2026-12-11T00:00:00Z"),
    });
    expect(jan.label).toBe("January 2027");
    expect(jan.startsOn).toEqual(d("2027-01-01T00:00:00Z"));
    expect(jan.endsOn).toEqual(d("2027-01-31T00:00:00Z"));
  });

  it("handles February and leap years", () => {
    const [feb] = generatePeriods({ frequency: "monthly", cutOffDay: 10 }, d("2028-02-01"), 1);
    expect(feb.endsOn).toEqual(d("2028-02-29T00:00:00Z"));
  });

  it("makes back-to-back four-weekly and weekly periods", () => {
    const four = generatePeriods({ frequency: "four_weekly", cutOffDay: 7 }, d("2026-11-30"), 3);
    expect(four.map((p) => p.startsOn.toISOString().slice(0, 10))).toEqual(["2026-11-30", "2026-12-28", "2027-01-25"]);
    expect(four[0].endsOn).toEqual(d("2026-12-27T00:00:00Z"));
    // pay day 27 Dec, cut-off 7 days before: changes in by the end of 20 Dec
    expect(four[0].cutOffAt).toEqual(d("2026-12-21T00:00:00Z"));
    const weekly = generatePeriods({ frequency: "weekly", cutOffDay: 2 }, d("2026-11-30"), 2);
    expect(weekly[1].startsOn).toEqual(d("2026-12-07T00:00:00Z"));
    expect(weekly[0].cutOffAt).toEqual(d("2026-12-05T00:00:00Z"));
  });

  it.each([
    [{ frequency: "monthly" as const, cutOffDay: 0 }, 1],
    [{ frequency: "monthly" as const, cutOffDay: 29 }, 1],
    [{ frequency: "weekly" as const, cutOffDay: 7 }, 1],
    [{ frequency: "monthly" as const, cutOffDay: 10 }, 0],
  ])("refuses %o × %i", (rule, count) => {
    expect(() => generatePeriods(rule, d("2026-12-01"), count)).toThrow();
  });
});

describe("effectivePeriod", () => {
  const periods: PeriodLike[] = [
    { id: "nov", startsOn: d("2026-11-01"), cutOffAt: d("2026-11-11"), lockedAt: null },
    { id: "dec", startsOn: d("2026-12-01"), cutOffAt: d("2026-12-11"), lockedAt: null },
    { id: "jan", startsOn: d("2027-01-01"), cutOffAt: d("2027-01-11"), lockedAt: null },
  ];

  it.each([
    ["2026-11-10T23:59:59Z", "nov"], // just before November's cut-off
    ["2026-11-11T00:00:00Z", "dec"], // at the cut-off: too late for November
    ["2026-11-23T10:00:00Z", "dec"],
    ["2026-12-10T12:00:00Z", "dec"],
    ["2026-12-11T00:00:01Z", "jan"],
  ])("a change at %s takes effect from %s", (now, expected) => {
    expect(effectivePeriod(periods, d(now))?.id).toBe(expected);
  });

  it("rolls past a locked period even before its cut-off", () => {
    const locked = periods.map((p) => (p.id === "dec" ? { ...p, lockedAt: d("2026-12-05") } : p));
    expect(effectivePeriod(locked, d("2026-12-06"))?.id).toBe("jan");
    expect(effectivePeriod(locked, d("2026-11-05"))?.id).toBe("jan");
  });

  it("is null when every period has closed", () => {
    expect(effectivePeriod(periods, d("2027-02-01"))).toBeNull();
    expect(effectivePeriod([], d("2027-02-01"))).toBeNull();
  });
});

describe("previousPeriod and periodsPerYear", () => {
  it("finds the period before", () => {
    const ps = [{ startsOn: d("2026-12-01") }, { startsOn: d("2026-11-01") }, { startsOn: d("2027-01-01") }];
    expect(previousPeriod(ps, ps[2])).toBe(ps[0]);
    expect(previousPeriod(ps, ps[1])).toBeNull();
  });
  it("counts periods a year", () => {
    expect([periodsPerYear("monthly"), periodsPerYear("four_weekly"), periodsPerYear("weekly")]).toEqual([12, 13, 52]);
  });
});
