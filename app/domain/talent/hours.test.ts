import { describe, expect, it } from "vitest";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { dayKeyToDate, dateToDayKey, dayProblem, feedbackSchema, formatHours, lastMonths, parseHours, parseHoursEntry, timeTotalsFrom, totalsBy } from "./hours";

describe("formatHours", () => {
  it.each([
    [150, "2.5 hours"],
    [60, "1 hour"],
    [15, "0.25 hours"],
    [45, "0.75 hours"],
    [0, "0 hours"],
    [6000, "100 hours"],
    [90_015, "1,500.25 hours"],
  ])("%i minutes → %s", (minutes, text) => expect(formatHours(minutes)).toBe(text));
});

describe("parseHours", () => {
  it.each([
    ["2", 120],
    ["2.5", 150],
    ["2.50", 150],
    ["0.25", 15],
    [".75", 45],
    [" 1.75 ", 105],
    ["12", 720],
  ])("%s → %i minutes", (text, minutes) => expect(parseHours(text)).toEqual({ minutes }));

  it.each(["", "2.3", "abc", "1,5", "-1", "0", "12.25", "2."])("refuses %j", (text) => expect(parseHours(text)).toHaveProperty("error"));
});

describe("the log hours form", () => {
  const values = { dayDay: "17", dayMonth: "5", dayYear: "2026", hours: "2", note: "CV review over video" };
  it("gives the day key, minutes and note", () => {
    expect(parseHoursEntry(values, "2026-05-20", "2026-05-01")).toEqual({ ok: true, entry: { dayKey: "2026-05-17", minutes: 120, note: "CV review over video" } });
  });
  it("refuses a day in the future, before the link, or not real; a missing note", () => {
    expect(parseHoursEntry({ ...values, dayDay: "21" }, "2026-05-20", "2026-05-01")).toMatchObject({ ok: false, errors: { day: /today or in the past/ } });
    expect(parseHoursEntry(values, "2026-05-20", "2026-05-18")).toMatchObject({ ok: false, errors: { day: /on or after the day you were linked/ } });
    expect(parseHoursEntry({ ...values, dayDay: "31", dayMonth: "2" }, "2026-05-20", "2026-01-01")).toMatchObject({ ok: false, errors: { day: /real date/ } });
    expect(parseHoursEntry({ ...values, note: "  " }, "2026-05-20", "2026-05-01")).toMatchObject({ ok: false, errors: { note: /Say briefly/ } });
  });
  it("the link's own day and today are allowed", () => {
    expect(dayProblem("2026-05-20", "2026-05-20", "2026-05-20")).toBeNull();
  });
  it("keeps the UK day through a stored date", () => {
    expect(dateToDayKey(dayKeyToDate("2026-03-29"))).toBe("2026-03-29");
  });
});

describe("totals from approved hours only", () => {
  const logs = [
    { status: "approved", minutes: 120, person: "Alex", group: "Library team", dayKey: "2026-05-03" },
    { status: "approved", minutes: 30, person: "Sam", group: "Library team", dayKey: "2026-04-30" },
    { status: "pending", minutes: 600, person: "Sam", group: "Library team", dayKey: "2026-05-04" },
    { status: "rejected", minutes: 240, person: "Alex", group: "Individual", dayKey: "2026-05-04" },
    { status: "approved", minutes: 45, person: "Alex", group: "Individual", dayKey: "2025-06-01" },
  ];
  it("per person", () => {
    expect(totalsBy(logs, (l) => l.person)).toEqual([
      { key: "Alex", minutes: 165 },
      { key: "Sam", minutes: 30 },
    ]);
  });
  it("per group", () => {
    expect(totalsBy(logs, (l) => l.group)).toEqual([
      { key: "Library team", minutes: 150 },
      { key: "Individual", minutes: 45 },
    ]);
  });
  it("per month, the last 12 UK months with zeros, and this month", () => {
    const t = timeTotalsFrom(logs, "2026-05-20");
    expect(t.totalMinutes).toBe(195);
    expect(t.thisMonthMinutes).toBe(120);
    expect(t.byMonth).toHaveLength(12);
    expect(t.byMonth[0]).toEqual({ month: "2025-06", label: "June 2025", minutes: 45 });
    expect(t.byMonth.at(-2)).toEqual({ month: "2026-04", label: "April 2026", minutes: 30 });
    expect(t.byMonth.at(-1)).toEqual({ month: "2026-05", label: "May 2026", minutes: 120 });
  });
  it("an hour after midnight in BST on 1 May is already May in the UK", () => {
    const todayKey = ukDayKey(new Date("2026-04-30T23:30:00Z"));
    expect(todayKey).toBe("2026-05-01");
    expect(timeTotalsFrom(logs, todayKey).thisMonthMinutes).toBe(120);
    // …and in GMT, 23:30 UTC on 31 January is still January.
    expect(ukDayKey(new Date("2026-01-31T23:30:00Z"))).toBe("2026-01-31");
  });
  it("counts months across a year end", () => {
    expect(lastMonths("2026-02-10", 4)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
});

describe("feedback", () => {
  it("needs a rating; the comment is optional", () => {
    expect(feedbackSchema.safeParse({ rating: "went_well", comment: "  " }).data).toEqual({ rating: "went_well", comment: null });
    expect(feedbackSchema.safeParse({ rating: "", comment: "" }).success).toBe(false);
  });
});
