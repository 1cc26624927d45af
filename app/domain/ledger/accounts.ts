// The fund's chart of accounts. The codes match the rows the init migration inserts into
// "LedgerAccount"; a new account needs a migration as well as a line here.

export const ACCOUNT_CODES = [
  "fund_bank",
  "gift_aid_receivable",
  "payroll_income",
  "card_income",
  "gift_aid_income",
  "refunds",
  "fees",
  "grants_committed",
  "grants_awarded",
  "payroll_agency",
] as const;

export type AccountCode = (typeof ACCOUNT_CODES)[number];

export type AccountKind = "asset" | "liability" | "income" | "expense";

export const ACCOUNT_KINDS: Readonly<Record<AccountCode, AccountKind>> = {
  fund_bank: "asset",
  gift_aid_receivable: "asset",
  payroll_income: "income",
  card_income: "income",
  gift_aid_income: "income",
  refunds: "expense",
  fees: "expense",
  grants_committed: "liability",
  grants_awarded: "expense",
  payroll_agency: "asset",
};

/** The accounts whose credits are money received for the fund. */
export const INCOME_ACCOUNTS = ["payroll_income", "card_income", "gift_aid_income"] as const satisfies readonly AccountCode[];

export function isAccountCode(value: string): value is AccountCode {
  return (ACCOUNT_CODES as readonly string[]).includes(value);
}
