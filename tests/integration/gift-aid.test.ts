// Gift Aid: declarations are stored with their wording, donors cancel them by a signed link, and the claim
// schedule exports each eligible gift once, in HMRC's columns (pinned by a golden file).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { seed } from "../../prisma/seed";
import { GIFT_AID_WORDING_VERSION, giftAidWording } from "~/domain/gift-aid/declaration";
import {
  GiftAidClaimError,
  GiftAidInputError,
  cancelDeclaration,
  exportClaimSchedule,
  giftAidCancelPath,
  previewClaim,
  recordDeclaration,
} from "~/services/gift-aid.server";

useTestDatabase();
const GOLDEN = path.resolve("tests/golden/gift-aid-claim.csv");
const FUND = "Helping Hands Fund";
const MAY = { fromKey: "2026-05-01", toKey: "2026-05-31", aggregate: false };
let financeId = "";
let ref = 0;

type Person = { title?: string; firstName: string; lastName: string; houseNameOrNumber: string; postcode: string; scope: "this_gift" | "all_gifts"; email: string };

async function declare(p: Person, at: string) {
  return recordDeclaration({ ...p, fundName: FUND }, new Date(at));
}

async function gift(input: { email: string; pence: number; paidAt: string; declarationId?: string | null; status?: string; refundedPence?: number; claimId?: string }) {
  return db().donation.create({
    data: {
      reference: `HH-T${String(++ref).padStart(4, "0")}`,
      amountPence: input.pence,
      donorName: "A Donor",
      donorEmail: input.email,
      status: input.status ?? "paid",
      refundedPence: input.refundedPence ?? 0,
      paidAt: new Date(input.paidAt),
      giftAidDeclarationId: input.declarationId ?? null,
      giftAidClaimId: input.claimId ?? null,
    },
  });
}

const tokenOf = (declarationId: string) => new URL(giftAidCancelPath(declarationId), "http://x").searchParams.get("token");

beforeAll(async () => {
  await seed(db(), { employees: 0 });
  await db().organisationSettings.update({ where: { id: 1 }, data: { charityStatus: "recognised", hmrcRecognisedOn: new Date("2026-04-06T00:00:00Z") } });
  financeId = (await db().user.findUniqueOrThrow({ where: { email: "fin.officer@council.example" } })).id;

  // The golden data set: May 2026.
  const ann = await declare({ title: "Mrs", firstName: "Ann", lastName: "Smith-Jones", houseNameOrNumber: "12", postcode: "sw1a1aa", scope: "this_gift", email: "ann@example.com" }, "2026-05-01T08:59:00Z");
  await gift({ email: "ann@example.com", pence: 2500, paidAt: "2026-05-01T09:00:00Z", declarationId: ann.id });
  // an all-gifts declaration covers Bob's later gift that has no declaration of its own
  const bob = await declare({ firstName: "Bob", lastName: "O'Brien", houseNameOrNumber: "Rose Cottage", postcode: "m1 1ae", scope: "all_gifts", email: "bob@example.com" }, "2026-05-03T10:00:00Z");
  await gift({ email: "bob@example.com", pence: 10000, paidAt: "2026-05-03T10:01:00Z", declarationId: bob.id });
  await gift({ email: "BOB@example.com", pence: 1250, paidAt: "2026-05-10T12:00:00Z" });
  // partly refunded: the £30 kept is claimed
  const dan = await declare({ title: "Dr", firstName: "Dan", lastName: "Lee", houseNameOrNumber: "Flat 2, 7", postcode: "B338TH", scope: "this_gift", email: "dan@example.com" }, "2026-05-05T10:00:00Z");
  await gift({ email: "dan@example.com", pence: 5000, paidAt: "2026-05-05T10:01:00Z", declarationId: dan.id, status: "partially_refunded", refundedPence: 2000 });
  // 22:30 UTC on 31 May is still 31 May in the UK (BST)
  const greg = await declare({ title: "Mr", firstName: "Greg", lastName: "Van-der-Berg-Smith", houseNameOrNumber: "4a", postcode: "ec1a 1bb", scope: "all_gifts", email: "greg@example.com" }, "2026-05-31T22:00:00Z");
  await gift({ email: "greg@example.com", pence: 4000, paidAt: "2026-05-31T22:30:00Z", declarationId: greg.id });
  // … 23:30 UTC is 1 June in the UK: not in May's schedule
  await gift({ email: "greg@example.com", pence: 700, paidAt: "2026-05-31T23:30:00Z" });

  // Excluded: a refunded gift, a lost dispute, a declaration cancelled before the gift, a gift already claimed, no declaration.
  const carol = await declare({ firstName: "Carol", lastName: "King", houseNameOrNumber: "1", postcode: "W1A 0AX", scope: "this_gift", email: "carol@example.com" }, "2026-05-06T10:00:00Z");
  await gift({ email: "carol@example.com", pence: 2000, paidAt: "2026-05-06T10:01:00Z", declarationId: carol.id, status: "refunded", refundedPence: 2000 });
  const dora = await declare({ firstName: "Dora", lastName: "Ng", houseNameOrNumber: "2", postcode: "W1A 0AX", scope: "this_gift", email: "dora@example.com" }, "2026-05-07T10:00:00Z");
  await gift({ email: "dora@example.com", pence: 2000, paidAt: "2026-05-07T10:01:00Z", declarationId: dora.id, status: "dispute_lost" });
  const erin = await declare({ firstName: "Erin", lastName: "Doe", houseNameOrNumber: "3", postcode: "CR2 6XH", scope: "all_gifts", email: "erin@example.com" }, "2026-05-01T10:00:00Z");
  expect(await cancelDeclaration(erin.id, tokenOf(erin.id), new Date("2026-05-08T09:00:00Z"))).toEqual({ cancelledAt: new Date("2026-05-08T09:00:00Z") });
  await gift({ email: "erin@example.com", pence: 3000, paidAt: "2026-05-08T10:00:00Z", declarationId: erin.id });
  const fay = await declare({ firstName: "Fay", lastName: "Wu", houseNameOrNumber: "5", postcode: "DN55 1PT", scope: "this_gift", email: "fay@example.com" }, "2026-05-09T10:00:00Z");
  const earlier = await db().giftAidClaim.create({
    data: { fromDate: new Date("2026-05-09T00:00:00Z"), toDate: new Date("2026-05-09T00:00:00Z"), rowCount: 1, totalPence: 1800, createdById: financeId },
  });
  await gift({ email: "fay@example.com", pence: 1800, paidAt: "2026-05-09T10:01:00Z", declarationId: fay.id, claimId: earlier.id });
  await gift({ email: "nobody@example.com", pence: 9900, paidAt: "2026-05-11T10:00:00Z" });
});

describe("declarations", () => {
  it("are stored with the wording version, the exact words shown and the time", async () => {
    const at = new Date("2026-06-01T12:00:00Z");
    const { id } = await declare({ title: "Ms", firstName: " Ima ", lastName: "Test", houseNameOrNumber: "9", postcode: "b33 8th", scope: "all_gifts", email: "Ima@Example.com" }, at.toISOString());
    const row = await db().giftAidDeclaration.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ title: "Ms", firstName: "Ima", postcode: "B33 8TH", scope: "all_gifts", email: "ima@example.com", wordingVersion: GIFT_AID_WORDING_VERSION, declaredAt: at, cancelledAt: null });
    const wording = giftAidWording(FUND);
    expect(row.wordingShown).toContain(wording.statement);
    expect(row.wordingShown).toContain(wording.taxWarning);
    expect(row.wordingShown).toContain(wording.scopes.all_gifts);
    expect(await db().auditLog.count({ where: { action: "gift_aid.declared", entityId: id } })).toBe(1);
  });

  it("a bad declaration is refused and nothing is stored", async () => {
    const before = await db().giftAidDeclaration.count();
    await expect(declare({ firstName: "No", lastName: "Postcode", houseNameOrNumber: "1", postcode: "nowhere", scope: "this_gift", email: "x@example.com" }, "2026-06-01T00:00:00Z")).rejects.toThrow(GiftAidInputError);
    expect(await db().giftAidDeclaration.count()).toBe(before);
  });

  it("are cancelled only with the right token; cancelling keeps the declaration and the first time", async () => {
    const { id } = await declare({ firstName: "Can", lastName: "Cel", houseNameOrNumber: "1", postcode: "M1 1AE", scope: "all_gifts", email: "can@example.com" }, "2026-06-01T00:00:00Z");
    expect(await cancelDeclaration(id, "wrong", new Date("2026-06-02T00:00:00Z"))).toBeNull();
    expect(await cancelDeclaration(id, tokenOf("someone-else"), new Date("2026-06-02T00:00:00Z"))).toBeNull();
    expect((await db().giftAidDeclaration.findUniqueOrThrow({ where: { id } })).cancelledAt).toBeNull();
    expect(await cancelDeclaration(id, tokenOf(id), new Date("2026-06-02T00:00:00Z"))).toEqual({ cancelledAt: new Date("2026-06-02T00:00:00Z") });
    expect(await cancelDeclaration(id, tokenOf(id), new Date("2026-06-03T00:00:00Z"))).toEqual({ cancelledAt: new Date("2026-06-02T00:00:00Z") });
    expect(await db().giftAidDeclaration.findUnique({ where: { id } })).not.toBeNull();
    expect(await db().auditLog.count({ where: { action: "gift_aid.cancelled", entityId: id } })).toBe(1);
  });
});

describe("the claim schedule", () => {
  it("previews what would be claimed and why gifts are left out, marking nothing", async () => {
    const preview = await previewClaim(MAY);
    expect(preview).toMatchObject({ gifts: 5, lines: 5, totalPence: 2500 + 10000 + 3000 + 1250 + 4000, overSheetLimit: false });
    expect(preview.excluded).toEqual({ refunded: 1, disputed: 1, no_declaration: 1, already_claimed: 1 });
    expect(await db().donation.count({ where: { giftAidClaimId: { not: null } } })).toBe(1);
  });

  it("exports the golden file, marks the gifts, and a second export finds nothing", async () => {
    const file = await exportClaimSchedule({ range: MAY, actor: { userId: financeId, role: "finance" }, now: new Date("2026-06-02T09:00:00Z") });
    expect(Buffer.from(file.csv, "utf8").equals(fs.readFileSync(GOLDEN))).toBe(true);
    expect(file.csv).toBe(fs.readFileSync(GOLDEN, "utf8"));
    const claim = await db().giftAidClaim.findUniqueOrThrow({ where: { id: file.claimId }, include: { donations: true } });
    expect(claim).toMatchObject({ rowCount: 5, totalPence: 20750, createdById: financeId });
    expect(claim.donations).toHaveLength(5);
    expect(await db().auditLog.count({ where: { action: "gift_aid.claim_exported", entityId: claim.id } })).toBe(1);

    expect((await previewClaim(MAY)).gifts).toBe(0);
    await expect(exportClaimSchedule({ range: MAY, actor: { userId: financeId, role: "finance" }, now: new Date() })).rejects.toThrow(GiftAidClaimError);
    expect(await db().giftAidClaim.count()).toBe(2);
  });

  it("a range of more than 1,000 rows is claimed one HMRC sheet per export, each gift once", async () => {
    const p = { firstName: "Max", lastName: "Many", houseNameOrNumber: "9", postcode: "M1 1AE", scope: "all_gifts" as const, email: "many@example.com" };
    await declare(p, "2026-08-01T00:00:00Z");
    await db().donation.createMany({
      data: Array.from({ length: 1002 }, (_, i) => ({
        reference: `HH-M${String(i).padStart(5, "0")}`,
        amountPence: 3100,
        donorName: "Max Many",
        donorEmail: p.email,
        status: "paid",
        paidAt: new Date(Date.UTC(2026, 7, 2, 0, 0, i)),
      })),
    });
    const AUGUST = { fromKey: "2026-08-01", toKey: "2026-08-31", aggregate: false };
    expect(await previewClaim(AUGUST)).toMatchObject({ gifts: 1002, lines: 1002, overSheetLimit: true, sheets: 2 });
    const actor = { userId: financeId, role: "finance" };
    const first = await exportClaimSchedule({ range: AUGUST, actor, now: new Date() });
    expect(first.csv.trimEnd().split("\r\n")).toHaveLength(1 + 1000);
    expect(first.preview).toMatchObject({ gifts: 1000, lines: 1000, totalPence: 1000 * 3100 });
    expect(await previewClaim(AUGUST)).toMatchObject({ gifts: 2, lines: 2, overSheetLimit: false, sheets: 1 });
    const second = await exportClaimSchedule({ range: AUGUST, actor, now: new Date() });
    expect(second.preview).toMatchObject({ gifts: 2, lines: 2, totalPence: 6200 });
    expect(await db().donation.count({ where: { donorEmail: p.email, giftAidClaimId: null } })).toBe(0);
  });

  it("aggregates small gifts into lines without donor details when asked", async () => {
    const p = { firstName: "Sue", lastName: "Small", houseNameOrNumber: "8", postcode: "M1 1AE", scope: "all_gifts" as const, email: "sue@example.com" };
    await declare(p, "2026-07-01T00:00:00Z");
    for (let day = 1; day <= 3; day++) await gift({ email: p.email, pence: 1000, paidAt: `2026-07-0${day}T12:00:00Z` });
    await gift({ email: p.email, pence: 5000, paidAt: "2026-07-04T12:00:00Z" });
    const file = await exportClaimSchedule({ range: { fromKey: "2026-07-01", toKey: "2026-07-31", aggregate: true }, actor: { userId: financeId, role: "finance" }, now: new Date() });
    expect(file.csv.split("\r\n")).toEqual([
      "Title,First name,Last name,House name or number,Postcode,Aggregated donations,Sponsored event,Donation date,Amount",
      ",,,,,Card gifts 01/07/26 to 03/07/26,,03/07/26,30.00",
      ",Sue,Small,8,M1 1AE,,,04/07/26,50.00",
      "",
    ]);
    expect(file.preview).toMatchObject({ gifts: 4, lines: 2, totalPence: 8000 });
  });
});

describe("adjustments for gifts refunded after they were claimed", () => {
  const actor = () => ({ userId: financeId, role: "finance" });
  const dayRange = (key: string) => ({ fromKey: key, toKey: key, aggregate: false });
  const claimDay = (key: string) => exportClaimSchedule({ range: dayRange(key), actor: actor(), now: new Date() });
  const claimOf = (claimId: string) => db().giftAidClaim.findUniqueOrThrow({ where: { id: claimId } });
  const adjustmentsOn = (claimId: string) =>
    db().giftAidAdjustment.findMany({ where: { claimId }, include: { donation: { select: { reference: true } } }, orderBy: { donation: { paidAt: "asc" } } });
  const HEADER = "Title,First name,Last name,House name or number,Postcode,Aggregated donations,Sponsored event,Donation date,Amount\r\n";

  /** A gift with its own declaration, paid on `day` (YYYY-MM-DD), not yet claimed. */
  async function newGift(name: string, day: string, pence: number, before: { status?: string; refundedPence?: number } = {}) {
    const email = `${name.toLowerCase()}@example.com`;
    const d = await declare({ firstName: name, lastName: "Giver", houseNameOrNumber: "7", postcode: "M1 1AE", scope: "this_gift", email }, `${day}T08:00:00Z`);
    return gift({ email, pence, paidAt: `${day}T09:00:00Z`, declarationId: d.id, ...before });
  }
  /** … and claimed on that day's export. */
  async function claimedGift(name: string, day: string, pence: number, before: { status?: string; refundedPence?: number } = {}) {
    const g = await newGift(name, day, pence, before);
    const file = await claimDay(day);
    return { ...(await db().donation.findUniqueOrThrow({ where: { id: g.id } })), claimId: file.claimId };
  }
  const refund = (id: string, refundedPence: number, status: string) => db().donation.update({ where: { id }, data: { refundedPence, status } });

  it("export records the amount each gift was claimed on: what it kept then", async () => {
    expect((await claimedGift("Whole", "2026-09-01", 5000)).giftAidClaimedPence).toBe(5000);
    expect((await claimedGift("Part", "2026-09-02", 5000, { status: "partially_refunded", refundedPence: 1500 })).giftAidClaimedPence).toBe(3500);
  });

  it("a gift claimed then refunded in part → one adjustment on the next export, not again on the one after", async () => {
    const g = await claimedGift("Pam", "2026-09-03", 5000);
    await refund(g.id, 2000, "partially_refunded");
    await newGift("Ned", "2026-09-20", 4000);

    // Whatever the range: the adjustment belongs to the next claim.
    const preview = await previewClaim(dayRange("2026-09-20"));
    expect(preview).toMatchObject({ gifts: 1, totalPence: 4000 });
    expect(preview.adjustments).toEqual({
      gifts: 1,
      donationPence: 2000,
      taxPence: 500,
      lines: [{ reference: g.reference, reason: "partially_refunded", claimedPence: 5000, keptPence: 3000, donationPence: 2000, taxPence: 500 }],
      claimGiftAidPence: 1000,
      waiting: { gifts: 0, taxPence: 0 },
    });
    expect(await db().giftAidAdjustment.count({ where: { donationId: g.id } }), "a preview writes nothing").toBe(0);

    const next = await claimDay("2026-09-20");
    // The schedule holds only the new gift: adjustments are not schedule rows (the file format is unchanged).
    expect(next.csv).toBe(`${HEADER},Ned,Giver,7,M1 1AE,,,20/09/26,40.00\r\n`);
    expect(await claimOf(next.claimId)).toMatchObject({ rowCount: 1, totalPence: 4000, adjustmentPence: 500 });
    expect(await adjustmentsOn(next.claimId)).toMatchObject([{ donationId: g.id, donationPence: 2000, taxPence: 500 }]);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "gift_aid.claim_exported", entityId: next.claimId } });
    expect(JSON.parse(String(audit.detail))).toMatchObject({ adjustments: 1, adjustmentPence: 500 });

    // The one after: nothing left to adjust.
    await newGift("Olly", "2026-09-21", 4000);
    expect((await previewClaim(dayRange("2026-09-21"))).adjustments).toMatchObject({ gifts: 0, taxPence: 0, waiting: { gifts: 0 } });
    const after = await claimDay("2026-09-21");
    expect(await claimOf(after.claimId)).toMatchObject({ rowCount: 1, adjustmentPence: 0 });
    expect(await adjustmentsOn(after.claimId)).toEqual([]);
    expect(await db().giftAidAdjustment.count({ where: { donationId: g.id } })).toBe(1);
  });

  it("a second refund later → a second adjustment for the new part only", async () => {
    const g = await claimedGift("Rae", "2026-09-04", 5000);
    await refund(g.id, 2000, "partially_refunded");
    await newGift("Sam", "2026-09-22", 4000);
    const first = await claimDay("2026-09-22");
    expect(await adjustmentsOn(first.claimId)).toMatchObject([{ donationId: g.id, donationPence: 2000, taxPence: 500 }]);

    await refund(g.id, 3500, "partially_refunded");
    await newGift("Ted", "2026-09-23", 4000);
    const second = await claimDay("2026-09-23");
    expect(await adjustmentsOn(second.claimId)).toMatchObject([{ donationId: g.id, donationPence: 1500, taxPence: 375 }]);
    expect(await claimOf(second.claimId)).toMatchObject({ adjustmentPence: 375 });
    expect(await db().giftAidAdjustment.count({ where: { donationId: g.id } })).toBe(2);
  });

  it("a lost dispute → the whole claim is adjusted; an open dispute waits until it is lost", async () => {
    const g = await claimedGift("Sid", "2026-09-05", 4000);
    // claimed on the £30 kept after a £20 refund: a lost dispute gives back the Gift Aid on £30, not on £50
    const h = await claimedGift("Tess", "2026-09-06", 5000, { status: "partially_refunded", refundedPence: 2000 });
    await newGift("Uma", "2026-09-24", 8000);
    await db().donation.update({ where: { id: g.id }, data: { status: "disputed" } });
    expect((await previewClaim(dayRange("2026-09-24"))).adjustments).toMatchObject({ gifts: 0, waiting: { gifts: 0 } });

    await db().donation.update({ where: { id: g.id }, data: { status: "dispute_lost" } });
    await db().donation.update({ where: { id: h.id }, data: { status: "dispute_lost" } });
    const next = await claimDay("2026-09-24");
    const adjustments = await adjustmentsOn(next.claimId);
    expect(adjustments.map((a) => ({ ref: a.donation.reference, donationPence: a.donationPence, taxPence: a.taxPence }))).toEqual([
      { ref: g.reference, donationPence: 4000, taxPence: 1000 },
      { ref: h.reference, donationPence: 3000, taxPence: 750 },
    ]);
    expect(await claimOf(next.claimId)).toMatchObject({ totalPence: 8000, adjustmentPence: 1750 });
  });

  it("an adjustment never makes a claim a credit: with no new gifts, or too few, it waits for a bigger claim", async () => {
    const g = await claimedGift("Una", "2026-09-07", 10000);
    await refund(g.id, 10000, "refunded");

    // No new gifts: nothing to export; the preview says what waits.
    const empty = await previewClaim(dayRange("2026-09-25"));
    expect(empty).toMatchObject({ gifts: 0, adjustments: { gifts: 0, taxPence: 0, claimGiftAidPence: 0, waiting: { gifts: 1, taxPence: 2500 } } });
    await expect(claimDay("2026-09-25")).rejects.toThrow(GiftAidClaimError);

    // A claim whose Gift Aid (£10) is less than the £25 to give back: the adjustment waits.
    await newGift("Val", "2026-09-26", 4000);
    const small = await claimDay("2026-09-26");
    expect(small.preview.adjustments).toMatchObject({ gifts: 0, claimGiftAidPence: 1000, waiting: { gifts: 1, taxPence: 2500 } });
    expect(await claimOf(small.claimId)).toMatchObject({ adjustmentPence: 0 });

    // A claim with Gift Aid of £30 takes it.
    await newGift("Wes", "2026-09-27", 12000);
    const big = await claimDay("2026-09-27");
    expect(await claimOf(big.claimId)).toMatchObject({ totalPence: 12000, adjustmentPence: 2500 });
    expect(await adjustmentsOn(big.claimId)).toMatchObject([{ donationId: g.id, donationPence: 10000, taxPence: 2500 }]);
  });
});

describe("the pages", () => {
  let server: TestServer;
  let finance = "";
  beforeAll(async () => {
    server = await startTestServer();
    finance = await sessionCookieFor("fin.officer@council.example");
  });
  afterAll(() => server?.close());

  it("a donor cancels from the link: confirm, then the confirmation; a wrong token is 404", async () => {
    const { id } = await declare({ firstName: "Web", lastName: "Donor", houseNameOrNumber: "1", postcode: "M1 1AE", scope: "all_gifts", email: "web@example.com" }, "2026-06-01T00:00:00Z");
    const link = server.baseUrl + giftAidCancelPath(id);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Cancel your Gift Aid declaration");
    expect((await fetch(`${server.baseUrl}/gift-aid/cancel/${id}?token=nope`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/gift-aid/cancel/${id}`)).status).toBe(404);
    const bad = await fetch(`${server.baseUrl}/gift-aid/cancel/${id}`, { method: "POST", body: new URLSearchParams({ token: "nope" }), redirect: "manual" });
    expect(bad.status).toBe(404);
    expect((await db().giftAidDeclaration.findUniqueOrThrow({ where: { id } })).cancelledAt).toBeNull();
    const posted = await fetch(link, { method: "POST", body: new URLSearchParams({ token: tokenOf(id)! }), redirect: "manual" });
    expect(posted.status).toBe(303);
    expect((await db().giftAidDeclaration.findUniqueOrThrow({ where: { id } })).cancelledAt).not.toBeNull();
    const done = await fetch(server.baseUrl + posted.headers.get("location"));
    expect(await done.text()).toContain("Your Gift Aid declaration is cancelled");
  });

  it("finance previews a range and exports it as CSV; exporting again finds nothing", async () => {
    await declare({ firstName: "Pat", lastName: "Page", houseNameOrNumber: "2", postcode: "CR2 6XH", scope: "all_gifts", email: "pat@example.com" }, "2026-08-01T00:00:00Z");
    await gift({ email: "pat@example.com", pence: 1234, paidAt: "2026-08-02T12:00:00Z" });
    const range = { fromDay: "1", fromMonth: "8", fromYear: "2026", toDay: "31", toMonth: "8", toYear: "2026" };
    const page = await fetch(`${server.baseUrl}/finance/gift-aid?${new URLSearchParams(range)}`, { headers: { Cookie: finance } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("Export claim schedule");
    expect(html).toContain("£12.34");
    const bad = await fetch(`${server.baseUrl}/finance/gift-aid?${new URLSearchParams({ ...range, toMonth: "13" })}`, { headers: { Cookie: finance } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("The end date must be a real date");

    const post = () => fetch(`${server.baseUrl}/finance/gift-aid/export`, { method: "POST", headers: { Cookie: finance }, body: new URLSearchParams(range), redirect: "manual" });
    const first = await post();
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("text/csv");
    expect(await first.text()).toContain(",Pat,Page,2,CR2 6XH,,,02/08/26,12.34\r\n");
    const second = await post();
    expect(second.status).toBe(303);
    expect(second.headers.get("location")).toContain("exportError=none");
  });

  it("finance sees the adjustment to enter in Charities Online, exports it, and the list of claims shows it", async () => {
    const email = "wyn@example.com";
    const d = await declare({ firstName: "Wyn", lastName: "Back", houseNameOrNumber: "4", postcode: "M1 1AE", scope: "this_gift", email }, "2026-10-01T08:00:00Z");
    const g = await gift({ email, pence: 3000, paidAt: "2026-10-01T09:00:00Z", declarationId: d.id });
    await exportClaimSchedule({ range: { fromKey: "2026-10-01", toKey: "2026-10-01", aggregate: false }, actor: { userId: financeId, role: "finance" }, now: new Date() });
    await db().donation.update({ where: { id: g.id }, data: { status: "dispute_lost" } });
    const show = async (day: string) => {
      const range = { fromDay: day, fromMonth: "10", fromYear: "2026", toDay: day, toMonth: "10", toYear: "2026" };
      const page = await fetch(`${server.baseUrl}/finance/gift-aid?${new URLSearchParams(range)}`, { headers: { Cookie: finance } });
      expect(page.status).toBe(200);
      return { range, html: await page.text() };
    };

    // No new gifts on 2 October: the £7.50 waits, and there is nothing to export.
    const waiting = await show("2");
    expect(waiting.html).toContain('data-testid="adjustments-waiting"');
    expect(waiting.html.replace(/<!-- -->/g, "")).toContain("£7.50 of Gift Aid overclaimed on 1 gift claimed earlier");
    expect(waiting.html).not.toContain("Export claim schedule");

    await declare({ firstName: "Xan", lastName: "New", houseNameOrNumber: "5", postcode: "M1 1AE", scope: "all_gifts", email: "xan@example.com" }, "2026-10-03T08:00:00Z");
    await gift({ email: "xan@example.com", pence: 4000, paidAt: "2026-10-03T09:00:00Z" });
    const { range, html } = await show("3");
    expect(html).toMatch(/data-testid="adjustment-total">£7.50</);
    expect(html).toContain(g.reference);
    expect(html).toContain("Dispute lost");
    expect(html).not.toContain('data-testid="adjustments-waiting"');
    expect(html).toContain("Export claim schedule");

    const res = await fetch(`${server.baseUrl}/finance/gift-aid/export`, { method: "POST", headers: { Cookie: finance }, body: new URLSearchParams(range), redirect: "manual" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(",Xan,New,5,M1 1AE,,,03/10/26,40.00\r\n");
    const list = await (await fetch(`${server.baseUrl}/finance/gift-aid`, { headers: { Cookie: finance } })).text();
    const claimsTable = list.slice(list.indexOf("Claims already exported"));
    expect(claimsTable).toContain("Adjustment for earlier overclaims");
    expect(claimsTable).toContain("£7.50");
  });
});
