import { describe, expect, it } from "vitest";
import { claimableAmount, declarationCovers, giftAidEligibility, type DeclarationLike, type DonationLike } from "./eligibility";

const settings = { charityStatus: "recognised", hmrcRecognisedOn: new Date("2026-04-06T00:00:00Z") };
const decl = (over: Partial<DeclarationLike> = {}): DeclarationLike => ({
  id: "decl-1",
  scope: "this_gift",
  email: "ann@example.com",
  declaredAt: new Date("2026-05-01T09:00:00Z"),
  cancelledAt: null,
  ...over,
});
const gift = (over: Partial<DonationLike> = {}): DonationLike => ({
  id: "don-1",
  amountPence: 2500,
  refundedPence: 0,
  status: "paid",
  paidAt: new Date("2026-05-01T09:05:00Z"),
  donorEmail: "ann@example.com",
  giftAidDeclarationId: "decl-1",
  giftAidClaimId: null,
  ...over,
});

describe("giftAidEligibility", () => {
  it.each([
    ["a paid gift with its own declaration", gift(), [decl()], settings, { eligible: true, amountPence: 2500 }],
    ["the fund is not recognised", gift(), [decl()], { charityStatus: "not_registered", hmrcRecognisedOn: null }, { eligible: false, reason: "not_recognised" }],
    ["paid before recognition", gift({ paidAt: new Date("2026-04-05T22:00:00Z") }), [decl({ declaredAt: new Date("2026-04-05T21:00:00Z") })], settings, { eligible: false, reason: "before_recognition" }],
    ["already claimed", gift({ giftAidClaimId: "claim-1" }), [decl()], settings, { eligible: false, reason: "already_claimed" }],
    ["fully refunded", gift({ status: "refunded", refundedPence: 2500 }), [decl()], settings, { eligible: false, reason: "refunded" }],
    ["partly refunded: the kept amount", gift({ status: "partially_refunded", refundedPence: 1000 }), [decl()], settings, { eligible: true, amountPence: 1500 }],
    ["dispute lost", gift({ status: "dispute_lost" }), [decl()], settings, { eligible: false, reason: "disputed" }],
    ["dispute open", gift({ status: "disputed" }), [decl()], settings, { eligible: false, reason: "disputed" }],
    ["pending", gift({ status: "pending", paidAt: null }), [decl()], settings, { eligible: false, reason: "not_paid" }],
    ["failed", gift({ status: "failed", paidAt: null }), [decl()], settings, { eligible: false, reason: "not_paid" }],
    ["no declaration", gift({ giftAidDeclarationId: null }), [], settings, { eligible: false, reason: "no_declaration" }],
    ["declaration cancelled before the gift was paid", gift(), [decl({ cancelledAt: new Date("2026-05-01T09:01:00Z") })], settings, { eligible: false, reason: "no_declaration" }],
    ["declaration cancelled after the gift was paid", gift(), [decl({ cancelledAt: new Date("2026-06-01T00:00:00Z") })], settings, { eligible: true, amountPence: 2500 }],
    ["another gift's this-gift declaration", gift({ giftAidDeclarationId: null }), [decl({ id: "other" })], settings, { eligible: false, reason: "no_declaration" }],
    [
      "an all-gifts declaration by the same email, made later, covers a gift up to 4 years before",
      gift({ giftAidDeclarationId: null, donorEmail: "ANN@example.com", paidAt: new Date("2026-05-01T00:00:00Z") }),
      [decl({ id: "all", scope: "all_gifts", declaredAt: new Date("2030-04-30T00:00:00Z") })],
      settings,
      { eligible: true, amountPence: 2500 },
    ],
    [
      "… but not more than 4 years before",
      gift({ giftAidDeclarationId: null, paidAt: new Date("2026-05-01T00:00:00Z") }),
      [decl({ id: "all", scope: "all_gifts", declaredAt: new Date("2030-05-02T00:00:00Z") })],
      settings,
      { eligible: false, reason: "no_declaration" },
    ],
    [
      "an all-gifts declaration of someone else's email",
      gift({ giftAidDeclarationId: null }),
      [decl({ id: "all", scope: "all_gifts", email: "bob@example.com" })],
      settings,
      { eligible: false, reason: "no_declaration" },
    ],
    [
      "a cancelled this-gift declaration, but an all-gifts one covers it",
      gift(),
      [decl({ cancelledAt: new Date("2026-05-01T09:01:00Z") }), decl({ id: "all", scope: "all_gifts", declaredAt: new Date("2026-01-01T00:00:00Z") })],
      settings,
      { eligible: true, amountPence: 2500 },
    ],
  ] as const)("%s", (_name, donation, declarations, s, expected) => {
    const result = giftAidEligibility(donation, declarations, s);
    expect(result).toMatchObject(expected);
  });

  it("prefers the gift's own declaration", () => {
    const result = giftAidEligibility(gift(), [decl({ id: "all", scope: "all_gifts" }), decl()], settings);
    expect(result.eligible && result.declaration.id).toBe("decl-1");
  });
});

describe("declarationCovers", () => {
  it("never covers an unpaid gift", () => {
    expect(declarationCovers(decl(), { giftAidDeclarationId: "decl-1", paidAt: null })).toBe(false);
  });
  it("an unknown scope covers nothing", () => {
    expect(declarationCovers(decl({ scope: "odd" }), { giftAidDeclarationId: "decl-1", paidAt: new Date() })).toBe(false);
  });
});

describe("claimableAmount", () => {
  it.each([
    [{ status: "paid", amountPence: 1000, refundedPence: 0 }, 1000],
    [{ status: "partially_refunded", amountPence: 1000, refundedPence: 999 }, 1],
    [{ status: "partially_refunded", amountPence: 1000, refundedPence: 1000 }, "refunded"],
    [{ status: "refunded", amountPence: 1000, refundedPence: 1000 }, "refunded"],
    [{ status: "dispute_lost", amountPence: 1000, refundedPence: 0 }, "disputed"],
  ] as const)("%j → %j", (d, expected) => {
    expect(claimableAmount(d)).toBe(expected);
  });
});
