// Finance recording that HMRC paid a Gift Aid claim: how much arrived, on which day, HMRC's reference, and why, when
// HMRC paid a different amount from the one due. Pure: days are UK day keys ("YYYY-MM-DD").
import { z } from "zod";
import { parseDateInput } from "../date-input";
import { formatPence, parsePounds } from "../money";
import { MAX_ENTRY_PENCE } from "../ledger/transaction";

const text = z.string().default("");

/** The "record HMRC's payment" form as posted. */
export const hmrcPaymentFormSchema = z.object({
  amount: text,
  receivedDay: text,
  receivedMonth: text,
  receivedYear: text,
  reference: text,
  reason: text,
});
export type HmrcPaymentFormValues = Required<z.input<typeof hmrcPaymentFormSchema>>;

export type HmrcPaymentInput = { receivedPence: number; day: string; reference: string; reason: string | null };
export type HmrcPaymentErrors = Partial<Record<"amount" | "received" | "reference" | "reason", string>>;

export const REFERENCE_MAX = 60;
export const REASON_MAX = 500;

/** Why a payment of `receivedPence` may not be recorded against `duePence` without a reason; null when it may. */
export function differenceNeedsReason(duePence: number, receivedPence: number, reason: string | null): string | null {
  if (receivedPence === duePence || (reason ?? "").trim()) return null;
  return `HMRC paid ${formatPence(receivedPence)}, not the ${formatPence(duePence)} due on this claim: say why (for example, as HMRC's payment advice explains)`;
}

/**
 * The payment, or one message per field. The day is not in the future and not before the claim was exported; a
 * different amount from the one due needs a reason (it changes the Gift Aid income the fund reports).
 */
export function parseHmrcPayment(
  raw: Record<string, unknown>,
  claim: { duePence: number; todayKey: string; exportedKey: string },
): { ok: true; input: HmrcPaymentInput; values: HmrcPaymentFormValues } | { ok: false; errors: HmrcPaymentErrors; values: HmrcPaymentFormValues } {
  const values = hmrcPaymentFormSchema.parse(raw) as HmrcPaymentFormValues;
  const errors: HmrcPaymentErrors = {};

  const amountText = values.amount.trim();
  const receivedPence = amountText ? parsePounds(amountText) : null;
  if (!amountText) errors.amount = "Enter the amount HMRC paid";
  else if (receivedPence === null) errors.amount = "The amount HMRC paid must be an amount of money, like 125.50";
  else if (receivedPence === 0) errors.amount = "The amount HMRC paid must be more than £0";
  else if (receivedPence > MAX_ENTRY_PENCE) errors.amount = `The amount HMRC paid must be ${formatPence(MAX_ENTRY_PENCE)} or less`;

  const day = parseDateInput({ day: values.receivedDay, month: values.receivedMonth, year: values.receivedYear }, { label: "The date HMRC paid", empty: "Enter the date HMRC paid", example: "27 3 2026" });
  if ("error" in day) errors.received = day.error;
  else if (day.key > claim.todayKey) errors.received = "The date HMRC paid must be today or in the past";
  else if (day.key < claim.exportedKey) errors.received = "The date HMRC paid cannot be before the claim was exported";

  const reference = values.reference.trim();
  if (!reference) errors.reference = "Enter HMRC's payment reference, as on the bank statement or HMRC's payment advice";
  else if (reference.length > REFERENCE_MAX) errors.reference = `HMRC's payment reference must be ${REFERENCE_MAX} characters or fewer`;

  const reason = values.reason.trim() || null;
  if (reason && reason.length > REASON_MAX) errors.reason = `The reason must be ${REASON_MAX} characters or fewer`;
  else if (!errors.amount && receivedPence !== null) {
    const missing = differenceNeedsReason(claim.duePence, receivedPence, reason);
    if (missing) errors.reason = missing;
  }

  if (Object.keys(errors).length || receivedPence === null || "error" in day) return { ok: false, errors, values };
  // A reason given for a payment of the amount due says nothing: it is not kept.
  return { ok: true, input: { receivedPence, day: day.key, reference, reason: receivedPence === claim.duePence ? null : reason }, values };
}
