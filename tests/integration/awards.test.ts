// Paying awards through finance: who may approve, the ledger moving committed → paid, cancelling,
// double submits and the payment date rules. Applications, decisions and awards are made here
// directly (the panel's decision service is tested on its own).
import { beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { makeUser, type TestUser } from "../helpers/users";
import { pence } from "~/domain/money";
import { transfer } from "~/domain/ledger";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { allocate, fundSummary, postTransaction } from "~/services/ledger.server";
import { ApplicationError } from "~/services/applications.server";
import { AwardForbiddenError, approvePayment, awardForFinance, cancelAward, recordPayment } from "~/services/awards.server";

useTestDatabase();

let n = 0;

let young: TestUser;
let chair: TestUser;
let scorer: TestUser;
let financeScorer: TestUser;
let finance: TestUser;
let coordinator: TestUser;
let termsId = "";
let meetingId = "";

beforeAll(async () => {
  young = await makeUser("Jordan", ["young_person"]);
  chair = await makeUser("Chair", ["panel"]);
  scorer = await makeUser("Scorer", ["panel"]);
  // A finance officer who also sits on the panel and scored the application.
  financeScorer = await makeUser("Fin", ["finance", "panel"]);
  finance = await makeUser("Other", ["finance"]);
  coordinator = await makeUser("Coord", ["coordinator"]);
  termsId = (
    await db().termsOfReference.create({
      data: { version: 1, funds: "Laptops", doesNotFund: "Rent", maxAwardPence: 100_000, decisionDates: "Monthly", giveBack: "Help at an event", criteria: "Need", publishedAt: new Date(), publishedById: coordinator.userId },
    })
  ).id;
  meetingId = (await db().panelMeeting.create({ data: { title: "March panel", heldOn: new Date(), mode: "meeting", chairId: chair.userId, createdById: chair.userId, attendeeIds: JSON.stringify([chair.userId, scorer.userId, financeScorer.userId]) } })).id;
  await postTransaction(transfer("fund_bank", "card_income", pence(1_000_000)), { kind: "card_donation", description: "Test income", occurredAt: new Date() });
});

/** An application approved by the panel, with its decision, commitment and award. */
async function approvedAward(amount = 50_000) {
  n++;
  const application = await db().supportApplication.create({
    data: { reference: `SA-T${String(n).padStart(5, "0")}`, youngPersonId: young.userId, createdById: young.userId, status: "approved", purpose: "A laptop for college", amountPence: amount, submittedAt: new Date() },
  });
  const decision = await db().applicationDecision.create({
    data: {
      applicationId: application.id,
      meetingId,
      termsId,
      outcome: "approve",
      amountPence: amount,
      reasons: "Meets the terms and the need is clear.",
      quorumRequired: 2,
      scoredCount: 2,
      conflictedCount: 0,
      scoredByIds: JSON.stringify([scorer.userId, financeScorer.userId]),
      conflictedIds: "[]",
      decidedById: chair.userId,
      decidedAt: new Date(),
    },
  });
  const { transaction } = await allocate({ amount: pence(amount), reference: application.reference, actor: { userId: chair.userId } });
  const award = await db().grantAward.create({ data: { applicationId: application.id, decisionId: decision.id, amountPence: amount, commitmentTxId: transaction.id } });
  return { application, award };
}

const today = () => ukDayKey(new Date());
const payment = (paidOnKey = today()) => ({ payeeKind: "supplier" as const, payeeName: "Laptops Ltd", paidOnKey, paymentReference: "BACS-1" });
const statusOf = async (applicationId: string) => (await db().supportApplication.findUniqueOrThrow({ where: { id: applicationId } })).status;

describe("approving a payment", () => {
  it("refuses finance who took part in the decision, and lets a different finance officer approve", async () => {
    const { application, award } = await approvedAward();
    await expect(approvePayment(award.id, financeScorer)).rejects.toBeInstanceOf(AwardForbiddenError);
    await expect(approvePayment(award.id, { userId: chair.userId, roles: ["finance"] })).rejects.toThrow(/took part/);
    expect((await awardForFinance(award.id, financeScorer))?.paymentRefusal).toMatch(/took part/);
    expect(await statusOf(application.id)).toBe("approved");

    await approvePayment(award.id, finance);
    const after = await db().grantAward.findUniqueOrThrow({ where: { id: award.id } });
    expect(after).toMatchObject({ status: "payment_approved", paymentApprovedById: finance.userId });
    expect(await statusOf(application.id)).toBe("payment_approved");
    // The timeline and the applicant's email.
    expect(await db().applicationEvent.count({ where: { applicationId: application.id, toStatus: "payment_approved" } })).toBe(1);
    expect(await db().outboxEmail.count({ where: { template: "application-status", subject: { contains: application.reference } } })).toBe(1);
    // Once approved, approving again is refused.
    await expect(approvePayment(award.id, finance)).rejects.toBeInstanceOf(ApplicationError);
  });

  it("refuses a scorer recording the payment too", async () => {
    const { award } = await approvedAward();
    await approvePayment(award.id, finance);
    await expect(recordPayment(award.id, payment(), financeScorer)).rejects.toBeInstanceOf(AwardForbiddenError);
  });

  it("audits every view of the award's details", async () => {
    const { application, award } = await approvedAward();
    await awardForFinance(award.id, finance);
    expect(await db().auditLog.count({ where: { action: "application.viewed.full", entityId: application.id, actorUserId: finance.userId } })).toBe(1);
  });
});

describe("recording a payment", () => {
  it("moves the amount from committed to paid and leaves available alone; books the follow-up", async () => {
    const { application, award } = await approvedAward(30_000);
    await approvePayment(award.id, finance);
    const before = await fundSummary();
    expect(await recordPayment(award.id, payment(), finance)).toBe(true);
    const after = await fundSummary();
    expect(after.committed - before.committed).toBe(-30_000);
    expect(after.paid - before.paid).toBe(30_000);
    expect(after.available).toBe(before.available);
    expect(await statusOf(application.id)).toBe("paid");
    const paid = await db().grantAward.findUniqueOrThrow({ where: { id: award.id } });
    expect(paid).toMatchObject({ status: "paid", payeeKind: "supplier", payeeName: "Laptops Ltd", paymentReference: "BACS-1", paidRecordedById: finance.userId });
    const tx = await db().ledgerTransaction.findUniqueOrThrow({ where: { id: paid.paymentTxId! } });
    expect(tx.externalRef).toBe(`award:${award.id}:paid`);
    const followUp = await db().followUp.findUniqueOrThrow({ where: { applicationId: application.id } });
    // followUpWeeks defaults to 6.
    expect(followUp.dueAt.getTime() - paid.paidOn!.getTime()).toBe(6 * 7 * 86_400_000);
  });

  it("pays once when the form is sent twice, even at the same moment", async () => {
    const { award } = await approvedAward(12_345);
    await approvePayment(award.id, finance);
    const before = await fundSummary();
    const results = await Promise.allSettled([recordPayment(award.id, payment(), finance), recordPayment(award.id, payment(), finance)]);
    expect(results.filter((r) => r.status === "fulfilled" && r.value === true)).toHaveLength(1);
    expect(await recordPayment(award.id, payment(), finance)).toBe(false);
    expect((await fundSummary()).paid - before.paid).toBe(12_345);
    expect(await db().ledgerTransaction.count({ where: { externalRef: `award:${award.id}:paid` } })).toBe(1);
  });

  it("refuses a date in the future or before approval, and a payment not yet approved", async () => {
    const { award } = await approvedAward();
    await expect(recordPayment(award.id, payment(), finance)).rejects.toThrow(/Approve the payment/);
    await approvePayment(award.id, finance);
    const tomorrow = ukDayKey(new Date(Date.now() + 2 * 86_400_000));
    await expect(recordPayment(award.id, payment(tomorrow), finance)).rejects.toThrow(/between/);
    await expect(recordPayment(award.id, payment("2020-01-01"), finance)).rejects.toThrow(/between/);
    expect((await db().grantAward.findUniqueOrThrow({ where: { id: award.id } })).status).toBe("payment_approved");
  });
});

describe("cancelling an award", () => {
  it("reverses the commitment (available goes back up), from committed or payment approved", async () => {
    for (const approveFirst of [false, true]) {
      const { application, award } = await approvedAward(40_000);
      if (approveFirst) await approvePayment(award.id, finance);
      const before = await fundSummary();
      await cancelAward(award.id, "The supplier no longer sells the laptop.", { ...coordinator, as: "coordinator" });
      const after = await fundSummary();
      expect(after.available - before.available).toBe(40_000);
      expect(after.committed - before.committed).toBe(-40_000);
      const cancelled = await db().grantAward.findUniqueOrThrow({ where: { id: award.id } });
      expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "The supplier no longer sells the laptop.", cancelledById: coordinator.userId });
      expect(cancelled.reversalTxId).toBeTruthy();
      expect(await statusOf(application.id)).toBe("cancelled");
      expect((await db().applicationEvent.findFirstOrThrow({ where: { applicationId: application.id, toStatus: "cancelled" } })).note).toBe("The supplier no longer sells the laptop.");
      await expect(cancelAward(award.id, "Again, just to be sure.", { ...finance, as: "finance" })).rejects.toThrow(/already cancelled/);
    }
  });

  it("cannot cancel once paid", async () => {
    const { award } = await approvedAward();
    await approvePayment(award.id, finance);
    await recordPayment(award.id, payment(), finance);
    const before = await fundSummary();
    await expect(cancelAward(award.id, "Changed our minds about it.", { ...finance, as: "finance" })).rejects.toThrow(/paid/);
    expect(await fundSummary()).toEqual(before);
  });

  it("cannot pay a cancelled award", async () => {
    const { award } = await approvedAward();
    await approvePayment(award.id, finance);
    await cancelAward(award.id, "The young person no longer needs it.", { ...finance, as: "finance" });
    await expect(recordPayment(award.id, payment(), finance)).rejects.toThrow(/Approve the payment/);
  });
});
