// A ledger transaction is a balanced group of entries: debits positive, credits negative,
// summing to zero. These rules are checked here once, before anything reaches the database.
import { negate, type Pence } from "~/domain/money";
import { isAccountCode, type AccountCode } from "./accounts";

export type EntryDraft = { readonly account: AccountCode; readonly amount: Pence };

export type TransactionDraft = { readonly entries: readonly EntryDraft[] };

/** The largest single amount the ledger column holds (a 32-bit integer on PostgreSQL): £21,474,836.47. */
export const MAX_ENTRY_PENCE = 2_147_483_647;

export class LedgerValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`ledger transaction refused: ${problems.join("; ")}`);
    this.name = "LedgerValidationError";
  }
}

/** Every reason the draft cannot be posted; empty when it can. */
export function problemsWith(draft: TransactionDraft): string[] {
  const problems: string[] = [];
  const entries = draft.entries;
  if (entries.length < 2) problems.push(`a transaction needs at least two entries, got ${entries.length}`);
  let sum = 0;
  let amountsValid = true;
  entries.forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    // Drafts can arrive from untyped code (forms, JSON); check at run time what the types promise.
    if (typeof entry.account !== "string" || !isAccountCode(entry.account)) {
      problems.push(`${where}: unknown account "${String(entry.account)}"`);
    }
    const amount: unknown = entry.amount;
    if (typeof amount !== "number" || !Number.isSafeInteger(amount)) {
      problems.push(`${where}: amount must be a whole number of pence, got ${String(amount)}`);
      amountsValid = false;
    } else if (amount === 0) {
      problems.push(`${where}: amount must not be zero`);
    } else if (Math.abs(amount) > MAX_ENTRY_PENCE) {
      problems.push(`${where}: amount ${amount} is larger than the ledger can hold (${MAX_ENTRY_PENCE} pence)`);
      amountsValid = false;
    } else {
      sum += amount;
    }
  });
  if (amountsValid && sum !== 0) {
    problems.push(`entries must sum to zero (debits equal credits), but they sum to ${sum} pence`);
  }
  return problems;
}

/** Returns the draft unchanged when it is balanced; otherwise throws a LedgerValidationError naming every problem. */
export function validateTransaction<T extends TransactionDraft>(draft: T): T {
  const problems = problemsWith(draft);
  if (problems.length > 0) throw new LedgerValidationError(problems);
  return draft;
}

/** The entries that cancel `entries` exactly: same accounts, negated amounts. */
export function reversalOf(entries: readonly EntryDraft[]): EntryDraft[] {
  return entries.map((entry) => ({ account: entry.account, amount: negate(entry.amount) }));
}
