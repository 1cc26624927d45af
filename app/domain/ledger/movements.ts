// The standard movements of the fund, as drafts for the ledger service to post.
import { MoneyError, negate, type Pence } from "~/domain/money";
import type { AccountCode } from "./accounts";
import type { TransactionDraft } from "./transaction";

function positive(amount: Pence, what: string): Pence {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new MoneyError(`${what} must be a positive whole number of pence, got ${String(amount)}`);
  }
  return amount;
}

/** Two-entry draft: Dr `debit` / Cr `credit` for `amount`. */
export function transfer(debit: AccountCode, credit: AccountCode, amount: Pence): TransactionDraft {
  const value = positive(amount, "amount");
  return { entries: [{ account: debit, amount: value }, { account: credit, amount: negate(value) }] };
}

/** A grant approved by the panel: expensed now, owed until paid. Reduces the available amount. */
export function grantCommitment(amount: Pence): TransactionDraft {
  return transfer("grants_awarded", "grants_committed", positive(amount, "a grant commitment"));
}

/** Paying a committed grant: clears the liability from the bank. Leaves the available amount alone. */
export function grantPayment(amount: Pence): TransactionDraft {
  return transfer("grants_committed", "fund_bank", positive(amount, "a grant payment"));
}
