// Money is integer pence, always. Never a float, never a string with a £ in the database.
declare const penceBrand: unique symbol;
export type Pence = number & { readonly [penceBrand]: "Pence" };

export class MoneyError extends Error {}

export function pence(value: number): Pence {
  if (!Number.isSafeInteger(value)) throw new MoneyError(`not a whole number of pence: ${value}`);
  return value as Pence;
}

export const ZERO = pence(0);

export function add(...amounts: Pence[]): Pence {
  return pence(amounts.reduce((total, a) => total + a, 0));
}

export function sub(a: Pence, b: Pence): Pence {
  return pence(a - b);
}

export function negate(a: Pence): Pence {
  return pence(a === 0 ? 0 : -a);
}

export function isPositive(a: Pence): boolean {
  return a > 0;
}

/**
 * Parse what a person types ("12", "12.5", "£1,250.00") into pence, without floating point.
 * Returns null when it is not an amount of money.
 */
export function parsePounds(input: string): Pence | null {
  const cleaned = input.trim().replace(/^£/, "").replace(/,(?=\d{3}(\D|$))/g, "");
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, whole, fraction = ""] = match;
  return pence(Number(whole) * 100 + Number(fraction.padEnd(2, "0")));
}

const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
const gbpWhole = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });

/** £1,234.50; whole pounds drop the pence (£20) as GOV.UK style does. */
export function formatPence(amount: Pence | number): string {
  const value = amount / 100;
  return amount % 100 === 0 ? gbpWhole.format(value) : gbp.format(value);
}

/**
 * The value to put back in an amount field: "12", "12.50"; "" for nothing. Integer arithmetic,
 * so it round-trips through parsePounds exactly.
 */
export function toPoundsInput(amount: number | null | undefined): string {
  if (!amount) return "";
  const whole = Math.trunc(amount / 100);
  const part = Math.abs(amount % 100);
  return part === 0 ? String(whole) : `${whole}.${String(part).padStart(2, "0")}`;
}
