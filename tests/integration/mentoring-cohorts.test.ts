// The coordinator's cohort pages (issue 8): the list's counts, a cohort's overview (mentor gates, young
// people, matched or not; each view audited), one application in full (never the DBS certificate
// number), drop-in attendance (only this cohort's people, only before running, audited); anyone but
// the coordinator, an unknown id or another cohort's application is not found; and the pages over HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { makeUser, type TestUser } from "../helpers/users";
import { seed } from "../../prisma/seed";
import { DEMO_MENTORING_IDS as DEMO, seedMentoring } from "../../prisma/seed-mentoring";
import { cohortAnswers, mentorAnswers, profileAnswers } from "../helpers/mentoring";
import { TRAINING_MODULES } from "~/domain/mentoring/gates";
import { proposeMatches } from "~/domain/mentoring/matching";
import { applicationDetail, cohortList, cohortOverview, recordDropInAttendance, requireApplicationInCohort } from "~/services/mentoring-cohorts.server";
import { recordTraining } from "~/services/mentoring-gates.server";
import { MentoringError, MentoringNotFoundError, advanceCohort, applyToMentor, cohortFacts, createCohort, notSelect, recordInterview, saveMenteeProfile, select, shortlist } from "~/services/mentoring.server";
import type { Actor } from "~/services/time-offers.server";

useTestDatabase();

const TODAY = "2026-09-01";
const NOW = new Date(`${TODAY}T10:00:00Z`);
const CERTIFICATE = "001122334455";
const asActor = (u: TestUser): Actor => ({ userId: u.userId, roles: u.roles });

const cohortInput = (over: Record<string, unknown> = {}) => cohortAnswers(over, TODAY);
const applicationInput = (over: Record<string, unknown> = {}) => mentorAnswers({ interests: ["music"], skills: ["cv_help"], availability: ["tue_evening"], ageBands: ["16_17", "18_20"], gender: "", ...over });
const profileInput = profileAnswers;

let coordinator: TestUser;
let alex: TestUser;
let sam: TestUser;
let kim: TestUser;
let lee: TestUser;
let jordan: TestUser;
let riley: TestUser;
let adviser: TestUser;
const c = () => asActor(coordinator);

/** Autumn: Alex selected (trained, DBS clear), Sam applied, Kim not selected, Lee withdrew; Jordan (by his adviser) and Riley (matched with Alex). */
const ids = { autumn: "", winter: "", alex: "", sam: "", kim: "", lee: "", samWinter: "", jordan: "", riley: "" };

beforeAll(async () => {
  coordinator = await makeUser("Cora", ["coordinator"]);
  alex = await makeUser("Alex", ["employee"]);
  sam = await makeUser("Sam", ["employee"]);
  kim = await makeUser("Kim", ["employee"]);
  lee = await makeUser("Lee", ["employee"]);
  jordan = await makeUser("Jordan", ["young_person"]);
  riley = await makeUser("Riley", ["young_person"]);
  adviser = await makeUser("Aisha", ["personal_adviser"]);
  await db().adviserLink.create({ data: { adviserId: adviser.userId, youngPersonId: jordan.userId } });

  ids.autumn = (await createCohort(c(), cohortInput(), NOW)).id;
  ids.winter = (await createCohort(c(), cohortInput({ name: "Winter 2026", startDay: "7", startMonth: "12", dropInDays: ["2026-11-30"] }), NOW)).id;

  ids.alex = (await applyToMentor(asActor(alex), ids.autumn, applicationInput(), NOW)).id;
  await shortlist(c(), ids.alex);
  await recordInterview(c(), ids.alex, "suitable");
  await select(c(), ids.alex);
  for (const module of TRAINING_MODULES) await recordTraining(c(), ids.alex, module, new Date("2026-08-20T00:00:00Z"), NOW);
  await db().dbsCheck.create({
    data: { userId: alex.userId, level: "enhanced_barred", certificateNumber: CERTIFICATE, issuedOn: new Date("2026-07-01T00:00:00Z"), outcome: "clear", recordedById: coordinator.userId },
  });
  ids.sam = (await applyToMentor(asActor(sam), ids.autumn, applicationInput(), NOW)).id;
  ids.kim = (await applyToMentor(asActor(kim), ids.autumn, applicationInput(), NOW)).id;
  await notSelect(c(), ids.kim);
  ids.lee = (await applyToMentor(asActor(lee), ids.autumn, applicationInput(), NOW)).id;
  await db().mentorApplication.update({ where: { id: ids.lee }, data: { status: "withdrawn" } });
  ids.samWinter = (await applyToMentor(asActor(sam), ids.winter, applicationInput(), NOW)).id;

  ids.jordan = (await saveMenteeProfile(asActor(adviser), ids.autumn, profileInput({ youngPersonId: jordan.userId }), NOW)).id;
  ids.riley = (await saveMenteeProfile(asActor(riley), ids.autumn, profileInput({ ageBand: "21_25" }), NOW)).id;
  await db().mentoringMatch.create({
    data: { cohortId: ids.autumn, mentorAppId: ids.alex, menteeProfileId: ids.riley, score: 80, explanation: "[]", confirmedById: coordinator.userId, confirmedAt: NOW },
  });
});

describe("the list of cohorts", () => {
  it("counts applications (not the withdrawn), selected mentors and young people, the latest start first", async () => {
    const rows = await cohortList(c());
    expect(rows.map((r) => r.name)).toEqual(["Winter 2026", "Autumn 2026"]);
    expect(rows[1]).toMatchObject({ id: ids.autumn, status: "recruiting", weeks: 8, capacity: 4, mentorsApplied: 3, mentorsSelected: 1, youngPeople: 2, startsOn: "2026-10-05T00:00:00.000Z" });
    expect(rows[0]).toMatchObject({ id: ids.winter, mentorsApplied: 1, mentorsSelected: 0, youngPeople: 0 });
  });

  it("is only the coordinator's", async () => {
    await expect(cohortList(asActor(alex))).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(cohortList(asActor(adviser))).rejects.toBeInstanceOf(MentoringNotFoundError);
  });
});

describe("a cohort's overview", () => {
  it("shows each application's gates and each young person's age group and match, and audits the view", async () => {
    const before = await db().auditLog.count({ where: { action: "mentoring_cohort.viewed", entityId: ids.autumn } });
    const o = await cohortOverview(c(), ids.autumn);
    expect(o).toMatchObject({ name: "Autumn 2026", status: "recruiting", next: "matching", weeks: 8, capacity: 4, dropInDays: ["2026-09-20"], selecting: true });
    const byId = new Map(o.mentors.map((m) => [m.id, m]));
    expect(byId.get(ids.alex)).toMatchObject({ name: alex.name, status: "selected", trainingComplete: true, dbsClear: true, dbsNeeded: true, inCohort: true, problems: [] });
    expect(byId.get(ids.sam)).toMatchObject({ name: sam.name, status: "applied", trainingComplete: false, dbsClear: false, dbsNeeded: true, inCohort: true });
    expect(byId.get(ids.sam)!.problems).toContain("The mentor has not been selected");
    expect(byId.get(ids.kim)).toMatchObject({ status: "not_selected", inCohort: false });
    expect(byId.get(ids.lee)).toMatchObject({ status: "withdrawn", inCohort: false });
    expect(o.youngPeople).toEqual([
      { id: ids.jordan, name: jordan.name, ageBand: "18 to 20", attendedDropIn: false, matched: false },
      { id: ids.riley, name: riley.name, ageBand: "21 to 25", attendedDropIn: false, matched: true },
    ]);
    const views = await db().auditLog.findMany({ where: { action: "mentoring_cohort.viewed", entityId: ids.autumn } });
    expect(views).toHaveLength(before + 1);
    expect(views.at(-1)).toMatchObject({ actorUserId: coordinator.userId, actorRole: "coordinator" });
    // Counts only: no names in the audit log.
    expect(views.at(-1)!.detail).toBe(JSON.stringify({ youngPeople: 2 }));
  });

  it("is not found for an unknown cohort or anyone but the coordinator", async () => {
    await expect(cohortOverview(c(), "no-such-cohort")).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(cohortOverview(asActor(alex), ids.autumn)).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(cohortOverview(asActor(adviser), ids.autumn)).rejects.toBeInstanceOf(MentoringNotFoundError);
  });
});

describe("one application", () => {
  it("shows the answers, training, gates and the newest DBS check without its certificate number", async () => {
    const a = await applicationDetail(c(), ids.autumn, ids.alex);
    expect(a).toMatchObject({
      name: alex.name,
      status: "selected",
      interviewOutcome: "Suitable to mentor",
      interests: ["Music"],
      ageBands: ["16 to 17", "18 to 20"],
      where: "In person, Darlington",
      managerAgreed: true,
      modulesToRecord: [],
      gates: { trainingComplete: true, dbsClear: true, dbsNeeded: true, problems: [] },
      dbs: { level: "Enhanced with the children's barred list", outcome: "Clear", issuedOn: "2026-07-01T00:00:00.000Z", purged: false },
    });
    expect(a.training.map((t) => t.completedOn)).toEqual(TRAINING_MODULES.map(() => "2026-08-20T00:00:00.000Z"));
    expect(JSON.stringify(a)).not.toContain(CERTIFICATE);

    const s = await applicationDetail(c(), ids.autumn, ids.sam);
    expect(s.dbs).toBeNull();
    expect(s.modulesToRecord.map((m) => m.value)).toEqual(TRAINING_MODULES);
    expect(s.gates.problems).toEqual(expect.arrayContaining(["The mentor has not been selected", expect.stringMatching(/no clear Enhanced DBS check/)]));
  });

  it("is not found under another cohort, when unknown, or for anyone but the coordinator", async () => {
    await expect(applicationDetail(c(), ids.autumn, ids.samWinter)).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(applicationDetail(c(), ids.winter, ids.alex)).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(applicationDetail(c(), ids.autumn, "no-such-application")).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(applicationDetail(asActor(alex), ids.autumn, ids.alex)).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(requireApplicationInCohort(c(), ids.autumn, ids.samWinter)).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(requireApplicationInCohort(c(), ids.autumn, ids.sam)).resolves.toEqual({ name: sam.name });
  });
});

describe("drop-in attendance", () => {
  const attended = async () => ({
    mentors: Object.fromEntries((await db().mentorApplication.findMany({ where: { cohortId: ids.autumn }, select: { id: true, attendedDropIn: true } })).map((r) => [r.id, r.attendedDropIn])),
    profiles: Object.fromEntries((await db().menteeProfile.findMany({ where: { cohortId: ids.autumn }, select: { id: true, attendedDropIn: true } })).map((r) => [r.id, r.attendedDropIn])),
  });

  it("marks those ticked as came and the rest of the cohort as not, audited with the ids that changed", async () => {
    expect(await recordDropInAttendance(c(), ids.autumn, { mentorAppIds: [ids.alex], profileIds: [ids.jordan] })).toEqual({ mentors: 1, youngPeople: 1 });
    expect(await attended()).toEqual({
      mentors: { [ids.alex]: true, [ids.sam]: false, [ids.kim]: false, [ids.lee]: false },
      profiles: { [ids.jordan]: true, [ids.riley]: false },
    });
    await recordDropInAttendance(c(), ids.autumn, { mentorAppIds: [ids.sam], profileIds: [ids.jordan, ids.riley] });
    expect(await attended()).toEqual({
      mentors: { [ids.alex]: false, [ids.sam]: true, [ids.kim]: false, [ids.lee]: false },
      profiles: { [ids.jordan]: true, [ids.riley]: true },
    });
    const entries = await db().auditLog.findMany({ where: { action: "mentoring_cohort.drop_in_recorded", entityId: ids.autumn }, orderBy: { at: "asc" } });
    expect(entries.map((e) => JSON.parse(e.detail!))).toEqual([
      { mentorsAttended: 1, youngPeopleAttended: 1, changedMentors: [ids.alex], changedProfiles: [ids.jordan] },
      { mentorsAttended: 1, youngPeopleAttended: 2, changedMentors: expect.arrayContaining([ids.alex, ids.sam]), changedProfiles: [ids.riley] },
    ]);
    // The overview shows it.
    const o = await cohortOverview(c(), ids.autumn);
    expect(o.youngPeople.map((p) => p.attendedDropIn)).toEqual([true, true]);
  });

  it("refuses another cohort's people, or a turned-down application, and changes nothing", async () => {
    const before = await attended();
    await expect(recordDropInAttendance(c(), ids.autumn, { mentorAppIds: [ids.samWinter], profileIds: [] })).rejects.toBeInstanceOf(MentoringError);
    await expect(recordDropInAttendance(c(), ids.autumn, { mentorAppIds: [ids.kim], profileIds: [] })).rejects.toThrow(/Choose people from this cohort's lists/);
    await expect(recordDropInAttendance(c(), ids.autumn, { mentorAppIds: [], profileIds: ["no-such-profile"] })).rejects.toBeInstanceOf(MentoringError);
    expect(await attended()).toEqual(before);
  });

  it("is not found for anyone but the coordinator or an unknown cohort", async () => {
    await expect(recordDropInAttendance(asActor(alex), ids.autumn, { mentorAppIds: [ids.alex], profileIds: [] })).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(recordDropInAttendance(c(), "no-such-cohort", { mentorAppIds: [], profileIds: [] })).rejects.toBeInstanceOf(MentoringNotFoundError);
  });

  it("is taken while recruiting or matching, not once the cohort is running", async () => {
    await advanceCohort(c(), ids.winter, "matching");
    await recordDropInAttendance(c(), ids.winter, { mentorAppIds: [ids.samWinter], profileIds: [] });
    await advanceCohort(c(), ids.winter, "running");
    await expect(recordDropInAttendance(c(), ids.winter, { mentorAppIds: [], profileIds: [] })).rejects.toThrow("This cohort is running, so drop-in attendance can no longer be changed.");
    expect((await db().mentorApplication.findUniqueOrThrow({ where: { id: ids.samWinter } })).attendedDropIn).toBe(true);
  });
});

describe("the coordinator's pages, without JavaScript", () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer();
    cookie = await sessionCookieFor(coordinator.email);
  });
  afterAll(() => server?.close());
  const get = (path: string) => fetch(server.baseUrl + path, { headers: { Cookie: cookie }, redirect: "manual" });
  const post = (path: string, body: [string, string][]) =>
    fetch(server.baseUrl + path, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body), redirect: "manual" });

  it("lists the cohorts and sets one up, with the problems listed first", async () => {
    const list = await (await get("/coordinator/mentoring")).text();
    expect(list).toContain("Autumn 2026");
    expect(list).toContain("Set up a cohort");
    const bad = await post("/coordinator/mentoring/new", [["name", ""], ["startDay", "31"], ["startMonth", "2"], ["startYear", "2099"], ["weeks", "12"], ["capacity", "5"], ["dropInDays", ""]]);
    expect(bad.status).toBe(400);
    const page = await bad.text();
    for (const text of ["Enter a name for the cohort", "must be a real date", "Enter between 6 and 10 weeks", "Enter at least one drop-in date"]) expect(page).toContain(text);
    expect(page).toContain('href="#start"');
    const good = await post("/coordinator/mentoring/new", [["name", "Summer 2099"], ["startDay", "5"], ["startMonth", "6"], ["startYear", "2099"], ["weeks", "6"], ["capacity", "5"], ["dropInDays", "20/5/2099"], ["dropInDays", ""]]);
    expect(good.status).toBe(303);
    const created = await db().mentoringCohort.findFirstOrThrow({ where: { name: "Summer 2099" } });
    expect(good.headers.get("location")).toBe(`/coordinator/mentoring/${created.id}`);
    expect(created).toMatchObject({ weeks: 6, capacity: 5, status: "recruiting", dropInDays: '["2099-05-20"]' });
  });

  it("asks before moving a cohort on, then moves it; records attendance from ticked boxes", async () => {
    const page = await (await get(`/coordinator/mentoring/${ids.autumn}`)).text();
    expect(page).toContain(alex.name);
    expect(page).toContain(jordan.name);
    expect(page).toContain("Move to matching");
    expect(page).not.toContain("Yes, move to matching");
    const asked = await (await get(`/coordinator/mentoring/${ids.autumn}?move=matching`)).text();
    expect(asked).toContain("Yes, move to matching");
    const moved = await post(`/coordinator/mentoring/${ids.autumn}`, [["intent", "advance"], ["to", "matching"]]);
    expect(moved.status).toBe(303);
    expect((await db().mentoringCohort.findUniqueOrThrow({ where: { id: ids.autumn } })).status).toBe("matching");
    const again = await post(`/coordinator/mentoring/${ids.autumn}`, [["intent", "advance"], ["to", "matching"]]);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("This cohort is already matching.");

    const saved = await post(`/coordinator/mentoring/${ids.autumn}`, [["intent", "attendance"], ["mentors", ids.alex], ["mentors", ids.sam], ["youngPeople", ids.riley]]);
    expect(saved.status).toBe(303);
    expect((await db().mentorApplication.findUniqueOrThrow({ where: { id: ids.alex } })).attendedDropIn).toBe(true);
    expect((await db().menteeProfile.findUniqueOrThrow({ where: { id: ids.jordan } })).attendedDropIn).toBe(false);
  });

  it("shows an application, shortlists and records training; another cohort's application is not found", async () => {
    const base = `/coordinator/mentoring/${ids.autumn}/mentors/${ids.sam}`;
    const page = await (await get(base)).text();
    expect(page).toContain("I would like to help someone find work");
    expect(page).toContain(`/coordinator/talent/dbs?user=${sam.userId}`);
    expect((await get(`/coordinator/mentoring/${ids.autumn}/mentors/${ids.samWinter}`)).status).toBe(404);
    expect((await post(`/coordinator/mentoring/${ids.autumn}/mentors/${ids.samWinter}`, [["intent", "shortlist"]])).status).toBe(404);
    expect(await (await get(`/coordinator/mentoring/${ids.autumn}/mentors/${ids.alex}`)).text()).not.toContain(CERTIFICATE);

    expect((await post(base, [["intent", "shortlist"]])).status).toBe(303);
    expect((await db().mentorApplication.findUniqueOrThrow({ where: { id: ids.sam } })).status).toBe("shortlisted");
    const noOutcome = await post(base, [["intent", "interview"]]);
    expect(noOutcome.status).toBe(409);
    expect(await noOutcome.text()).toContain("Choose the outcome of the interview");
    const tooEarly = await post(base, [["intent", "select"]]);
    expect(tooEarly.status).toBe(409);
    expect(await tooEarly.text()).toContain("Record the interview before selecting the mentor.");

    const future = await post(base, [["intent", "training"], ["module", "induction"], ["completedDay", "1"], ["completedMonth", "1"], ["completedYear", "2099"]]);
    expect(future.status).toBe(400);
    expect(await future.text()).toContain("The date the module was completed must be today or in the past");
    const trained = await post(base, [["intent", "training"], ["module", "induction"], ["completedDay", "1"], ["completedMonth", "8"], ["completedYear", "2026"]]);
    expect(trained.status).toBe(303);
    expect(await db().trainingRecord.findMany({ where: { applicationId: ids.sam }, select: { module: true, completedOn: true } })).toEqual([
      { module: "induction", completedOn: new Date("2026-08-01T00:00:00Z") },
    ]);
    const twice = await post(base, [["intent", "training"], ["module", "induction"], ["completedDay", "2"], ["completedMonth", "8"], ["completedYear", "2026"]]);
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("is already recorded for this mentor");
  });
});

describe("the demo seed", () => {
  it("gives the Winter pilot a proposal where every hard rule is at work, the Spring pilot open to applications, and runs once", async () => {
    await seed(db(), { employees: 0 });
    await seedMentoring(db(), { now: NOW });
    await seedMentoring(db(), { now: NOW });
    expect(await db().mentoringCohort.findMany({ where: { id: { in: [DEMO.winter, DEMO.spring] } }, select: { name: true, status: true }, orderBy: { name: "asc" } })).toEqual([
      { name: "Spring pilot", status: "recruiting" },
      { name: "Winter pilot", status: "matching" },
    ]);
    const facts = await cohortFacts(DEMO.winter);
    // Alex has no DBS check, so he may not mentor Casey (16 to 17); Jordan's adviser's team rules out Alex and Sam; Riley asked for a woman.
    expect(facts.mentorProblems.get(DEMO.alex)).toEqual([expect.stringMatching(/no clear Enhanced DBS check/)]);
    for (const id of [DEMO.sam, DEMO.jo, DEMO.ben]) expect(facts.mentorProblems.get(id)).toEqual([]);
    const proposal = proposeMatches({ youngPeople: facts.youngPeople, mentors: facts.mentors });
    expect(proposal.pairs.map((p) => [p.youngPersonId, p.mentorId]).sort()).toEqual([
      [DEMO.casey, DEMO.sam],
      [DEMO.jordan, DEMO.ben],
      [DEMO.riley, DEMO.jo],
    ]);
    const overview = await cohortOverview(c(), DEMO.winter);
    expect(overview.mentors.map((m) => [m.name, m.dbsClear])).toEqual([
      ["Alex Morgan", false],
      ["Sam Patel", true],
      ["Jo Hughes", true],
      ["Ben Carter", true],
    ]);
    expect(overview.youngPeople.map((p) => p.name)).toEqual(["Jordan Reed", "Casey Hill", "Riley Evans"]);
  });
});
