// Balances and the fund's figures, derived from entries only (debits positive, credits negative).
import { add, negate, pence, sub, ZERO, type Pence } from "~/domain/money";
import { ACCOUNT_CODES, INCOME_ACCOUNTS, type AccountCode } from "./accounts";
import type { EntryDraft } from "./transaction";

export type Balances = Readonly<Record<AccountCode, Pence>>;

export function zeroBalances(): Record<AccountCode, Pence> {
  return Object.fromEntries(ACCOUNT_CODES.map((code) => [code, ZERO])) as Record<AccountCode, Pence>;
}

/** Every account's balance (zero when it has no entries). */
export function balancesOf(entries: readonly EntryDraft[]): Balances {
  const balances = zeroBalances();
  for (const entry of entries) balances[entry.account] = add(balances[entry.account], entry.amount);
  return balances;
}

export function balanceOf(entries: readonly EntryDraft[], account: AccountCode): Pence {
  return add(ZERO, ...entries.filter((entry) => entry.account === account).map((entry) => entry.amount));
}

export type FundSummary = {
  /** net income: donations, payroll giving and Gift Aid, less refunds and fees */
  received: Pence;
  /** grants approved but not yet paid (outstanding commitments) */
  committed: Pence;
  /** grants paid out */
  paid: Pence;
  /** received − committed − paid: what the panel may still award */
  available: Pence;
  /** money in the fund's bank account */
  fundBank: Pence;
};

/** Net income: income accounts carry credits (negative), refunds and fees debits (positive). */
export function receivedFrom(balances: Balances): Pence {
  const income = negate(add(...INCOME_ACCOUNTS.map((code) => balances[code])));
  return sub(income, add(balances.refunds, balances.fees));
}

/**
 * Grants are expensed when committed (Dr grants_awarded / Cr grants_committed) and the liability
 * is cleared on payment (Dr grants_committed / Cr fund_bank). So grants_awarded holds
 * committed + paid, and grants_committed (a credit) holds what is still unpaid.
 */
export function fundSummaryOf(balances: Balances): FundSummary {
  const received = receivedFrom(balances);
  const committed = negate(balances.grants_committed);
  const paid = sub(balances.grants_awarded, committed);
  return {
    received,
    committed,
    paid,
    available: pence(received - committed - paid),
    fundBank: balances.fund_bank,
  };
}

/** received − committed − paid, which is received − balance(grants_awarded). */
export function availableToAllocate(balances: Balances): Pence {
  return fundSummaryOf(balances).available;
}
