// The exact words an employee agrees to, and how each change reads in history and emails. Pure.
import { formatPence } from "~/domain/money";
import { formatDay, type GivingMode } from "~/domain/payroll/periods";
import type { ChangeType } from "~/domain/pledges/pledge";

export type Terms = { version: number; wording: string };

export type AuthorisationInput = {
  terms: Terms;
  amountPence: number;
  /** the label of the pay period the gift (or new amount) starts from, e.g. "December 2026" */
  periodLabel: string;
  givingMode: GivingMode;
  kind: "create" | "amend";
};

/**
 * The authorisation wording shown on the check page and stored, word for word, when the employee confirms:
 * the amount and first pay period, how it is deducted, then the published terms (with their version).
 */
export function authorisationWording({ terms, amountPence, periodLabel, givingMode, kind }: AuthorisationInput): string {
  const how =
    givingMode === "payroll_giving"
      ? "before income tax is worked out, through a Payroll Giving Agency"
      : "from my pay after tax";
  const what =
    kind === "create"
      ? `I authorise a deduction of ${formatPence(amountPence)} each pay period ${how}, starting from the ${periodLabel} pay period.`
      : `I authorise a change to my regular gift: a deduction of ${formatPence(amountPence)} each pay period ${how}, from the ${periodLabel} pay period.`;
  return `${what} ${terms.wording} (Terms version ${terms.version}.)`;
}

export const CHANGE_LABELS: Record<ChangeType, string> = {
  create: "Gift set up",
  amend: "Amount changed",
  pause: "Paused",
  resume: "Restarted",
  stop: "Stopped",
};

export type ChangeSummaryInput = {
  type: ChangeType;
  amountPence: number;
  periodLabel: string;
  pauseUntil?: Date | null;
};

/** One sentence saying what a change does and from when, for confirmation pages and emails. */
export function changeSummary({ type, amountPence, periodLabel, pauseUntil }: ChangeSummaryInput): string {
  const amount = formatPence(amountPence);
  switch (type) {
    case "create":
      return `Your regular gift of ${amount} each pay period starts from the ${periodLabel} pay period.`;
    case "amend":
      return `Your regular gift changes to ${amount} each pay period from the ${periodLabel} pay period.`;
    case "pause":
      return pauseUntil
        ? `Your regular gift is paused from the ${periodLabel} pay period until ${formatDay(pauseUntil)}. It restarts at ${amount} in the first pay period that starts on or after that date.`
        : `Your regular gift is paused from the ${periodLabel} pay period until you restart it.`;
    case "resume":
      return `Your regular gift of ${amount} each pay period restarts from the ${periodLabel} pay period.`;
    case "stop":
      return `Your regular gift stops from the ${periodLabel} pay period. Nothing more will be taken from your pay after that.`;
  }
}
