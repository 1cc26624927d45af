// Paying an award, in two steps: finance approves the payment (someone who took no part in the
// decision), then records it as paid (to whom, when, with what reference); or the award is
// cancelled before it is paid. Pure: time comes in as a UK day key ("YYYY-MM-DD").
import { z } from "zod";
import { tookPartInDecision } from "./panel";
import { parseDateInput } from "../date-input";

export const AWARD_STATUSES = ["committed", "payment_approved", "paid", "cancelled"] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];

export const AWARD_STATUS_LABELS: Record<AwardStatus, string> = {
  committed: "Approved by the panel – payment not yet approved",
  payment_approved: "Payment approved – not yet paid",
  paid: "Paid",
  cancelled: "Cancelled",
};

export function isAwardStatus(value: string): value is AwardStatus {
  return (AWARD_STATUSES as readonly string[]).includes(value);
}

export const PAYEE_KINDS = ["supplier", "young_person"] as const;
export type PayeeKind = (typeof PAYEE_KINDS)[number];
export const PAYEE_KIND_LABELS: Record<PayeeKind, string> = { supplier: "A supplier (for example the shop selling the item)", young_person: "The young person" };

/** The decision's people, as stored (JSON arrays of user ids), in the shape tookPartInDecision reads. */
export function decisionParticipants(decision: { decidedById: string; scoredByIds: string; conflictedIds: string }) {
  return { decidedById: decision.decidedById, scoredByIds: idsOf(decision.scoredByIds), conflictedIds: idsOf(decision.conflictedIds) };
}

function idsOf(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((id) => typeof id === "string")) throw new Error("a decision's ids must be a JSON array of strings");
  return parsed;
}

/**
 * Why this user may not approve or record the payment, or null when they may. Anyone who decided,
 * scored or declared a conflict on the application is out: the money must be released by someone
 * independent of the decision. The same finance officer may approve and then record (the domain
 * asks only for independence from the decision makers).
 */
export function paymentRefusal(userId: string, decision: { decidedById: string; scoredByIds: string; conflictedIds: string }): string | null {
  return tookPartInDecision(userId, decisionParticipants(decision))
    ? "You took part in the panel's decision on this application, so another finance officer must approve and record its payment."
    : null;
}

export type DateParts = { day: string; month: string; year: string };

/** A GOV.UK date input → "YYYY-MM-DD", or the message to show. */
export function parseDayParts(parts: DateParts, label: string): { key: string } | { error: string } {
  return parseDateInput(parts, { label, example: "27 3 2026" });
}

/** The instant a day key is stored as (midnight UTC of that calendar day). */
export function dayKeyToDate(key: string): Date {
  return new Date(`${key}T00:00:00.000Z`);
}

const text = z.string().default("");

/** The "record payment" form as posted. */
export const paymentFormSchema = z.object({
  payeeKind: text,
  payeeName: text,
  paidOnDay: text,
  paidOnMonth: text,
  paidOnYear: text,
  paymentReference: text,
});
export type PaymentFormValues = z.input<typeof paymentFormSchema>;

export type PaymentInput = { payeeKind: PayeeKind; payeeName: string; paidOnKey: string; paymentReference: string };
export type PaymentErrors = Partial<Record<"payeeKind" | "payeeName" | "paidOn" | "paymentReference", string>>;

/**
 * The payment record, or the message per field. The date paid is a UK calendar day: not after
 * today, and not before the day the payment was approved.
 */
export function parsePayment(
  raw: Record<string, unknown>,
  days: { todayKey: string; approvedKey: string },
): { ok: true; input: PaymentInput } | { ok: false; errors: PaymentErrors; values: Required<PaymentFormValues> } {
  const values = paymentFormSchema.parse(raw) as Required<PaymentFormValues>;
  const errors: PaymentErrors = {};
  const payeeKind = values.payeeKind.trim();
  if (!(PAYEE_KINDS as readonly string[]).includes(payeeKind)) errors.payeeKind = "Choose who was paid: a supplier or the young person";
  const payeeName = values.payeeName.trim();
  if (!payeeName) errors.payeeName = "Enter the name of who was paid";
  else if (payeeName.length > 120) errors.payeeName = "The name of who was paid must be 120 characters or fewer";
  const paymentReference = values.paymentReference.trim();
  if (!paymentReference) errors.paymentReference = "Enter the payment reference, as it appears in the finance system or on the bank statement";
  else if (paymentReference.length > 60) errors.paymentReference = "The payment reference must be 60 characters or fewer";
  const day = parseDayParts({ day: values.paidOnDay, month: values.paidOnMonth, year: values.paidOnYear }, "The date paid");
  let paidOnKey = "";
  if ("error" in day) errors.paidOn = day.error;
  else if (day.key > days.todayKey) errors.paidOn = "The date paid must be today or in the past";
  else if (day.key < days.approvedKey) errors.paidOn = "The date paid cannot be before the payment was approved";
  else paidOnKey = day.key;
  if (Object.keys(errors).length) return { ok: false, errors, values };
  return { ok: true, input: { payeeKind: payeeKind as PayeeKind, payeeName, paidOnKey, paymentReference } };
}

/** The "cancel award" form: a reason the applicant will read. */
export const cancelFormSchema = z.object({
  reason: z
    .string()
    .default("")
    .transform((s) => s.trim())
    .pipe(z.string().min(10, "Give the reason for cancelling (at least a sentence); the young person will read it").max(1000, "The reason must be 1,000 characters or fewer")),
});

/** The day a follow-up is due: `weeks` after the day paid. */
export function followUpDueAt(paidOn: Date, weeks: number): Date {
  if (!Number.isInteger(weeks) || weeks < 0) throw new RangeError(`follow-up weeks must be a whole number of at least 0, not ${weeks}`);
  return new Date(paidOn.getTime() + weeks * 7 * 86_400_000);
}
