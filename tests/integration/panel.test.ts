// The panel: the conflict gate (over HTTP: 403 for a conflicted member), the pseudonymised view,
// quorum that excludes conflicted members, decisions with the ledger (over-commit refused, one
// winner at a time, a form sent twice decides once), the terms version, and the minutes.
// Applications are put with the panel directly: the applying and screening journeys are tested on their own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { db, useTestDatabase } from "../helpers/db";
import { makeUser, type TestUser } from "../helpers/users";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { pence } from "~/domain/money";
import { transfer } from "~/domain/ledger";
import { allocate, fundSummary, postTransaction } from "~/services/ledger.server";
import { ApplicationError } from "~/services/applications.server";
import { publishTerms } from "~/services/terms.server";
import {
  MINUTES_CSV_HEADER,
  PanelForbiddenError,
  PanelProblemsError,
  createMeeting,
  decide,
  declare,
  meetingView,
  minutesCsv,
  newDecisionKey,
  panelApplicationView,
  panelQueue,
  saveReview,
} from "~/services/panel.server";
import type { DecisionInput } from "~/domain/applications/panel-form";

useTestDatabase();

type Member = TestUser;
let n = 0;

let young: Member;
let chair: Member;
let second: Member;
let third: Member;
let conflicted: Member;
let coordinator: Member;
let meetingId = "";
let server: TestServer;

const CRITERIA = "Clear need\nLasting difference";
const termsInput = (maxAwardPence: number) => ({ funds: "Laptops", doesNotFund: "Rent", maxAwardPence, decisionDates: "Monthly", giveBack: "Help at an event", criteria: CRITERIA });

async function withPanel(amountPence = 40_000) {
  n++;
  return db().supportApplication.create({
    data: {
      reference: `SA-P${String(n).padStart(5, "0")}`,
      youngPersonId: young.userId,
      createdById: young.userId,
      status: "with_panel",
      category: "education_equipment",
      purpose: "A laptop for my college course",
      amountPence,
      whyItMatters: "I cannot do my coursework without one",
      entitlementCovers: "no",
      submittedAt: new Date(Date.now() - 5 * 86_400_000),
      screenedAt: new Date(),
    },
  });
}

const scores = (a = 4, b = 5) => [
  { criterion: "Clear need", score: a },
  { criterion: "Lasting difference", score: b },
];

/** Declared no conflict and scored by each of `members`. */
async function reviewedBy(applicationId: string, members: Member[]) {
  for (const m of members) {
    await declare(m, applicationId, { conflict: false, note: null });
    await saveReview(m, applicationId, { scores: scores(), recommendation: "approve", comment: "A clear need." });
  }
}

const decision = (applicationId: string, over: Partial<DecisionInput> = {}): DecisionInput => ({
  applicationId,
  key: newDecisionKey(),
  outcome: "approve",
  amountPence: 30_000,
  reasons: "The need is clear and within the terms.",
  conditions: null,
  question: null,
  ...over,
});

async function unreversedCommitments(applicationId?: string) {
  return db().ledgerTransaction.findMany({
    where: { kind: "grant_commitment", reversedBy: { is: null }, ...(applicationId ? { externalRef: { startsWith: `award:${applicationId}:` } } : {}) },
    include: { entries: true },
  });
}

beforeAll(async () => {
  await db().organisationSettings.create({ data: { id: 1, councilName: "Test Council", fundName: "Test Fund", panelQuorum: 2 } });
  young = await makeUser("Jordan", ["young_person"], "Secretsurname");
  chair = await makeUser("Priya", ["panel"], "Chair");
  second = await makeUser("Sam", ["panel"], "Second");
  third = await makeUser("Tess", ["panel"], "Third");
  conflicted = await makeUser("Connie", ["panel"], "Conflicted");
  coordinator = await makeUser("Chris", ["coordinator"], "Coordinator");
  await publishTerms(termsInput(100_000), coordinator);
  await postTransaction(transfer("fund_bank", "card_income", pence(200_000)), { kind: "card_donation", description: "Test income", occurredAt: new Date() });
  meetingId = (await createMeeting(chair, { title: "March panel", heldOn: new Date("2026-03-12T00:00:00Z"), mode: "meeting", attendeeIds: [second.userId, third.userId, conflicted.userId] })).id;
  server = await startTestServer();
});
afterAll(() => server?.close());

describe("the conflict gate", () => {
  it("shows a conflicted member only the reference, with 403, and refuses their scores (HTTP)", async () => {
    const app = await withPanel();
    await declare(conflicted, app.id, { conflict: true, note: "I know the young person" });
    const cookie = await sessionCookieFor(conflicted.email);
    const page = await fetch(`${server.baseUrl}/panel/applications/${app.id}`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(403);
    const html = await page.text();
    expect(html).toContain(app.reference);
    expect(html).not.toContain("Jordan");
    expect(html).not.toContain("A laptop for my college course");

    const post = await fetch(`${server.baseUrl}/panel/applications/${app.id}`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: server.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "review", "score-0": "5", "score-1": "5", recommendation: "approve", comment: "Yes" }),
    });
    expect(post.status).toBe(403);
    expect(await db().panelReview.count({ where: { applicationId: app.id } })).toBe(0);
    await expect(saveReview(conflicted, app.id, { scores: scores(), recommendation: "approve", comment: "Yes" })).rejects.toBeInstanceOf(PanelForbiddenError);
  });

  it("asks for a declaration before any detail, then shows the pseudonymised view (audited), never the surname or email", async () => {
    const app = await withPanel();
    const cookie = await sessionCookieFor(second.email);
    const before = await fetch(`${server.baseUrl}/panel/applications/${app.id}`, { headers: { Cookie: cookie } });
    expect(before.status).toBe(200);
    const gate = await before.text();
    expect(gate).toContain("any conflict of interest?");
    expect(gate).not.toContain("Jordan");
    expect(gate).not.toContain("A laptop for my college course");

    const declared = await fetch(`${server.baseUrl}/panel/applications/${app.id}`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: server.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "declare", declaration: "no_conflict" }),
    });
    expect(declared.status).toBe(303);
    const after = await fetch(`${server.baseUrl}/panel/applications/${app.id}`, { headers: { Cookie: cookie } });
    expect(after.status).toBe(200);
    const html = await after.text();
    expect(html).toContain("Jordan");
    expect(html).toContain("A laptop for my college course");
    expect(html).not.toContain("Secretsurname");
    expect(html).not.toContain(young.email);
    // The main navigation marks where the member is: the panel, of which this page is part.
    expect(html).toMatch(/<a href="\/panel" aria-current="page"[^>]*>Panel<\/a>/);
    expect(html).not.toMatch(/<a href="\/"[^>]*aria-current/);
    const views = await db().auditLog.count({ where: { entityId: app.id, actorUserId: second.userId, action: "application.viewed.pseudonymised" } });
    expect(views).toBe(1);
  });

  it("shows a member who declared no conflict the latest terms' criteria, the quorum setting and the questions asked, oldest first", async () => {
    const app = await withPanel();
    const earlier = new Date(Date.now() - 60_000);
    await db().applicationMessage.createMany({
      data: [
        { applicationId: app.id, kind: "answer", authorId: young.userId, body: "Here is the quote.", createdAt: new Date() },
        { applicationId: app.id, kind: "question", authorId: coordinator.userId, body: "Can you send the quote?", createdAt: earlier },
      ],
    });
    await declare(third, app.id, { conflict: false, note: null });
    const view = await panelApplicationView(third, app.id);
    if (view.access !== "may_review") throw new Error(`expected the pseudonymised view, got ${view.access}`);
    const latest = await db().termsOfReference.findFirstOrThrow({ orderBy: { version: "desc" } });
    expect(view.termsVersion).toBe(latest.version);
    expect(view.criteria).toEqual(["Clear need", "Lasting difference"]);
    expect(view.canScore).toBe(true);
    expect(view.quorum).toEqual({ scored: 0, required: 2, met: false });
    expect(view.details.firstName).toBe("Jordan");
    expect(view.details.messages.map((m) => [m.kind, m.body, m.at])).toEqual([
      ["question", "Can you send the quote?", earlier.toISOString()],
      ["answer", "Here is the quote.", expect.any(String)],
    ]);
    // Out of the panel's queue again, so the queue tests below count only their own applications.
    await db().supportApplication.update({ where: { id: app.id }, data: { status: "withdrawn" } });
  });

  it("lets a member add a conflict later, never take one back", async () => {
    const app = await withPanel();
    await declare(third, app.id, { conflict: false, note: null });
    expect((await panelApplicationView(third, app.id)).access).toBe("may_review");
    await declare(third, app.id, { conflict: true, note: "I realised I know them" });
    expect((await panelApplicationView(third, app.id)).access).toBe("conflicted");
    await expect(declare(third, app.id, { conflict: false, note: null })).rejects.toThrow(/cannot be withdrawn/);
  });

  it("shows the first name in the queue only to a member who declared no conflict", async () => {
    const app = await withPanel();
    await declare(chair, app.id, { conflict: false, note: null });
    await declare(conflicted, app.id, { conflict: true, note: null });
    const rowFor = async (m: Member) => {
      for (let page = 1; ; page++) {
        const q = await panelQueue(m, { filter: "all", page });
        const row = q.rows.find((r) => r.id === app.id);
        if (row || page >= q.pageCount) return row;
      }
    };
    expect((await rowFor(chair))?.firstName).toBe("Jordan");
    expect((await rowFor(conflicted))?.firstName).toBeNull();
    expect((await rowFor(second))?.firstName).toBeNull();
    const toDeclare = await panelQueue(second, { filter: "declare", page: 1 });
    expect(toDeclare.rows.every((r) => r.access === "must_declare")).toBe(true);
  });
});

describe("the queue", () => {
  it("filters to declare and to score, counts quorum without conflicted members, and pages oldest first", async () => {
    const rowsOf = async (m: Member, filter: "all" | "declare" | "score") => {
      const rows: Awaited<ReturnType<typeof panelQueue>>["rows"] = [];
      for (let page = 1; ; page++) {
        const q = await panelQueue(m, { filter, page });
        rows.push(...q.rows);
        expect(q.total).toBeGreaterThanOrEqual(q.rows.length);
        if (page >= q.pageCount) {
          expect(rows).toHaveLength(q.total);
          return rows;
        }
      }
    };
    const [a, b, c] = [await withPanel(), await withPanel(), await withPanel()];
    await reviewedBy(a.id, [chair, second]);
    await declare(conflicted, a.id, { conflict: true, note: null });
    await declare(third, b.id, { conflict: false, note: null });
    await declare(third, c.id, { conflict: true, note: null });

    const all = await rowsOf(third, "all");
    const byId = new Map(all.map((r) => [r.id, r]));
    expect(byId.get(a.id)).toMatchObject({ access: "must_declare", scored: 2, required: 2, quorumMet: true, reviewedByMe: false, firstName: null, ageDays: 5 });
    expect(byId.get(b.id)).toMatchObject({ access: "may_review", scored: 0, quorumMet: false, firstName: "Jordan" });
    expect(byId.get(c.id)).toMatchObject({ access: "conflicted", firstName: null });
    // oldest first, the same order on every page
    const order = all.map((r) => r.id);
    const submitted = await db().supportApplication.findMany({ where: { id: { in: order } }, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], select: { id: true } });
    expect(order).toEqual(submitted.map((x) => x.id));

    const toDeclare = (await rowsOf(third, "declare")).map((r) => r.id);
    expect(toDeclare).toContain(a.id);
    expect(toDeclare).not.toContain(b.id);
    expect(toDeclare).not.toContain(c.id);
    const toScore = (await rowsOf(third, "score")).map((r) => r.id);
    expect(toScore).toEqual([b.id]);
    expect((await rowsOf(chair, "score")).map((r) => r.id)).not.toContain(a.id);
    expect((await rowsOf(chair, "all")).find((r) => r.id === a.id)).toMatchObject({ access: "may_review", reviewedByMe: true });

    // a page past the end shows the last page
    const last = await panelQueue(third, { filter: "all", page: 999 });
    expect(last.page).toBe(last.pageCount);
  });
});

describe("scores and quorum", () => {
  it("refuses scores that do not cover every criterion of the current terms", async () => {
    const app = await withPanel();
    await declare(chair, app.id, { conflict: false, note: null });
    await expect(saveReview(chair, app.id, { scores: [{ criterion: "Clear need", score: 4 }], recommendation: "approve", comment: "Fine" })).rejects.toBeInstanceOf(PanelProblemsError);
    await expect(saveReview(chair, app.id, { scores: scores(6, 1), recommendation: "approve", comment: "Fine" })).rejects.toThrow(/whole number from 1 to 5/);
  });

  it("counts only members without a conflict, and refuses a decision without quorum", async () => {
    const app = await withPanel();
    await reviewedBy(app.id, [chair, conflicted]);
    // The second reviewer then realises they know the young person: their review stops counting.
    await declare(conflicted, app.id, { conflict: true, note: null });
    const view = await meetingView(chair, meetingId, { page: 1, applicationId: app.id });
    expect(view.decision?.quorum.scored).toEqual([chair.userId]);
    expect(view.decision?.quorum.conflicted).toEqual([conflicted.userId]);
    expect(view.decision?.blocked).toMatch(/1 more member/);
    await expect(decide(chair, meetingId, decision(app.id))).rejects.toThrow(/cannot decide yet/);
    expect(await db().applicationDecision.count({ where: { applicationId: app.id } })).toBe(0);
    expect(await unreversedCommitments(app.id)).toHaveLength(0);

    await reviewedBy(app.id, [second]);
    const result = await decide(chair, meetingId, decision(app.id));
    expect(result.created).toBe(true);
    const saved = await db().applicationDecision.findUniqueOrThrow({ where: { id: result.decisionId } });
    expect(JSON.parse(saved.scoredByIds).sort()).toEqual([chair.userId, second.userId].sort());
    expect(JSON.parse(saved.conflictedIds)).toEqual([conflicted.userId]);
    expect([saved.quorumRequired, saved.scoredCount, saved.conflictedCount]).toEqual([2, 2, 1]);
  });

  it("refuses a decision by a member who declared a conflict", async () => {
    const app = await withPanel();
    await reviewedBy(app.id, [chair, second]);
    await declare(conflicted, app.id, { conflict: true, note: null });
    await expect(decide(conflicted, meetingId, decision(app.id))).rejects.toBeInstanceOf(PanelForbiddenError);
  });
});

describe("decisions", () => {
  it("commits an approval through the ledger, records the award, the terms version and the applicant's status", async () => {
    const app = await withPanel(60_000);
    await reviewedBy(app.id, [chair, second]);
    const v2 = await publishTerms(termsInput(100_000), coordinator);
    const before = await fundSummary();
    const result = await decide(chair, meetingId, decision(app.id, { outcome: "approve_with_conditions", amountPence: 55_000, conditions: "Send the receipt" }));
    const saved = await db().applicationDecision.findUniqueOrThrow({ where: { id: result.decisionId }, include: { terms: true, award: true } });
    expect(saved.termsId).toBe(v2.id);
    expect(saved.terms.version).toBe(v2.version);
    expect(saved.award?.amountPence).toBe(55_000);
    expect(saved.award?.status).toBe("committed");
    const commitment = await db().ledgerTransaction.findUniqueOrThrow({ where: { id: saved.award!.commitmentTxId } });
    expect(commitment.externalRef).toMatch(new RegExp(`^award:${app.id}:`));
    expect((await fundSummary()).available).toBe(before.available - 55_000);
    expect((await db().supportApplication.findUniqueOrThrow({ where: { id: app.id } })).status).toBe("approved");
  });

  it("refuses an amount beyond the terms' limit or what was asked, with nothing written", async () => {
    const app = await withPanel(40_000);
    await reviewedBy(app.id, [chair, second]);
    await expect(decide(chair, meetingId, decision(app.id, { amountPence: 45_000 }))).rejects.toThrow(/more than the young person asked for/);
    expect(await db().applicationDecision.count({ where: { applicationId: app.id } })).toBe(0);
    expect(await unreversedCommitments(app.id)).toHaveLength(0);
  });

  it("refuses to over-commit the fund, saying what is available, and writes nothing", async () => {
    const app = await withPanel(100_000);
    await reviewedBy(app.id, [chair, second]);
    const { available } = await fundSummary();
    // Leave less than the award in the fund.
    await allocate({ amount: pence(available - 10_000), reference: "TEST-FILL", actor: { userId: chair.userId } });
    const transactions = await db().ledgerTransaction.count();
    const error = await decide(chair, meetingId, decision(app.id, { amountPence: 20_000 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplicationError);
    expect((error as Error).message).toBe("The fund has £100 available, which is not enough to award £200. Nothing was decided: award less, or decide later.");
    expect(await db().ledgerTransaction.count()).toBe(transactions);
    expect(await db().applicationDecision.count({ where: { applicationId: app.id } })).toBe(0);
    expect((await db().supportApplication.findUniqueOrThrow({ where: { id: app.id } })).status).toBe("with_panel");
    // Top the fund back up for the tests after this one.
    await postTransaction(transfer("fund_bank", "card_income", pence(500_000)), { kind: "card_donation", description: "Test income", occurredAt: new Date() });
  });

  it("decides once when the same form is sent twice", async () => {
    const app = await withPanel();
    await reviewedBy(app.id, [chair, second]);
    const input = decision(app.id);
    const first = await decide(chair, meetingId, input);
    const again = await decide(chair, meetingId, input);
    expect(again).toEqual({ ...first, created: false });
    expect(await db().grantAward.count({ where: { applicationId: app.id } })).toBe(1);
    expect(await unreversedCommitments(app.id)).toHaveLength(1);
  });

  it("lets one of two decisions at the same moment win, and releases the other's commitment", async () => {
    const app = await withPanel();
    await reviewedBy(app.id, [chair, second]);
    const results = await Promise.allSettled([decide(chair, meetingId, decision(app.id, { amountPence: 30_000 })), decide(second, meetingId, decision(app.id, { amountPence: 35_000 }))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().applicationDecision.count({ where: { applicationId: app.id } })).toBe(1);
    const award = await db().grantAward.findUniqueOrThrow({ where: { applicationId: app.id } });
    const live = await unreversedCommitments(app.id);
    expect(live.map((t) => t.id)).toEqual([award.commitmentTxId]);
  });

  it("declines with reasons and asks for more information with the question in a message", async () => {
    const declined = await withPanel();
    const asked = await withPanel();
    await reviewedBy(declined.id, [chair, second]);
    await reviewedBy(asked.id, [chair, second]);
    await decide(chair, meetingId, decision(declined.id, { outcome: "decline", amountPence: null, reasons: "This is covered by the bursary." }));
    await decide(chair, meetingId, decision(asked.id, { outcome: "more_info", amountPence: null, reasons: "We need the quote first.", question: "Can you send the quote?" }));
    expect((await db().supportApplication.findUniqueOrThrow({ where: { id: declined.id } })).status).toBe("declined");
    const a = await db().supportApplication.findUniqueOrThrow({ where: { id: asked.id }, include: { messages: true } });
    expect([a.status, a.moreInfoFrom]).toEqual(["more_info_requested", "panel"]);
    expect(a.messages.map((m) => [m.kind, m.body])).toEqual([["question", "Can you send the quote?"]]);
    expect(await db().grantAward.count({ where: { applicationId: { in: [declined.id, asked.id] } } })).toBe(0);
  });

});

describe("the minutes", () => {
  it("lists attendees, conflicts, quorum and each decision by reference, as a page and as CSV (audited as exports)", async () => {
    const meeting = await createMeeting(chair, { title: "April panel", heldOn: new Date("2026-04-09T00:00:00Z"), mode: "written", attendeeIds: [second.userId] });
    const app = await withPanel();
    await reviewedBy(app.id, [chair, second]);
    await declare(conflicted, app.id, { conflict: true, note: "Knows them" });
    const terms = await db().termsOfReference.findFirstOrThrow({ orderBy: { version: "desc" } });
    await decide(chair, meeting.id, decision(app.id, { amountPence: 25_050, reasons: "Clear need, within the terms." }));

    const { filename, text } = await minutesCsv(chair, meeting.id);
    expect(filename).toBe("panel-minutes-2026-04-09.csv");
    const rows = parse(text) as string[][];
    expect(rows[0]).toEqual([...MINUTES_CSV_HEADER]);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(rows[0].map((h, i) => [h, rows[1][i]]));
    expect(row).toMatchObject({
      Meeting: "April panel",
      "Held on": "2026-04-09",
      Mode: "Written procedure",
      Chair: chair.name,
      Attendees: `${chair.name}; ${second.name}`,
      "Application reference": app.reference,
      "Terms of reference version": String(terms.version),
      Decision: "Approve",
      Amount: "250.50",
      Reasons: "Clear need, within the terms.",
      "Quorum required": "2",
      Scored: "2",
      "Conflicts declared": "1",
      "Members with a conflict": conflicted.name,
      "Decided by": chair.name,
    });
    expect(row["Scored by"].split("; ").sort()).toEqual([chair.name, second.name].sort());
    expect(text).not.toContain("Jordan");
    expect(text).not.toContain("Secretsurname");
    expect(await db().auditLog.count({ where: { entityId: app.id, action: "application.viewed.export" } })).toBe(1);

    const page = await fetch(`${server.baseUrl}/panel/meetings/${meeting.id}/minutes`, { headers: { Cookie: await sessionCookieFor(second.email) } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(app.reference);
    expect(html).toContain("Version " + terms.version);
    expect(html).not.toContain("Secretsurname");
    const csv = await fetch(`${server.baseUrl}/panel/meetings/${meeting.id}/minutes.csv`, { headers: { Cookie: await sessionCookieFor(second.email) } });
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(await csv.text()).toContain(app.reference);
  });
});
