// Planning one change to a pledge: which pay period it can take effect from, and whether the history
// allows it. Changes take effect in the order they are made: a new change never lands before one already
// scheduled (say, a pause chosen to start in a later period), so the history always reads in order.
import { formatDay } from "~/domain/payroll/periods";
import { parseDateInput, type DateParts } from "~/domain/date-input";
import {
  PledgeRuleError,
  allowedChanges,
  nextStatus,
  stateInPeriod,
  type ChangeType,
  type PeriodState,
  type PledgeChangeLike,
} from "~/domain/pledges/pledge";

export type PeriodStart = { id: string; startsOn: Date; label: string };

/**
 * The periods a change may take effect from: those starting at or after both the first open period
 * (`open`: cut-off not passed, not locked; sorted) and the latest period any existing change is effective from.
 * For a new pledge, pass the employee's earlier pledges' changes: a new gift starts no earlier than the old one stops,
 * so an employee never has two deductions in one period.
 */
export function periodsOpenForChange<P extends PeriodStart>(open: readonly P[], changes: readonly { effectiveFrom: Date }[]): P[] {
  const latest = changes.reduce((max, c) => Math.max(max, c.effectiveFrom.getTime()), -Infinity);
  return [...open].sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime()).filter((p) => p.startsOn.getTime() >= latest);
}

/** The state a new change would be applied to, if it took effect from `from`. */
export function stateBefore(changes: readonly PledgeChangeLike[], from: Date): PeriodState {
  return stateInPeriod(changes, from);
}

/** The changes the employee may make now, if they would take effect from `from`. */
export function changesAllowedFrom(changes: readonly PledgeChangeLike[], from: Date): readonly ChangeType[] {
  return allowedChanges(changes.length ? stateBefore(changes, from).status : "none");
}

/**
 * Checks that `next` may follow `changes` and returns the pledge's state just after it.
 * Throws PledgeRuleError (with a message for the employee) when it may not; nothing is written then.
 */
export function applyChange(changes: readonly PledgeChangeLike[], next: PledgeChangeLike): PeriodState {
  const latest = changes.reduce((max, c) => Math.max(max, c.effectiveFrom.getTime()), -Infinity);
  if (next.effectiveFrom.getTime() < latest) {
    throw new PledgeRuleError("This change cannot take effect before a change you have already made.");
  }
  const before = stateBefore(changes, next.effectiveFrom);
  nextStatus(before.status, next.type);
  if (next.type === "pause" && next.pauseUntil && next.pauseUntil.getTime() <= next.effectiveFrom.getTime()) {
    throw new PledgeRuleError(`The date the pause ends must be after ${formatDay(next.effectiveFrom)}.`);
  }
  return stateInPeriod([...changes, next], next.effectiveFrom);
}

/** The longest pause with an end date we accept, in days (a longer one is better as a pause until restarted). */
export const PAUSE_UNTIL_MAX_DAYS = 3 * 366;

export type { DateParts };

/**
 * A GOV.UK date input (day, month, year as typed) → a UTC date, or the message to show.
 * All empty means "no date" (null). `after` is the first instant the date may not be on or before.
 */
export function parseDateParts(parts: DateParts, after: Date): { date: Date | null } | { error: string } {
  const parsed = parseDateInput(parts, { label: "The date the pause ends", example: "1 3 2027" }, true);
  if (parsed === null) return { date: null };
  if ("error" in parsed) return parsed;
  const date = new Date(`${parsed.key}T00:00:00Z`);
  if (date.getTime() <= after.getTime()) return { error: `The date the pause ends must be after ${formatDay(after)}` };
  if (date.getTime() - after.getTime() > PAUSE_UNTIL_MAX_DAYS * 86_400_000) {
    return { error: "The date the pause ends must be within 3 years. To pause for longer, leave the date empty" };
  }
  return { date };
}
