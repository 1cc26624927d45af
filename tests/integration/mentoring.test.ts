// The mentoring pilot's cohorts (issue 8): a cohort's steps and what it refuses; an employee's
// application through shortlist, interview and selection; young people's profiles (their own, or their
// linked adviser's; anyone else gets not found); and cohortFacts feeding proposeMatches on a real cohort.
import { beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { makeUser, type TestUser } from "../helpers/users";
import { cohortAnswers, mentorAnswers, profileAnswers } from "../helpers/mentoring";
import { TRAINING_MODULES } from "~/domain/mentoring/gates";
import { proposeMatches } from "~/domain/mentoring/matching";
import {
  MentoringError,
  MentoringNotFoundError,
  advanceCohort,
  applyToMentor,
  cohortFacts,
  createCohort,
  menteeProfileFor,
  notSelect,
  recordInterview,
  saveMenteeProfile,
  select,
  shortlist,
} from "~/services/mentoring.server";
import { recordTraining } from "~/services/mentoring-gates.server";
import type { Actor } from "~/services/time-offers.server";

useTestDatabase();

const TODAY = "2026-09-01";
const NOW = new Date(`${TODAY}T10:00:00Z`);
const asActor = (u: TestUser): Actor => ({ userId: u.userId, roles: u.roles });

const cohortInput = (over: Record<string, unknown> = {}) => cohortAnswers(over, TODAY);
const applicationInput = mentorAnswers;
const profileInput = profileAnswers;

const audits = (entityId: string) => db().auditLog.findMany({ where: { entityId }, orderBy: { at: "asc" } });

let coordinator: Actor;
let employee: Actor;
let employee2: Actor;
let youngPerson: Actor;
let otherYoungPerson: Actor;
let adviser: Actor;
let otherAdviser: Actor;

beforeAll(async () => {
  coordinator = asActor(await makeUser("Casey", ["coordinator"]));
  employee = asActor(await makeUser("Alex", ["employee"]));
  employee2 = asActor(await makeUser("Sam", ["employee"]));
  youngPerson = asActor(await makeUser("Jordan", ["young_person"]));
  otherYoungPerson = asActor(await makeUser("Riley", ["young_person"]));
  adviser = asActor(await makeUser("Priya", ["personal_adviser", "employee"]));
  otherAdviser = asActor(await makeUser("Dev", ["personal_adviser"]));
  await db().adviserLink.create({ data: { adviserId: adviser.userId, youngPersonId: youngPerson.userId } });
});

describe("a cohort's steps", () => {
  it("is created recruiting, with its drop-in days, and audited", async () => {
    const { id } = await createCohort(coordinator, cohortInput({ dropInDays: ["2026-09-20", "2026-09-13"] }), NOW);
    const row = await db().mentoringCohort.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ name: "Autumn 2026", weeks: 8, capacity: 4, status: "recruiting", dropInDays: '["2026-09-13","2026-09-20"]', createdById: coordinator.userId });
    expect(row.startsOn.toISOString()).toBe("2026-10-05T00:00:00.000Z");
    expect((await audits(id)).map((a) => a.action)).toEqual(["mentoring_cohort.created"]);
  });

  it("moves recruiting → matching → running → closing → evaluated one step at a time, refusing skips, going back and anything after", async () => {
    const { id } = await createCohort(coordinator, cohortInput(), NOW);
    await expect(advanceCohort(coordinator, id, "running")).rejects.toThrow("A cohort can move to running only when it is matching. This cohort is recruiting.");
    expect(await advanceCohort(coordinator, id, "matching")).toBe("matching");
    await expect(advanceCohort(coordinator, id, "recruiting")).rejects.toThrow("A cohort cannot go back to recruiting. This cohort is matching.");
    await expect(advanceCohort(coordinator, id, "matching")).rejects.toThrow("This cohort is already matching.");
    for (const to of ["running", "closing", "evaluated"]) await advanceCohort(coordinator, id, to);
    await expect(advanceCohort(coordinator, id, "recruiting")).rejects.toThrow("This cohort has been evaluated, so its status cannot change.");
    expect((await db().mentoringCohort.findUniqueOrThrow({ where: { id } })).status).toBe("evaluated");
    const steps = (await audits(id)).filter((a) => a.action === "mentoring_cohort.advanced").map((a) => JSON.parse(a.detail!).to);
    expect(steps).toEqual(["matching", "running", "closing", "evaluated"]);
  });

  it("is only for the coordinator (anyone else: not found), and an unknown cohort is not found", async () => {
    await expect(createCohort(employee, cohortInput(), NOW)).rejects.toBeInstanceOf(MentoringNotFoundError);
    const { id } = await createCohort(coordinator, cohortInput(), NOW);
    await expect(advanceCohort(employee, id, "matching")).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(advanceCohort(coordinator, "no-such-cohort", "matching")).rejects.toBeInstanceOf(MentoringNotFoundError);
    expect((await db().mentoringCohort.findUniqueOrThrow({ where: { id } })).status).toBe("recruiting");
  });
});

describe("mentor applications", () => {
  it("apply → shortlist → interview → select, each step audited", async () => {
    const { id: cohortId } = await createCohort(coordinator, cohortInput(), NOW);
    const { id } = await applyToMentor(employee, cohortId, applicationInput(), NOW);
    const row = await db().mentorApplication.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "applied", userId: employee.userId, capacity: 1, managerAgreed: true, gender: "woman", interests: '["sport","music"]' });

    await expect(select(coordinator, id)).rejects.toThrow("Record the interview before selecting the mentor.");
    await expect(recordInterview(coordinator, id, "suitable")).rejects.toThrow("Shortlist the application before recording an interview.");
    await shortlist(coordinator, id);
    await expect(recordInterview(coordinator, id, "brilliant")).rejects.toThrow("Choose the outcome of the interview");
    await recordInterview(coordinator, id, "suitable");
    await select(coordinator, id);
    expect(await db().mentorApplication.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "selected", interviewOutcome: "suitable", decidedById: coordinator.userId });
    await expect(notSelect(coordinator, id)).rejects.toThrow(/decision has been made/);
    expect((await audits(id)).map((a) => a.action)).toEqual(["mentor_application.created", "mentor_application.shortlisted", "mentor_application.interviewed", "mentor_application.selected"]);
  });

  it("once per cohort; only while recruiting; only employees", async () => {
    const { id: cohortId } = await createCohort(coordinator, cohortInput(), NOW);
    await applyToMentor(employee, cohortId, applicationInput(), NOW);
    await expect(applyToMentor(employee, cohortId, applicationInput({ capacity: "2" }), NOW)).rejects.toThrow("You have already applied to mentor in this cohort.");
    expect(await db().mentorApplication.count({ where: { cohortId, userId: employee.userId } })).toBe(1);
    await expect(applyToMentor(youngPerson, cohortId, applicationInput(), NOW)).rejects.toBeInstanceOf(MentoringNotFoundError);
    await advanceCohort(coordinator, cohortId, "matching");
    await expect(applyToMentor(employee2, cohortId, applicationInput(), NOW)).rejects.toThrow("This cohort is matching, so it is no longer taking applications.");
  });

  it("refuses to shortlist without the manager's agreement, and to select after an unsuitable interview", async () => {
    const { id: cohortId } = await createCohort(coordinator, cohortInput(), NOW);
    const noManager = await applyToMentor(employee, cohortId, applicationInput({ managerAgreed: "no" }), NOW);
    await expect(shortlist(coordinator, noManager.id)).rejects.toThrow(/manager has not agreed/);
    const unsuitable = await applyToMentor(employee2, cohortId, applicationInput(), NOW);
    await shortlist(coordinator, unsuitable.id);
    await recordInterview(coordinator, unsuitable.id, "not_suitable");
    await expect(select(coordinator, unsuitable.id)).rejects.toThrow(/not suitable/);
    await notSelect(coordinator, unsuitable.id);
    expect((await db().mentorApplication.findUniqueOrThrow({ where: { id: unsuitable.id } })).status).toBe("not_selected");
    await expect(shortlist(employee, noManager.id)).rejects.toBeInstanceOf(MentoringNotFoundError);
  });

  it("no choosing mentors once the cohort is running", async () => {
    const { id: cohortId } = await createCohort(coordinator, cohortInput(), NOW);
    const { id } = await applyToMentor(employee, cohortId, applicationInput(), NOW);
    await advanceCohort(coordinator, cohortId, "matching");
    await shortlist(coordinator, id);
    await advanceCohort(coordinator, cohortId, "running");
    await expect(recordInterview(coordinator, id, "suitable")).rejects.toThrow("This cohort is running, so its mentors can no longer be chosen.");
  });
});

describe("young people's profiles", () => {
  it("the young person enters their own, reads it and corrects it; views and changes are audited without the answers", async () => {
    const { id: cohortId } = await createCohort(coordinator, cohortInput(), NOW);
    const first = await saveMenteeProfile(youngPerson, cohortId, profileInput(), NOW);
    expect(first.created).toBe(true);
    const view = await menteeProfileFor(youngPerson, cohortId);
    expect(view).toMatchObject({ isYoungPerson: true, ageBand: "18_20", interests: ["music"], goals: ["find_work"], preferredMentorGender: null });
    expect(view.formValues).toMatchObject({ youngPersonId: "", preferredMentorGender: "none", location: "Darlington" });

    const again = await saveMenteeProfile(youngPerson, cohortId, profileInput({ interests: ["music", "gaming"], preferredMentorGender: "woman" }), NOW);
    expect(again).toEqual({ id: first.id, created: false });
    expect((await menteeProfileFor(youngPerson, cohortId)).interests).toEqual(["music", "gaming"]);
    // The linked adviser is stored as one of the young person's own workers (never their mentor).
    expect(JSON.parse((await db().menteeProfile.findUniqueOrThrow({ where: { id: first.id } })).ownWorkerIds)).toEqual([adviser.userId]);

    const log = await audits(first.id);
    expect(log.map((a) => a.action)).toEqual(["mentee_profile.created", "mentee_profile.viewed", "mentee_profile.updated", "mentee_profile.viewed"]);
    expect(JSON.parse(log[2].detail!).changed).toEqual(["interests", "preferredMentorGender"]);
    expect(log.map((a) => a.detail ?? "").join()).not.toContain("gaming");
  });

  it("their linked adviser can enter and read it; an adviser not linked, or another young person, gets not found", async () => {
    const { id: cohortId } = await createCohort(coordinator, cohortInput(), NOW);
    const saved = await saveMenteeProfile(adviser, cohortId, profileInput({ youngPersonId: youngPerson.userId }), NOW);
    expect((await db().menteeProfile.findUniqueOrThrow({ where: { id: saved.id } })).createdById).toBe(adviser.userId);
    expect((await menteeProfileFor(adviser, cohortId, youngPerson.userId)).isYoungPerson).toBe(false);

    await expect(saveMenteeProfile(otherAdviser, cohortId, profileInput({ youngPersonId: youngPerson.userId }), NOW)).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(menteeProfileFor(otherAdviser, cohortId, youngPerson.userId)).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(menteeProfileFor(otherYoungPerson, cohortId, youngPerson.userId)).rejects.toBeInstanceOf(MentoringNotFoundError);
    // Not a young person themselves: an adviser must say whose profile it is.
    await expect(saveMenteeProfile(otherAdviser, cohortId, profileInput(), NOW)).rejects.toBeInstanceOf(MentoringError);
    expect(await db().menteeProfile.count({ where: { cohortId } })).toBe(1);
  });

  it("keeps to the cohort's places, and closes for changes once the cohort is running", async () => {
    const { id: cohortId } = await createCohort(coordinator, cohortInput({ capacity: "1" }), NOW);
    await saveMenteeProfile(youngPerson, cohortId, profileInput(), NOW);
    await expect(saveMenteeProfile(otherYoungPerson, cohortId, profileInput(), NOW)).rejects.toThrow(/This cohort is full/);
    await advanceCohort(coordinator, cohortId, "matching");
    await advanceCohort(coordinator, cohortId, "running");
    await expect(saveMenteeProfile(youngPerson, cohortId, profileInput({ goals: ["manage_money"] }), NOW)).rejects.toThrow(/This cohort is running/);
  });
});

describe("cohortFacts and proposeMatches on a real cohort", () => {
  /** Apply, shortlist, interview and select; then record every training module. */
  async function selectedMentor(who: Actor, cohortId: string, over: Record<string, unknown>, trained = true) {
    const { id } = await applyToMentor(who, cohortId, applicationInput(over), NOW);
    await shortlist(coordinator, id);
    await recordInterview(coordinator, id, "suitable");
    await select(coordinator, id);
    if (trained) for (const module of TRAINING_MODULES) await recordTraining(coordinator, id, module, NOW, NOW);
    return id;
  }

  it("turns the rows into facts, and the proposal pairs each young person with the mentor the rules and scores point to", async () => {
    const { id: cohortId } = await createCohort(coordinator, cohortInput(), NOW);
    const [ana, ben, cal, dee] = await Promise.all(["Ana", "Ben", "Cal", "Dee"].map((n) => makeUser(n, ["employee"]).then(asActor)));
    const young2 = asActor(await makeUser("Kai", ["young_person"]));

    // Ana: CV help, music; clear Enhanced DBS with the barred list, so she may mentor under-18s.
    const anaApp = await selectedMentor(ana, cohortId, { skills: ["cv_help"], interests: ["music"], availability: ["tue_evening"] });
    await db().dbsCheck.create({ data: { userId: ana.userId, level: "enhanced_barred", certificateNumber: "001234567890", issuedOn: new Date("2026-06-01"), outcome: "clear", recordedById: coordinator.userId } });
    // Ben: budgeting, gaming; no DBS check, so adults only.
    const benApp = await selectedMentor(ben, cohortId, { skills: ["budgeting"], interests: ["gaming"], availability: ["sat_day"], gender: "man" });
    // Cal: selected but training not done; Dee: applied only. Neither may be matched.
    const calApp = await selectedMentor(cal, cohortId, {}, false);
    const deeApp = (await applyToMentor(dee, cohortId, applicationInput(), NOW)).id;

    // Jordan (16–17, find work, music) and Kai (18–20, manage money, gaming).
    const jordanProfile = await saveMenteeProfile(youngPerson, cohortId, profileInput({ ageBand: "16_17", interests: ["music"], goals: ["find_work"], availability: ["tue_evening"] }), NOW);
    const kaiProfile = await saveMenteeProfile(young2, cohortId, profileInput({ ageBand: "18_20", interests: ["gaming"], goals: ["manage_money"], availability: ["sat_day"] }), NOW);

    const facts = await cohortFacts(cohortId);
    expect(facts.youngPeople.map((y) => y.id).sort()).toEqual([jordanProfile.id, kaiProfile.id].sort());
    const jordan = facts.youngPeople.find((y) => y.id === jordanProfile.id)!;
    expect(jordan).toMatchObject({ ageBand: "16_17", interests: ["music"], goals: ["find_work"], availability: ["tue_evening"], mode: "in_person", ownWorkerIds: [adviser.userId] });
    const anaFacts = facts.mentors.find((m) => m.id === anaApp)!;
    expect(anaFacts).toMatchObject({ userId: ana.userId, selected: true, trainingComplete: true, skills: ["cv_help"], capacity: 1, currentMentees: 0 });
    expect(anaFacts.dbsChecks).toEqual([{ level: "enhanced_barred", outcome: "clear", purgedAt: null }]);
    expect(facts.mentors.find((m) => m.id === calApp)).toMatchObject({ selected: true, trainingComplete: false });
    expect(facts.mentors.find((m) => m.id === deeApp)).toMatchObject({ selected: false });
    expect(facts.mentorProblems.get(calApp)!.join(" ")).toMatch(/training/);
    expect(facts.mentorProblems.get(anaApp)).toEqual([]);

    const proposal = proposeMatches(facts);
    const pairs = proposal.pairs.map((p) => [p.youngPersonId, p.mentorId]).sort();
    expect(pairs).toEqual([[jordanProfile.id, anaApp], [kaiProfile.id, benApp]].sort());
    expect(proposal.unmatched).toEqual([]);
    for (const p of proposal.pairs) expect(p.parts.reduce((s, part) => s + part.points, 0)).toBe(p.score);
    expect(proposal.pairs.find((p) => p.mentorId === anaApp)!.score).toBe(100);
  });

  it("leaves out young people already paired, counts the pair against the mentor, and never proposes the young person's own adviser", async () => {
    const { id: cohortId } = await createCohort(coordinator, cohortInput(), NOW);
    const eve = asActor(await makeUser("Eve", ["employee"]));
    const young2 = asActor(await makeUser("Lou", ["young_person"]));
    // Jordan's own adviser applies and is selected: the hard rule keeps them apart.
    const adviserApp = await selectedMentor(adviser, cohortId, { ageBands: ["18_20"] });
    const eveApp = await selectedMentor(eve, cohortId, { ageBands: ["18_20"] });
    const jordanProfile = await saveMenteeProfile(youngPerson, cohortId, profileInput(), NOW);
    const louProfile = await saveMenteeProfile(young2, cohortId, profileInput(), NOW);

    const before = proposeMatches(await cohortFacts(cohortId));
    expect(before.pairs.find((p) => p.youngPersonId === jordanProfile.id)?.mentorId).toBe(eveApp);
    expect(before.pairs.find((p) => p.youngPersonId === louProfile.id)?.mentorId).toBe(adviserApp);

    // The coordinator confirmed Lou with Eve instead: re-running proposes for Jordan only, and the adviser (the one
    // mentor with a place left) is still refused as Jordan's own worker.
    await db().mentoringMatch.create({ data: { cohortId, mentorAppId: eveApp, menteeProfileId: louProfile.id, score: 90, explanation: "[]", confirmedById: coordinator.userId, confirmedAt: NOW } });
    const facts = await cohortFacts(cohortId);
    expect(facts.youngPeople.map((y) => y.id)).toEqual([jordanProfile.id]);
    expect(facts.mentors.find((m) => m.id === eveApp)?.currentMentees).toBe(1);
    const after = proposeMatches(facts);
    expect(after.pairs).toEqual([]);
    expect(after.unmatched[0].reasons.join(" ")).toMatch(/own social worker or personal adviser/);
  });

  it("an unknown cohort is not found", async () => {
    await expect(cohortFacts("no-such-cohort")).rejects.toBeInstanceOf(MentoringNotFoundError);
  });
});
