// The retention job (issue 10) with a fake clock: each clock leaves a record alone on its last day and
// removes or anonymises it the day after; money stays; a second run does nothing. The runs go forward in
// time through one database, as the daily job would.
import { beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { makeUser, type TestUser } from "../helpers/users";
import { applyRetention, type RetentionCounts } from "~/services/retention.server";

useTestDatabase();

const at = (iso: string) => new Date(iso);
const ZERO: RetentionCounts = {
  signInCodes: 0,
  sessions: 0,
  dbsCertificates: 0,
  unsuccessfulApplications: 0,
  giftAidDeclarations: 0,
  giftAidDonations: 0,
  grantRecords: 0,
  mentoringCohorts: 0,
  mentoringRecords: 0,
};
let young: TestUser;
let coordinator: TestUser;
let mentor: TestUser;
let ref = 0;

async function application(status: string, decidedAt: Date) {
  const a = await db().supportApplication.create({
    data: {
      reference: `SA-R${String(++ref).padStart(5, "0")}`,
      youngPersonId: young.userId,
      createdById: young.userId,
      status,
      category: "driving_lessons",
      purpose: "Driving lessons",
      whyItMatters: "To get to work",
      notEligibleReason: status === "not_eligible" ? "Over 25" : null,
      amountPence: 30_000,
      submittedAt: decidedAt,
    },
  });
  await db().applicationEvent.create({ data: { applicationId: a.id, fromStatus: "with_panel", toStatus: status, actorId: coordinator.userId, note: "Told by phone", at: decidedAt } });
  await db().applicationMessage.create({ data: { applicationId: a.id, kind: "answer", authorId: young.userId, body: "My landlord is ...", createdAt: decidedAt } });
  return a.id;
}

beforeAll(async () => {
  await db().organisationSettings.create({ data: { id: 1, councilName: "Council", fundName: "Fund" } });
  young = await makeUser("Riley", ["young_person"]);
  coordinator = await makeUser("Coord", ["coordinator"]);
  mentor = await makeUser("Mentor", ["employee"]);
});

describe("sign-in codes and sessions", () => {
  it("are deleted once expired, not before", async () => {
    const expiresAt = at("2026-06-01T10:00:00Z");
    await db().signInCode.create({ data: { email: young.email, secret: "s", algorithm: "SHA-256", digits: 6, period: 600, charSet: "0123456789", expiresAt, createdAt: at("2026-06-01T09:50:00Z") } });
    await db().session.create({ data: { id: "session-token-1", userId: young.userId, expiresAt } });
    expect(await applyRetention(at("2026-06-01T09:59:59Z"))).toEqual(ZERO);
    expect(await applyRetention(at("2026-06-01T10:00:01Z"))).toEqual({ ...ZERO, signInCodes: 1, sessions: 1 });
    expect(await db().session.count()).toBe(0);
  });
});

describe("DBS certificate numbers", () => {
  it("go dbsPurgeMonths after the decision; level, date and outcome stay", async () => {
    const check = await db().dbsCheck.create({
      data: { userId: mentor.userId, level: "enhanced_barred", certificateNumber: "001234567890", issuedOn: at("2026-01-02T00:00:00Z"), outcome: "clear", recordedById: coordinator.userId, recordedAt: at("2026-01-10T10:00:00Z") },
    });
    expect(await applyRetention(at("2026-07-09T12:00:00Z"))).toEqual(ZERO);
    expect(await applyRetention(at("2026-07-10T12:00:00Z"))).toEqual({ ...ZERO, dbsCertificates: 1 });
    expect(await db().dbsCheck.findUniqueOrThrow({ where: { id: check.id } })).toMatchObject({ certificateNumber: null, level: "enhanced_barred", outcome: "clear" });
  });
});

describe("unsuccessful applications", () => {
  it("lose their personal content retainUnsuccessfulMonths after the decision; a paid one is not touched by this clock", async () => {
    const declined = await application("declined", at("2026-01-15T10:00:00Z"));
    const notEligible = await application("not_eligible", at("2026-01-15T10:00:00Z"));
    const paid = await application("paid", at("2026-01-15T10:00:00Z"));
    expect(await applyRetention(at("2027-01-14T12:00:00Z"))).toEqual(ZERO);
    expect(await db().supportApplication.findUniqueOrThrow({ where: { id: declined } })).toMatchObject({ purpose: "Driving lessons" });

    expect(await applyRetention(at("2027-01-15T12:00:00Z"))).toEqual({ ...ZERO, unsuccessfulApplications: 2 });
    for (const id of [declined, notEligible]) {
      expect(await db().supportApplication.findUniqueOrThrow({ where: { id } })).toMatchObject({
        purpose: null,
        whyItMatters: null,
        notEligibleReason: null,
        amountPence: 30_000,
        category: "driving_lessons",
      });
      expect(await db().applicationMessage.count({ where: { applicationId: id } })).toBe(0);
      expect((await db().applicationEvent.findFirstOrThrow({ where: { applicationId: id } })).note).toBeNull();
    }
    expect(await db().supportApplication.findUniqueOrThrow({ where: { id: paid } })).toMatchObject({ purpose: "Driving lessons" });
  });
});

describe("mentoring records", () => {
  it("lose profiles, motivations, session notes and survey comments retainMentoringMonths after the cohort was evaluated", async () => {
    const cohort = await db().mentoringCohort.create({ data: { name: "Pilot", startsOn: at("2026-09-01T00:00:00Z"), weeks: 8, capacity: 10, status: "evaluated", createdById: coordinator.userId } });
    // When it was evaluated: the audit entry of that step (the service writes it; here on the fake clock).
    await db().auditLog.create({
      data: { at: at("2026-12-01T10:00:00Z"), actorUserId: coordinator.userId, action: "mentoring_cohort.advanced", entityType: "MentoringCohort", entityId: cohort.id, detail: JSON.stringify({ from: "closing", to: "evaluated" }) },
    });
    const app = await db().mentorApplication.create({
      data: { cohortId: cohort.id, userId: mentor.userId, motivation: "My own time in care", interests: "[]", skills: "[]", availability: "[]", ageBands: "[]", mode: "either", gender: "man", status: "selected" },
    });
    const profile = await db().menteeProfile.create({
      data: { cohortId: cohort.id, youngPersonId: young.userId, createdById: young.userId, ageBand: "18_20", interests: "[]", goals: "Get a flat", availability: "[]", mode: "online", location: "Northtown" },
    });
    const match = await db().mentoringMatch.create({ data: { cohortId: cohort.id, mentorAppId: app.id, menteeProfileId: profile.id, score: 80, explanation: "[]", status: "closed", confirmedById: coordinator.userId, confirmedAt: at("2026-09-10T10:00:00Z") } });
    await db().mentoringSession.create({ data: { matchId: match.id, day: at("2026-09-20T00:00:00Z"), minutes: 60, mode: "online", note: "Talked about the flat" } });
    await db().mentoringSurvey.create({ data: { cohortId: cohort.id, userId: young.userId, side: "young_person", scales: JSON.stringify({ helped: 5 }), comment: "Loved it" } });

    expect(await applyRetention(at("2027-11-30T12:00:00Z"))).toEqual(ZERO);
    expect(await applyRetention(at("2027-12-01T12:00:00Z"))).toEqual({ ...ZERO, mentoringCohorts: 1, mentoringRecords: 4 });
    expect(await db().menteeProfile.findUniqueOrThrow({ where: { id: profile.id } })).toMatchObject({ goals: "", location: null });
    expect(await db().mentorApplication.findUniqueOrThrow({ where: { id: app.id } })).toMatchObject({ motivation: "", gender: null, status: "selected" });
    expect(await db().mentoringSession.findFirstOrThrow({ where: { matchId: match.id } })).toMatchObject({ note: "", minutes: 60 });
    expect(await db().mentoringSurvey.findFirstOrThrow({ where: { cohortId: cohort.id } })).toMatchObject({ comment: null, scales: JSON.stringify({ helped: 5 }) });
  });
});

let awardId = "";
describe("grant records", () => {
  it("lose the payee and the application's words retainGrantYears after payment; the amount stays", async () => {
    const applicationId = await application("paid", at("2026-02-20T10:00:00Z"));
    const terms = await db().termsOfReference.create({ data: { version: 1, funds: "Lessons", doesNotFund: "Rent", maxAwardPence: 100_000, decisionDates: "Monthly", giveBack: "Help", criteria: "Need", publishedAt: at("2026-01-01T00:00:00Z"), publishedById: coordinator.userId } });
    const meeting = await db().panelMeeting.create({ data: { title: "Panel", heldOn: at("2026-02-20T10:00:00Z"), mode: "meeting", chairId: coordinator.userId, createdById: coordinator.userId, attendeeIds: "[]" } });
    const decision = await db().applicationDecision.create({
      data: { applicationId, meetingId: meeting.id, termsId: terms.id, outcome: "approve", amountPence: 30_000, reasons: "Meets the terms.", quorumRequired: 1, scoredCount: 1, conflictedCount: 0, scoredByIds: "[]", conflictedIds: "[]", decidedById: coordinator.userId, decidedAt: at("2026-02-20T10:00:00Z") },
    });
    const award = await db().grantAward.create({
      data: { applicationId, decisionId: decision.id, amountPence: 30_000, status: "paid", commitmentTxId: "tx-not-checked", payeeKind: "young_person", payeeName: "R Test", paymentReference: "BACS-1", paidOn: at("2026-03-01T00:00:00Z") },
    });
    awardId = award.id;
    expect(await applyRetention(at("2033-02-28T12:00:00Z"))).toEqual(ZERO);
    expect(await applyRetention(at("2033-03-01T12:00:00Z"))).toEqual({ ...ZERO, grantRecords: 1 });
    expect(await db().grantAward.findUniqueOrThrow({ where: { id: award.id } })).toMatchObject({ payeeName: null, amountPence: 30_000, paymentReference: "BACS-1", status: "paid" });
    expect(await db().supportApplication.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({ purpose: null, amountPence: 30_000 });
  });
});

describe("Gift Aid records", () => {
  it("are anonymised retainGiftAidYears after the end of the tax year of the last gift a declaration covers", async () => {
    // A "this gift" declaration for a gift in May 2026 (tax year to 5 April 2027): kept until 5 April 2033.
    const one = await db().giftAidDeclaration.create({
      data: { firstName: "Ann", lastName: "Smith", houseNameOrNumber: "12", postcode: "SW1A 1AA", email: "ann@example.com", scope: "this_gift", wordingVersion: 1, wordingShown: "…", declaredAt: at("2026-05-01T09:00:00Z") },
    });
    const annGift = await db().donation.create({ data: { reference: "HH-RET001", amountPence: 2500, donorName: "Ann Smith", donorEmail: "ann@example.com", status: "paid", paidAt: at("2026-05-01T09:05:00Z"), giftAidDeclarationId: one.id } });
    // An "all gifts" declaration whose later gift (covered by email only) is in May 2027: kept until 5 April 2034.
    const all = await db().giftAidDeclaration.create({
      data: { firstName: "Bob", lastName: "Jones", houseNameOrNumber: "1", postcode: "M1 1AE", email: "bob@example.com", scope: "all_gifts", wordingVersion: 1, wordingShown: "…", declaredAt: at("2026-05-03T09:00:00Z") },
    });
    await db().donation.create({ data: { reference: "HH-RET002", amountPence: 1000, donorName: "Bob Jones", donorEmail: "bob@example.com", status: "paid", paidAt: at("2026-05-03T09:05:00Z"), giftAidDeclarationId: all.id } });
    const later = await db().donation.create({ data: { reference: "HH-RET003", amountPence: 1500, donorName: "Bob Jones", donorEmail: "Bob@Example.com", status: "paid", paidAt: at("2027-05-01T09:05:00Z") } });

    expect(await applyRetention(at("2033-04-05T12:00:00Z"))).toEqual(ZERO);
    expect(await applyRetention(at("2033-04-06T12:00:00Z"))).toEqual({ ...ZERO, giftAidDeclarations: 1, giftAidDonations: 1 });
    expect(await db().giftAidDeclaration.findUniqueOrThrow({ where: { id: one.id } })).toMatchObject({ firstName: "Anonymised", lastName: "Anonymised", houseNameOrNumber: "", postcode: "", email: null });
    expect(await db().donation.findUniqueOrThrow({ where: { id: annGift.id } })).toMatchObject({ donorName: "Anonymous donor", donorEmail: "anonymised@erased.invalid", amountPence: 2500, status: "paid" });
    expect(await db().giftAidDeclaration.findUniqueOrThrow({ where: { id: all.id } })).toMatchObject({ firstName: "Bob", postcode: "M1 1AE" });

    expect(await applyRetention(at("2034-04-05T12:00:00Z"))).toEqual(ZERO);
    expect(await applyRetention(at("2034-04-06T12:00:00Z"))).toEqual({ ...ZERO, giftAidDeclarations: 1, giftAidDonations: 2 });
    expect(await db().donation.findUniqueOrThrow({ where: { id: later.id } })).toMatchObject({ donorName: "Anonymous donor", amountPence: 1500 });
  });
});

describe("every clock", () => {
  it("is idempotent: a second run finds nothing and changes nothing", async () => {
    const snapshot = async () => ({
      applications: await db().supportApplication.findMany({ orderBy: { id: "asc" } }),
      donations: await db().donation.findMany({ orderBy: { id: "asc" } }),
      declarations: await db().giftAidDeclaration.findMany({ orderBy: { id: "asc" } }),
      award: await db().grantAward.findUnique({ where: { id: awardId } }),
      profiles: await db().menteeProfile.findMany({ orderBy: { id: "asc" } }),
    });
    const before = await snapshot();
    expect(await applyRetention(at("2034-04-06T12:00:00Z"))).toEqual(ZERO);
    expect(await applyRetention(at("2040-01-01T12:00:00Z"))).toEqual(ZERO);
    expect(await snapshot()).toEqual(before);
  });

  it("records what each clock did in the audit log, with counts and no personal data", async () => {
    const entries = await db().auditLog.findMany({ where: { action: { startsWith: "retention." } } });
    expect(new Set(entries.map((e) => e.action))).toEqual(
      new Set(["retention.sign_ins", "retention.dbs_certificates", "retention.unsuccessful_applications", "retention.gift_aid", "retention.grant_records", "retention.mentoring"]),
    );
    const giftAid = entries.filter((e) => e.action === "retention.gift_aid").map((e) => JSON.parse(e.detail!) as { declarations: number });
    expect(giftAid.reduce((n, d) => n + d.declarations, 0)).toBe(2);
    for (const e of entries) expect(e.detail).not.toMatch(/@|Smith|Jones|Riley|Driving/);
  });
});
