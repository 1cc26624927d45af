import { describe, expect, it } from "vitest";
import { applyChange, changesAllowedFrom, parseDateParts, periodsOpenForChange } from "./changes";
import { PledgeRuleError, type ChangeType, type PledgeChangeLike } from "./pledge";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
let clock = 0;
const change = (type: ChangeType, amountPence: number, from: string, pauseUntil?: string): PledgeChangeLike => ({
  type,
  amountPence,
  effectiveFrom: d(from),
  pauseUntil: pauseUntil ? d(pauseUntil) : null,
  createdAt: new Date(Date.UTC(2026, 10, 1) + clock++ * 1000),
});
const period = (startsOn: string) => ({ id: startsOn, startsOn: d(startsOn), label: startsOn });

describe("periods open for a change", () => {
  const open = [period("2027-01-01"), period("2026-12-01"), period("2027-02-01")];
  it("are the open periods, earliest first", () => {
    expect(periodsOpenForChange(open, []).map((p) => p.id)).toEqual(["2026-12-01", "2027-01-01", "2027-02-01"]);
  });
  it("never start before a change already scheduled", () => {
    const changes = [change("create", 500, "2026-11-01"), change("pause", 500, "2027-01-01")];
    expect(periodsOpenForChange(open, changes).map((p) => p.id)).toEqual(["2027-01-01", "2027-02-01"]);
  });
});

describe("applying a change", () => {
  const created = [change("create", 500, "2026-11-01")];

  it("returns the state just after it", () => {
    expect(applyChange(created, change("amend", 700, "2026-12-01"))).toEqual({ status: "active", amountPence: 700 });
    expect(applyChange(created, change("pause", 500, "2026-12-01"))).toEqual({ status: "paused", amountPence: 500 });
    expect(applyChange(created, change("stop", 500, "2026-12-01"))).toEqual({ status: "stopped", amountPence: 500 });
  });

  it("refuses what the state machine refuses", () => {
    expect(() => applyChange(created, change("resume", 500, "2026-12-01"))).toThrow(PledgeRuleError);
    expect(() => applyChange(created, change("create", 500, "2026-12-01"))).toThrow(PledgeRuleError);
    const stopped = [...created, change("stop", 500, "2026-12-01")];
    expect(() => applyChange(stopped, change("amend", 900, "2027-01-01"))).toThrow(/has stopped/);
  });

  it("refuses a change before one already scheduled", () => {
    const scheduled = [...created, change("pause", 500, "2027-02-01")];
    expect(() => applyChange(scheduled, change("stop", 500, "2026-12-01"))).toThrow(/before a change you have already made/);
  });

  it("a pause whose end date has passed counts as active: resume is refused, pause allowed", () => {
    const paused = [...created, change("pause", 500, "2026-12-01", "2027-02-01")];
    expect(changesAllowedFrom(paused, d("2027-01-01"))).toEqual(["amend", "resume", "stop"]);
    expect(changesAllowedFrom(paused, d("2027-03-01"))).toEqual(["amend", "pause", "stop"]);
    expect(() => applyChange(paused, change("resume", 500, "2027-03-01"))).toThrow(PledgeRuleError);
  });

  it("a pause must end after it starts", () => {
    expect(() => applyChange(created, change("pause", 500, "2026-12-01", "2026-12-01"))).toThrow(/must be after 1 December 2026/);
  });

  it("no history allows only create", () => {
    expect(changesAllowedFrom([], d("2026-12-01"))).toEqual(["create"]);
  });
});

describe("the pause end date as typed", () => {
  const after = d("2026-12-01");
  it.each([
    [{}, null],
    [{ day: "1", month: "3", year: "2027" }, "2027-03-01"],
    [{ day: " 02 ", month: "12", year: "2026" }, "2026-12-02"],
  ])("%j → %s", (parts, expected) => {
    const result = parseDateParts(parts, after);
    expect("date" in result && (result.date?.toISOString().slice(0, 10) ?? null)).toBe(expected);
  });
  it.each([
    [{ day: "1", month: "", year: "2027" }, "must include a month"],
    [{ day: "", month: "", year: "2027" }, "must include a day and a month"],
    [{ day: "31", month: "2", year: "2027" }, "must be a real date"],
    [{ day: "x", month: "2", year: "2027" }, "must be a real date"],
    [{ day: "1", month: "2", year: "27" }, "must be a real date"],
    [{ day: "1", month: "12", year: "2026" }, "must be after 1 December 2026"],
    [{ day: "1", month: "12", year: "2030" }, "within 3 years"],
  ])("%j is refused: %s", (parts, message) => {
    const result = parseDateParts(parts, after);
    expect("error" in result && result.error).toContain(message);
  });
});

describe("a new pledge after a stop", () => {
  it("starts no earlier than the old one stops", () => {
    const open = [period("2026-12-01"), period("2027-01-01"), period("2027-02-01")];
    expect(periodsOpenForChange(open, [{ effectiveFrom: d("2027-01-01") }])[0].id).toBe("2027-01-01");
  });
});
