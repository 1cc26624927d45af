import { describe, expect, it } from "vitest";
import { adjustmentsForClaim, keptPence, outstandingOverclaim, OVERCLAIM_STATUSES, type ClaimedGift } from "./adjustments";
import { statusOf } from "~/domain/donations/donation";
import { pence } from "~/domain/money";

const claimed = (over: Partial<ClaimedGift> = {}): ClaimedGift => ({
  amountPence: 5000,
  refundedPence: 0,
  status: "paid",
  giftAidClaimedPence: 5000,
  adjustments: [],
  ...over,
});

describe("keptPence", () => {
  it.each([
    ["paid", claimed(), 5000],
    ["partly refunded", claimed({ status: "partially_refunded", refundedPence: 2000 }), 3000],
    ["refunded", claimed({ status: "refunded", refundedPence: 5000 }), 0],
    ["an open dispute is not a loss yet", claimed({ status: "disputed" }), 5000],
    ["an open dispute after a partial refund", claimed({ status: "disputed", refundedPence: 1000 }), 4000],
    ["a lost dispute", claimed({ status: "dispute_lost" }), 0],
    ["a lost dispute after a partial refund", claimed({ status: "dispute_lost", refundedPence: 1000 }), 0],
  ])("%s", (_, gift, expected) => {
    expect(keptPence(gift)).toBe(expected);
  });
});

describe("outstandingOverclaim", () => {
  it("nothing while the gift keeps what it was claimed on", () => {
    expect(outstandingOverclaim(claimed())).toBeNull();
    expect(outstandingOverclaim(claimed({ status: "disputed" }))).toBeNull();
    // claimed after a partial refund, on what was kept then: nothing overclaimed
    expect(outstandingOverclaim(claimed({ status: "partially_refunded", refundedPence: 2000, giftAidClaimedPence: 3000 }))).toBeNull();
  });

  it("a partial refund after the claim: 25p per £1 of the part refunded", () => {
    expect(outstandingOverclaim(claimed({ status: "partially_refunded", refundedPence: 2000 }))).toEqual({ donationPence: 2000, taxPence: 500 });
  });

  it("a full refund or a lost dispute: all of the claim", () => {
    expect(outstandingOverclaim(claimed({ status: "refunded", refundedPence: 5000 }))).toEqual({ donationPence: 5000, taxPence: 1250 });
    expect(outstandingOverclaim(claimed({ status: "dispute_lost" }))).toEqual({ donationPence: 5000, taxPence: 1250 });
  });

  it("a gift claimed on part of it is adjusted on that part only", () => {
    const gift = claimed({ status: "refunded", refundedPence: 5000, giftAidClaimedPence: 3000 });
    expect(outstandingOverclaim(gift)).toEqual({ donationPence: 3000, taxPence: 750 });
  });

  it("what was already adjusted is not adjusted again; a later refund adjusts only the new part", () => {
    const first = { donationPence: 2000, taxPence: 500 };
    expect(outstandingOverclaim(claimed({ status: "partially_refunded", refundedPence: 2000, adjustments: [first] }))).toBeNull();
    expect(outstandingOverclaim(claimed({ status: "partially_refunded", refundedPence: 3500, adjustments: [first] }))).toEqual({
      donationPence: 1500,
      taxPence: 375,
    });
    expect(outstandingOverclaim(claimed({ status: "dispute_lost", refundedPence: 3500, adjustments: [first, { donationPence: 1500, taxPence: 375 }] }))).toEqual({
      donationPence: 1500,
      taxPence: 375,
    });
  });

  it("floors to whole pence on the gift's total overclaim, so adjustments add up to the Gift Aid on it", () => {
    // 1004p claimed, refunded 502p then 502p more: flooring each part would give back 125 + 125 = 250p, but
    // the Gift Aid on 1004p is 251p; taken on the total, the second adjustment is 251 − 125 = 126p.
    const gift = claimed({ amountPence: 1004, giftAidClaimedPence: 1004 });
    const a = outstandingOverclaim({ ...gift, status: "partially_refunded", refundedPence: 502 })!;
    expect(a).toEqual({ donationPence: 502, taxPence: 125 });
    const b = outstandingOverclaim({ ...gift, status: "refunded", refundedPence: 1004, adjustments: [a] })!;
    expect(b).toEqual({ donationPence: 502, taxPence: 126 });
    expect(a.taxPence + b.taxPence).toBe(251);
    // 3p then 3p: the first owes nothing yet and waits, then both together owe 1p
    const small = claimed({ amountPence: 1000, giftAidClaimedPence: 1000 });
    expect(outstandingOverclaim({ ...small, status: "partially_refunded", refundedPence: 3 })).toBeNull();
    expect(outstandingOverclaim({ ...small, status: "partially_refunded", refundedPence: 6 })).toEqual({ donationPence: 6, taxPence: 1 });
  });

  it("never gives back more than was claimed on the gift", () => {
    for (let refunded = 0; refunded <= 1003; refunded += 17) {
      const gift = claimed({ amountPence: 1003, giftAidClaimedPence: 1003, status: "partially_refunded", refundedPence: refunded });
      const over = outstandingOverclaim(gift);
      expect(over?.taxPence ?? 0).toBeLessThanOrEqual(Math.floor(1003 / 4));
      expect(over?.donationPence ?? 0).toBeLessThanOrEqual(refunded);
    }
  });
});

describe("adjustmentsForClaim", () => {
  const a = (id: string, taxPence: number) => ({ id, taxPence });

  it("takes every adjustment while they fit in the claim's Gift Aid", () => {
    expect(adjustmentsForClaim([a("x", 500), a("y", 250)], 750)).toEqual({ included: [a("x", 500), a("y", 250)], carried: [] });
  });

  it("never makes a claim a credit: what does not fit waits, oldest first, later ones that fit still go", () => {
    expect(adjustmentsForClaim([a("x", 500), a("y", 900), a("z", 200)], 800)).toEqual({ included: [a("x", 500), a("z", 200)], carried: [a("y", 900)] });
  });

  it("a claim with no Gift Aid (no new gifts) takes none", () => {
    expect(adjustmentsForClaim([a("x", 1)], 0)).toEqual({ included: [], carried: [a("x", 1)] });
  });
});

describe("OVERCLAIM_STATUSES", () => {
  it("covers every status in which a paid gift keeps less than its amount", () => {
    const amountPence = pence(1000);
    for (const refundedPence of [0, 1, 999, 1000].map(pence)) {
      for (const dispute of ["none", "open", "won", "lost"] as const) {
        const status = statusOf({ amountPence, paid: true, failed: false, feePence: null, refundedPence, dispute });
        const keepsLess = keptPence({ amountPence, refundedPence, status }) < amountPence;
        expect(OVERCLAIM_STATUSES.includes(status as (typeof OVERCLAIM_STATUSES)[number]) || !keepsLess, `${status} refunded ${refundedPence}`).toBe(true);
      }
    }
  });
});
