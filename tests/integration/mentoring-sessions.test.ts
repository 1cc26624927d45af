// Mentoring sessions, safeguarding concerns, the closure survey and the cohort report (issue 8,
// items 6 and 7): only the pair's mentor logs sessions; the young person and adviser never see the
// notes; a concern reaches the safeguarding lead (or the coordinators) and its text is in no table
// but the email; the survey is once per person, only while the cohort is closing; the results and
// the CSV suppress a side with 3 responders.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { db, useTestDatabase } from "../helpers/db";
import { useFakeSendGrid } from "../helpers/fake-sendgrid";
import { makeUser, type TestUser } from "../helpers/users";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { sessionSchema, type SessionInput } from "~/domain/mentoring/sessions";
import { REPORT_COLUMNS, type SurveyAnswers } from "~/domain/mentoring/survey";
import { MentoringError, MentoringNotFoundError } from "~/services/mentoring.server";
import { cohortReportCsv, concernPageFor, logSession, raiseConcern, sessionsOf, submitSurvey, surveyPageFor, surveyResults } from "~/services/mentoring-sessions.server";
import type { Actor } from "~/services/time-offers.server";

useTestDatabase();

const START = "2026-10-05";
const NOW = new Date("2026-11-20T10:00:00Z");
const asActor = (u: TestUser): Actor => ({ userId: u.userId, roles: u.roles });

function session(over: Record<string, string> = {}): SessionInput {
  const result = sessionSchema("2026-11-20", START).safeParse({ dayDay: "17", dayMonth: "11", dayYear: "2026", minutes: "60", mode: "online", note: "Practised interview questions", ...over });
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}
const mentorAnswers = (n: number, comment: string | null = null): SurveyAnswers => ({ youngPersonId: null, scales: { prepared: n, pairing_worked: n, mentor_again: n }, comment });
const ypAnswers = (n: number, youngPersonId: string | null = null, comment: string | null = null): SurveyAnswers => ({
  youngPersonId,
  scales: { listened_to: n, helped_goals: n, would_recommend: n },
  comment,
});

let coordinatorUser: TestUser;
let coordinator: Actor;

async function cohort(status: string, name = "Autumn 2026") {
  return db().mentoringCohort.create({ data: { name, startsOn: new Date(`${START}T00:00:00Z`), weeks: 8, capacity: 10, status, createdById: coordinator.userId } });
}

/** A mentor and a young person paired in `cohortId`, with the pair's status. */
async function pair(cohortId: string, status = "active") {
  const mentorUser = await makeUser("Mentor", ["employee"], "One");
  const ypUser = await makeUser("Young", ["young_person"], "Person");
  const app = await db().mentorApplication.create({
    data: { cohortId, userId: mentorUser.userId, motivation: "To help", interests: "[]", skills: "[]", availability: "[]", ageBands: '["18_20"]', mode: "online", status: "selected" },
  });
  const profile = await db().menteeProfile.create({
    data: { cohortId, youngPersonId: ypUser.userId, createdById: ypUser.userId, ageBand: "18_20", interests: "[]", goals: "[]", availability: "[]", mode: "online" },
  });
  const match = await db().mentoringMatch.create({
    data: { cohortId, mentorAppId: app.id, menteeProfileId: profile.id, score: 50, explanation: "[]", status, confirmedById: coordinator.userId, confirmedAt: NOW },
  });
  return { match, mentor: asActor(mentorUser), mentorUser, youngPerson: asActor(ypUser), ypUser };
}

let stranger: Actor;
let adviser: Actor;
let otherAdviser: Actor;

beforeAll(async () => {
  coordinatorUser = await makeUser("Casey", ["coordinator"], "Coord");
  coordinator = asActor(coordinatorUser);
  stranger = asActor(await makeUser("Stranger", ["employee", "young_person"]));
  adviser = asActor(await makeUser("Aisha", ["personal_adviser"], "Khan"));
  otherAdviser = asActor(await makeUser("Dev", ["personal_adviser"]));
  await db().organisationSettings.create({ data: { id: 1, councilName: "Test Council", fundName: "Test Fund" } });
});

describe("the session log", () => {
  it("only the pair's mentor logs a session, for a day from the cohort's start to today; the audit holds no note", async () => {
    const c = await cohort("running");
    const p = await pair(c.id);
    await db().adviserLink.create({ data: { adviserId: adviser.userId, youngPersonId: p.youngPerson.userId } });
    const { id } = await logSession(p.mentor, p.match.id, session({ note: "We worked on her CV together" }), NOW);
    const row = await db().mentoringSession.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ matchId: p.match.id, minutes: 60, mode: "online", note: "We worked on her CV together" });
    expect(row.day.toISOString()).toBe("2026-11-17T00:00:00.000Z");
    const entries = await db().auditLog.findMany({ where: { entityId: id } });
    expect(entries.map((e) => e.action)).toEqual(["mentoring_session.logged"]);
    expect(JSON.stringify(entries)).not.toContain("CV together");

    for (const actor of [p.youngPerson, adviser, coordinator, stranger]) await expect(logSession(actor, p.match.id, session(), NOW)).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(logSession(p.mentor, "no-such-pair", session(), NOW)).rejects.toBeInstanceOf(MentoringNotFoundError);
    // The service checks the day again, whatever the form let through.
    await expect(logSession(p.mentor, p.match.id, { ...session(), day: "2026-11-21" }, NOW)).rejects.toThrow("The date of the session must be today or in the past");
    await expect(logSession(p.mentor, p.match.id, { ...session(), day: "2026-10-04" }, NOW)).rejects.toThrow("on or after the day the cohort started");
    await expect(logSession(p.mentor, p.match.id, { ...session(), minutes: 481 }, NOW)).rejects.toThrow("Enter between 5 and 480 minutes");
    expect(await db().mentoringSession.count({ where: { matchId: p.match.id } })).toBe(1);
  });

  it("is closed once the pair has ended", async () => {
    const c = await cohort("running");
    const p = await pair(c.id, "ended");
    await expect(logSession(p.mentor, p.match.id, session(), NOW)).rejects.toThrow("This pair is no longer meeting");
    expect((await sessionsOf(p.mentor, p.match.id)).canLog).toBe(false);
  });

  it("shows the mentor and the coordinator the notes; the young person and their adviser only dates and lengths; anyone else not found", async () => {
    const c = await cohort("running");
    const p = await pair(c.id);
    await db().adviserLink.create({ data: { adviserId: adviser.userId, youngPersonId: p.youngPerson.userId } });
    await logSession(p.mentor, p.match.id, session({ note: "Talked about the bus to college" }), NOW);
    await logSession(p.mentor, p.match.id, session({ dayDay: "19", minutes: "45", mode: "in_person", note: "Budget spreadsheet" }), NOW);

    const mine = await sessionsOf(p.mentor, p.match.id);
    expect(mine).toMatchObject({ viewer: "mentor", canLog: true, startKey: START, totals: { count: 2, minutes: 105 } });
    expect(mine.pair).toMatchObject({ mentorName: "Mentor", youngPersonName: "Young" });
    expect(mine.sessions.map((s) => [s.dayKey, s.minutes, s.mode, s.note])).toEqual([
      ["2026-11-19", 45, "in_person", "Budget spreadsheet"],
      ["2026-11-17", 60, "online", "Talked about the bus to college"],
    ]);

    const coordinators = await sessionsOf(coordinator, p.match.id);
    expect(coordinators.viewer).toBe("coordinator");
    expect(coordinators.canLog).toBe(false);
    expect(coordinators.pair).toMatchObject({ mentorName: "Mentor One", youngPersonName: "Young Person" });
    expect(coordinators.sessions.map((s) => s.note)).toEqual(["Budget spreadsheet", "Talked about the bus to college"]);
    expect((await db().auditLog.findMany({ where: { entityId: p.match.id, action: "mentoring_sessions.viewed" } })).map((a) => a.actorUserId)).toEqual([coordinator.userId]);

    for (const actor of [p.youngPerson, adviser]) {
      const view = await sessionsOf(actor, p.match.id);
      expect(view.canLog).toBe(false);
      expect(view.pair.mentorName).toBe("Mentor");
      expect(view.sessions.map((s) => [s.dayKey, s.minutes])).toEqual([
        ["2026-11-19", 45],
        ["2026-11-17", 60],
      ]);
      expect(view.sessions.every((s) => !("note" in s) && !("mode" in s))).toBe(true);
      const json = JSON.stringify(view);
      expect(json).not.toContain("Budget spreadsheet");
      expect(json).not.toContain("bus to college");
    }
    for (const actor of [stranger, otherAdviser]) await expect(sessionsOf(actor, p.match.id)).rejects.toBeInstanceOf(MentoringNotFoundError);
  });
});

describe("a safeguarding concern", () => {
  const CONCERN = "At our session J said an adult at home hit them last night (unique-marker-7319).";

  it("goes to the safeguarding lead, urgent, with the text; no table but the outbox (the email) holds the text", async () => {
    await db().organisationSettings.update({ where: { id: 1 }, data: { safeguardingLeadEmail: "dsl@council.example" } });
    const c = await cohort("running", "Spring 2027");
    const p = await pair(c.id);
    await db().adviserLink.create({ data: { adviserId: adviser.userId, youngPersonId: p.youngPerson.userId } });
    await logSession(p.mentor, p.match.id, session(), NOW);
    expect((await concernPageFor(p.mentor, p.match.id, NOW)).recipients).toEqual({ to: "lead", count: 1 });

    expect(await raiseConcern(p.mentor, p.match.id, `  ${CONCERN}  `, NOW)).toEqual({ to: "lead", count: 1 });

    const emails = await db().outboxEmail.findMany({ where: { template: "safeguarding-concern" } });
    expect(emails.map((e) => e.to)).toEqual(["dsl@council.example"]);
    const [email] = emails;
    expect(email.subject).toMatch(/^URGENT: safeguarding concern/);
    expect(email.subject).not.toContain("Young");
    for (const body of [email.text, email.html]) {
      expect(body).toContain("unique-marker-7319");
      expect(body).toContain("Young Person");
      expect(body).toContain("Mentor One");
      expect(body).toContain("Aisha Khan");
      expect(body).toContain("Spring 2027");
    }

    // Every session and every audit entry, searched for the text.
    const sessions = await db().mentoringSession.findMany();
    const audits = await db().auditLog.findMany();
    expect(sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(sessions)).not.toContain("unique-marker-7319");
    expect(JSON.stringify(audits)).not.toContain("unique-marker-7319");
    expect(JSON.stringify(audits)).not.toContain("hit them");
    const raised = audits.filter((a) => a.action === "mentoring_concern.raised");
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ actorUserId: p.mentor.userId, entityType: "MentoringMatch", entityId: p.match.id });
    expect(JSON.parse(raised[0].detail!)).toEqual({ cohortId: c.id, to: "lead", recipients: 1 });

    // The confirmation shows only to this mentor, for this pair, within the hour (audit entries carry the real time).
    expect((await concernPageFor(p.mentor, p.match.id)).sentRecently).toBe(true);
    expect((await concernPageFor(p.mentor, p.match.id, new Date(Date.now() + 2 * 60 * 60 * 1000))).sentRecently).toBe(false);
    const other = await pair(c.id);
    expect((await concernPageFor(other.mentor, other.match.id)).sentRecently).toBe(false);
  });

  it("goes to every active coordinator when no lead is set, and says so", async () => {
    await db().organisationSettings.update({ where: { id: 1 }, data: { safeguardingLeadEmail: null } });
    const second = await makeUser("Robin", ["coordinator"]);
    const gone = await makeUser("Gone", ["coordinator"]);
    await db().user.update({ where: { id: gone.userId }, data: { active: false } });
    const c = await cohort("running");
    const p = await pair(c.id);
    const before = await db().outboxEmail.count();
    const page = await concernPageFor(p.mentor, p.match.id);
    expect(page).toMatchObject({ recipients: { to: "coordinators", count: 2 }, sentRecently: false });
    expect(await raiseConcern(p.mentor, p.match.id, "Another worry", NOW)).toEqual({ to: "coordinators", count: 2 });
    const sent = await db().outboxEmail.findMany({ where: { template: "safeguarding-concern", text: { contains: "Another worry" } } });
    expect(sent.map((e) => e.to).sort()).toEqual([coordinatorUser.email, second.email].sort());
    expect(await db().outboxEmail.count()).toBe(before + 2);
    expect(sent[0].text).toContain("no designated safeguarding lead is set up");
  });

  it("is only the pair's mentor's to raise (anyone else: not found), and needs some text", async () => {
    const c = await cohort("running");
    const p = await pair(c.id);
    await db().adviserLink.create({ data: { adviserId: adviser.userId, youngPersonId: p.youngPerson.userId } });
    for (const actor of [p.youngPerson, adviser, coordinator, stranger]) {
      await expect(raiseConcern(actor, p.match.id, "words", NOW)).rejects.toBeInstanceOf(MentoringNotFoundError);
      await expect(concernPageFor(actor, p.match.id, NOW)).rejects.toBeInstanceOf(MentoringNotFoundError);
    }
    await expect(raiseConcern(p.mentor, p.match.id, "   ", NOW)).rejects.toThrow("Describe your concern");
  });

  describe("when the email cannot be sent", () => {
    // A SendGrid that refuses everything.
    useFakeSendGrid({ status: () => 500 });

    it("tells the mentor to phone, and records that it was not sent (still without the text)", async () => {
      await db().organisationSettings.update({ where: { id: 1 }, data: { safeguardingLeadEmail: "dsl@council.example" } });
      const c = await cohort("running");
      const p = await pair(c.id);
      await expect(raiseConcern(p.mentor, p.match.id, "unsent-marker-4410", NOW)).rejects.toThrow("Your concern could not be sent. Call the safeguarding lead");
      const entries = await db().auditLog.findMany({ where: { entityId: p.match.id } });
      expect(entries.map((e) => e.action).sort()).toEqual(["mentoring_concern.not_sent", "mentoring_concern.raised"]);
      expect(JSON.stringify(await db().auditLog.findMany())).not.toContain("unsent-marker-4410");
      expect(JSON.stringify(await db().outboxEmail.findMany())).not.toContain("unsent-marker-4410");
    });
  });
});

describe("the closure survey", () => {
  it("opens only when the cohort is closing, and is answered once per person", async () => {
    const c = await cohort("running");
    const p = await pair(c.id);
    const page = await surveyPageFor(p.mentor, c.id, null);
    expect(page).toMatchObject({ kind: "survey", side: "mentor", answered: false, closedBecause: expect.stringMatching(/opens when the cohort is closing/) });
    await expect(submitSurvey(p.mentor, c.id, mentorAnswers(4), NOW)).rejects.toThrow("The survey opens when the cohort is closing");

    await db().mentoringCohort.update({ where: { id: c.id }, data: { status: "closing" } });
    expect(await submitSurvey(p.mentor, c.id, mentorAnswers(4, "Good experience"), NOW)).toEqual({ side: "mentor" });
    await expect(submitSurvey(p.mentor, c.id, mentorAnswers(5), NOW)).rejects.toThrow(new MentoringError("This survey has already been answered. Thank you."));
    expect(await surveyPageFor(p.mentor, c.id, null)).toMatchObject({ kind: "survey", answered: true, closedBecause: null });

    const row = await db().mentoringSurvey.findUniqueOrThrow({ where: { cohortId_userId: { cohortId: c.id, userId: p.mentor.userId } } });
    expect(row).toMatchObject({ side: "mentor", comment: "Good experience" });
    expect(JSON.parse(row.scales)).toEqual({ prepared: 4, pairing_worked: 4, mentor_again: 4 });
    const [entry] = await db().auditLog.findMany({ where: { entityId: row.id } });
    expect(entry.action).toBe("mentoring_survey.submitted");
    expect(entry.detail).not.toContain("Good experience");

    // The young person's own survey, and the wrong side's questions refused.
    await expect(submitSurvey(p.youngPerson, c.id, mentorAnswers(3), NOW)).rejects.toThrow("Answer every question in the survey.");
    expect(await submitSurvey(p.youngPerson, c.id, ypAnswers(5), NOW)).toEqual({ side: "young_person" });
    await db().mentoringCohort.update({ where: { id: c.id }, data: { status: "evaluated" } });
    await expect(submitSurvey(p.youngPerson, c.id, ypAnswers(5), NOW)).rejects.toThrow("already been answered");
  });

  it("lets a linked adviser answer for the young person (it counts as theirs); nobody else outside a pair that ran", async () => {
    const c = await cohort("closing");
    const p = await pair(c.id);
    const ended = await pair(c.id, "ended");
    await db().adviserLink.create({ data: { adviserId: adviser.userId, youngPersonId: p.youngPerson.userId } });

    expect(await surveyPageFor(adviser, c.id, null)).toEqual({ kind: "choose", cohort: { id: c.id, name: c.name }, youngPeople: [{ id: p.youngPerson.userId, firstName: "Young", answered: false }] });
    expect(await surveyPageFor(adviser, c.id, p.youngPerson.userId)).toMatchObject({ kind: "survey", side: "young_person", forYoungPerson: { id: p.youngPerson.userId, firstName: "Young" } });
    await expect(submitSurvey(otherAdviser, c.id, ypAnswers(4, p.youngPerson.userId), NOW)).rejects.toBeInstanceOf(MentoringNotFoundError);
    expect(await submitSurvey(adviser, c.id, ypAnswers(4, p.youngPerson.userId), NOW)).toEqual({ side: "young_person" });
    // Once per person: the young person has answered, through their adviser.
    await expect(submitSurvey(p.youngPerson, c.id, ypAnswers(2), NOW)).rejects.toThrow("already been answered");
    const row = await db().mentoringSurvey.findUniqueOrThrow({ where: { cohortId_userId: { cohortId: c.id, userId: p.youngPerson.userId } } });
    expect(row.side).toBe("young_person");
    const [entry] = await db().auditLog.findMany({ where: { entityId: row.id } });
    expect(entry).toMatchObject({ actorUserId: adviser.userId, actorRole: "personal_adviser" });

    // A pair ended as not a good fit is not surveyed; strangers and the coordinator have no survey.
    for (const actor of [ended.mentor, ended.youngPerson, stranger, coordinator]) {
      await expect(surveyPageFor(actor, c.id, null)).rejects.toBeInstanceOf(MentoringNotFoundError);
      await expect(submitSurvey(actor, c.id, mentorAnswers(3), NOW)).rejects.toBeInstanceOf(MentoringNotFoundError);
    }
    await expect(surveyPageFor(otherAdviser, c.id, null)).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(surveyPageFor(p.mentor, "no-such-cohort", null)).rejects.toBeInstanceOf(MentoringNotFoundError);
  });
});

describe("the results and the cohort report", () => {
  let cohortId = "";

  beforeAll(async () => {
    await db().organisationSettings.update({ where: { id: 1 }, data: { suppressionThreshold: 5 } });
    const c = await cohort("running", "Report cohort");
    cohortId = c.id;
    const pairs = [];
    for (let i = 0; i < 6; i++) pairs.push(await pair(c.id));
    await pair(c.id, "ended");
    for (const p of pairs.slice(0, 3)) {
      await logSession(p.mentor, p.match.id, session({ minutes: "90" }), NOW);
      await logSession(p.mentor, p.match.id, session({ dayDay: "18", minutes: "45" }), NOW);
    }
    await db().mentoringCohort.update({ where: { id: c.id }, data: { status: "closing" } });
    await db().mentoringMatch.updateMany({ where: { cohortId: c.id, status: "active" }, data: { status: "closed" } });
    // 6 mentors answer (enough); 3 young people (too few: suppressed).
    const scores = [5, 5, 5, 5, 4, 3];
    for (const [i, p] of pairs.entries()) await submitSurvey(p.mentor, c.id, mentorAnswers(scores[i], i < 2 ? `Mentor comment ${i}` : null), NOW);
    for (const p of pairs.slice(0, 3)) await submitSurvey(p.youngPerson, c.id, ypAnswers(5, null, "yp-comment-secret"), NOW);
  });

  it("shows a side with enough responders and suppresses the side with 3, saying why", async () => {
    const report = await surveyResults(coordinator, cohortId);
    expect(report.threshold).toBe(5);
    // 1 ended is hidden; with the 7 confirmed shown, the 6 closed would give it away, so they are hidden too.
    expect(report.pairs).toEqual({ cells: [0, "c", "c"], total: 7 });
    expect(report.sessions).toEqual({ count: 6, minutes: 405 });
    // 3 young people is hidden; the total 9 is shown, so the 6 mentors are hidden as well.
    expect(report.survey.responders).toEqual({ cells: ["c", "c"], total: 9 });

    const mentors = report.survey.sides.find((s) => s.side === "mentor")!;
    expect(mentors.questions[0]).toMatchObject({ key: "prepared", counts: { cells: [0, 0, "c", "c", "c"], total: 6 }, mean: 4.5 });
    expect(mentors.comments).toEqual(["Mentor comment 0", "Mentor comment 1"]);

    const yp = report.survey.sides.find((s) => s.side === "young_person")!;
    expect(yp.questions.every((q) => q.mean === null && q.counts.total === "c")).toBe(true);
    expect(yp.comments).toBeNull();
    expect(yp.hiddenBecause).toMatch(/^Fewer than 5 young people answered/);
    expect(JSON.stringify(report)).not.toContain("yp-comment-secret");
  });

  it("follows the threshold in settings", async () => {
    await db().organisationSettings.update({ where: { id: 1 }, data: { suppressionThreshold: 3 } });
    const report = await surveyResults(coordinator, cohortId);
    expect(report.survey.sides[1].comments).toEqual(["yp-comment-secret", "yp-comment-secret", "yp-comment-secret"]);
    await db().organisationSettings.update({ where: { id: 1 }, data: { suppressionThreshold: 5 } });
  });

  it("downloads the same suppressed figures as CSV, without comments, and audits the download", async () => {
    const report = await surveyResults(coordinator, cohortId);
    const file = await cohortReportCsv(coordinator, cohortId);
    expect(file.filename).toBe("mentoring-report-report-cohort.csv");
    const rows: string[][] = parse(file.text);
    expect(rows[0]).toEqual([...REPORT_COLUMNS]);
    const row = (measure: string) => rows.find((r) => r[1] === measure)!;
    expect(row("Pairs confirmed")[7]).toBe(String(report.pairs.total));
    expect(row("Ended early (not a good fit)")[7]).toBe("c");
    expect(row("Closed at the end of the cohort")[7]).toBe("c");
    expect(row("Sessions logged")[7]).toBe("6");
    expect(row("Hours of mentoring")[7]).toBe("6.75");
    expect(row("Mentors")[7]).toBe("c");
    expect(row("Young people")[7]).toBe("c");
    expect(row("I felt prepared to mentor")).toEqual(["Mentors' survey", "I felt prepared to mentor", "0", "0", "c", "c", "c", "6", "4.5"]);
    expect(row("I felt listened to")).toEqual(["Young people's survey", "I felt listened to", "0", "0", "0", "0", "c", "c", ""]);
    expect(file.text).not.toContain("comment");
    const downloads = await db().auditLog.findMany({ where: { entityId: cohortId, action: "mentoring_report.downloaded" } });
    expect(downloads.map((d) => d.actorUserId)).toEqual([coordinator.userId]);
  });

  it("is the coordinator's only (anyone else: not found)", async () => {
    for (const actor of [stranger, adviser]) {
      await expect(surveyResults(actor, cohortId)).rejects.toBeInstanceOf(MentoringNotFoundError);
      await expect(cohortReportCsv(actor, cohortId)).rejects.toBeInstanceOf(MentoringNotFoundError);
    }
    await expect(surveyResults(coordinator, "no-such-cohort")).rejects.toBeInstanceOf(MentoringNotFoundError);
  });
});

describe("the pages, without JavaScript", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());
  const get = (path: string, cookie: string) => fetch(server.baseUrl + path, { headers: { Cookie: cookie }, redirect: "manual" });
  const post = (path: string, cookie: string, body: Record<string, string>) =>
    fetch(server.baseUrl + path, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(body), redirect: "manual" });

  it("the mentor logs a session on the sessions page; the young person and their adviser see the date, not the note", async () => {
    const c = await cohort("running");
    const p = await pair(c.id);
    await db().adviserLink.create({ data: { adviserId: adviser.userId, youngPersonId: p.youngPerson.userId } });
    const mentorCookie = await sessionCookieFor(p.mentorUser.email);
    const path = `/mentoring/pairs/${p.match.id}/sessions`;
    expect(await (await get(path, mentorCookie)).text()).toContain("Log a session");

    const bad = await post(path, mentorCookie, { dayDay: "", dayMonth: "", dayYear: "", minutes: "2", mode: "", note: "" });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("There is a problem");
    expect(badHtml).toContain("Enter between 5 and 480 minutes");

    // The pages use the real clock: 2 November 2026 is after the cohort's start and not in the future.
    const ok = await post(path, mentorCookie, { dayDay: "2", dayMonth: "11", dayYear: "2026", minutes: "50", mode: "in_person", note: "Note-marker-5521 about cooking" });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(path);
    expect(await (await get(path, mentorCookie)).text()).toContain("Note-marker-5521");

    for (const user of [p.ypUser, { email: (await db().user.findUniqueOrThrow({ where: { id: adviser.userId } })).email }]) {
      const res = await get(path, await sessionCookieFor(user.email));
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("2 November 2026");
      expect(html).toContain("50 minutes");
      expect(html).not.toContain("Note-marker-5521");
      expect(html).not.toContain("Log a session");
    }
    // Posting as the young person: not found, nothing logged.
    expect((await post(path, await sessionCookieFor(p.ypUser.email), { dayDay: "2", dayMonth: "11", dayYear: "2026", minutes: "50", mode: "online", note: "x" })).status).toBe(404);
    expect(await db().mentoringSession.count({ where: { matchId: p.match.id } })).toBe(1);
  });

  it("the concern page says who it goes to and about 999; the confirmation does not repeat the text", async () => {
    await db().organisationSettings.update({ where: { id: 1 }, data: { safeguardingLeadEmail: "dsl@council.example" } });
    const c = await cohort("running");
    const p = await pair(c.id);
    const mentorCookie = await sessionCookieFor(p.mentorUser.email);
    const path = `/mentoring/pairs/${p.match.id}/concern`;
    const page = await (await get(path, mentorCookie)).text();
    expect(page).toContain("call 999");
    expect(page).toContain("designated safeguarding lead");
    // Before anything is sent, ?sent shows the form, not a confirmation.
    expect(await (await get(`${path}?sent`, mentorCookie)).text()).not.toContain("Your concern has been sent");

    expect((await post(path, mentorCookie, { concern: "" })).status).toBe(400);
    const sent = await post(path, mentorCookie, { concern: "Http-concern-marker-8802" });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(`${path}?sent`);
    const confirmation = await (await get(`${path}?sent`, mentorCookie)).text();
    expect(confirmation).toContain("Your concern has been sent");
    expect(confirmation).not.toContain("Http-concern-marker-8802");
    expect((await db().outboxEmail.findMany({ where: { text: { contains: "Http-concern-marker-8802" } } })).map((e) => e.to)).toEqual(["dsl@council.example"]);
    expect((await get(path, await sessionCookieFor(p.ypUser.email))).status).toBe(403);
  });

  it("the survey is answered once on its page; the coordinator's report shows it suppressed and downloads as CSV", async () => {
    const c = await cohort("closing", "Http cohort");
    const p = await pair(c.id);
    const mentorCookie = await sessionCookieFor(p.mentorUser.email);
    const path = `/mentoring/${c.id}/survey`;
    expect(await (await get(path, mentorCookie)).text()).toContain("I felt prepared to mentor");
    const bad = await post(path, mentorCookie, { prepared: "4" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Choose an answer from 1 to 5 for &quot;The pairing worked&quot;");
    const ok = await post(path, mentorCookie, { prepared: "4", pairing_worked: "5", mentor_again: "5", comment: "" });
    expect(ok.status).toBe(303);
    expect(await (await get(path, mentorCookie)).text()).toContain("Survey answered");
    expect((await post(path, mentorCookie, { prepared: "1", pairing_worked: "1", mentor_again: "1" })).status).toBe(409);

    const coordinatorCookie = await sessionCookieFor(coordinatorUser.email);
    const report = await (await get(`/coordinator/mentoring/${c.id}/report`, coordinatorCookie)).text();
    expect(report).toContain("Http cohort");
    expect(report).toContain("Fewer than 5 mentors answered");
    const csv = await get(`/coordinator/mentoring/${c.id}/report.csv`, coordinatorCookie);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="mentoring-report-http-cohort.csv"');
    expect(await csv.text()).toContain("I felt prepared to mentor");
  });
});
