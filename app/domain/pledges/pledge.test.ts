import { describe, expect, it } from "vitest";
import {
  CHANGE_TYPES,
  allowedChanges,
  deductionInPeriod,
  latestState,
  nextStatus,
  PledgeRuleError,
  stateInPeriod,
  type ChangeType,
  type PledgeChangeLike,
  type PledgeStatus,
} from "./pledge";

const d = (iso: string) => new Date(iso);
const change = (type: ChangeType, amountPence: number, effectiveFrom: string, extra: Partial<PledgeChangeLike> = {}): PledgeChangeLike => ({
  type,
  amountPence,
  effectiveFrom: d(effectiveFrom),
  createdAt: d("2026-11-01T00:00:00Z"),
  ...extra,
});

describe("pledge state machine", () => {
  const table: [PledgeStatus | "none", ChangeType, PledgeStatus | "refused"][] = [
    ["none", "create", "active"],
    ["none", "amend", "refused"],
    ["none", "pause", "refused"],
    ["none", "resume", "refused"],
    ["none", "stop", "refused"],
    ["active", "create", "refused"],
    ["active", "amend", "active"],
    ["active", "pause", "paused"],
    ["active", "resume", "refused"],
    ["active", "stop", "stopped"],
    ["paused", "create", "refused"],
    ["paused", "amend", "paused"],
    ["paused", "pause", "refused"],
    ["paused", "resume", "active"],
    ["paused", "stop", "stopped"],
    ["stopped", "create", "refused"],
    ["stopped", "amend", "refused"],
    ["stopped", "pause", "refused"],
    ["stopped", "resume", "refused"],
    ["stopped", "stop", "refused"],
  ];

  it("covers every status × change", () => {
    expect(table).toHaveLength(4 * CHANGE_TYPES.length);
  });

  it.each(table)("%s + %s → %s", (from, type, to) => {
    if (to === "refused") {
      expect(() => nextStatus(from, type)).toThrow(PledgeRuleError);
      expect(allowedChanges(from)).not.toContain(type);
    } else {
      expect(nextStatus(from, type)).toBe(to);
      expect(allowedChanges(from)).toContain(type);
    }
  });
});

describe("deduction in a period", () => {
  const history = [
    change("create", 500, "2026-12-01"),
    change("amend", 750, "2027-02-01"),
    change("pause", 750, "2027-04-01"),
    change("resume", 750, "2027-06-01"),
    change("stop", 750, "2027-08-01"),
  ];

  it.each([
    ["2026-11-01", 0], // before it starts
    ["2026-12-01", 500],
    ["2027-01-01", 500],
    ["2027-02-01", 750],
    ["2027-04-01", 0], // paused
    ["2027-05-01", 0],
    ["2027-06-01", 750], // resumed
    ["2027-08-01", 0], // stopped
    ["2027-12-01", 0],
  ])("in the period from %s it deducts %i", (period, amount) => {
    expect(deductionInPeriod(history, d(period))).toBe(amount);
  });

  it("ends a pause by itself on its end date", () => {
    const h = [change("create", 300, "2026-12-01"), change("pause", 300, "2027-01-01", { pauseUntil: d("2027-03-01") })];
    expect(deductionInPeriod(h, d("2027-01-01"))).toBe(0);
    expect(deductionInPeriod(h, d("2027-02-01"))).toBe(0);
    expect(deductionInPeriod(h, d("2027-03-01"))).toBe(300);
    // a stop after the pause has ended on its own still applies
    const stopped = [...h, change("stop", 300, "2027-05-01")];
    expect(deductionInPeriod(stopped, d("2027-04-01"))).toBe(300);
    expect(deductionInPeriod(stopped, d("2027-05-01"))).toBe(0);
  });

  it("applies two changes for the same period in the order they were made", () => {
    const h = [
      change("create", 300, "2026-12-01"),
      change("amend", 400, "2027-01-01", { createdAt: d("2026-12-20T10:00:00Z") }),
      change("amend", 450, "2027-01-01", { createdAt: d("2026-12-20T11:00:00Z") }),
    ];
    expect(deductionInPeriod(h, d("2027-01-01"))).toBe(450);
    expect(deductionInPeriod([...h].reverse(), d("2027-01-01"))).toBe(450);
  });

  it("amending while paused changes what a resume returns to", () => {
    const h = [
      change("create", 300, "2026-12-01"),
      change("pause", 300, "2027-01-01"),
      change("amend", 900, "2027-02-01"),
      change("resume", 900, "2027-03-01"),
    ];
    expect(stateInPeriod(h, d("2027-02-01"))).toEqual({ status: "paused", amountPence: 900 });
    expect(deductionInPeriod(h, d("2027-03-01"))).toBe(900);
    expect(latestState(h)).toEqual({ status: "active", amountPence: 900 });
  });

  it("refuses an impossible history", () => {
    expect(() => stateInPeriod([change("resume", 300, "2026-12-01")], d("2027-01-01"))).toThrow(PledgeRuleError);
  });
});
