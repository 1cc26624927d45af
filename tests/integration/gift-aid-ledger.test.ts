// Gift Aid in the fund's ledger: exporting a claim posts what HMRC will pay (the Gift Aid less the claim's
// adjustments) as income owed by HMRC, once; recording HMRC's payment moves it to the bank, once, with a reason
// when the amount differs; a claim exported before this posts its missing claim transaction first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { seed } from "../../prisma/seed";
import { giftAidValue } from "~/domain/gift-aid/declaration";
import { accountBalances } from "~/services/ledger.server";
import { GiftAidPaymentError, claimForFinance, exportClaimSchedule, recentClaims, recordDeclaration, recordGiftAidPayment } from "~/services/gift-aid.server";

useTestDatabase();
let financeId = "";
let ref = 0;
const actor = () => ({ userId: financeId, role: "finance" });
const NOW = new Date("2026-11-20T12:00:00Z");

/** A gift with its own declaration, paid on `day` (YYYY-MM-DD). */
async function newGift(name: string, day: string, pence: number) {
  const email = `${name.toLowerCase()}@example.com`;
  const d = await recordDeclaration({ firstName: name, lastName: "Giver", houseNameOrNumber: "7", postcode: "M1 1AE", scope: "this_gift", email, fundName: "Fund" }, new Date(`${day}T08:00:00Z`));
  return db().donation.create({
    data: { reference: `HH-L${String(++ref).padStart(4, "0")}`, amountPence: pence, donorName: name, donorEmail: email, status: "paid", paidAt: new Date(`${day}T09:00:00Z`), giftAidDeclarationId: d.id },
  });
}
const claimDay = (day: string, now = new Date(`${day}T18:00:00Z`)) => exportClaimSchedule({ range: { fromKey: day, toKey: day, aggregate: false }, actor: actor(), now });
const txOf = (externalRef: string) => db().ledgerTransaction.findUnique({ where: { externalRef }, include: { entries: true } });
const amounts = (tx: { entries: { accountCode: string; amountPence: number }[] } | null) =>
  Object.fromEntries((tx?.entries ?? []).map((e) => [e.accountCode, e.amountPence]));
async function ledgerSum() {
  return (await db().ledgerEntry.aggregate({ _sum: { amountPence: true } }))._sum.amountPence ?? 0;
}
const pay = (claimId: string, input: { receivedPence: number; day: string; reference?: string; reason?: string | null }) =>
  recordGiftAidPayment(actor(), claimId, { reference: "HMRC-123", ...input }, NOW);

beforeAll(async () => {
  await seed(db(), { employees: 0 });
  await db().organisationSettings.update({ where: { id: 1 }, data: { charityStatus: "recognised", hmrcRecognisedOn: new Date("2026-04-06T00:00:00Z") } });
  financeId = (await db().user.findUniqueOrThrow({ where: { email: "fin.officer@council.example" } })).id;
});

describe("exporting a claim", () => {
  it("posts the Gift Aid once, in the export's transaction: receivable from HMRC, Gift Aid income; the ledger balances", async () => {
    const before = await accountBalances();
    await newGift("Ann", "2026-06-01", 2500);
    await newGift("Bob", "2026-06-01", 10003);
    const file = await claimDay("2026-06-01");
    const tx = await txOf(`gift-aid-claim:${file.claimId}`);
    expect(tx).toMatchObject({ kind: "gift_aid_claim", createdById: financeId, occurredAt: new Date("2026-06-01T18:00:00Z") });
    // 25p per £1 of £125.03, rounded down
    expect(amounts(tx)).toEqual({ gift_aid_receivable: 3125, gift_aid_income: -3125 });
    expect(giftAidValue(12503)).toBe(3125);
    expect(await ledgerSum()).toBe(0);
    const after = await accountBalances();
    expect(after.gift_aid_receivable - before.gift_aid_receivable).toBe(3125);
    expect(after.gift_aid_income - before.gift_aid_income).toBe(-3125);
    expect(await db().ledgerTransaction.count({ where: { externalRef: { startsWith: `gift-aid-claim:${file.claimId}` } } })).toBe(1);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "gift_aid.claim_exported", entityId: file.claimId } });
    expect(JSON.parse(String(audit.detail))).toMatchObject({ duePence: 3125, ledgerTransactionId: tx!.id });

    // Exporting the range again finds nothing and posts nothing.
    const count = await db().ledgerTransaction.count();
    await expect(claimDay("2026-06-01")).rejects.toThrow(/no gifts/);
    expect(await db().ledgerTransaction.count()).toBe(count);
  });

  it("the receivable is the claim's Gift Aid less its adjustments (what HMRC will pay)", async () => {
    const g = await newGift("Cat", "2026-06-02", 5000);
    await claimDay("2026-06-02");
    await db().donation.update({ where: { id: g.id }, data: { status: "partially_refunded", refundedPence: 2000 } });
    await newGift("Dan", "2026-06-03", 8000);
    const next = await claimDay("2026-06-03");
    const claim = await db().giftAidClaim.findUniqueOrThrow({ where: { id: next.claimId } });
    expect(claim).toMatchObject({ totalPence: 8000, adjustmentPence: 500 });
    expect(amounts(await txOf(`gift-aid-claim:${next.claimId}`))).toEqual({ gift_aid_receivable: 1500, gift_aid_income: -1500 });
    expect((await claimForFinance(next.claimId))!.ledger).toEqual({ duePence: 1500, posted: true, paid: null });
  });

  it("a claim whose adjustments take all its Gift Aid posts nothing, and has no payment to record", async () => {
    const g = await newGift("Eve", "2026-06-04", 10000);
    await claimDay("2026-06-04");
    await db().donation.update({ where: { id: g.id }, data: { status: "refunded", refundedPence: 10000 } });
    await newGift("Fin", "2026-06-05", 10000);
    const next = await claimDay("2026-06-05");
    expect(await db().giftAidClaim.findUniqueOrThrow({ where: { id: next.claimId } })).toMatchObject({ totalPence: 10000, adjustmentPence: 2500 });
    expect(await txOf(`gift-aid-claim:${next.claimId}`)).toBeNull();
    expect((await claimForFinance(next.claimId))!.ledger).toEqual({ duePence: 0, posted: false, paid: null });
    await expect(pay(next.claimId, { receivedPence: 100, day: "2026-07-01" })).rejects.toThrow(/Nothing is due/);
  });
});

describe("recording HMRC's payment", () => {
  it("moves the amount due from the receivable to the bank, with an audit entry; the list shows it paid", async () => {
    await newGift("Gus", "2026-07-01", 20000);
    const { claimId } = await claimDay("2026-07-01");
    const before = await accountBalances();
    const paid = await pay(claimId, { receivedPence: 5000, day: "2026-07-20", reference: " HMRC-GA-777 " });
    expect(paid).toMatchObject({ duePence: 5000, receivedPence: 5000, differencePence: 0, claimPostedNow: false });
    const tx = await txOf(`gift-aid-paid:${claimId}`);
    expect(tx).toMatchObject({ kind: "gift_aid_payment", occurredAt: new Date("2026-07-20T00:00:00Z"), createdById: financeId });
    expect(amounts(tx)).toEqual({ fund_bank: 5000, gift_aid_receivable: -5000 });
    const after = await accountBalances();
    expect(after.fund_bank - before.fund_bank).toBe(5000);
    expect(after.gift_aid_receivable - before.gift_aid_receivable).toBe(-5000);
    expect(after.gift_aid_income).toBe(before.gift_aid_income);
    expect(await ledgerSum()).toBe(0);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "gift_aid.payment_recorded", entityId: claimId } });
    expect(JSON.parse(String(audit.detail))).toMatchObject({ receivedPence: 5000, duePence: 5000, differencePence: 0, reference: "HMRC-GA-777", day: "2026-07-20", ledgerTransactionId: tx!.id });

    expect((await claimForFinance(claimId))!.payment).toEqual({ receivedPence: 5000, differencePence: 0, on: new Date("2026-07-20T00:00:00Z"), reference: "HMRC-GA-777", reason: null });
    const listed = (await recentClaims()).find((c) => c.id === claimId)!;
    expect(listed.ledger).toEqual({ duePence: 5000, posted: true, paid: { receivedPence: 5000, differencePence: 0, on: new Date("2026-07-20T00:00:00Z") } });
  });

  it("is refused the second time, and when two arrive at once only one is recorded", async () => {
    await newGift("Hal", "2026-07-02", 4000);
    const { claimId } = await claimDay("2026-07-02");
    await pay(claimId, { receivedPence: 1000, day: "2026-07-21" });
    const count = await db().ledgerTransaction.count();
    await expect(pay(claimId, { receivedPence: 1000, day: "2026-07-21" })).rejects.toThrow(GiftAidPaymentError);
    await expect(pay(claimId, { receivedPence: 1000, day: "2026-07-21" })).rejects.toThrow("already recorded");
    expect(await db().ledgerTransaction.count()).toBe(count);

    await newGift("Ida", "2026-07-03", 4000);
    const other = await claimDay("2026-07-03");
    const results = await Promise.allSettled([1, 2, 3].map(() => pay(other.claimId, { receivedPence: 1000, day: "2026-07-21" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(GiftAidPaymentError);
    expect(await db().ledgerTransaction.count({ where: { externalRef: `gift-aid-paid:${other.claimId}` } })).toBe(1);
    expect(await db().auditLog.count({ where: { action: "gift_aid.payment_recorded", entityId: other.claimId } })).toBe(1);
  });

  it("a different amount is refused without a reason; with one, the difference adjusts Gift Aid income", async () => {
    await newGift("Jo", "2026-07-04", 4000);
    const { claimId } = await claimDay("2026-07-04");
    const count = await db().ledgerTransaction.count();
    await expect(pay(claimId, { receivedPence: 900, day: "2026-07-22" })).rejects.toThrow("HMRC paid £9, not the £10 due on this claim: say why");
    await expect(pay(claimId, { receivedPence: 900, day: "2026-07-22", reason: "   " })).rejects.toThrow(GiftAidPaymentError);
    expect(await db().ledgerTransaction.count()).toBe(count);

    const before = await accountBalances();
    const paid = await pay(claimId, { receivedPence: 900, day: "2026-07-22", reason: "HMRC disallowed part of one gift" });
    expect(paid).toMatchObject({ duePence: 1000, receivedPence: 900, differencePence: -100 });
    expect(amounts(await txOf(`gift-aid-paid:${claimId}`))).toEqual({ fund_bank: 900, gift_aid_receivable: -1000, gift_aid_income: 100 });
    const after = await accountBalances();
    expect(after.gift_aid_receivable - before.gift_aid_receivable).toBe(-1000);
    expect(after.gift_aid_income - before.gift_aid_income).toBe(100);
    expect((await claimForFinance(claimId))!.payment).toMatchObject({ receivedPence: 900, differencePence: -100, reason: "HMRC disallowed part of one gift" });

    // More than due: the extra is more income.
    await newGift("Kit", "2026-07-05", 4000);
    const more = await claimDay("2026-07-05");
    await pay(more.claimId, { receivedPence: 1001, day: "2026-07-22", reason: "HMRC rounded up" });
    expect(amounts(await txOf(`gift-aid-paid:${more.claimId}`))).toEqual({ fund_bank: 1001, gift_aid_receivable: -1000, gift_aid_income: -1 });
    expect(await ledgerSum()).toBe(0);
  });

  it("checks the day and the amount again: not in the future, not before the export, more than £0", async () => {
    await newGift("Lou", "2026-07-06", 4000);
    const { claimId } = await claimDay("2026-07-06");
    await expect(pay(claimId, { receivedPence: 1000, day: "2026-11-21" })).rejects.toThrow(/between the day the claim was exported and today/);
    await expect(pay(claimId, { receivedPence: 1000, day: "2026-07-05" })).rejects.toThrow(/between the day the claim was exported and today/);
    await expect(pay(claimId, { receivedPence: 1000, day: "2026-02-30" })).rejects.toThrow(/real date/);
    await expect(pay(claimId, { receivedPence: 0, day: "2026-07-10" })).rejects.toThrow(/more than £0/);
    await expect(pay(claimId, { receivedPence: 1000, day: "2026-07-10", reference: " " })).rejects.toThrow(/reference/);
    await expect(pay("no-such-claim", { receivedPence: 1000, day: "2026-07-10" })).rejects.toThrow(/no such Gift Aid claim/);
    expect(await txOf(`gift-aid-paid:${claimId}`)).toBeNull();
    // the day it was exported is allowed
    await pay(claimId, { receivedPence: 1000, day: "2026-07-06" });
  });

  it("a claim exported before Gift Aid reached the ledger: its claim transaction is posted first, dated at the export, once", async () => {
    // As the export wrote claims before this change: the claim and its marked gifts, nothing in the ledger.
    const g = await newGift("Max", "2026-05-10", 6000);
    const old = await db().giftAidClaim.create({
      data: { fromDate: new Date("2026-05-10T00:00:00Z"), toDate: new Date("2026-05-10T00:00:00Z"), rowCount: 1, totalPence: 6000, createdById: financeId, createdAt: new Date("2026-05-12T10:00:00Z") },
    });
    await db().donation.update({ where: { id: g.id }, data: { giftAidClaimId: old.id, giftAidClaimedPence: 6000 } });
    expect((await claimForFinance(old.id))!.ledger).toEqual({ duePence: 1500, posted: false, paid: null });

    // A refused payment posts nothing, not even the claim.
    await expect(pay(old.id, { receivedPence: 1400, day: "2026-06-01" })).rejects.toThrow(/say why/);
    expect(await txOf(`gift-aid-claim:${old.id}`)).toBeNull();

    const before = await accountBalances();
    const paid = await pay(old.id, { receivedPence: 1500, day: "2026-06-01" });
    expect(paid).toMatchObject({ claimPostedNow: true, duePence: 1500 });
    const claimTx = await txOf(`gift-aid-claim:${old.id}`);
    expect(claimTx).toMatchObject({ kind: "gift_aid_claim", occurredAt: new Date("2026-05-12T10:00:00Z") });
    expect(amounts(claimTx)).toEqual({ gift_aid_receivable: 1500, gift_aid_income: -1500 });
    const after = await accountBalances();
    // Income is recognised, and already received: nothing is left owed.
    expect(after.gift_aid_income - before.gift_aid_income).toBe(-1500);
    expect(after.gift_aid_receivable).toBe(before.gift_aid_receivable);
    expect(after.fund_bank - before.fund_bank).toBe(1500);
    expect(await db().auditLog.count({ where: { action: "gift_aid.claim_posted", entityId: old.id } })).toBe(1);
    expect((await claimForFinance(old.id))!.ledger).toMatchObject({ posted: true, paid: { receivedPence: 1500 } });
    await expect(pay(old.id, { receivedPence: 1500, day: "2026-06-01" })).rejects.toThrow("already recorded");
    expect(await db().ledgerTransaction.count({ where: { externalRef: `gift-aid-claim:${old.id}` } })).toBe(1);
  });
});

describe("the claim's page", () => {
  let server: TestServer;
  let finance = "";
  let claimId = "";
  beforeAll(async () => {
    server = await startTestServer();
    finance = await sessionCookieFor("fin.officer@council.example");
    await newGift("Ned", "2026-08-01", 4000);
    claimId = (await claimDay("2026-08-01")).claimId;
  });
  afterAll(() => server?.close());

  const page = (path = `/finance/gift-aid/claims/${claimId}`) => fetch(server.baseUrl + path, { headers: { Cookie: finance } });
  const post = (form: Record<string, string>) =>
    fetch(`${server.baseUrl}/finance/gift-aid/claims/${claimId}`, { method: "POST", headers: { Cookie: finance }, body: new URLSearchParams(form), redirect: "manual" });
  const plain = (html: string) => html.replace(/<!-- -->/g, "");
  const filled = { amount: "9.50", receivedDay: "10", receivedMonth: "8", receivedYear: "2026", reference: "HMRC-GA-9", reason: "" };

  it("shows what is due; errors are listed; a different amount asks why; check, then record; then it is paid", async () => {
    const first = await page();
    expect(first.status).toBe(200);
    const html = plain(await first.text());
    expect(html).toContain("Due from HMRC");
    expect(html).toContain("£10");
    expect(html).toContain("Record HMRC&#x27;s payment");

    const empty = await post({ intent: "check" });
    expect(empty.status).toBe(400);
    const errors = plain(await empty.text());
    expect(errors).toContain("There is a problem");
    expect(errors).toContain("Enter the amount HMRC paid");
    expect(errors).toContain("Enter the date HMRC paid");

    const different = await post({ intent: "check", ...filled });
    expect(different.status).toBe(400);
    expect(plain(await different.text())).toContain("HMRC paid £9.50, not the £10 due on this claim: say why");

    const withReason = { ...filled, reason: "HMRC disallowed part of a gift" };
    const check = await post({ intent: "check", ...withReason });
    expect(check.status).toBe(200);
    const checkHtml = plain(await check.text());
    expect(checkHtml).toContain("Check HMRC’s payment before you record it");
    expect(checkHtml).toContain("Paid less than due");
    expect(checkHtml).toContain("10 August 2026");
    expect(await txOf(`gift-aid-paid:${claimId}`), "checking writes nothing").toBeNull();

    const change = await post({ intent: "change", ...withReason });
    expect(change.status).toBe(200);
    expect(await change.text()).toContain('value="HMRC-GA-9"');

    const done = await post({ intent: "confirm", ...withReason });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`/finance/gift-aid/claims/${claimId}`);
    const flash = done.headers.get("set-cookie")!.split(";")[0];
    const confirmed = await fetch(server.baseUrl + done.headers.get("location"), { headers: { Cookie: `${finance}; ${flash}` } });
    expect(plain(await confirmed.text())).toContain("HMRC&#x27;s payment of £9.50 is recorded");
    expect(amounts(await txOf(`gift-aid-paid:${claimId}`))).toEqual({ fund_bank: 950, gift_aid_receivable: -1000, gift_aid_income: 50 });

    const after = plain(await (await page()).text());
    expect(after).toContain("£9.50 on 10 August 2026");
    expect(after).toContain("HMRC-GA-9");
    expect(after).not.toContain("Record HMRC&#x27;s payment");

    const again = await post({ intent: "confirm", ...withReason });
    expect(again.status).toBe(409);
    expect(plain(await again.text())).toContain("already recorded");

    const list = plain(await (await page("/finance/gift-aid")).text());
    expect(list).toContain(`/finance/gift-aid/claims/${claimId}`);
    expect(list).toContain("£9.50 on 10 August 2026");
  });

  it("an unknown claim is 404", async () => {
    expect((await page("/finance/gift-aid/claims/no-such-claim")).status).toBe(404);
  });
});
