import { describe, expect, it } from "vitest";
import {
  campaignFormSchema,
  campaignProgress,
  countedPence,
  formValuesOf,
  isPubliclyListed,
  isTakingGifts,
  publicState,
  slugify,
  targetOf,
  type CampaignTarget,
} from "./campaign";

const books: CampaignTarget = { targetKind: "count", targetCount: 500, unitPricePence: 800, unitLabel: "book" };
const money: CampaignTarget = { targetKind: "money", targetPence: 100_000 };
const d = (amountPence: number, status: string, refundedPence = 0, donorEmail = `${amountPence}-${status}@x.example`) => ({
  amountPence,
  status,
  refundedPence,
  donorEmail,
});

describe("what counts towards progress", () => {
  it.each([
    ["paid", 1000, 0, 1000],
    ["partially_refunded", 1000, 300, 700],
    ["disputed", 1000, 0, 1000],
    ["pending", 1000, 0, 0],
    ["failed", 1000, 0, 0],
    ["refunded", 1000, 1000, 0],
    ["dispute_lost", 1000, 0, 0],
  ])("%s %i less %i refunded counts %i", (status, amount, refunded, expected) => {
    expect(countedPence({ status, amountPence: amount, refundedPence: refunded })).toBe(expected);
  });

  it("sums counted gifts and counts different donors by email", () => {
    const p = campaignProgress(money, [
      d(1000, "paid", 0, "a@x.example"),
      d(2500, "paid", 0, "A@X.example "),
      d(5000, "pending", 0, "b@x.example"),
      d(4000, "refunded", 4000, "c@x.example"),
      d(2000, "partially_refunded", 500, "d@x.example"),
    ]);
    expect(p.raisedPence).toBe(5000);
    expect(p.donors).toBe(2);
    expect(p.percent).toBe(5);
    expect(p.count).toBeNull();
    expect(p.text).toBe("£50 raised of £1,000 target");
  });

  it("a count target shows whole items paid for, floored", () => {
    const p = campaignProgress(books, [d(1000, "paid"), d(1500, "paid")]);
    expect(p.raisedPence).toBe(2500);
    expect(p.count).toEqual({ done: 3, target: 500, unitLabel: "book", unitPricePence: 800 });
    expect(p.targetPence).toBe(400_000);
    expect(p.text).toBe("3 of 500 books (£25 raised of £4,000)");
  });

  it("caps the bar at 100% when the target is passed", () => {
    expect(campaignProgress(money, [d(150_000, "paid")]).percent).toBe(100);
    expect(campaignProgress(money, []).percent).toBe(0);
  });

  it("reads targets from stored rows, refusing inconsistent ones", () => {
    expect(targetOf({ targetKind: "money", targetPence: 500, targetCount: null, unitPricePence: null, unitLabel: null })).toEqual({ targetKind: "money", targetPence: 500 });
    expect(targetOf({ targetKind: "count", targetPence: null, targetCount: 500, unitPricePence: 800, unitLabel: "book" })).toEqual(books);
    expect(targetOf({ targetKind: "count", targetPence: null, targetCount: 500, unitPricePence: null, unitLabel: "book" })).toBeNull();
  });
});

describe("open and closed", () => {
  const start = new Date("2026-11-01T00:00:00Z");
  const end = new Date("2026-11-30T00:00:00Z");
  it("takes gifts only when open, started and not past the end date's day", () => {
    const open = { status: "open", startsOn: start, endsOn: end };
    expect(isTakingGifts(open, new Date("2026-11-15T12:00:00Z"))).toBe(true);
    expect(isTakingGifts(open, new Date("2026-11-30T23:59:59Z"))).toBe(true);
    expect(isTakingGifts(open, new Date("2026-12-01T00:00:00Z"))).toBe(false);
    expect(isTakingGifts(open, new Date("2026-10-31T23:59:59Z"))).toBe(false);
    expect(isTakingGifts({ ...open, endsOn: null }, new Date("2030-01-01T00:00:00Z"))).toBe(true);
    expect(isTakingGifts({ ...open, status: "closed" }, new Date("2026-11-15T12:00:00Z"))).toBe(false);
    expect(isTakingGifts({ ...open, status: "draft" }, new Date("2026-11-15T12:00:00Z"))).toBe(false);
  });

  it("tells the public whether a campaign is open, not started or closed", () => {
    const c = { status: "open", startsOn: start, endsOn: end };
    expect(publicState(c, new Date("2026-10-01T00:00:00Z"))).toBe("not_started");
    expect(publicState(c, new Date("2026-11-02T00:00:00Z"))).toBe("open");
    expect(publicState(c, new Date("2026-12-02T00:00:00Z"))).toBe("closed");
  });

  it("lists open and recently closed campaigns, never drafts", () => {
    const now = new Date("2026-11-23T00:00:00Z");
    expect(isPubliclyListed({ status: "draft", startsOn: start, endsOn: null, updatedAt: now }, now)).toBe(false);
    expect(isPubliclyListed({ status: "open", startsOn: start, endsOn: null, updatedAt: now }, now)).toBe(true);
    expect(isPubliclyListed({ status: "closed", startsOn: start, endsOn: null, updatedAt: new Date("2026-11-01T00:00:00Z") }, now)).toBe(true);
    expect(isPubliclyListed({ status: "closed", startsOn: start, endsOn: null, updatedAt: new Date("2026-01-01T00:00:00Z") }, now)).toBe(false);
  });
});

describe("the campaign form", () => {
  const base = {
    title: "A book for each child in our care",
    story: "Every child should own a book.",
    targetKind: "count",
    targetPounds: "",
    targetCount: "500",
    unitPrice: "8",
    unitLabel: "book",
    startsOn: "2026-11-01",
    endsOn: "",
    imagePath: "",
    imageAlt: "",
  };

  it("reads a count target", () => {
    const r = campaignFormSchema.parse(base);
    expect(r.target).toEqual(books);
    expect(r.startsOn.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(r.endsOn).toBeNull();
    expect(formValuesOf({ ...r, ...r.target, targetPence: null, targetCount: 500, unitPricePence: 800, unitLabel: "book" }).unitPrice).toBe("8");
  });

  it("reads a money target", () => {
    const r = campaignFormSchema.parse({ ...base, targetKind: "money", targetPounds: "1,250.50" });
    expect(r.target).toEqual({ targetKind: "money", targetPence: 125_050 });
  });

  it("names every field at fault", () => {
    const r = campaignFormSchema.safeParse({ ...base, title: " ", targetCount: "0", unitPrice: "£x", startsOn: "2026-02-30", imagePath: "/images/a.png" });
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["title", "targetCount", "unitPrice", "startsOn", "imageAlt"]));
  });

  it("refuses an end before the start", () => {
    const r = campaignFormSchema.safeParse({ ...base, endsOn: "2026-10-01" });
    expect(r.error?.issues[0]).toMatchObject({ path: ["endsOn"], message: "The end date must be on or after the start date" });
  });

  it("slugs titles", () => {
    expect(slugify("A book for each child in our care!")).toBe("a-book-for-each-child-in-our-care");
    expect(slugify("Café & crèche")).toBe("cafe-and-creche");
    expect(slugify("???")).toBe("campaign");
  });
});
