// Paid awards written straight into the tables (terms, a meeting, application, decision, award), for
// tests of figures that count awards. No ledger postings: money journeys go through the services.
import { db } from "./db";

let made = 0;

/**
 * A function that makes paid awards for `youngPersonId`, decided by `staffUserId`: the category, the
 * amount and the UK day it was paid (kept as midnight UTC, as finance records it). The terms and
 * meeting are created with the first award.
 */
export function paidAwardMaker(youngPersonId: string, staffUserId: string) {
  let ids: Promise<{ termsId: string; meetingId: string }> | null = null;
  const setUp = async () => {
    const terms = await db().termsOfReference.create({
      data: { version: 1, funds: "Laptops", doesNotFund: "Rent", maxAwardPence: 100_000, decisionDates: "Monthly", giveBack: "Help", criteria: "Need", publishedAt: new Date(), publishedById: staffUserId },
    });
    const meeting = await db().panelMeeting.create({ data: { title: "Panel", heldOn: new Date(), mode: "meeting", chairId: staffUserId, createdById: staffUserId, attendeeIds: "[]" } });
    return { termsId: terms.id, meetingId: meeting.id };
  };
  return async function paidAward(category: string, amountPence: number, paidOnKey: string): Promise<string> {
    ids ??= setUp();
    const { termsId, meetingId } = await ids;
    const n = ++made;
    const paidOn = new Date(`${paidOnKey}T00:00:00Z`);
    const application = await db().supportApplication.create({
      data: { reference: `SA-T${String(n).padStart(5, "0")}`, youngPersonId, createdById: youngPersonId, status: "paid", category, purpose: "Test", amountPence },
    });
    const decision = await db().applicationDecision.create({
      data: {
        applicationId: application.id,
        meetingId,
        termsId,
        outcome: "approve",
        amountPence,
        reasons: "Meets the terms.",
        quorumRequired: 1,
        scoredCount: 1,
        conflictedCount: 0,
        scoredByIds: "[]",
        conflictedIds: "[]",
        decidedById: staffUserId,
        decidedAt: paidOn,
      },
    });
    await db().grantAward.create({ data: { applicationId: application.id, decisionId: decision.id, amountPence, status: "paid", commitmentTxId: `test-${n}`, paidOn } });
    return application.id;
  };
}
