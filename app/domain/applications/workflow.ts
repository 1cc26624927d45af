// The support application's life, as a state machine: which step may happen in which status, and
// by whom. Services ask `nextStatus` before every change; a refused step is an ApplicationStepError
// with a message fit to show. See docs/decisions/0012-applications-and-panel.md.

export const APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "more_info_requested",
  "not_eligible",
  "with_panel",
  "approved",
  "declined",
  "payment_approved",
  "paid",
  "cancelled",
  "withdrawn",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** What the applicant (and everyone else) reads for each status. Plain words. */
export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: "Draft – not sent yet",
  submitted: "Sent – waiting to be checked",
  more_info_requested: "We need more information from you",
  not_eligible: "Not eligible",
  with_panel: "With the panel",
  approved: "Approved",
  declined: "Not approved",
  payment_approved: "Approved – payment on its way",
  paid: "Paid",
  cancelled: "Award cancelled",
  withdrawn: "Withdrawn",
};

/** What happens next, for the applicant: the status page and the status email say this. */
export const STATUS_NEXT: Record<ApplicationStatus, string> = {
  draft: "Finish your answers and send the application when you are ready.",
  submitted: "The coordinator will check it is something the fund can help with, usually within 5 working days.",
  more_info_requested: "Please answer the question on your application page. We will carry on as soon as you do.",
  not_eligible: "The fund cannot help with this. The reason is on your application page. Your personal adviser can talk it through with you.",
  with_panel: "A panel of council staff will look at it at their next meeting.",
  approved: "The panel has said yes. Finance will now arrange the payment.",
  declined: "The panel could not say yes this time. The reasons are on your application page.",
  payment_approved: "Finance has approved the payment. We will tell you when it has been paid.",
  paid: "The money has been paid. In a few weeks we will ask you how it helped.",
  cancelled: "The award has been cancelled. The reason is on your application page.",
  withdrawn: "The application was withdrawn. You can start a new one at any time.",
};

/** The statuses that need nobody to act again. */
export const FINAL_STATUSES: readonly ApplicationStatus[] = ["not_eligible", "declined", "paid", "cancelled", "withdrawn"];

export type ApplicationStep =
  | "submit" // applicant: draft → submitted
  | "withdraw" // applicant: before a decision
  | "screen_eligible" // coordinator: submitted → with_panel
  | "screen_not_eligible" // coordinator: submitted → not_eligible (with a reason)
  | "request_more_info" // coordinator (from submitted) or panel decision (from with_panel)
  | "answer_more_info" // applicant: more_info_requested → back where the question came from
  | "decide_approve" // panel decision (approve or approve with conditions): with_panel → approved
  | "decide_decline" // panel decision: with_panel → declined
  | "approve_payment" // finance: approved → payment_approved
  | "record_payment" // finance: payment_approved → paid
  | "cancel_award"; // finance or coordinator: approved | payment_approved → cancelled

/** Who takes a step. "applicant" is the young person or their linked personal adviser. */
export type StepActor = "applicant" | "coordinator" | "panel" | "finance";

const STEPS: Record<ApplicationStep, { from: readonly ApplicationStatus[]; by: readonly StepActor[] }> = {
  submit: { from: ["draft"], by: ["applicant"] },
  withdraw: { from: ["draft", "submitted", "more_info_requested", "with_panel"], by: ["applicant"] },
  screen_eligible: { from: ["submitted"], by: ["coordinator"] },
  screen_not_eligible: { from: ["submitted"], by: ["coordinator"] },
  request_more_info: { from: ["submitted", "with_panel"], by: ["coordinator", "panel"] },
  answer_more_info: { from: ["more_info_requested"], by: ["applicant"] },
  decide_approve: { from: ["with_panel"], by: ["panel"] },
  decide_decline: { from: ["with_panel"], by: ["panel"] },
  approve_payment: { from: ["approved"], by: ["finance"] },
  record_payment: { from: ["payment_approved"], by: ["finance"] },
  cancel_award: { from: ["approved", "payment_approved"], by: ["finance", "coordinator"] },
};

export class ApplicationStepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ApplicationStepError";
  }
}

/** Where "more information" was asked from: the answer goes back there. */
export type MoreInfoFrom = "screening" | "panel";

/**
 * The status after `step`, or an ApplicationStepError saying why it cannot happen now.
 * `moreInfoFrom` is needed for answer_more_info (back to submitted or to the panel).
 */
export function nextStatus(
  current: ApplicationStatus,
  step: ApplicationStep,
  actor: StepActor,
  moreInfoFrom?: MoreInfoFrom | null,
): ApplicationStatus {
  const rule = STEPS[step];
  if (!rule.by.includes(actor)) throw new ApplicationStepError(`A ${actor} cannot ${describe(step)}.`);
  if (!rule.from.includes(current)) {
    throw new ApplicationStepError(`You cannot ${describe(step)} when the application is "${STATUS_LABELS[current]}".`);
  }
  switch (step) {
    case "submit":
      return "submitted";
    case "withdraw":
      return "withdrawn";
    case "screen_eligible":
      return "with_panel";
    case "screen_not_eligible":
      return "not_eligible";
    case "request_more_info":
      // The coordinator asks at screening; the panel asks through a decision.
      if (current === "submitted" && actor !== "coordinator") throw new ApplicationStepError("Only the coordinator asks for more at screening.");
      if (current === "with_panel" && actor !== "panel") throw new ApplicationStepError("Once with the panel, only a panel decision asks for more.");
      return "more_info_requested";
    case "answer_more_info":
      return moreInfoFrom === "panel" ? "with_panel" : "submitted";
    case "decide_approve":
      return "approved";
    case "decide_decline":
      return "declined";
    case "approve_payment":
      return "payment_approved";
    case "record_payment":
      return "paid";
    case "cancel_award":
      return "cancelled";
  }
}

/** Whether `step` is allowed now (for showing or hiding buttons; the service still calls nextStatus). */
export function canTake(current: ApplicationStatus, step: ApplicationStep, actor: StepActor, moreInfoFrom?: MoreInfoFrom | null): boolean {
  try {
    nextStatus(current, step, actor, moreInfoFrom);
    return true;
  } catch {
    return false;
  }
}

export function isApplicationStatus(value: string): value is ApplicationStatus {
  return (APPLICATION_STATUSES as readonly string[]).includes(value);
}

export function allSteps(): ApplicationStep[] {
  return Object.keys(STEPS) as ApplicationStep[];
}

function describe(step: ApplicationStep): string {
  return {
    submit: "send the application",
    withdraw: "withdraw the application",
    screen_eligible: "mark it eligible",
    screen_not_eligible: "mark it not eligible",
    request_more_info: "ask for more information",
    answer_more_info: "answer a request for more information",
    decide_approve: "approve it",
    decide_decline: "decline it",
    approve_payment: "approve the payment",
    record_payment: "record the payment",
    cancel_award: "cancel the award",
  }[step];
}
