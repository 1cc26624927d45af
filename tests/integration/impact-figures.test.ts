// The impact figures against a fixture with known totals, for January to March 2026 (UK months):
// ledger income per source and month (with a refund and reversals, and instants either side of the
// period's edges in GMT and BST), awards paid by category (one small category suppressed, and the
// secondary figure hidden with it), awards by category and status, time given, mentoring,
// applications by stage and age, and give-something-back answers. Rows are made directly here;
// the services that write them are tested on their own.
import { beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { makeUser, type TestUser } from "../helpers/users";
import { pence } from "~/domain/money";
import { transfer } from "~/domain/ledger";
import { dayKeyToDate } from "~/domain/talent/hours";
import { SUPPRESSED, suppressTable } from "~/domain/impact/suppression";
import { followTable, monthsPeriod } from "~/domain/impact/figures";
import { postTransaction, reverseTransaction } from "~/services/ledger.server";
import {
  applicationsByStage,
  awardsByCategory,
  awardsByCategoryAndStatus,
  boardReport,
  campaignFigures,
  giveBackResponses,
  impactThreshold,
  mentoringFigures,
  moneyByMonth,
  timeGiven,
} from "~/services/impact-figures.server";

useTestDatabase();

const period = monthsPeriod("2026-01", "2026-03");
const NOW = new Date("2026-05-17T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const T = 5;

let young: TestUser;
let staff: TestUser;
let meetingId = "";
let termsId = "";
let n = 0;

async function post(from: "fund_bank" | "refunds" | "gift_aid_receivable", to: "payroll_income" | "card_income" | "gift_aid_income" | "fund_bank", amount: number, at: string, kind: string) {
  return (await postTransaction(transfer(from, to, pence(amount)), { kind, description: `${kind} ${at}`, occurredAt: new Date(at) })).transaction;
}

/** An application in `status`, optionally with a decision and an award. */
async function application(status: string, options: { category?: string; submittedAt?: Date; award?: { amount: number; status: string; createdAt: Date; paidOnKey?: string } } = {}) {
  n++;
  const app = await db().supportApplication.create({
    data: {
      reference: `SA-F${String(n).padStart(5, "0")}`,
      youngPersonId: young.userId,
      createdById: young.userId,
      status,
      category: options.category ?? null,
      amountPence: options.award?.amount ?? 10_000,
      submittedAt: options.submittedAt ?? new Date("2026-01-02T10:00:00Z"),
    },
  });
  if (options.award) {
    const decision = await db().applicationDecision.create({
      data: {
        applicationId: app.id,
        meetingId,
        termsId,
        outcome: "approve",
        amountPence: options.award.amount,
        reasons: "Meets the terms.",
        quorumRequired: 2,
        scoredCount: 2,
        conflictedCount: 0,
        scoredByIds: "[]",
        conflictedIds: "[]",
        decidedById: staff.userId,
        decidedAt: options.award.createdAt,
      },
    });
    await db().grantAward.create({
      data: {
        applicationId: app.id,
        decisionId: decision.id,
        amountPence: options.award.amount,
        status: options.award.status,
        commitmentTxId: `fixture-${n}`,
        paidOn: options.award.paidOnKey ? dayKeyToDate(options.award.paidOnKey) : null,
        createdAt: options.award.createdAt,
      },
    });
  }
  return app;
}

const event = (applicationId: string, toStatus: string, at: Date) => db().applicationEvent.create({ data: { applicationId, toStatus, actorId: staff.userId, at } });

const paidApps: string[] = [];

beforeAll(async () => {
  young = await makeUser("Jordan", ["young_person"]);
  staff = await makeUser("Coord", ["coordinator"]);
  termsId = (
    await db().termsOfReference.create({
      data: { version: 1, funds: "Laptops", doesNotFund: "Rent", maxAwardPence: 200_000, decisionDates: "Monthly", giveBack: "Help", criteria: "Need", publishedAt: new Date("2025-01-01"), publishedById: staff.userId },
    })
  ).id;
  meetingId = (await db().panelMeeting.create({ data: { title: "Panel", heldOn: new Date("2026-01-05"), mode: "meeting", chairId: staff.userId, createdById: staff.userId, attendeeIds: "[]" } })).id;

  // ---- Ledger income ----
  await post("fund_bank", "payroll_income", 99_999, "2025-12-31T23:30:00Z", "payroll_deduction"); // 31 Dec in London (GMT): out
  const decemberCard = await post("fund_bank", "card_income", 2_000, "2025-12-20T12:00:00Z", "card_donation"); // out, but reversed in January
  await reverseTransaction(decemberCard.id, "Posted twice", { userId: staff.userId }, { occurredAt: new Date("2026-01-05T09:00:00Z") });
  await post("fund_bank", "payroll_income", 100_000, "2026-01-01T00:00:00Z", "payroll_deduction"); // the first instant of January
  await post("fund_bank", "card_income", 5_000, "2026-01-15T12:00:00Z", "card_donation");
  await post("gift_aid_receivable", "gift_aid_income", 1_250, "2026-01-20T12:00:00Z", "gift_aid_claim");
  await post("fund_bank", "payroll_income", 100_000, "2026-02-27T12:00:00Z", "payroll_deduction");
  await post("fund_bank", "card_income", 3_000, "2026-02-10T12:00:00Z", "card_donation");
  await post("refunds", "fund_bank", 1_000, "2026-02-11T12:00:00Z", "card_refund");
  await post("fund_bank", "payroll_income", 120_000, "2026-03-27T12:00:00Z", "payroll_deduction");
  const wrongPayroll = await post("fund_bank", "payroll_income", 50_000, "2026-03-05T12:00:00Z", "payroll_deduction");
  // 23:30 BST on 31 March: still March in London, though 31 March 22:30 UTC.
  await reverseTransaction(wrongPayroll.id, "Wrong file", { userId: staff.userId }, { occurredAt: new Date("2026-03-31T22:30:00Z") });
  await post("fund_bank", "card_income", 7_777, "2026-03-31T23:30:00Z", "card_donation"); // 00:30 BST on 1 April: out

  // ---- Awards ----
  const created = new Date("2026-01-05T10:00:00Z");
  for (let i = 0; i < 6; i++) paidApps.push((await application("paid", { category: "education_equipment", award: { amount: 40_000, status: "paid", createdAt: created, paidOnKey: "2026-01-20" } })).id);
  for (let i = 0; i < 5; i++) paidApps.push((await application("paid", { category: "driving_lessons", award: { amount: 30_000, status: "paid", createdAt: created, paidOnKey: "2026-02-14" } })).id);
  for (let i = 0; i < 2; i++) paidApps.push((await application("paid", { category: "setting_up_home", award: { amount: 100_000, status: "paid", createdAt: created, paidOnKey: "2026-03-31" } })).id);
  paidApps.push((await application("paid", { category: "training_and_jobs", award: { amount: 5_000, status: "paid", createdAt: new Date("2026-03-10T10:00:00Z"), paidOnKey: "2026-04-01" } })).id);
  for (let i = 0; i < 3; i++) await application("approved", { category: "education_equipment", submittedAt: new Date("2026-02-01T10:00:00Z"), award: { amount: 20_000, status: "committed", createdAt: new Date("2026-02-01T12:00:00Z") } });
  await application("cancelled", { category: "other", award: { amount: 9_000, status: "cancelled", createdAt: new Date("2026-02-02T12:00:00Z") } });
  await application("approved", { category: "driving_lessons", submittedAt: new Date("2025-11-20T10:00:00Z"), award: { amount: 8_000, status: "committed", createdAt: new Date("2025-12-01T12:00:00Z") } });

  // ---- Open applications at their stages ----
  for (let i = 0; i < 6; i++) await event((await application("with_panel")).id, "with_panel", daysAgo(10));
  await event((await application("with_panel")).id, "with_panel", daysAgo(50));
  const back = await application("with_panel");
  await event(back.id, "with_panel", daysAgo(200));
  await event(back.id, "more_info_requested", daysAgo(150));
  await event(back.id, "with_panel", daysAgo(5)); // back at the panel: the latest move counts
  for (let i = 0; i < 2; i++) await application("submitted", { submittedAt: daysAgo(100) });
  await application("draft");

  // ---- Follow-ups: give something back ----
  const answers: [string | null, string | null][] = [
    ...Array.from({ length: 3 }, () => ['["event_help","fundraising"]', "2026-02-20T10:00:00Z"] as [string, string]),
    ...Array.from({ length: 4 }, () => ['["fundraising"]', "2026-03-01T10:00:00Z"] as [string, string]),
    ['["speaking_to_staff"]', "2026-01-31T10:00:00Z"],
    ["[]", "2026-02-01T10:00:00Z"],
    ["[]", "2026-02-02T10:00:00Z"],
    ['["mentoring_later"]', "2026-04-02T10:00:00Z"], // answered after the period
    [null, null], // not answered
  ];
  for (const [i, [giveBack, answeredAt]] of answers.entries()) {
    await db().followUp.create({
      data: { applicationId: paidApps[i], dueAt: new Date("2026-01-30T00:00:00Z"), sentAt: new Date("2026-01-30T00:00:00Z"), answeredAt: answeredAt ? new Date(answeredAt) : null, giveBack, howItHelped: answeredAt ? "It helped" : null },
    });
  }

  // ---- Time given ----
  const request = await db().helpRequest.create({ data: { youngPersonId: young.userId, createdById: young.userId, skills: "[]", details: "CV", availability: "[]", mode: "online", hoursPerMonth: 2 } });
  const volunteers = await Promise.all(["V1", "V2", "V3", "V4"].map((name) => makeUser(name, ["employee"])));
  const linkOf = async (v: TestUser) => {
    const offer = await db().timeOffer.create({ data: { userId: v.userId, skills: "[]", hoursPerMonth: 4, availability: "[]", mode: "online", frequency: "regular" } });
    return (await db().helpLink.create({ data: { requestId: request.id, offerId: offer.id, hoursPerMonth: 2, createdById: staff.userId } })).id;
  };
  const log = async (v: TestUser, linkId: string, dayKey: string, minutes: number, status: string) =>
    db().hoursLog.create({ data: { linkId, volunteerId: v.userId, day: dayKeyToDate(dayKey), minutes, note: "Helped", status } });
  const [v1, v2, v3, v4] = volunteers;
  const [l1, l2, l3, l4] = await Promise.all(volunteers.map(linkOf));
  await log(v1, l1, "2026-01-10", 120, "approved");
  await log(v1, l1, "2026-03-31", 30, "approved");
  await log(v2, l2, "2026-02-01", 90, "approved");
  await log(v3, l3, "2026-02-01", 600, "pending");
  await log(v3, l3, "2026-04-01", 60, "approved");
  await log(v4, l4, "2025-12-31", 60, "approved");
  await log(v4, l4, "2026-02-03", 60, "rejected");

  // ---- Mentoring ----
  const cohort = await db().mentoringCohort.create({ data: { name: "Winter", startsOn: new Date("2026-01-05"), weeks: 10, capacity: 12, createdById: staff.userId } });
  const match = (status: string, confirmedAt: string, extra: { endedAt?: string; mentorFit?: string; menteeFit?: string } = {}) =>
    db().mentoringMatch.create({
      data: {
        cohortId: cohort.id,
        mentorAppId: `m-${++n}`,
        menteeProfileId: `y-${n}`,
        score: 50,
        explanation: "[]",
        status,
        confirmedById: staff.userId,
        confirmedAt: new Date(confirmedAt),
        endedAt: extra.endedAt ? new Date(extra.endedAt) : null,
        mentorFit: extra.mentorFit ?? null,
        menteeFit: extra.menteeFit ?? null,
      },
    });
  for (let i = 0; i < 5; i++) await match("active", "2026-01-10T10:00:00Z", { mentorFit: "good_fit", menteeFit: "good_fit" });
  await match("active", "2026-01-10T10:00:00Z", { mentorFit: "good_fit", menteeFit: "not_sure" });
  const ended = await match("ended", "2026-01-10T10:00:00Z", { endedAt: "2026-02-15T10:00:00Z", mentorFit: "not_good_fit", menteeFit: "good_fit" });
  await match("closed", "2026-01-10T10:00:00Z", { endedAt: "2026-03-20T10:00:00Z" });
  await match("ended", "2025-11-01T10:00:00Z", { endedAt: "2025-12-01T10:00:00Z" }); // over before the period
  await match("active", "2026-04-05T10:00:00Z"); // began after it
  await match("closed", "2026-02-01T10:00:00Z", { endedAt: "2026-04-10T10:00:00Z" }); // still going in the period
  for (const [dayKey, minutes] of [["2026-01-20", 60], ["2026-02-05", 90], ["2026-03-31", 30], ["2026-04-02", 45]] as const) {
    await db().mentoringSession.create({ data: { matchId: ended.id, day: dayKeyToDate(dayKey), minutes, mode: "in_person", note: "Met" } });
  }

  // ---- Campaigns ----
  await db().campaign.create({ data: { slug: "books", title: "Books", story: "Books", status: "open", startsOn: new Date("2026-01-01"), targetKind: "money", targetPence: 10_000 } }).then(async (c) => {
    for (const [amount, refunded, status] of [[3_000, 0, "paid"], [2_000, 500, "partially_refunded"], [4_000, 4_000, "refunded"], [1_000, 0, "pending"]] as const) {
      n++;
      await db().donation.create({ data: { reference: `HH-FIX${String(n).padStart(3, "0")}`, campaignId: c.id, amountPence: amount, refundedPence: refunded, status, donorName: "D", donorEmail: `d${n}@x.example`, paidAt: new Date("2026-02-01") } });
    }
  });
  await db().campaign.create({ data: { slug: "drafty", title: "Draft", story: "Draft", status: "draft", startsOn: new Date("2026-01-01"), targetKind: "money", targetPence: 10_000 } });
});

describe("money by month", () => {
  it("nets refunds and reversals into the UK month they happened, and leaves out the edges", async () => {
    const money = await moneyByMonth(period, T);
    expect(money.months.map(({ month, label, payrollPence, cardPence, giftAidPence }) => ({ month, label, payrollPence, cardPence, giftAidPence }))).toEqual([
      { month: "2026-01", label: "January 2026", payrollPence: 100_000, cardPence: 3_000, giftAidPence: 1_250 },
      { month: "2026-02", label: "February 2026", payrollPence: 100_000, cardPence: 2_000, giftAidPence: 0 },
      { month: "2026-03", label: "March 2026", payrollPence: 120_000, cardPence: 0, giftAidPence: 0 },
    ]);
    expect(money.totals).toMatchObject({ payrollPence: 320_000, cardPence: 5_000, giftAidPence: 1_250 });
  });

  it("hides a month that paid fewer awards than the threshold, and one more so it cannot be worked out", async () => {
    const money = await moneyByMonth(period, T);
    // paid: 6 in January (£2,400), 5 in February (£1,500), 2 in March (£2,000)
    expect(money.months.map((m) => m.spentPence)).toEqual([240_000, SUPPRESSED, SUPPRESSED]);
    expect(money.totals.spentPence).toBe(590_000);
    // with a threshold of 2 nothing is small
    expect((await moneyByMonth(period, 2)).months.map((m) => m.spentPence)).toEqual([240_000, 150_000, 200_000]);
  });

  it("an empty period has no months", async () => {
    expect(await moneyByMonth({ from: period.to, to: period.from }, T)).toEqual({ months: [], totals: { payrollPence: 0, cardPence: 0, giftAidPence: 0, spentPence: 0 } });
  });
});

describe("awards", () => {
  it("paid in the period by category: the small category hidden, and the next smallest with it", async () => {
    const awards = await awardsByCategory(period, T);
    expect(awards.rows.map((r) => [r.category, r.count, r.amountPence])).toEqual([
      ["education_equipment", 6, 240_000],
      ["driving_lessons", SUPPRESSED, SUPPRESSED],
      ["setting_up_home", SUPPRESSED, SUPPRESSED],
      ["training_and_jobs", 0, 0],
      ["other", 0, 0],
    ]);
    expect(awards.total).toEqual({ count: 13, amountPence: 590_000 });
    expect(awards.rows[0].label).toBe("Education equipment");
  });

  it("made in the period by category and where they are now", async () => {
    const table = await awardsByCategoryAndStatus(period, T);
    const counts = [
      [3, 6, 0],
      [0, 5, 0],
      [0, 2, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const amounts = [
      [60_000, 240_000, 0],
      [0, 150_000, 0],
      [0, 200_000, 0],
      [0, 5_000, 0],
      [0, 0, 9_000],
    ];
    const expectedCounts = suppressTable(counts, T);
    expect(table.counts).toEqual(expectedCounts);
    expect(table.amounts).toEqual(followTable(amounts, expectedCounts));
    // Setting up home's 2 paid is small; hiding it hides others down the column and across the rows.
    expect(table.counts.cells[2][1]).toBe(SUPPRESSED);
    expect(table.counts.cells[1][1]).toBe(5);
    expect(table.counts.columnTotals[1]).toBe(14);
    expect(table.counts.total).toBe(18);
    expect(table.amounts.cells[1][1]).toBe(150_000);
    expect(table.amounts.cells[2][1]).toBe(SUPPRESSED);
    expect(table.statuses.map((s) => s.status)).toEqual(["committed", "paid", "cancelled"]);
  });
});

it("time given: approved hours on UK days in the period, and how many volunteers", async () => {
  expect(await timeGiven(period)).toEqual({ hours: 4, volunteers: 2 });
});

it("mentoring: pairs going in the period, with outcomes suppressed as a line", async () => {
  // going: 5 + 1 + the one that closed in April = 7; ended 1; closed 1; all 9
  expect(await mentoringFigures(period, T)).toEqual({ pairs: 9, goodFit: 5, ended: SUPPRESSED, closed: SUPPRESSED, sessions: 3, hours: 3 });
  expect(await mentoringFigures(period, 1)).toEqual({ pairs: 9, goodFit: 5, ended: 1, closed: 1, sessions: 3, hours: 3 });
});

it("applications by stage and how long they have been at it", async () => {
  const result = await applicationsByStage(NOW, T);
  const grid = [
    [0, 0, 2],
    [0, 0, 0],
    [7, 1, 0],
    [0, 0, 4],
    [0, 0, 0],
  ];
  expect(result.table).toEqual(suppressTable(grid, T));
  expect(result.table.rowTotals[2]).toBe(8); // with the panel
  expect(result.table.cells[0][2]).toBe(SUPPRESSED); // 2 waiting over 12 weeks for the check
  expect(result.table.total).toBe(14);
  expect(result.stages).toHaveLength(5);
  expect(result.ageBands).toEqual(["Under 4 weeks", "4 to 12 weeks", "Over 12 weeks"]);
  // Unsuppressed, the table is exactly the grid: nothing counted twice or missed.
  expect((await applicationsByStage(NOW, 1)).table.cells).toEqual(grid);
});

it("give something back: each answer counted per young person, small ones hidden", async () => {
  const result = await giveBackResponses(period, T);
  expect(result.rows.map((r) => [r.kind, r.count])).toEqual([
    ["event_help", SUPPRESSED],
    ["fundraising", 7],
    ["speaking_to_staff", SUPPRESSED],
    ["mentoring_later", 0],
    ["other", 0],
  ]);
  expect(result.total).toBe(10);
});

it("campaign figures: open campaigns with what they kept", async () => {
  expect(await campaignFigures(NOW)).toEqual([{ slug: "books", title: "Books", raisedPence: 4_500, targetPence: 10_000, percent: 45 }]);
});

it("the threshold comes from the settings, 5 until there are any", async () => {
  expect(await impactThreshold()).toBe(5);
  await db().organisationSettings.create({ data: { id: 1, councilName: "Council", fundName: "Fund", suppressionThreshold: 2 } });
  expect(await impactThreshold()).toBe(2);
  // The board report uses it: with 2, March's 2 awards are no longer small.
  const report = await boardReport({ from: "2026-01", to: "2026-03" }, NOW);
  expect(report.threshold).toBe(2);
  expect(report.money.months.map((m) => m.spentPence)).toEqual([240_000, 150_000, 200_000]);
  await db().organisationSettings.update({ where: { id: 1 }, data: { suppressionThreshold: 5 } });
});
