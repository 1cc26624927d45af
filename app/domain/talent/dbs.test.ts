import { describe, expect, it } from "vitest";
import { dbsClear, dbsCounts, parseDbsForm, type DbsFormValues } from "./dbs";

describe("what DBS check lets a volunteer be linked with an under-18", () => {
  it.each([
    ["enhanced", "clear", null, true],
    ["enhanced_barred", "clear", null, true],
    ["standard", "clear", null, false],
    ["basic", "clear", null, false],
    ["enhanced_barred", "not_clear", null, false],
    // purging drops only the certificate number: the outcome still counts
    ["enhanced_barred", "clear", new Date("2026-01-01"), true],
    ["enhanced", "not_clear", new Date("2026-01-01"), false],
  ] as const)("%s, %s, purged %s → %s", (level, outcome, purgedAt, counts) => {
    expect(dbsCounts({ level, outcome, purgedAt })).toBe(counts);
  });

  it("is clear when any check counts", () => {
    expect(dbsClear([])).toBe(false);
    expect(dbsClear([{ level: "basic", outcome: "clear", purgedAt: null }, { level: "enhanced", outcome: "clear", purgedAt: null }])).toBe(true);
  });
});

describe("the record-a-check form", () => {
  const good: DbsFormValues = { email: " Alex.Morgan@council.example ", level: "enhanced_barred", certificateNumber: "0012 3456 7890", issuedDay: "3", issuedMonth: "2", issuedYear: "2026", outcome: "clear" };

  it("reads a good form", () => {
    expect(parseDbsForm(good, "2026-05-01")).toEqual({
      ok: true,
      entry: { email: "alex.morgan@council.example", level: "enhanced_barred", certificateNumber: "001234567890", issuedOnKey: "2026-02-03", outcome: "clear" },
    });
  });

  it("says what is wrong with each field", () => {
    const result = parseDbsForm({ email: "nope", level: "gold", certificateNumber: "123", issuedDay: "31", issuedMonth: "2", issuedYear: "2026", outcome: "" }, "2026-05-01");
    expect(result).toEqual({
      ok: false,
      errors: {
        email: "Enter the email address like name@council.example",
        level: "Choose the level of the check",
        certificateNumber: "Enter the certificate number: 12 digits, like 001234567890",
        issued: "The issue date must be a real date, like 17 5 2026",
        outcome: "Choose the outcome",
      },
    });
  });

  it("refuses an issue date in the future", () => {
    expect(parseDbsForm({ ...good, issuedYear: "2027" }, "2026-05-01")).toEqual({ ok: false, errors: { issued: "The issue date must be today or in the past" } });
  });
});
