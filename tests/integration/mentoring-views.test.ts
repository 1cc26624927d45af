// The mentoring pages for employees, young people and advisers (issue 8): the /mentoring home per role
// (first names only across a pair; an adviser sees only their caseload; survey links when a cohort
// closes), the profile page's access, and the social worker's email: it keeps that employee (and their
// team) from being the young person's mentor through cohortFacts + proposeMatches, is never stored, and
// over HTTP a known and an unknown address get the same answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { cohortAnswers, mentorAnswers, profileAnswers } from "../helpers/mentoring";
import { TRAINING_MODULES } from "~/domain/mentoring/gates";
import { proposeMatches } from "~/domain/mentoring/matching";
import { recordTraining } from "~/services/mentoring-gates.server";
import { MentoringNotFoundError, advanceCohort, applyToMentor, cohortFacts, createCohort, recordInterview, saveMenteeProfile, select, shortlist } from "~/services/mentoring.server";
import { applyPageFor, mentoringHomeFor, profilePageFor } from "~/services/mentoring-views.server";
import type { Actor } from "~/services/time-offers.server";

useTestDatabase();

const TODAY = "2026-09-01";
const NOW = new Date(`${TODAY}T10:00:00Z`);

const cohortInput = (name: string) => cohortAnswers({ name, capacity: "6" }, TODAY);
const applicationInput = (over: Record<string, unknown> = {}) =>
  mentorAnswers({ interests: ["music"], skills: ["cv_help", "budgeting"], ageBands: ["18_20", "21_25"], mode: "either", gender: undefined, ...over });
const profileInput = (over: Record<string, unknown> = {}) => profileAnswers({ mode: "either", ...over });

let n = 0;
type U = Actor & { email: string };
/** A person with a sign-in account; with a department, an employee record in that team. */
async function makeUser(firstName: string, roles: string[], department?: string): Promise<U> {
  n++;
  const email = `${firstName.toLowerCase()}.${n}@views.example`;
  const person = await db().person.create({ data: { firstName, lastName: `Surname${n}`, email } });
  const user = await db().user.create({ data: { personId: person.id, email, roles: { create: roles.map((role) => ({ role })) } } });
  if (department) {
    const payGroup = await db().payGroup.upsert({ where: { name: "Monthly" }, update: {}, create: { name: "Monthly", frequency: "monthly", cutOffDay: 10 } });
    await db().employeeRecord.create({ data: { personId: person.id, payrollNumber: `V${n}`, payGroupId: payGroup.id, department } });
  }
  return { userId: user.id, roles: roles as Actor["roles"], email };
}

/** An employee's application taken to selected; trained unless `trained` is false. */
async function selectedMentor(who: Actor, cohortId: string, over: Record<string, unknown> = {}, trained = true): Promise<string> {
  const { id } = await applyToMentor(who, cohortId, applicationInput(over), NOW);
  await shortlist(coordinator, id);
  await recordInterview(coordinator, id, "suitable");
  await select(coordinator, id);
  if (trained) for (const module of TRAINING_MODULES) await recordTraining(coordinator, id, module, NOW, NOW);
  return id;
}

const pair = (cohortId: string, mentorAppId: string, menteeProfileId: string) =>
  db().mentoringMatch.create({ data: { cohortId, mentorAppId, menteeProfileId, score: 80, explanation: "[]", confirmedById: coordinator.userId, confirmedAt: NOW } });

let coordinator: U, alex: U, sam: U, jordan: U, riley: U, adviser: U, otherAdviser: U;

beforeAll(async () => {
  coordinator = await makeUser("Chris", ["coordinator"]);
  alex = await makeUser("Alex", ["employee"], "Finance");
  sam = await makeUser("Sam", ["employee"], "Libraries");
  jordan = await makeUser("Jordan", ["young_person"]);
  riley = await makeUser("Riley", ["young_person"]);
  adviser = await makeUser("Aisha", ["personal_adviser"]);
  otherAdviser = await makeUser("Dev", ["personal_adviser"]);
  await db().adviserLink.create({ data: { adviserId: adviser.userId, youngPersonId: jordan.userId } });
  await db().adviserLink.create({ data: { adviserId: otherAdviser.userId, youngPersonId: riley.userId } });
});

describe("the mentoring home", () => {
  it("an employee: recruiting cohorts (applied or not), each application's status, next step and gates in words, pairs by first name, the survey when closing", async () => {
    const recruiting = await createCohort(coordinator, cohortInput("Spring pilot"), NOW);
    const running = await createCohort(coordinator, cohortInput("Autumn pilot"), NOW);
    // Alex applies to both; in Autumn he is selected but untrained, offering under-18s without a DBS check.
    await applyToMentor(alex, recruiting.id, applicationInput({ managerAgreed: "no" }), NOW);
    const autumnApp = await selectedMentor(alex, running.id, { ageBands: ["16_17", "18_20"] }, false);

    let home = (await mentoringHomeFor(alex)).employee!;
    expect(home.recruiting.map((c) => [c.name, c.applied]).sort()).toEqual([
      ["Autumn pilot", true],
      ["Spring pilot", true],
    ]);
    expect(home.recruiting.find((c) => c.id === recruiting.id)).toMatchObject({ startsOn: "2026-10-05", weeks: 8, dropInDays: ["2026-09-20"] });
    const spring = home.applications.find((a) => a.cohort.name === "Spring pilot")!;
    expect(spring).toMatchObject({ statusLabel: "Applied" });
    expect(spring.nextStep).toMatch(/manager has not agreed/);
    const autumn = home.applications.find((a) => a.id === autumnApp)!;
    expect(autumn.statusLabel).toBe("Selected");
    expect(autumn.gatesToPass).toEqual([
      'You have not completed the training "The mentoring pilot\'s induction"',
      'You have not completed the training "Safeguarding children and young adults"',
      'You have not completed the training "Boundaries, confidentiality and endings"',
      "You have no clear Enhanced DBS check with the children's barred list, needed to mentor young people aged 16 to 17",
    ]);
    // Sam has applied nowhere: both cohorts can be applied to.
    expect((await mentoringHomeFor(sam)).employee!.recruiting.map((c) => c.applied)).toEqual([false, false]);

    // Trained, DBS clear, paired with Jordan; the cohort runs, then closes.
    for (const module of TRAINING_MODULES) await recordTraining(coordinator, autumnApp, module, NOW, NOW);
    await db().dbsCheck.create({ data: { userId: alex.userId, level: "enhanced_barred", certificateNumber: "001", issuedOn: NOW, outcome: "clear", recordedById: coordinator.userId } });
    const profile = await saveMenteeProfile(jordan, running.id, profileInput(), NOW);
    await advanceCohort(coordinator, running.id, "matching");
    const match = await pair(running.id, autumnApp, profile.id);
    await advanceCohort(coordinator, running.id, "running");

    home = (await mentoringHomeFor(alex)).employee!;
    expect(home.applications.find((a) => a.id === autumnApp)).toMatchObject({ gatesToPass: [], nextStep: expect.stringMatching(/You are mentoring/) });
    expect(home.pairs).toEqual([{ id: match.id, cohortId: running.id, cohortName: "Autumn pilot", firstName: "Jordan", status: "active", statusLabel: "Meeting" }]);
    // First name only: nothing else about the young person.
    expect(JSON.stringify(home)).not.toMatch(/Surname|views\.example/);
    expect(home.surveys).toEqual([]);

    await advanceCohort(coordinator, running.id, "closing");
    expect((await mentoringHomeFor(alex)).employee!.surveys).toEqual([{ cohortId: running.id, cohortName: "Autumn pilot", done: false }]);
    await db().mentoringSurvey.create({ data: { cohortId: running.id, userId: alex.userId, side: "mentor", scales: "{}" } });
    expect((await mentoringHomeFor(alex)).employee!.surveys).toEqual([{ cohortId: running.id, cohortName: "Autumn pilot", done: true }]);

    // The young person: their mentor's first name, their cohort's state, the survey. No employee section.
    const mine = await mentoringHomeFor(jordan);
    expect(mine.employee).toBeNull();
    expect(mine.caseload).toBeNull();
    // Planned closure: moving the cohort to closing closed the pair.
    expect(await db().mentoringMatch.findUniqueOrThrow({ where: { id: match.id }, select: { status: true, endedAt: true } })).toEqual({ status: "closed", endedAt: expect.any(Date) });
    expect(mine.youngPerson!.pairs).toEqual([{ id: match.id, cohortId: running.id, cohortName: "Autumn pilot", firstName: "Alex", status: "closed", statusLabel: "Finished" }]);
    expect(JSON.stringify(mine)).not.toMatch(/Surname|views\.example|Finance/);
    expect(mine.youngPerson!.cohorts.find((c) => c.id === running.id)).toMatchObject({ hasProfile: true, profileStatus: "This cohort has finished." });
    // The open Spring cohort is offered to them, not started.
    expect(mine.youngPerson!.cohorts.find((c) => c.id === recruiting.id)).toMatchObject({ hasProfile: false, open: true, profileStatus: expect.stringMatching(/^Not started/) });
    expect(mine.youngPerson!.surveys).toEqual([{ cohortId: running.id, cohortName: "Autumn pilot", done: false }]);
  });

  it("a personal adviser sees each young person on their caseload, and nobody else's", async () => {
    const { id } = await createCohort(coordinator, cohortInput("Adviser view"), NOW);
    await saveMenteeProfile(riley, id, profileInput(), NOW);
    const home = await mentoringHomeFor(adviser);
    expect(home.employee).toBeNull();
    expect(home.youngPerson).toBeNull();
    expect(home.caseload!.map((p) => p.youngPersonId)).toEqual([jordan.userId]);
    expect(home.caseload![0].name).toMatch(/^Jordan /);
    expect(home.caseload![0].cohorts.find((c) => c.id === id)).toMatchObject({ hasProfile: false, profileStatus: "Not started. Tell us about them to be matched with a mentor." });
    // Riley's profile shows on Riley's adviser's page only.
    const other = await mentoringHomeFor(otherAdviser);
    expect(other.caseload!.map((p) => p.youngPersonId)).toEqual([riley.userId]);
    expect(other.caseload![0].cohorts.find((c) => c.id === id)).toMatchObject({ hasProfile: true, profileStatus: expect.stringMatching(/^Answers saved/) });
  });
});

describe("the apply and profile pages' data", () => {
  it("apply: the employee's application or none; not an employee or an unknown cohort is not found", async () => {
    const { id } = await createCohort(coordinator, cohortInput("Apply page"), NOW);
    expect(await applyPageFor(sam, id)).toMatchObject({ cohort: { name: "Apply page", status: "recruiting" }, application: null });
    await applyToMentor(sam, id, applicationInput(), NOW);
    expect((await applyPageFor(sam, id)).application).toMatchObject({ statusLabel: "Applied", nextStep: expect.stringMatching(/may invite you to an interview/) });
    await expect(applyPageFor(jordan, id)).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(applyPageFor(sam, "no-such-cohort")).rejects.toBeInstanceOf(MentoringNotFoundError);
  });

  it("profile: their own; an adviser's caseload (chooser without ?for=); anyone else not found; the view is audited", async () => {
    const { id } = await createCohort(coordinator, cohortInput("Profile page"), NOW);
    const empty = await profilePageFor(jordan, id, null);
    expect(empty).toMatchObject({ isYoungPerson: true, youngPerson: { id: jordan.userId, firstName: "Jordan" }, profile: null });
    const saved = await saveMenteeProfile(adviser, id, profileInput({ youngPersonId: jordan.userId, interests: ["gaming"] }), NOW);
    const page = await profilePageFor(adviser, id, jordan.userId);
    expect(page).toMatchObject({ isYoungPerson: false, profile: { interests: ["gaming"], formValues: { youngPersonId: jordan.userId } } });
    expect(await db().auditLog.count({ where: { entityId: saved.id, action: "mentee_profile.viewed", actorUserId: adviser.userId } })).toBe(1);
    expect(await profilePageFor(adviser, id, null)).toMatchObject({ chooseFrom: [{ id: jordan.userId }] });

    await expect(profilePageFor(otherAdviser, id, jordan.userId)).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(profilePageFor(riley, id, jordan.userId)).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(profilePageFor(alex, id, null)).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(profilePageFor(jordan, "no-such-cohort", null)).rejects.toBeInstanceOf(MentoringNotFoundError);
  });
});

describe("the young person's social worker", () => {
  it("is never proposed as their mentor, nor anyone in their team; the email is not stored; saving again without it keeps them out", async () => {
    const { id: cohortId } = await createCohort(coordinator, cohortInput("Social worker"), NOW);
    const worker = await makeUser("Wendy", ["employee"], "Children's social work");
    const colleague = await makeUser("Colin", ["employee"], "Children's social work");
    const workerApp = await selectedMentor(worker, cohortId);
    const colleagueApp = await selectedMentor(colleague, cohortId);

    // Without the email, the social worker is the best fit.
    const profile = await saveMenteeProfile(riley, cohortId, profileInput(), NOW);
    const before = proposeMatches(await cohortFacts(cohortId));
    expect(before.pairs.map((p) => p.mentorId)).toEqual([expect.stringMatching(new RegExp(`^(${workerApp}|${colleagueApp})$`))]);

    await saveMenteeProfile(riley, cohortId, profileInput({ socialWorkerEmail: worker.email.toUpperCase() }), NOW);
    const row = await db().menteeProfile.findUniqueOrThrow({ where: { id: profile.id } });
    expect(JSON.parse(row.ownWorkerIds)).toContain(worker.userId);
    expect(JSON.parse(row.ownTeamIds)).toEqual(["Children's social work"]);
    // Only ids: the address is in no column and no audit entry.
    expect(JSON.stringify(row)).not.toContain(worker.email);
    const log = await db().auditLog.findMany({ where: { entityId: profile.id } });
    expect(JSON.stringify(log)).not.toContain(worker.email);

    const facts = await cohortFacts(cohortId);
    const after = proposeMatches(facts);
    expect(after.pairs).toEqual([]);
    const reasons = after.unmatched[0].reasons.join(" ");
    expect(reasons).toMatch(/own social worker or personal adviser/);
    expect(reasons).toMatch(/own social work or personal adviser team/);

    // A correction without the email (it is never shown again) keeps the exclusion.
    await saveMenteeProfile(riley, cohortId, profileInput({ goals: ["manage_money"] }), NOW);
    expect(proposeMatches(await cohortFacts(cohortId)).pairs).toEqual([]);

    // Another young person who named nobody can be matched with either of them.
    const kai = await makeUser("Kai", ["young_person"]);
    const kaiProfile = await saveMenteeProfile(kai, cohortId, profileInput(), NOW);
    expect(proposeMatches(await cohortFacts(cohortId)).pairs.map((p) => p.youngPersonId)).toEqual([kaiProfile.id]);
  });

  it("an unknown email, or a young person's, adds nothing and is not an error", async () => {
    const { id: cohortId } = await createCohort(coordinator, cohortInput("Unknown email"), NOW);
    const kit = await makeUser("Kit", ["young_person"]);
    const saved = await saveMenteeProfile(kit, cohortId, profileInput({ socialWorkerEmail: "nobody@council.example" }), NOW);
    await saveMenteeProfile(kit, cohortId, profileInput({ socialWorkerEmail: riley.email }), NOW);
    const row = await db().menteeProfile.findUniqueOrThrow({ where: { id: saved.id } });
    expect(JSON.parse(row.ownWorkerIds)).toEqual([]);
    expect(JSON.parse(row.ownTeamIds)).toEqual([]);
  });
});

describe("over HTTP", () => {
  let server: TestServer;
  let cohortId = "";
  let cookie = "";
  beforeAll(async () => {
    server = await startTestServer();
    cohortId = (await createCohort(coordinator, cohortInput("HTTP"), NOW)).id;
  });
  afterAll(() => server?.close());

  const post = (path: string, fields: [string, string][], who = cookie) =>
    fetch(server.baseUrl + path, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: who, "Content-Type": "application/x-www-form-urlencoded", Origin: server.baseUrl },
      body: new URLSearchParams(fields).toString(),
    });
  const profileFields = (email: string): [string, string][] => [
    ["youngPersonId", ""],
    ["ageBand", "18_20"],
    ["interests", "music"],
    ["goals", "find_work"],
    ["availability", "tue_evening"],
    ["mode", "online"],
    ["preferredMentorGender", "none"],
    ["socialWorkerEmail", email],
  ];

  it("the profile form answers a known and an unknown social worker's email the same way", async () => {
    const a = await makeUser("Ash", ["young_person"]);
    const b = await makeUser("Bo", ["young_person"]);
    const known = await post(`/mentoring/${cohortId}/profile`, profileFields(sam.email), await sessionCookieFor(a.email));
    const unknown = await post(`/mentoring/${cohortId}/profile`, profileFields("nobody@council.example"), await sessionCookieFor(b.email));
    expect([known.status, unknown.status]).toEqual([303, 303]);
    expect(known.headers.get("location")).toBe("/mentoring");
    expect(unknown.headers.get("location")).toBe("/mentoring");
    // The same flash message (its cookie differs only by signature and session).
    const page = async (res: Response, email: string) => {
      const flash = res.headers.get("set-cookie")!.split(";")[0];
      const html = await (await fetch(`${server.baseUrl}/mentoring`, { headers: { Cookie: `${await sessionCookieFor(email)}; ${flash}` } })).text();
      return html.match(/Thank you\.[^<]*/)?.[0];
    };
    expect(await page(known, a.email)).toBe("Thank you. Your answers are saved. You can change them until matching ends.");
    expect(await page(unknown, b.email)).toBe(await page(known, a.email));
    const stored = await db().menteeProfile.findMany({ where: { cohortId, youngPersonId: { in: [a.userId, b.userId] } }, orderBy: { createdAt: "asc" } });
    expect(stored.map((p) => JSON.parse(p.ownWorkerIds).includes(sam.userId)).sort()).toEqual([false, true]);
  });

  it("a malformed email is a form error, with the answers kept", async () => {
    const c = await makeUser("Cy", ["young_person"]);
    const res = await post(`/mentoring/${cohortId}/profile`, profileFields("not-an-email"), await sessionCookieFor(c.email));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Enter the social worker&#x27;s work email address in the correct format");
    expect(html).toMatch(/<input id="interests-1"[^>]*checked=""[^>]*value="music"/);
  });

  it("apply: continue shows the check page with the answers in hidden fields; change keeps them; confirm applies once", async () => {
    cookie = await sessionCookieFor(sam.email);
    const answers: [string, string][] = [
      ["motivation", "To help"],
      ["interests", "music"],
      ["interests", "sport"],
      ["skills", "cv_help"],
      ["availability", "tue_evening"],
      ["ageBands", "18_20"],
      ["mode", "online"],
      ["location", ""],
      ["capacity", "2"],
      ["gender", "not_say"],
      ["preferences", ""],
      ["managerAgreed", "yes"],
    ];
    const check = await post(`/mentoring/${cohortId}/apply`, [...answers, ["intent", "check"]]);
    expect(check.status).toBe(200);
    const html = await check.text();
    expect(html).toContain("Check your answers");
    expect(html).toContain("Sport and fitness, Music");
    expect(html).toMatch(/type="hidden" name="interests" value="sport"/);
    expect(await db().mentorApplication.count({ where: { cohortId, userId: sam.userId } })).toBe(0);

    const change = await post(`/mentoring/${cohortId}/apply`, [...answers, ["intent", "change"]]);
    expect(await change.text()).toMatch(/name="capacity"[^>]*value="2"/);

    const confirm = await post(`/mentoring/${cohortId}/apply`, [...answers, ["intent", "confirm"]]);
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get("location")).toBe(`/mentoring/${cohortId}/apply?sent=1`);
    expect(await db().mentorApplication.findFirstOrThrow({ where: { cohortId, userId: sam.userId } })).toMatchObject({ capacity: 2, mode: "online", status: "applied" });
    const sent = await (await fetch(`${server.baseUrl}/mentoring/${cohortId}/apply?sent=1`, { headers: { Cookie: cookie } })).text();
    expect(sent).toContain("Application sent");
    expect(sent).toContain("Enhanced DBS check");
    // A second confirm is refused; the page shows the application there is.
    const again = await post(`/mentoring/${cohortId}/apply`, [...answers, ["intent", "confirm"]]);
    expect(again.status).toBe(409);
    expect(await again.text()).toMatch(/Your application to mentor in (<!-- -->)?HTTP/);
    expect(await db().mentorApplication.count({ where: { cohortId, userId: sam.userId } })).toBe(1);
  });
});
