// Erasure on request (issue 10): a card donor with Gift Aid, an employee with a pledge history and a young
// person with an award are erased; each time the ledger is exactly as before, nothing personal is left in any
// table of PERSON_DATA_MAP (apart from what the law keeps, which the ErasureRecord names with its end day),
// and the person can no longer sign in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { makeUser, type TestUser } from "../helpers/users";
import { seed } from "../../prisma/seed";
import { pence } from "~/domain/money";
import { transfer } from "~/domain/ledger";
import { giftAidKeptUntil, grantKeptUntil } from "~/domain/privacy/retention";
import { accountBalances, allocate, fundSummary, postTransaction } from "~/services/ledger.server";
import { approvePayment, recordPayment } from "~/services/awards.server";
import { previewClaim, recordDeclaration } from "~/services/gift-aid.server";
import { startDonation } from "~/services/donations.server";
import { completeLocalCheckout } from "~/services/stripe-webhook.server";
import { stopPledge } from "~/services/pledges.server";
import { requestSignInCode } from "~/services/sign-in.server";
import { startSession } from "~/utils/session.server";
import { getOptionalUser } from "~/utils/auth.server";
import { PERSON_DATA_MAP, delegateName, personRecords } from "~/services/person-data.server";
import { ERASURE_HANDLES, ErasureRefused, eraseSubject, erasurePlan, erasedEmail, type ErasureSummary } from "~/services/erasure.server";

useTestDatabase();

const NOW = new Date("2026-11-02T10:00:00Z");
let admin: { userId: string; personId: string };
let finance: TestUser;
let chair: TestUser;
let ip = 0;

type Delegate = { findMany(args?: unknown): Promise<Record<string, unknown>[]>; findUnique(args: unknown): Promise<Record<string, unknown> | null> };
const delegate = (model: string) => (db() as unknown as Record<string, Delegate>)[delegateName(model as never)];

/** The ledger as a whole: every account's balance, the fund summary, and how many rows it has. */
async function ledgerState() {
  return {
    balances: await accountBalances(),
    summary: await fundSummary(),
    transactions: await db().ledgerTransaction.count(),
    entries: await db().ledgerEntry.count(),
  };
}

/**
 * Every mapped table searched for the person's traces (their email address and unusual surname), skipping
 * the rows the erasure says it keeps by law. Returns "Model.id" of each row still holding one.
 */
async function tracesOf(needles: string[], keptModels: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of PERSON_DATA_MAP) {
    if (keptModels.includes(entry.model)) continue;
    for (const row of await delegate(entry.model).findMany()) {
      const text = JSON.stringify(row).toLowerCase();
      if (needles.some((n) => text.includes(n.toLowerCase()))) found.push(`${entry.model}.${String(row.id ?? JSON.stringify(row))}`);
    }
  }
  return found;
}

/** The personal fields of every row about the person (PERSON_DATA_MAP), as they are now. */
async function personalFieldsOf(personId: string): Promise<{ model: string; id: string; fields: string[] }[]> {
  const records = (await personRecords(personId)) ?? {};
  const out: { model: string; id: string; fields: string[] }[] = [];
  for (const entry of PERSON_DATA_MAP) {
    if (entry.personal.length === 0) continue;
    for (const row of records[entry.model] ?? []) {
      // A row where the person only acted is shown without its personal columns: not about them.
      if (!entry.personal.every((f) => f in row) || typeof row.id !== "string") continue;
      out.push({ model: entry.model, id: row.id, fields: entry.personal });
    }
  }
  return out;
}

const BLANK = new Set<unknown>([null, "", "[]", false, "Erased", "Person", "Anonymous donor", "Anonymised", "anonymised@erased.invalid", "Withdrawn story"]);

/** Rows about the person (found before) that still hold a personal value, except in the models kept by law. */
async function personalLeft(rows: { model: string; id: string; fields: string[] }[], kept: string[]): Promise<string[]> {
  const left: string[] = [];
  for (const { model, id, fields } of rows) {
    if (kept.includes(model)) continue;
    const now = await delegate(model).findUnique({ where: { id } });
    if (!now) continue; // removed
    for (const f of fields) {
      const v = now[f];
      if (BLANK.has(v)) continue;
      if (typeof v === "string" && (/^erased-.*@erased\.invalid$/.test(v) || /^ERASED-/.test(v))) continue;
      if (model === "StripeEvent" && f === "payload") continue; // checked by the trace search (ids and amounts stay)
      left.push(`${model}.${f}=${JSON.stringify(v)}`);
    }
  }
  return left;
}

/** Signing in is refused: a code asked for the old address (or the replaced one) is never sent, and an old session is gone. */
async function cannotSignIn(oldEmail: string, userId: string, sessionCookie: string) {
  const before = await db().outboxEmail.count();
  ip++;
  await requestSignInCode({ email: oldEmail, ip: `10.0.0.${ip}` });
  await requestSignInCode({ email: erasedEmail(userId), ip: `10.0.1.${ip}` });
  expect(await db().outboxEmail.count()).toBe(before);
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  expect(user.active).toBe(false);
  expect(await db().userRole.count({ where: { userId } })).toBe(0);
  expect(await getOptionalUser(new Request("http://x/", { headers: { Cookie: sessionCookie } }))).toBeNull();
}

async function sessionOf(userId: string) {
  return (await startSession(userId, NOW)).split(";")[0];
}

async function erasureRecordOf(personId: string): Promise<ErasureSummary> {
  const record = await db().erasureRecord.findFirstOrThrow({ where: { personId } });
  expect(record.requestedById).toBe(admin.userId);
  return JSON.parse(record.summary) as ErasureSummary;
}

beforeAll(async () => {
  await seed(db(), { employees: 0, now: new Date("2026-11-01T09:00:00Z"), demoPledges: true });
  const a = await db().user.findUniqueOrThrow({ where: { email: "admin@council.example" } });
  admin = { userId: a.id, personId: a.personId };
  finance = await makeUser("Fina", ["finance"]);
  chair = await makeUser("Chair", ["panel"]);
  await db().organisationSettings.update({ where: { id: 1 }, data: { charityStatus: "recognised", hmrcRecognisedOn: new Date("2026-04-06T00:00:00Z") } });
});

describe("coverage", () => {
  it("decides what erasure does with every model of PERSON_DATA_MAP that holds personal fields", () => {
    const withPersonal = PERSON_DATA_MAP.filter((e) => e.personal.length > 0).map((e) => e.model);
    expect(withPersonal.filter((m) => !(m in ERASURE_HANDLES))).toEqual([]);
  });
});

describe("refusals", () => {
  it("refuses the last admin and says why, changing nothing", async () => {
    const plan = await erasurePlan(admin.personId, NOW);
    expect(plan.refusals.join(" ")).toMatch(/only administrator/);
    await expect(eraseSubject(admin, admin.personId, "Asked on 1 November")).rejects.toThrow(ErasureRefused);
    await expect(eraseSubject(admin, admin.personId, "Asked on 1 November")).rejects.toThrow(/only administrator/);
    expect((await db().person.findUniqueOrThrow({ where: { id: admin.personId } })).erasedAt).toBeNull();
    expect(await db().erasureRecord.count()).toBe(0);
  });

  it("needs a reason", async () => {
    await expect(eraseSubject(admin, admin.personId, "  ")).rejects.toThrow(/why/);
  });
});

describe("a card donor with Gift Aid", () => {
  it("makes the gifts anonymous, keeps the declaration until its day, and leaves the ledger and the claim as they were", async () => {
    const donor = await makeUser("Dana", [], "Quillfeather");
    const personId = (await db().user.findUniqueOrThrow({ where: { id: donor.userId } })).personId;
    const session = await sessionOf(donor.userId);
    const declaration = await recordDeclaration(
      { title: "Ms", firstName: "Dana", lastName: "Quillfeather", houseNameOrNumber: "7", postcode: "SW1A 1AA", scope: "all_gifts", email: donor.email, fundName: "Helping Hands Fund" },
      new Date("2026-10-01T09:00:00Z"),
    );
    const give = async (amountPence: number, at: string, declared: boolean) => {
      const { donation } = await startDonation(
        { amountPence, donorName: "Dana Quillfeather", donorEmail: donor.email.toUpperCase(), anonymous: false, giftAidDeclarationId: declared ? declaration.id : null, appUrl: "https://hh.example" },
        new Date(at),
      );
      await completeLocalCheckout({ ...donation, checkoutSessionId: donation.checkoutSessionId! }, "paid", new Date(at));
      return donation.id;
    };
    const first = await give(2500, "2026-10-01T09:05:00Z", true);
    // covered by the "all gifts" declaration through the email address only
    const second = await give(1000, "2026-10-20T09:05:00Z", false);
    const range = { fromKey: "2026-10-01", toKey: "2026-10-31", aggregate: false };
    const claimBefore = await previewClaim(range);
    expect(claimBefore).toMatchObject({ gifts: 2, totalPence: 3500 });

    const rows = await personalFieldsOf(personId);
    expect(rows.map((r) => r.model)).toEqual(expect.arrayContaining(["Person", "User", "Donation", "GiftAidDeclaration", "StripeEvent"]));
    const ledger = await ledgerState();

    const plan = await erasurePlan(personId, NOW);
    expect(plan.refusals).toEqual([]);
    const { summary } = await eraseSubject(admin, personId, "Asked by email on 1 November 2026", NOW);
    expect(summary).toEqual({ removed: plan.removed, replaced: plan.replaced, kept: plan.kept });

    expect(await ledgerState()).toEqual(ledger);
    // Both gifts are still there with their amounts, anonymous, and both still linked to the declaration.
    const gifts = await db().donation.findMany({ where: { id: { in: [first, second] } }, orderBy: { amountPence: "desc" } });
    expect(gifts.map((g) => [g.amountPence, g.status, g.donorName, g.donorEmail, g.giftAidDeclarationId])).toEqual([
      [2500, "paid", "Anonymous donor", "anonymised@erased.invalid", declaration.id],
      [1000, "paid", "Anonymous donor", "anonymised@erased.invalid", declaration.id],
    ]);
    // The declaration keeps what HMRC needs, without the email; the claim is unchanged.
    const kept = await db().giftAidDeclaration.findUniqueOrThrow({ where: { id: declaration.id } });
    expect(kept).toMatchObject({ firstName: "Dana", lastName: "Quillfeather", houseNameOrNumber: "7", postcode: "SW1A 1AA", email: null, cancelledAt: NOW });
    expect(await previewClaim(range)).toEqual(claimBefore);

    const record = await erasureRecordOf(personId);
    const giftAid = record.kept.find((k) => k.model === "GiftAidDeclaration");
    expect(giftAid?.until).toBe(giftAidKeptUntil(new Date("2026-10-20T09:05:00Z"), 6));
    expect(giftAid?.until).toBe("2033-04-05");

    expect(await personalLeft(rows, ["GiftAidDeclaration"])).toEqual([]);
    expect(await tracesOf([donor.email, "Quillfeather"], ["GiftAidDeclaration"])).toEqual([]);
    expect((await db().person.findUniqueOrThrow({ where: { id: personId } })).erasedAt).toEqual(NOW);
    await cannotSignIn(donor.email, donor.userId, session);
  });
});

describe("an employee with a pledge history", () => {
  it("is refused while the pledge is live; once stopped, the deductions stay, anonymous, and the ledger balances", async () => {
    const sam = await db().user.findUniqueOrThrow({ where: { email: "sam.patel@council.example" }, include: { person: { include: { employee: true } } } });
    const employee = sam.person.employee!;
    const session = await sessionOf(sam.id);
    await db().pledge.updateMany({ where: { employeeId: employee.id }, data: { dedication: "In memory of Grandma Patel" } });
    // A confirmed month: what payroll deducted, and the ledger's income for it.
    const period = await db().payPeriod.findFirstOrThrow({ where: { payGroupId: employee.payGroupId }, orderBy: { startsOn: "asc" } });
    const pledge = await db().pledge.findFirstOrThrow({ where: { employeeId: employee.id } });
    const reconciliation = await db().reconciliation.create({
      data: { periodId: period.id, status: "confirmed", expectedTotalPence: 500, deductedTotalPence: 500, uploadedById: finance.userId, confirmedById: finance.userId, confirmedAt: NOW },
    });
    await db().reconciliationLine.create({ data: { reconciliationId: reconciliation.id, employeeId: employee.id, payrollNumber: employee.payrollNumber, expectedPence: 500, deductedPence: 500, note: "Sam Patel checked" } });
    await db().deduction.create({ data: { employeeId: employee.id, periodId: period.id, pledgeId: pledge.id, amountPence: 500, reconciliationId: reconciliation.id } });
    await postTransaction(transfer("fund_bank", "payroll_income", pence(500)), { kind: "payroll_deduction", description: `Payroll deductions for ${period.label}`, occurredAt: NOW });

    const plan = await erasurePlan(sam.personId, NOW);
    expect(plan.refusals.join(" ")).toMatch(/regular gift from pay that has not stopped/);
    await expect(eraseSubject(admin, sam.personId, "Asked in person")).rejects.toThrow(/Stop it first/);

    await stopPledge({ userId: sam.id, now: NOW });
    const rows = await personalFieldsOf(sam.personId);
    expect(rows.map((r) => r.model)).toEqual(expect.arrayContaining(["Person", "User", "EmployeeRecord", "Pledge", "ReconciliationLine"]));
    const ledger = await ledgerState();
    const changes = await db().pledgeChange.count({ where: { pledgeId: pledge.id } });
    const authorisations = await db().pledgeAuthorisation.count({ where: { userId: sam.id } });

    await eraseSubject(admin, sam.personId, "Asked in person on 2 November 2026", NOW);

    expect(await ledgerState()).toEqual(ledger);
    expect(await db().deduction.findMany({ where: { employeeId: employee.id }, select: { amountPence: true, periodId: true } })).toEqual([{ amountPence: 500, periodId: period.id }]);
    // The append-only history is untouched (and held no personal data beyond the pseudonymised ids).
    expect(await db().pledgeChange.count({ where: { pledgeId: pledge.id } })).toBe(changes);
    expect(await db().pledgeAuthorisation.count({ where: { userId: sam.id } })).toBe(authorisations);
    expect((await db().employeeRecord.findUniqueOrThrow({ where: { id: employee.id } })).payrollNumber).toBe(`ERASED-${employee.id}`);
    const record = await erasureRecordOf(sam.personId);
    expect(record.kept.map((k) => k.model)).toContain("Deduction");

    expect(await personalLeft(rows, [])).toEqual([]);
    expect(await tracesOf(["sam.patel@council.example", employee.payrollNumber, "Grandma Patel", "Sam Patel"], [])).toEqual([]);
    await cannotSignIn("sam.patel@council.example", sam.id, session);
  });
});

describe("a young person with an award", () => {
  it("keeps the award's amount (and its payment record until its day), removes the application's words, and the ledger balances", async () => {
    const young = await makeUser("Jordan", ["young_person"], "Featherstonehaugh");
    const personId = (await db().user.findUniqueOrThrow({ where: { id: young.userId } })).personId;
    const session = await sessionOf(young.userId);
    const terms = await db().termsOfReference.findFirst() ??
      (await db().termsOfReference.create({ data: { version: 99, funds: "Laptops", doesNotFund: "Rent", maxAwardPence: 100_000, decisionDates: "Monthly", giveBack: "Help", criteria: "Need", publishedAt: NOW, publishedById: chair.userId } }));
    const meeting = await db().panelMeeting.create({ data: { title: "Panel", heldOn: NOW, mode: "meeting", chairId: chair.userId, createdById: chair.userId, attendeeIds: JSON.stringify([chair.userId]) } });
    await postTransaction(transfer("fund_bank", "card_income", pence(100_000)), { kind: "card_donation", description: "Test income", occurredAt: NOW });
    const application = await db().supportApplication.create({
      data: {
        reference: "SA-ERASE1",
        youngPersonId: young.userId,
        createdById: young.userId,
        status: "approved",
        category: "education_equipment",
        purpose: "A laptop for Jordan Featherstonehaugh's college course",
        whyItMatters: "I live alone at 3 Mill Lane",
        amountPence: 40_000,
        submittedAt: NOW,
      },
    });
    await db().applicationMessage.create({ data: { applicationId: application.id, kind: "answer", authorId: young.userId, body: "My phone is 07700 900123" } });
    const decision = await db().applicationDecision.create({
      data: { applicationId: application.id, meetingId: meeting.id, termsId: terms.id, outcome: "approve", amountPence: 40_000, reasons: "Meets the terms.", quorumRequired: 1, scoredCount: 1, conflictedCount: 0, scoredByIds: "[]", conflictedIds: "[]", decidedById: chair.userId, decidedAt: NOW },
    });
    const { transaction } = await allocate({ amount: pence(40_000), reference: application.reference, actor: { userId: chair.userId } });
    const award = await db().grantAward.create({ data: { applicationId: application.id, decisionId: decision.id, amountPence: 40_000, commitmentTxId: transaction.id } });
    await approvePayment(award.id, finance, NOW);
    await recordPayment(award.id, { payeeKind: "young_person", payeeName: "J Featherstonehaugh", paidOnKey: "2026-11-02", paymentReference: "BACS-77" }, finance, NOW);
    await db().followUp.updateMany({ where: { applicationId: application.id }, data: { howItHelped: "Jordan Featherstonehaugh passed the course", answeredAt: NOW } });

    const rows = await personalFieldsOf(personId);
    expect(rows.map((r) => r.model)).toEqual(expect.arrayContaining(["Person", "User", "SupportApplication", "ApplicationMessage", "GrantAward"]));
    const ledger = await ledgerState();

    await eraseSubject(admin, personId, "Asked through their adviser", NOW);

    expect(await ledgerState()).toEqual(ledger);
    const after = await db().grantAward.findUniqueOrThrow({ where: { id: award.id } });
    expect(after).toMatchObject({ amountPence: 40_000, status: "paid", payeeName: "J Featherstonehaugh", paymentReference: "BACS-77" });
    const app = await db().supportApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(app).toMatchObject({ reference: "SA-ERASE1", amountPence: 40_000, status: "paid", purpose: null, whyItMatters: null });
    expect(await db().applicationMessage.count({ where: { applicationId: application.id } })).toBe(0);

    const record = await erasureRecordOf(personId);
    const grant = record.kept.find((k) => k.model === "GrantAward");
    expect(grant?.until).toBe(grantKeptUntil(after.paidOn!, 7));
    expect(record.kept.map((k) => k.model)).toContain("ApplicationDecision");

    // Kept by law: the grant's payment record (until its day) and the append-only decision.
    expect(await personalLeft(rows, ["GrantAward", "ApplicationDecision"])).toEqual([]);
    expect(await tracesOf([young.email, "Featherstonehaugh", "07700 900123", "Mill Lane"], ["GrantAward"])).toEqual([]);
    await cannotSignIn(young.email, young.userId, session);
    // The audit entry holds counts, never the person's words.
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "person.erased", entityId: personId } });
    expect(entry.detail).not.toMatch(/Featherstonehaugh|Jordan|young\.example|test\.example/);
  });

  it("refuses someone already erased", async () => {
    const erased = await db().person.findFirstOrThrow({ where: { erasedAt: { not: null } } });
    expect((await erasurePlan(erased.id, NOW)).refusals.join(" ")).toMatch(/already erased/);
  });
});

describe("the erase page (admin)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it("shows the plan, needs a reason and the confirmation, then erases and shows the summary", async () => {
    const volunteer = await makeUser("Vic", ["employee"], "Oakenshield");
    const personId = (await db().user.findUniqueOrThrow({ where: { id: volunteer.userId } })).personId;
    await db().timeOffer.create({ data: { userId: volunteer.userId, skills: "[]", hoursPerMonth: 2, availability: "[]", mode: "online", frequency: "regular", location: "Oakford", otherSkills: "Knitting" } });
    const cookie = await sessionCookieFor("admin@council.example");
    const url = `${server.baseUrl}/admin/people/${personId}/erase`;

    const page = await fetch(url, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Erase Vic Oakenshield&#x27;s data");
    expect(html).toContain("Offers of time");
    expect(html).toContain("The ledger");

    const post = (body: string) => fetch(url, { method: "POST", redirect: "manual", headers: { Cookie: cookie, Origin: server.baseUrl, "Content-Type": "application/x-www-form-urlencoded" }, body });
    const missing = await post("reason=");
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Confirm that you understand the erasure cannot be undone");
    expect((await db().person.findUniqueOrThrow({ where: { id: personId } })).erasedAt).toBeNull();

    const done = await post("reason=Asked+by+letter&confirm=yes");
    expect(done.status).toBe(303);
    const location = done.headers.get("location")!;
    expect(location).toMatch(new RegExp(`^/admin/people/${personId}/erase\\?record=`));
    const confirmation = await fetch(server.baseUrl + location, { headers: { Cookie: cookie } });
    const text = await confirmation.text();
    expect(text).toContain("The person&#x27;s data has been erased");
    expect(text).not.toContain("Oakenshield");
    expect(await db().timeOffer.findFirstOrThrow({ where: { userId: volunteer.userId } })).toMatchObject({ location: null, otherSkills: null, status: "withdrawn" });

    // A second go is refused, with the reason on the page.
    expect(await (await fetch(url, { headers: { Cookie: cookie } })).text()).toContain("already erased");
  });
});
