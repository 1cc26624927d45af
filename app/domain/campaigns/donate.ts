// The donate journey's answers: the amount (a preset or another amount, within the settings'
// limits) and the donor's details. Pure; the same schemas run on the server for each step.
import { z } from "zod";
import { formatPence, parsePounds } from "~/domain/money";

export const PRESET_AMOUNTS_PENCE = [500, 1000, 2500, 5000] as const;

export type DonationLimits = { minPence: number; maxPence: number };

export const DONATE_MESSAGES = {
  choose: "Choose how much you want to give",
  otherEmpty: "Enter how much you want to give",
  notMoney: "Enter an amount in pounds, like 10 or 10.50",
  belowMin: (min: number) => `Enter an amount of at least ${formatPence(min)}`,
  aboveMax: (max: number) => `Enter an amount of ${formatPence(max)} or less`,
} as const;

/** The amount step: `amount` is a preset in pence or "other", then `otherAmount` in pounds. Gives pence. */
export function donationAmountSchema(limits: DonationLimits) {
  return z
    .object({ amount: z.string({ error: DONATE_MESSAGES.choose }).default(""), otherAmount: z.string().default("") })
    .transform((v, ctx) => {
      const inRange = (p: number, path: string) => {
        if (p < limits.minPence) ctx.addIssue({ code: "custom", path: [path], message: DONATE_MESSAGES.belowMin(limits.minPence) });
        else if (p > limits.maxPence) ctx.addIssue({ code: "custom", path: [path], message: DONATE_MESSAGES.aboveMax(limits.maxPence) });
        else return p;
        return z.NEVER;
      };
      if (v.amount === "other") {
        const typed = v.otherAmount.trim();
        if (!typed) {
          ctx.addIssue({ code: "custom", path: ["otherAmount"], message: DONATE_MESSAGES.otherEmpty });
          return z.NEVER;
        }
        const p = parsePounds(typed);
        if (p === null) {
          ctx.addIssue({ code: "custom", path: ["otherAmount"], message: DONATE_MESSAGES.notMoney });
          return z.NEVER;
        }
        return inRange(p, "otherAmount");
      }
      const preset = PRESET_AMOUNTS_PENCE.find((p) => String(p) === v.amount);
      if (preset === undefined) {
        ctx.addIssue({ code: "custom", path: ["amount"], message: DONATE_MESSAGES.choose });
        return z.NEVER;
      }
      return inRange(preset, "amount");
    });
}

/** The presets that fall inside the limits (the rest are not offered). */
export function presetsWithin(limits: DonationLimits): number[] {
  return PRESET_AMOUNTS_PENCE.filter((p) => p >= limits.minPence && p <= limits.maxPence);
}

export const donorDetailsSchema = z.object({
  donorName: z.string({ error: "Enter your full name" }).trim().min(1, "Enter your full name").max(100, "Your name must be 100 characters or fewer"),
  donorEmail: z
    .string({ error: "Enter your email address" })
    .trim()
    .min(1, "Enter your email address")
    .max(254, "Your email address must be 254 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@example.com")),
  anonymous: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
});

export const giftAidChoiceSchema = z.object({
  giftAid: z.enum(["yes", "no"], { error: "Choose whether you want to add Gift Aid" }),
});

/** A donor's name as public pages show it: nothing when they asked not to be named. */
export function publicDonorName(d: { donorName: string; anonymous: boolean }): string {
  return d.anonymous ? "Anonymous" : d.donorName;
}
