import { describe, expect, it } from "vitest";
import { CHANGE_LABELS, authorisationWording, changeSummary } from "./authorisation";
import { CHANGE_TYPES } from "./pledge";

const terms = { version: 3, wording: "I can stop at any time." };

describe("authorisation wording", () => {
  it("says the amount, the first pay period, how it is taken, then the terms and their version", () => {
    expect(authorisationWording({ terms, amountPence: 500, periodLabel: "December 2026", givingMode: "net_pay", kind: "create" })).toBe(
      "I authorise a deduction of £5 each pay period from my pay after tax, starting from the December 2026 pay period. I can stop at any time. (Terms version 3.)",
    );
  });

  it("in tax-relieved mode says it is taken before tax through an agency", () => {
    const wording = authorisationWording({ terms, amountPence: 1250, periodLabel: "Period from 7 December 2026", givingMode: "payroll_giving", kind: "create" });
    expect(wording).toContain("£12.50 each pay period before income tax is worked out, through a Payroll Giving Agency");
    expect(wording).toContain("starting from the Period from 7 December 2026 pay period");
  });

  it("an amendment authorises the new amount from its period", () => {
    expect(authorisationWording({ terms, amountPence: 1000, periodLabel: "January 2027", givingMode: "net_pay", kind: "amend" })).toBe(
      "I authorise a change to my regular gift: a deduction of £10 each pay period from my pay after tax, from the January 2027 pay period. I can stop at any time. (Terms version 3.)",
    );
  });
});

describe("change summaries", () => {
  it("every change type has a label and a sentence naming its pay period", () => {
    for (const type of CHANGE_TYPES) {
      expect(CHANGE_LABELS[type]).toBeTruthy();
      expect(changeSummary({ type, amountPence: 500, periodLabel: "March 2027" })).toContain("March 2027 pay period");
    }
  });
  it("a pause with an end date says when it restarts", () => {
    expect(changeSummary({ type: "pause", amountPence: 500, periodLabel: "December 2026", pauseUntil: new Date("2027-03-01T00:00:00Z") })).toBe(
      "Your regular gift is paused from the December 2026 pay period until 1 March 2027. It restarts at £5 in the first pay period that starts on or after that date.",
    );
    expect(changeSummary({ type: "pause", amountPence: 500, periodLabel: "December 2026" })).toMatch(/until you restart it/);
  });
});
