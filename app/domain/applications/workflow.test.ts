import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES, ApplicationStepError, allSteps, canTake, nextStatus, type ApplicationStatus, type ApplicationStep, type StepActor } from "./workflow";

const ACTORS: StepActor[] = ["applicant", "coordinator", "panel", "finance"];

// Every allowed step, written out: anything not here must be refused.
const ALLOWED: [ApplicationStatus, ApplicationStep, StepActor, ApplicationStatus][] = [
  ["draft", "submit", "applicant", "submitted"],
  ["draft", "withdraw", "applicant", "withdrawn"],
  ["submitted", "withdraw", "applicant", "withdrawn"],
  ["more_info_requested", "withdraw", "applicant", "withdrawn"],
  ["with_panel", "withdraw", "applicant", "withdrawn"],
  ["submitted", "screen_eligible", "coordinator", "with_panel"],
  ["submitted", "screen_not_eligible", "coordinator", "not_eligible"],
  ["submitted", "request_more_info", "coordinator", "more_info_requested"],
  ["with_panel", "request_more_info", "panel", "more_info_requested"],
  ["more_info_requested", "answer_more_info", "applicant", "submitted"],
  ["with_panel", "decide_approve", "panel", "approved"],
  ["with_panel", "decide_decline", "panel", "declined"],
  ["approved", "approve_payment", "finance", "payment_approved"],
  ["payment_approved", "record_payment", "finance", "paid"],
  ["approved", "cancel_award", "finance", "cancelled"],
  ["approved", "cancel_award", "coordinator", "cancelled"],
  ["payment_approved", "cancel_award", "finance", "cancelled"],
  ["payment_approved", "cancel_award", "coordinator", "cancelled"],
];

describe("the application workflow", () => {
  it.each(ALLOWED)("%s --%s by %s--> %s", (from, step, actor, to) => {
    expect(nextStatus(from, step, actor)).toBe(to);
    expect(canTake(from, step, actor)).toBe(true);
  });

  const refused = APPLICATION_STATUSES.flatMap((from) =>
    allSteps().flatMap((step) =>
      ACTORS.filter((actor) => !ALLOWED.some(([f, s, a]) => f === from && s === step && a === actor)).map((actor) => [from, step, actor] as const),
    ),
  );
  it("refuses every other step, with a message", () => {
    expect(refused.length).toBeGreaterThan(300);
    for (const [from, step, actor] of refused) {
      expect(() => nextStatus(from, step, actor), `${from} ${step} ${actor}`).toThrow(ApplicationStepError);
      expect(canTake(from, step, actor)).toBe(false);
    }
  });

  it("an answer goes back to whoever asked", () => {
    expect(nextStatus("more_info_requested", "answer_more_info", "applicant", "screening")).toBe("submitted");
    expect(nextStatus("more_info_requested", "answer_more_info", "applicant", "panel")).toBe("with_panel");
  });

  it("says why a step is refused in plain words", () => {
    expect(() => nextStatus("paid", "cancel_award", "finance")).toThrow('You cannot cancel the award when the application is "Paid".');
    expect(() => nextStatus("approved", "approve_payment", "panel")).toThrow("A panel cannot approve the payment.");
  });
});
