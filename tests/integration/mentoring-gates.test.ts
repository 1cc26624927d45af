// The mentoring gates on a real database: a mentor without the pilot's training or without a clear
// Enhanced DBS check with the barred list has the problems listed and is never matched; recording the
// training and the check clears the gates; the DBS purge (fake clock) removes only the certificate
// number, once, the set number of UK calendar months after the check was recorded.
import { beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { makeUser, type TestUser } from "../helpers/users";
import { TRAINING_MODULES } from "~/domain/mentoring/gates";
import { proposeMatches, type MentorFacts, type YoungPersonFacts } from "~/domain/mentoring/matching";
import { MentorApplicationNotFoundError, MentoringGateError, gatesOfApplications, mentorGates, purgeDbsCertificates, recordTraining } from "~/services/mentoring-gates.server";
import { recordDbsCheck } from "~/services/talent.server";

useTestDatabase();

let coordinator: TestUser;
let cohortId: string;
const actor = () => ({ userId: coordinator.userId, roles: coordinator.roles });

beforeAll(async () => {
  coordinator = await makeUser("Cora", ["coordinator"]);
  const cohort = await db().mentoringCohort.create({ data: { name: "Spring pilot", startsOn: new Date("2026-04-13T00:00:00Z"), weeks: 8, capacity: 10, status: "matching", createdById: coordinator.userId } });
  cohortId = cohort.id;
});

async function makeMentor(firstName: string, status = "selected") {
  const user = await makeUser(firstName, ["employee"]);
  const application = await db().mentorApplication.create({
    data: {
      cohortId,
      userId: user.userId,
      motivation: "I want to help",
      interests: JSON.stringify(["music"]),
      skills: JSON.stringify(["cv_help"]),
      availability: JSON.stringify(["tue_evening"]),
      ageBands: JSON.stringify(["16_17", "18_20"]),
      mode: "either",
      location: "Darlington",
      teamId: "finance",
      capacity: 1,
      managerAgreed: true,
      status,
    },
  });
  return { user, applicationId: application.id };
}

const youngPerson = (id: string, ageBand: YoungPersonFacts["ageBand"]): YoungPersonFacts => ({
  id,
  ageBand,
  interests: ["music"],
  goals: ["find_work"],
  availability: ["tue_evening"],
  mode: "either",
  location: "Darlington",
  preferredMentorGender: null,
  ownTeamIds: [],
  ownWorkerIds: [],
});

/** A tiny cohort built with the domain from what the database holds now (the gates as the service reads them). */
async function proposalFor(applicationIds: string[], youngPeople: YoungPersonFacts[]) {
  const gates = await gatesOfApplications(applicationIds);
  const applications = await db().mentorApplication.findMany({ where: { id: { in: applicationIds } } });
  const mentors: MentorFacts[] = applications.map((a) => ({
    id: a.id,
    userId: a.userId,
    teamId: a.teamId,
    gender: a.gender,
    selected: a.status === "selected",
    trainingComplete: gates.get(a.id)!.trainingComplete,
    dbsChecks: gates.get(a.id)!.dbsChecks,
    ageBands: JSON.parse(a.ageBands),
    capacity: a.capacity,
    currentMentees: 0,
    interests: JSON.parse(a.interests),
    skills: JSON.parse(a.skills),
    availability: JSON.parse(a.availability),
    mode: a.mode as MentorFacts["mode"],
    location: a.location,
  }));
  return proposeMatches({ youngPeople, mentors });
}

const dbsProblem = "The mentor has no clear Enhanced DBS check with the children's barred list, needed to mentor young people aged 16 to 17";
const trainingProblem = (label: string) => `The mentor has not completed the training "${label}"`;

describe("the gates", () => {
  it("list a new mentor's problems, and such a mentor is never matched", async () => {
    const { applicationId } = await makeMentor("Mo");
    const gates = await mentorGates(applicationId);
    expect(gates).toEqual({
      trainingComplete: false,
      dbsClearForUnder18: false,
      problems: [
        trainingProblem("The mentoring pilot's induction"),
        trainingProblem("Safeguarding children and young adults"),
        trainingProblem("Boundaries, confidentiality and endings"),
        dbsProblem,
      ],
    });
    const proposal = await proposalFor([applicationId], [youngPerson("y-adult", "18_20"), youngPerson("y-minor", "16_17")]);
    expect(proposal.pairs).toEqual([]);
    expect(proposal.unmatched.map((u) => u.youngPersonId).sort()).toEqual(["y-adult", "y-minor"]);
    await expect(mentorGates("no-such-application")).rejects.toBeInstanceOf(MentorApplicationNotFoundError);
  });

  it("recording the training clears the training gate; the DBS gate still keeps them from under-18s", async () => {
    const { applicationId } = await makeMentor("Ola");
    for (const module of TRAINING_MODULES) await recordTraining(actor(), applicationId, module, new Date("2026-04-02T09:00:00Z"), new Date("2026-04-03T09:00:00Z"));
    const gates = await mentorGates(applicationId);
    expect(gates).toEqual({ trainingComplete: true, dbsClearForUnder18: false, problems: [dbsProblem] });

    // Trained but unchecked: an adult can be matched, an under-18 cannot.
    const proposal = await proposalFor([applicationId], [youngPerson("y-minor", "16_17"), youngPerson("y-adult", "18_20")]);
    expect(proposal.pairs.map((p) => [p.youngPersonId, p.mentorId])).toEqual([["y-adult", applicationId]]);
    const minorOnly = await proposalFor([applicationId], [youngPerson("y-minor", "16_17")]);
    expect(minorOnly.pairs).toEqual([]);
    expect(minorOnly.unmatched[0].reasons[0]).toMatch(/no clear Enhanced DBS check with the children's barred list/);

    const records = await db().trainingRecord.findMany({ where: { applicationId }, orderBy: { module: "asc" } });
    expect(records.map((r) => [r.module, r.completedOn.toISOString(), r.recordedById])).toEqual(
      ["boundaries", "induction", "safeguarding"].map((m) => [m, "2026-04-02T00:00:00.000Z", coordinator.userId]),
    );
    expect(await db().auditLog.count({ where: { action: "mentor_training.recorded", actorUserId: coordinator.userId, entityId: { in: records.map((r) => r.id) } } })).toBe(3);
  });

  it("records each module once, only the pilot's modules, not in the future, not for a closed application", async () => {
    const { applicationId } = await makeMentor("Pat");
    const now = new Date("2026-04-10T12:00:00Z");
    await recordTraining(actor(), applicationId, "safeguarding", new Date("2026-04-01T00:00:00Z"), now);
    await expect(recordTraining(actor(), applicationId, "safeguarding", new Date("2026-04-05T00:00:00Z"), now)).rejects.toThrow(
      new MentoringGateError('"Safeguarding children and young adults" is already recorded for this mentor'),
    );
    await expect(recordTraining(actor(), applicationId, "first_aid", now, now)).rejects.toThrow("Choose one of the pilot's training modules");
    // 23:30 UTC on 10 April is already 11 April in the UK (BST): tomorrow.
    await expect(recordTraining(actor(), applicationId, "induction", new Date("2026-04-10T23:30:00Z"), now)).rejects.toThrow("must be today or in the past");
    await expect(recordTraining(actor(), "no-such-application", "induction", now, now)).rejects.toBeInstanceOf(MentorApplicationNotFoundError);
    const closed = await makeMentor("Quin", "withdrawn");
    await expect(recordTraining(actor(), closed.applicationId, "induction", now, now)).rejects.toThrow("This application is closed");

    expect(await db().trainingRecord.count({ where: { applicationId } })).toBe(1);
    expect((await db().trainingRecord.findFirstOrThrow({ where: { applicationId } })).completedOn.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(await db().trainingRecord.count({ where: { applicationId: closed.applicationId } })).toBe(0);
  });

  it("a clear Enhanced check with the barred list clears the DBS gate; plain enhanced or not clear does not", async () => {
    const { user, applicationId } = await makeMentor("Rae");
    for (const module of TRAINING_MODULES) await recordTraining(actor(), applicationId, module, new Date("2026-04-02T00:00:00Z"));
    await recordDbsCheck(actor(), { email: user.email, level: "enhanced", certificateNumber: "000000000011", issuedOnKey: "2026-03-01", outcome: "clear" });
    await recordDbsCheck(actor(), { email: user.email, level: "enhanced_barred", certificateNumber: "000000000012", issuedOnKey: "2026-03-02", outcome: "not_clear" });
    expect((await mentorGates(applicationId)).problems).toEqual([dbsProblem]);
    expect((await proposalFor([applicationId], [youngPerson("y-minor", "16_17")])).pairs).toEqual([]);

    await recordDbsCheck(actor(), { email: user.email, level: "enhanced_barred", certificateNumber: "000000000013", issuedOnKey: "2026-03-03", outcome: "clear" });
    expect(await mentorGates(applicationId)).toEqual({ trainingComplete: true, dbsClearForUnder18: true, problems: [] });
    const proposal = await proposalFor([applicationId], [youngPerson("y-minor", "16_17")]);
    expect(proposal.pairs.map((p) => [p.youngPersonId, p.mentorId])).toEqual([["y-minor", applicationId]]);
  });

  it("an application not (yet) selected is not through the gates", async () => {
    const { applicationId } = await makeMentor("Sol", "interviewed");
    expect((await mentorGates(applicationId)).problems[0]).toBe("The mentor has not been selected");
  });
});

describe("the DBS purge", () => {
  it("removes only the certificate number, once, from the first UK day 6 calendar months after the check was recorded", async () => {
    // The checks recorded by the tests above were recorded "now" (real clock): wipe the slate for exact counts.
    await db().dbsCheck.deleteMany({});
    const { user, applicationId } = await makeMentor("Tam");
    for (const module of TRAINING_MODULES) await recordTraining(actor(), applicationId, module, new Date("2026-03-20T00:00:00Z"));
    // Recorded on 31 March (UK): purge day 30 September (no 31st), which starts at 23:00 UTC on the 29th (BST).
    const old = await recordDbsCheck(actor(), { email: user.email, level: "enhanced_barred", certificateNumber: "001234567890", issuedOnKey: "2026-01-15", outcome: "clear" }, new Date("2026-03-31T10:00:00Z"));
    const later = await recordDbsCheck(actor(), { email: user.email, level: "enhanced", certificateNumber: "009999999999", issuedOnKey: "2026-04-01", outcome: "clear" }, new Date("2026-04-01T10:00:00Z"));

    expect(await purgeDbsCertificates(new Date("2026-09-29T22:59:59Z"))).toBe(0);
    expect((await db().dbsCheck.findUniqueOrThrow({ where: { id: old.id } })).certificateNumber).toBe("001234567890");

    const at = new Date("2026-09-29T23:00:00Z");
    expect(await purgeDbsCertificates(at)).toBe(1);
    const purged = await db().dbsCheck.findUniqueOrThrow({ where: { id: old.id } });
    expect(purged).toMatchObject({ certificateNumber: null, purgedAt: at, level: "enhanced_barred", outcome: "clear", recordedById: coordinator.userId });
    expect(purged.issuedOn.toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(purged.recordedAt.toISOString()).toBe("2026-03-31T10:00:00.000Z");
    // The check recorded a day later keeps its number until its own day.
    expect((await db().dbsCheck.findUniqueOrThrow({ where: { id: later.id } })).certificateNumber).toBe("009999999999");

    // Once: a second run (and a later one) purges and audits nothing more for it.
    expect(await purgeDbsCertificates(at)).toBe(0);
    expect(await purgeDbsCertificates(new Date("2026-09-30T12:00:00Z"))).toBe(0);
    expect((await db().dbsCheck.findUniqueOrThrow({ where: { id: old.id } })).purgedAt).toEqual(at);
    const audits = await db().auditLog.findMany({ where: { action: "dbs_check.purged" } });
    expect(audits.map((a) => a.entityId)).toEqual([old.id]);
    expect(audits[0].detail).not.toContain("001234567890");
    expect(JSON.parse(audits[0].detail!)).toEqual({ userId: user.userId, level: "enhanced_barred", outcome: "clear", issuedOn: "2026-01-15", months: 6 });

    // "Checked, clear, on date" is enough: the mentor is still through the DBS gate.
    expect(await mentorGates(applicationId)).toEqual({ trainingComplete: true, dbsClearForUnder18: true, problems: [] });

    // The other check's day (1 October) comes; a shorter setting purges sooner.
    expect(await purgeDbsCertificates(new Date("2026-09-30T23:00:00Z"))).toBe(1);
    expect((await db().dbsCheck.findUniqueOrThrow({ where: { id: later.id } })).certificateNumber).toBeNull();
    const fresh = await recordDbsCheck(actor(), { email: user.email, level: "enhanced_barred", certificateNumber: "001111111111", issuedOnKey: "2026-10-01", outcome: "clear" }, new Date("2026-10-01T10:00:00Z"));
    expect(await purgeDbsCertificates(new Date("2026-10-31T23:59:00Z"), 1)).toBe(0);
    expect(await purgeDbsCertificates(new Date("2026-11-01T00:00:00Z"), 1)).toBe(1);
    expect((await db().dbsCheck.findUniqueOrThrow({ where: { id: fresh.id } })).certificateNumber).toBeNull();
  });
});
