// A pledge's life: which changes are allowed, and what it deducts in any pay period.
// The history (PledgeChange rows) is the truth; a period's deduction is derived from it.

export type PledgeStatus = "active" | "paused" | "stopped";
export type ChangeType = "create" | "amend" | "pause" | "resume" | "stop";

export const CHANGE_TYPES: readonly ChangeType[] = ["create", "amend", "pause", "resume", "stop"];

export type PledgeChangeLike = {
  type: ChangeType;
  /** amount per period after the change (kept on pause and stop) */
  amountPence: number;
  /** start of the pay period it takes effect from */
  effectiveFrom: Date;
  pauseUntil?: Date | null;
  /** tie-break for changes effective from the same period: later made, later applied */
  createdAt: Date;
};

export class PledgeRuleError extends Error {}

/** Which changes each status allows. A stopped pledge is over: a new gift is a new pledge. */
const ALLOWED: Record<PledgeStatus | "none", readonly ChangeType[]> = {
  none: ["create"],
  active: ["amend", "pause", "stop"],
  paused: ["amend", "resume", "stop"],
  stopped: [],
};

export function allowedChanges(status: PledgeStatus | "none"): readonly ChangeType[] {
  return ALLOWED[status];
}

export function canChange(status: PledgeStatus | "none", type: ChangeType): boolean {
  return ALLOWED[status].includes(type);
}

/** The status a change leads to. Throws PledgeRuleError for a change the status does not allow. */
export function nextStatus(status: PledgeStatus | "none", type: ChangeType): PledgeStatus {
  if (!canChange(status, type)) {
    throw new PledgeRuleError(
      status === "stopped"
        ? "This gift has stopped. Start a new regular gift instead."
        : `You cannot ${type} a gift that is ${status === "none" ? "not set up" : status}.`,
    );
  }
  switch (type) {
    case "create":
    case "resume":
      return "active";
    case "amend":
      return status as PledgeStatus;
    case "pause":
      return "paused";
    case "stop":
      return "stopped";
  }
}

const byEffectThenMade = (a: PledgeChangeLike, b: PledgeChangeLike) =>
  a.effectiveFrom.getTime() - b.effectiveFrom.getTime() || a.createdAt.getTime() - b.createdAt.getTime();

export type PeriodState = { status: PledgeStatus | "none"; amountPence: number };

/** The pledge's state in the period starting `periodStart`: the changes in effect by then, applied in order. */
export function stateInPeriod(changes: readonly PledgeChangeLike[], periodStart: Date): PeriodState {
  let state: PeriodState = { status: "none", amountPence: 0 };
  let pauseUntil: Date | null = null;
  for (const change of [...changes].sort(byEffectThenMade)) {
    if (change.effectiveFrom.getTime() > periodStart.getTime()) break;
    // A pause with an end date ends by itself; a change after that end sees an active pledge.
    if (state.status === "paused" && pauseUntil && change.effectiveFrom.getTime() >= pauseUntil.getTime()) {
      state = { ...state, status: "active" };
    }
    state = { status: nextStatus(state.status, change.type), amountPence: change.amountPence };
    pauseUntil = change.type === "pause" ? (change.pauseUntil ?? null) : change.type === "amend" ? pauseUntil : null;
  }
  if (state.status === "paused" && pauseUntil && periodStart.getTime() >= pauseUntil.getTime()) {
    state = { ...state, status: "active" };
  }
  return state;
}

/** What payroll should deduct in the period starting `periodStart` (0 unless active). */
export function deductionInPeriod(changes: readonly PledgeChangeLike[], periodStart: Date): number {
  const state = stateInPeriod(changes, periodStart);
  return state.status === "active" ? state.amountPence : 0;
}

/** The status as of every change made so far (including ones effective from a future period). */
export function latestState(changes: readonly PledgeChangeLike[]): PeriodState {
  return stateInPeriod(changes, new Date(8.64e15));
}
