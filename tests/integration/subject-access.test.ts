// Subject access: a person with records in every feature gets all of them back (and nobody else's), the
// export is audited, and only an administrator or the person themselves can have it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { makeUser, type TestUser } from "../helpers/users";
import { audit } from "~/services/audit.server";
import { PERSON_DATA_MAP, personKeys, personRecords } from "~/services/person-data.server";
import { personSummary, searchPeople, subjectAccessExport, SubjectAccessForbidden } from "~/services/subject-access.server";

useTestDatabase();

type Ids = Record<string, string[]>;
const add = (ids: Ids, model: string, id: string) => (ids[model] ??= []).push(id);

let coordinator: TestUser;
let admin: TestUser;
let shared: { payGroupId: string; periodId: string; reconciliationId: string; termsId: string; cohortId: string; claimId: string; meetingId: string };
let n = 0;

/**
 * One person who is an employee and a young person, with rows in every table the map can find them in. The
 * coordinator acts on them (questions, decisions, links), so the coordinator's own export has actor rows.
 */
async function personInEveryTable(firstName: string): Promise<{ user: TestUser; personId: string; employeeId: string; ids: Ids }> {
  n++;
  const user = await makeUser(firstName, ["employee", "young_person"]);
  const ids: Ids = {};
  const u = await db().user.findUniqueOrThrow({ where: { id: user.userId } });
  const personId = u.personId;
  const c = coordinator.userId;
  add(ids, "Person", personId);
  add(ids, "User", u.id);
  const employee = await db().employeeRecord.create({ data: { personId, payrollNumber: `P${n}000`, payGroupId: shared.payGroupId, department: "Libraries" } });
  add(ids, "EmployeeRecord", employee.id);
  await db().adviserLink.create({ data: { adviserId: c, youngPersonId: u.id } });
  // (A session's id is its token: the export withholds it, so it is not in `ids`.)
  await db().session.create({ data: { id: `session-token-${n}`, userId: u.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  add(
    ids,
    "SignInCode",
    (await db().signInCode.create({ data: { email: user.email, secret: `TOTP-SECRET-${n}`, algorithm: "SHA-256", digits: 6, period: 600, charSet: "0123456789", expiresAt: new Date() } })).id,
  );
  add(ids, "OutboxEmail", (await db().outboxEmail.create({ data: { to: user.email, subject: "Your sign-in code", html: "<p>x</p>", text: "x", template: "sign-in-code" } })).id);
  add(ids, "DigestSend", (await db().digestSend.create({ data: { userId: u.id, month: "2026-10" } })).id);

  // Payroll giving: a pledge, its change and authorisation, a reconciliation line and the deduction.
  const pledge = await db().pledge.create({ data: { employeeId: employee.id, liveKey: employee.id, status: "active", amountPence: 500, dedication: `For ${firstName}'s nan` } });
  add(ids, "Pledge", pledge.id);
  const change = await db().pledgeChange.create({
    data: { pledgeId: pledge.id, type: "create", amountPence: 500, effectivePeriodId: shared.periodId, effectiveFrom: new Date("2026-11-01T00:00:00Z"), byUserId: u.id },
  });
  add(ids, "PledgeChange", change.id);
  add(
    ids,
    "PledgeAuthorisation",
    (await db().pledgeAuthorisation.create({ data: { pledgeChangeId: change.id, userId: u.id, termsVersion: 1, wordingShown: "I agree", amountPence: 500, givingMode: "net_pay", agreedAt: new Date() } })).id,
  );
  add(
    ids,
    "ReconciliationLine",
    (await db().reconciliationLine.create({ data: { reconciliationId: shared.reconciliationId, employeeId: employee.id, payrollNumber: employee.payrollNumber, expectedPence: 500, deductedPence: 500 } })).id,
  );
  add(ids, "Deduction", (await db().deduction.create({ data: { employeeId: employee.id, periodId: shared.periodId, pledgeId: pledge.id, amountPence: 500, reconciliationId: shared.reconciliationId } })).id);

  // Card giving: a gift (typed with capitals) under a Gift Aid declaration, later adjusted; Stripe's event about it.
  const declaration = await db().giftAidDeclaration.create({
    data: { firstName, lastName: "Test", houseNameOrNumber: "12", postcode: "AB1 2CD", email: user.email, scope: "all_gifts", wordingVersion: 1, wordingShown: "I am a UK taxpayer", declaredAt: new Date() },
  });
  add(ids, "GiftAidDeclaration", declaration.id);
  const donation = await db().donation.create({
    data: { reference: `HH-T${n}`, amountPence: 2500, donorName: `${firstName} Test`, donorEmail: ` ${user.email.toUpperCase()} `, status: "paid", giftAidDeclarationId: declaration.id },
  });
  add(ids, "Donation", donation.id);
  add(ids, "GiftAidAdjustment", (await db().giftAidAdjustment.create({ data: { donationId: donation.id, claimId: shared.claimId, donationPence: 1000, taxPence: 250 } })).id);
  add(
    ids,
    "StripeEvent",
    (await db().stripeEvent.create({ data: { id: `evt_${n}`, type: "checkout.session.completed", payload: JSON.stringify({ customer_details: { email: user.email.toUpperCase() } }) } })).id,
  );

  // A support application: the panel's part, the decision, the award, the follow-up and a story.
  const app = await db().supportApplication.create({
    data: { reference: `SA-T${n}`, youngPersonId: u.id, adviserId: c, createdById: u.id, status: "paid", purpose: `A laptop for ${firstName}`, amountPence: 40000 },
  });
  add(ids, "SupportApplication", app.id);
  add(ids, "ApplicationEvent", (await db().applicationEvent.create({ data: { applicationId: app.id, fromStatus: "draft", toStatus: "submitted", actorId: u.id } })).id);
  add(ids, "ApplicationMessage", (await db().applicationMessage.create({ data: { applicationId: app.id, kind: "question", authorId: c, body: `Which course is ${firstName} on?` } })).id);
  add(ids, "PanelConflict", (await db().panelConflict.create({ data: { applicationId: app.id, memberId: c, conflict: false } })).id);
  add(
    ids,
    "PanelReview",
    (await db().panelReview.create({ data: { applicationId: app.id, memberId: c, scores: "[]", recommendation: "approve", comment: "Strong case", termsVersion: 1 } })).id,
  );
  const decision = await db().applicationDecision.create({
    data: {
      applicationId: app.id,
      meetingId: shared.meetingId,
      termsId: shared.termsId,
      outcome: "approve",
      amountPence: 40000,
      reasons: "Meets the criteria",
      quorumRequired: 1,
      scoredCount: 1,
      conflictedCount: 0,
      scoredByIds: JSON.stringify([c]),
      conflictedIds: "[]",
      decidedById: c,
      decidedAt: new Date(),
    },
  });
  add(ids, "ApplicationDecision", decision.id);
  add(ids, "GrantAward", (await db().grantAward.create({ data: { applicationId: app.id, decisionId: decision.id, amountPence: 40000, status: "paid", commitmentTxId: `tx-${n}`, payeeName: `${firstName} Test` } })).id);
  const followUp = await db().followUp.create({ data: { applicationId: app.id, dueAt: new Date(), howItHelped: "I passed my course" } });
  add(ids, "FollowUp", followUp.id);
  add(ids, "ImpactStory", (await db().impactStory.create({ data: { followUpId: followUp.id, title: "A laptop", body: "It helped", publishedAt: new Date(), publishedById: c } })).id);

  // Giving Time: the person offers time (through their group) and asks for help; a link between them, hours, feedback, DBS.
  const group = await db().volunteerGroup.create({ data: { name: `Team ${n}`, description: "A team", contactUserId: u.id } });
  add(ids, "VolunteerGroup", group.id);
  const offer = await db().timeOffer.create({
    data: { userId: u.id, groupId: group.id, skills: '["cv_writing"]', hoursPerMonth: 4, availability: '["mon_day"]', mode: "online", frequency: "regular", location: "Exeter" },
  });
  add(ids, "TimeOffer", offer.id);
  const request = await db().helpRequest.create({
    data: { youngPersonId: u.id, createdById: c, skills: '["cv_writing"]', details: `${firstName} wants help with a CV`, availability: '["mon_day"]', mode: "online", hoursPerMonth: 2 },
  });
  add(ids, "HelpRequest", request.id);
  const link = await db().helpLink.create({ data: { requestId: request.id, offerId: offer.id, hoursPerMonth: 2, createdById: c } });
  add(ids, "HelpLink", link.id);
  add(ids, "HoursLog", (await db().hoursLog.create({ data: { linkId: link.id, volunteerId: u.id, day: new Date(), minutes: 60, note: "CV session", decidedById: c } })).id);
  add(ids, "LinkFeedback", (await db().linkFeedback.create({ data: { linkId: link.id, authorId: u.id, side: "volunteer", rating: "went_well" } })).id);
  add(ids, "DbsCheck", (await db().dbsCheck.create({ data: { userId: u.id, level: "enhanced", certificateNumber: `00${n}123456789`, issuedOn: new Date(), outcome: "clear", recordedById: c } })).id);

  // Mentoring: a mentor application with training, a mentee profile, the pair, a session, a survey.
  const mentorApp = await db().mentorApplication.create({
    data: { cohortId: shared.cohortId, userId: u.id, motivation: "I want to help", interests: "[]", skills: "[]", availability: "[]", ageBands: "[]", mode: "either", decidedById: c, status: "selected" },
  });
  add(ids, "MentorApplication", mentorApp.id);
  add(ids, "TrainingRecord", (await db().trainingRecord.create({ data: { applicationId: mentorApp.id, module: "safeguarding", completedOn: new Date(), recordedById: c } })).id);
  const profile = await db().menteeProfile.create({
    data: { cohortId: shared.cohortId, youngPersonId: u.id, createdById: c, ageBand: "18_21", interests: "[]", goals: "Get a job", availability: "[]", mode: "online", ownWorkerIds: JSON.stringify([c]) },
  });
  add(ids, "MenteeProfile", profile.id);
  const match = await db().mentoringMatch.create({
    data: { cohortId: shared.cohortId, mentorAppId: mentorApp.id, menteeProfileId: profile.id, score: 80, explanation: "{}", confirmedById: c, confirmedAt: new Date() },
  });
  add(ids, "MentoringMatch", match.id);
  add(ids, "MentoringSession", (await db().mentoringSession.create({ data: { matchId: match.id, day: new Date(), minutes: 45, mode: "online", note: "First chat" } })).id);
  add(ids, "MentoringSurvey", (await db().mentoringSurvey.create({ data: { cohortId: shared.cohortId, userId: u.id, side: "mentor", scales: "{}" } })).id);
  add(ids, "ErasureRecord", (await db().erasureRecord.create({ data: { personId, requestedById: c, reason: "Test record", summary: "{}" } })).id);

  // Audit entries about them (their pledge, their person record).
  await audit({ actorUserId: c, actorRole: "coordinator", action: "test.viewed", entityType: "Pledge", entityId: pledge.id });
  await audit({ actorUserId: c, actorRole: "coordinator", action: "test.viewed", entityType: "Person", entityId: personId });
  ids.AuditLog = (await db().auditLog.findMany({ where: { entityId: { in: [pledge.id, personId] } }, select: { id: true } })).map((a) => a.id);
  return { user, personId, employeeId: employee.id, ids };
}

let casey: Awaited<ReturnType<typeof personInEveryTable>>;
let other: Awaited<ReturnType<typeof personInEveryTable>>;
let server: TestServer;

beforeAll(async () => {
  coordinator = await makeUser("Chris", ["coordinator"]);
  admin = await makeUser("Robin", ["admin"]);
  const c = coordinator.userId;
  const group = await db().payGroup.create({ data: { name: "Monthly", frequency: "monthly", cutOffDay: 10 } });
  const period = await db().payPeriod.create({
    data: {
      payGroupId: group.id,
      label: "November 2026",
      startsOn: new Date("2026-11-01T00:00:00Z"),
      endsOn: new Date("2026-11-30T00:00:00Z"),
      payDate: new Date("2026-11-27T00:00:00Z"),
      cutOffAt: new Date("2026-11-10T00:00:00Z"),
      givingMode: "net_pay",
      lockedById: c,
      lockedAt: new Date(),
    },
  });
  const rec = await db().reconciliation.create({ data: { periodId: period.id, status: "confirmed", expectedTotalPence: 1000, deductedTotalPence: 1000, uploadedById: c } });
  const terms = await db().termsOfReference.create({
    data: { version: 1, funds: "Laptops", doesNotFund: "Rent", maxAwardPence: 50000, decisionDates: "Monthly", giveBack: "Tell us", criteria: "Need", publishedAt: new Date(), publishedById: c },
  });
  const cohort = await db().mentoringCohort.create({ data: { name: "Winter pilot", startsOn: new Date(), weeks: 8, capacity: 10, createdById: c } });
  const claim = await db().giftAidClaim.create({ data: { fromDate: new Date(), toDate: new Date(), rowCount: 0, totalPence: 0, createdById: c } });
  const meeting = await db().panelMeeting.create({ data: { title: "November panel", heldOn: new Date(), mode: "meeting", chairId: c, createdById: c, attendeeIds: JSON.stringify([c]) } });
  shared = { payGroupId: group.id, periodId: period.id, reconciliationId: rec.id, termsId: terms.id, cohortId: cohort.id, claimId: claim.id, meetingId: meeting.id };
  casey = await personInEveryTable("Casey");
  other = await personInEveryTable("Olive");
  server = await startTestServer();
});
afterAll(() => server?.close());

const idsIn = (rows: Record<string, unknown>[] | undefined) => (rows ?? []).map((r) => (typeof r.id === "string" ? r.id : JSON.stringify(r)));

describe("personRecords", () => {
  it("knows the person by their person id, user id, employee record and email", async () => {
    const keys = await personKeys(casey.personId);
    expect(keys).toMatchObject({ personId: casey.personId, userId: casey.user.userId, employeeId: casey.employeeId, email: casey.user.email });
    expect(await personKeys("no-such-person")).toBeNull();
  });

  it("returns every row about the person in every table, and none of another person's", async () => {
    const records = (await personRecords(casey.personId))!;
    for (const [model, ids] of Object.entries(casey.ids)) {
      expect(idsIn(records[model]), `${model} rows about Casey`).toEqual(expect.arrayContaining(ids));
      expect(idsIn(records[model]).filter((id) => other.ids[model]?.includes(id)), `${model} rows about Olive`).toEqual([]);
    }
    // The rows without an id of their own.
    expect(records.UserRole.map((r) => r.role).sort()).toEqual(["employee", "young_person"]);
    expect(records.UserRole.every((r) => r.userId === casey.user.userId)).toBe(true);
    expect(records.AdviserLink).toEqual([expect.objectContaining({ youngPersonId: casey.user.userId })]);
  });

  it("covers every table the map can find a person's own rows in (a new table needs a row here)", async () => {
    const records = (await personRecords(casey.personId))!;
    const subjectModels = PERSON_DATA_MAP.filter((e) => e.by.some((r) => (r.as ?? "subject") === "subject")).map((e) => e.model);
    expect(subjectModels.filter((m) => !records[m]?.length)).toEqual([]);
  });

  it("is JSON-safe: dates as ISO strings, secrets withheld", async () => {
    const records = (await personRecords(casey.personId))!;
    const person = records.Person[0];
    expect(person.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(JSON.parse(JSON.stringify(records))).toEqual(records);
    expect(records.Session.map((s) => s.id)).toEqual(["[withheld]"]);
    expect(records.SignInCode[0].secret).toBe("[withheld]");
    expect(JSON.stringify(records)).not.toMatch(/session-token-|TOTP-SECRET-/);
  });

  it("shows where the person only acted: the action, not the other person's data", async () => {
    const records = (await personRecords((await db().user.findUniqueOrThrow({ where: { id: coordinator.userId } })).personId))!;
    const messages = records.ApplicationMessage;
    expect(messages).toHaveLength(2);
    for (const m of messages) {
      expect(Object.keys(m).sort()).toEqual(["applicationId", "authorId", "createdAt", "id", "kind"]);
      expect(m.authorId).toBe(coordinator.userId);
    }
    expect(records.PanelMeeting).toHaveLength(1);
    expect(records.SupportApplication.every((a) => !("purpose" in a))).toBe(true);
    expect(JSON.stringify(records)).not.toMatch(/Casey|Olive/);
  });
});

describe("subjectAccessExport", () => {
  it("gives an administrator everything about the person, and audits who asked about whom", async () => {
    const actor = { userId: admin.userId, personId: (await db().user.findUniqueOrThrow({ where: { id: admin.userId } })).personId, roles: admin.roles };
    const started = Date.now();
    const data = (await subjectAccessExport(actor, casey.personId, "json", new Date("2026-11-20T10:00:00Z")))!;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(data.generatedAt).toBe("2026-11-20T10:00:00.000Z");
    expect(data.person).toMatchObject({ id: casey.personId, firstName: "Casey", email: casey.user.email });
    expect(idsIn(data.records.Donation)).toEqual(casey.ids.Donation);
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "person.exported", entityId: casey.personId } });
    expect(entry).toMatchObject({ actorUserId: admin.userId, actorRole: "admin", entityType: "Person" });
    expect(JSON.parse(entry.detail!)).toMatchObject({ format: "json" });
    expect(entry.detail).not.toMatch(/Casey|@/);
  });

  it("lets a person export their own data but not anyone else's", async () => {
    const self = { userId: casey.user.userId, personId: casey.personId, roles: casey.user.roles };
    expect((await subjectAccessExport(self, casey.personId, "html"))!.person.id).toBe(casey.personId);
    expect(await db().auditLog.count({ where: { action: "person.exported", entityId: casey.personId, actorRole: "self" } })).toBe(1);
    await expect(subjectAccessExport(self, other.personId)).rejects.toBeInstanceOf(SubjectAccessForbidden);
    await expect(personSummary(self, casey.personId)).rejects.toBeInstanceOf(SubjectAccessForbidden);
    expect(await db().auditLog.count({ where: { action: "person.exported", entityId: other.personId } })).toBe(0);
  });

  it("finds people by part of a name or email address, any case, paged", async () => {
    const found = await searchPeople("CASEY", 1);
    expect(found.rows.map((r) => r.id)).toEqual([casey.personId]);
    expect((await searchPeople("test.example", 1)).total).toBe(4);
    expect((await searchPeople("casey olive", 1)).total).toBe(0);
    expect((await searchPeople("100%_", 1)).total).toBe(0);
  });
});

describe("over HTTP", () => {
  const get = async (path: string, email?: string) =>
    fetch(server.baseUrl + path, { headers: email ? { Cookie: await sessionCookieFor(email) } : {}, redirect: "manual" });

  it("gives an administrator the JSON file, as an attachment, audited", async () => {
    const before = await db().auditLog.count({ where: { action: "person.exported", entityId: other.personId } });
    const res = await get(`/admin/people/${other.personId}/export.json`, admin.email);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="personal-data-${other.personId}-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
    expect(res.headers.get("cache-control")).toMatch(/no-store/);
    const body = (await res.json()) as { person: { id: string }; records: Record<string, { id: string }[]> };
    expect(body.person.id).toBe(other.personId);
    expect(idsIn(body.records.SupportApplication)).toEqual(other.ids.SupportApplication);
    expect(await db().auditLog.count({ where: { action: "person.exported", entityId: other.personId } })).toBe(before + 1);
  });

  it("shows an administrator the person, the readable copy, and finds them", async () => {
    const page = await get(`/admin/people/${other.personId}`, admin.email);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Download everything we hold (JSON)");
    expect(html).toContain("Readable copy (print)");
    const copy = await get(`/admin/people/${other.personId}/export`, admin.email);
    expect(copy.status).toBe(200);
    const text = await copy.text();
    expect(text).toContain("Everything we hold about Olive Test");
    expect(text).toContain("A laptop for Olive");
    expect(text).not.toContain("A laptop for Casey");
    expect(await db().auditLog.count({ where: { action: "person.viewed", entityId: other.personId, actorUserId: admin.userId } })).toBe(1);
    const list = await (await get("/admin/people?q=olive", admin.email)).text();
    expect(list).toContain(`/admin/people/${other.personId}`);
    expect(list).not.toContain(`/admin/people/${casey.personId}`);
  });

  it("refuses everyone but administrators, and a person's own export is theirs alone", async () => {
    for (const path of [`/admin/people/${other.personId}/export.json`, `/admin/people/${other.personId}/export`, `/admin/people/${other.personId}`, "/admin/people", "/admin/audit"]) {
      expect((await get(path, casey.user.email)).status, path).toBe(403);
      expect((await get(path, coordinator.email)).status, path).toBe(403);
      expect((await get(path)).status, path).toBe(302);
    }
    const mine = await get("/account/export.json", casey.user.email);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-disposition")).toMatch(/^attachment; /);
    const body = (await mine.json()) as { person: { id: string }; records: Record<string, { id: string }[]> };
    expect(body.person.id).toBe(casey.personId);
    expect(JSON.stringify(body)).not.toContain(other.personId);
    const readable = await get("/account/export", casey.user.email);
    expect(readable.status).toBe(200);
    expect(await readable.text()).toContain("Everything we hold about Casey Test");
    expect((await get("/account/export.json")).status).toBe(302);
  });
});
