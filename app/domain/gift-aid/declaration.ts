// The Gift Aid declaration: when it is offered, the HMRC wording the donor agrees to, and the form's rules.
// Pure: no Remix, Prisma, env or clock (time comes in as `now`).
import { z } from "zod";

export type GiftAidSettings = { charityStatus: string; hmrcRecognisedOn: Date | null };

/**
 * Gift Aid is offered only once the fund is recognised by HMRC as a charity, and only for gifts made on or after
 * the recognition date. (Payroll gifts never get it: this is only asked on the card-giving journey.)
 */
export function isGiftAidOffered(settings: GiftAidSettings, now: Date): boolean {
  if (settings.charityStatus !== "recognised" || settings.hmrcRecognisedOn === null) return false;
  return now.getTime() >= settings.hmrcRecognisedOn.getTime();
}

/** Bump whenever the wording below changes: each declaration stores the version and the exact words shown. */
export const GIFT_AID_WORDING_VERSION = 1;

export type GiftAidScope = "this_gift" | "all_gifts";
export const GIFT_AID_SCOPES = ["this_gift", "all_gifts"] as const;

export type GiftAidWording = {
  statement: string;
  taxWarning: string;
  scopes: { this_gift: string; all_gifts: string };
};

/** HMRC's model declaration wording, for the fund's name. */
export function giftAidWording(fundName: string): GiftAidWording {
  return {
    statement: `I want to Gift Aid my donation and any donations I make in the future or have made in the past 4 years to ${fundName}, as selected below. I want ${fundName} to treat the donation(s) as Gift Aid donations.`,
    taxWarning:
      "I am a UK taxpayer and understand that if I pay less Income Tax and/or Capital Gains Tax in the current tax year than the amount of Gift Aid claimed on all my donations it is my responsibility to pay any difference.",
    scopes: {
      this_gift: "This gift only",
      all_gifts: "This gift and all gifts I have made in the past 4 years and all future gifts",
    },
  };
}

/** The exact text a donor agreed to, as stored with the declaration. */
export function wordingShown(fundName: string, scope: GiftAidScope): string {
  const w = giftAidWording(fundName);
  return [w.statement, `Covers: ${w.scopes[scope]}.`, w.taxWarning].join("\n\n");
}

export const TITLE_MAX = 4;
export const NAME_MAX = 35;
export const HOUSE_MAX = 40;

/** UK postcode (outward code + inward code), matched after removing spaces and upper-casing. */
const POSTCODE_PATTERN = /^(GIR0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2})$/;

/** "sw1a1aa" / " SW1A  1AA " → "SW1A 1AA"; null when it is not a UK postcode. */
export function normalisePostcode(input: string): string | null {
  const compact = input.replace(/\s+/g, "").toUpperCase();
  if (!POSTCODE_PATTERN.test(compact)) return null;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

export const DECLARATION_MESSAGES = {
  titleTooLong: `Title must be ${TITLE_MAX} characters or fewer, like Mr, Mrs, Ms or Dr`,
  firstNameEmpty: "Enter your first name",
  firstNameTooLong: `First name must be ${NAME_MAX} characters or fewer`,
  lastNameEmpty: "Enter your last name",
  lastNameTooLong: `Last name must be ${NAME_MAX} characters or fewer`,
  houseEmpty: "Enter your house name or number",
  houseTooLong: `House name or number must be ${HOUSE_MAX} characters or fewer`,
  postcodeEmpty: "Enter your postcode",
  postcodeInvalid: "Enter a real postcode, like SW1A 1AA",
  scopeEmpty: "Select which gifts you want to Gift Aid",
} as const;

const collapse = (v: unknown) => (typeof v === "string" ? v.replace(/\s+/g, " ").trim() : v);

/** The declaration form (shared by the donate journey's form and the service). */
export const giftAidDeclarationSchema = z.object({
  title: z.preprocess(
    (v) => {
      const s = collapse(v);
      return s === "" || s === null ? undefined : s;
    },
    z.string().max(TITLE_MAX, DECLARATION_MESSAGES.titleTooLong).optional(),
  ),
  firstName: z.preprocess(
    collapse,
    z
      .string({ error: DECLARATION_MESSAGES.firstNameEmpty })
      .min(1, DECLARATION_MESSAGES.firstNameEmpty)
      .max(NAME_MAX, DECLARATION_MESSAGES.firstNameTooLong),
  ),
  lastName: z.preprocess(
    collapse,
    z
      .string({ error: DECLARATION_MESSAGES.lastNameEmpty })
      .min(1, DECLARATION_MESSAGES.lastNameEmpty)
      .max(NAME_MAX, DECLARATION_MESSAGES.lastNameTooLong),
  ),
  houseNameOrNumber: z.preprocess(
    collapse,
    z
      .string({ error: DECLARATION_MESSAGES.houseEmpty })
      .min(1, DECLARATION_MESSAGES.houseEmpty)
      .max(HOUSE_MAX, DECLARATION_MESSAGES.houseTooLong),
  ),
  postcode: z.preprocess(
    collapse,
    z
      .string({ error: DECLARATION_MESSAGES.postcodeEmpty })
      .min(1, DECLARATION_MESSAGES.postcodeEmpty)
      .transform((value, ctx) => {
        const normalised = normalisePostcode(value);
        if (normalised === null) {
          ctx.addIssue({ code: "custom", message: DECLARATION_MESSAGES.postcodeInvalid });
          return z.NEVER;
        }
        return normalised;
      }),
  ),
  scope: z.enum(GIFT_AID_SCOPES, { error: DECLARATION_MESSAGES.scopeEmpty }),
});

export type GiftAidDeclarationInput = z.infer<typeof giftAidDeclarationSchema>;

/** What Gift Aid adds to a gift at the basic rate: 25p for every £1, rounded down to the penny. */
export function giftAidValue(amountPence: number): number {
  return Math.floor(amountPence / 4);
}
