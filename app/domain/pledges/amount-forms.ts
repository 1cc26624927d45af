// The pledge amount and message forms' schemas (server and client share them). Kept apart from
// amounts.ts, whose sums the donate and giving pages use in the browser, so that those pages do not
// ship Zod (issue 11: the donate page's JavaScript budget).
import { z } from "zod";
import { parsePounds } from "~/domain/money";
import { AMOUNT_MESSAGES, DEDICATION_MAX_LENGTH, type PledgeLimits } from "~/domain/pledges/amounts";

/**
 * The form schema for "how much each pay period": pounds as typed → pence, within the settings'
 * minimum and maximum. The same schema runs on the server and names the field "amount".
 */
export function amountSchema(limits: PledgeLimits) {
  return z.object({
    amount: z
      .string({ error: AMOUNT_MESSAGES.empty })
      .trim()
      .min(1, AMOUNT_MESSAGES.empty)
      .transform((value, ctx) => {
        const parsed = parsePounds(value);
        if (parsed === null) {
          ctx.addIssue({ code: "custom", message: AMOUNT_MESSAGES.notMoney });
          return z.NEVER;
        }
        if (parsed < limits.minPence) {
          ctx.addIssue({ code: "custom", message: AMOUNT_MESSAGES.belowMin(limits.minPence) });
          return z.NEVER;
        }
        if (parsed > limits.maxPence) {
          ctx.addIssue({ code: "custom", message: AMOUNT_MESSAGES.aboveMax(limits.maxPence) });
          return z.NEVER;
        }
        return parsed;
      }),
  });
}

/** The optional "in memory of / message" step. Empty means none. */
export const dedicationSchema = z.object({
  dedication: z
    .string()
    .optional()
    .transform((v) => (v ?? "").replace(/\s+/g, " ").trim())
    .refine((v) => v.length <= DEDICATION_MAX_LENGTH, {
      message: `Your message must be ${DEDICATION_MAX_LENGTH} characters or fewer`,
    })
    .transform((v) => (v === "" ? null : v)),
});
