// 50 panel decisions at once on 50 applications worth twice what the fund has available: the fund
// is never over-committed, and every approved application has exactly one award and one commitment.
import { beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { makeUser, type TestUser } from "../helpers/users";
import { pence } from "~/domain/money";
import { transfer } from "~/domain/ledger";
import { fundSummary, postTransaction } from "~/services/ledger.server";
import { ApplicationError } from "~/services/applications.server";
import { publishTerms } from "~/services/terms.server";
import { createMeeting, decide, declare, newDecisionKey, saveReview } from "~/services/panel.server";

useTestDatabase();

const APPLICATIONS = 50;
const AMOUNT = 10_000;
const AVAILABLE = (APPLICATIONS * AMOUNT) / 2;

let applicationIds: string[] = [];
let meetingId = "";
let chair: TestUser;

beforeAll(async () => {
  await db().organisationSettings.create({ data: { id: 1, councilName: "Test Council", fundName: "Test Fund", panelQuorum: 2 } });
  const young = await makeUser("Young", ["young_person"]);
  chair = await makeUser("Chair", ["panel"]);
  const second = await makeUser("Second", ["panel"]);
  const coordinator = await makeUser("Coordinator", ["coordinator"]);
  await publishTerms({ funds: "Laptops", doesNotFund: "Rent", maxAwardPence: 100_000, decisionDates: "Monthly", giveBack: "Help", criteria: "Need" }, coordinator);
  await postTransaction(transfer("fund_bank", "card_income", pence(AVAILABLE)), { kind: "card_donation", description: "Test income", occurredAt: new Date() });
  for (let i = 0; i < APPLICATIONS; i++) {
    const app = await db().supportApplication.create({
      data: { reference: `SA-C${String(i).padStart(5, "0")}`, youngPersonId: young.userId, createdById: young.userId, status: "with_panel", purpose: "A laptop", amountPence: AMOUNT, submittedAt: new Date() },
    });
    for (const m of [chair, second]) {
      await declare(m, app.id, { conflict: false, note: null });
      await saveReview(m, app.id, { scores: [{ criterion: "Need", score: 4 }], recommendation: "approve", comment: "Clear need" });
    }
    applicationIds.push(app.id);
  }
  meetingId = (await createMeeting(chair, { title: "Busy panel", heldOn: new Date(), mode: "written", attendeeIds: [second.userId] })).id;
}, 60_000);

describe("50 parallel decisions worth twice the fund", () => {
  it("never over-commits, and each approval has exactly one award and one commitment", async () => {
    expect((await fundSummary()).available).toBe(AVAILABLE);
    const results = await Promise.allSettled(
      applicationIds.map((applicationId) =>
        decide(chair, meetingId, { applicationId, key: newDecisionKey(), outcome: "approve", amountPence: AMOUNT, reasons: "Clear need, within the terms.", conditions: null, question: null }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(ApplicationError);
      expect((r.reason as Error).message).toMatch(/^The fund has £\d+ available/);
    }
    expect(won).toHaveLength(APPLICATIONS / 2);

    const summary = await fundSummary();
    expect(summary.committed).toBeLessThanOrEqual(AVAILABLE);
    expect(summary.available).toBeGreaterThanOrEqual(0);

    const approved = await db().supportApplication.findMany({ where: { id: { in: applicationIds }, status: "approved" }, include: { award: true, decisions: true } });
    expect(approved).toHaveLength(won.length);
    const live = await db().ledgerTransaction.findMany({ where: { kind: "grant_commitment", reversedBy: { is: null } }, select: { id: true, externalRef: true } });
    expect(live).toHaveLength(approved.length);
    for (const app of approved) {
      expect(app.decisions).toHaveLength(1);
      expect(app.award).not.toBeNull();
      const mine = live.filter((t) => t.externalRef?.startsWith(`award:${app.id}:`));
      expect(mine.map((t) => t.id)).toEqual([app.award!.commitmentTxId]);
    }
    // The refused ones are still with the panel, with nothing written.
    expect(await db().supportApplication.count({ where: { id: { in: applicationIds }, status: "with_panel" } })).toBe(refused.length);
    expect(await db().grantAward.count()).toBe(won.length);
  }, 60_000);
});
