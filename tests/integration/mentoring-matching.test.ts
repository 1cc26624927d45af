// Matching a mentoring cohort on a real database (issue 8): the coordinator's proposal in names with
// reasons, locks and rule-outs; confirming (recomputed on the server, written once, both sides emailed
// without contact details); a stale proposal refused; the pair as each side sees it (anyone else: not
// found); the first-session fit answer, where "not a good fit" ends only that pair and a re-run never
// proposes it again; and the two pages over HTTP without JavaScript.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { makeUser, type TestUser } from "../helpers/users";
import { cohortAnswers, mentorAnswers, profileAnswers } from "../helpers/mentoring";
import { TRAINING_MODULES } from "~/domain/mentoring/gates";
import { NO_CHOICES, pairToken, type PairChoices } from "~/domain/mentoring/pair-choices";
import { confirmMatches, pairFor, proposalFor, recordFit } from "~/services/mentoring-matching.server";
import { MentoringNotFoundError, advanceCohort, applyToMentor, createCohort, recordInterview, saveMenteeProfile, select, shortlist } from "~/services/mentoring.server";
import { recordTraining } from "~/services/mentoring-gates.server";
import type { Actor } from "~/services/time-offers.server";

useTestDatabase();

const TODAY = "2026-09-01";
const NOW = new Date(`${TODAY}T10:00:00Z`);
const LATER = new Date("2026-10-20T10:00:00Z");

const applicationInput = mentorAnswers;
const profileInput = profileAnswers;

const asActor = (u: TestUser): Actor => ({ userId: u.userId, roles: u.roles });
const ref = (youngPersonId: string, mentorId: string) => ({ youngPersonId, mentorId });
const choices = (over: Partial<PairChoices>): PairChoices => ({ ...NO_CHOICES, ...over });

// Surnames nobody else has, so an email or page that leaks one is caught.
const U: Record<string, TestUser> = {};
const A = (key: string) => asActor(U[key]);

beforeAll(async () => {
  const make = async (key: string, first: string, roles: TestUser["roles"], last: string) => (U[key] = await makeUser(first, roles, last));
  await make("coordinator", "Casey", ["coordinator"], "Coordwell");
  await make("coordinator2", "Chris", ["coordinator"], "Coordby");
  await make("ana", "Ana", ["employee"], "Ashcombe");
  await make("ben", "Ben", ["employee"], "Brightwater");
  await make("cal", "Cal", ["employee"], "Carrow");
  await make("emp", "Eli", ["employee"], "Elsworth");
  await make("jordan", "Jordan", ["young_person"], "Jessop");
  await make("kai", "Kai", ["young_person"], "Kestrel");
  await make("lou", "Lou", ["young_person"], "Lambkin");
  await make("priya", "Priya", ["personal_adviser"], "Pennock");
  await make("dev", "Dev", ["personal_adviser"], "Dunmore");
  await db().adviserLink.create({ data: { adviserId: U.priya.userId, youngPersonId: U.jordan.userId } });
});

const SURNAMES = () => Object.values(U).map((u) => u.name.split(" ")[1]);

/**
 * A cohort in matching: Ana (CV help, music; clear Enhanced DBS with the barred list), Ben (budgeting,
 * gaming; a man; adults only, no DBS), Cal (selected, training not done); Jordan (16–17, music, find
 * work), Kai (18–20, gaming, manage money), Lou (16–17, asks for a man mentor: nobody the rules allow).
 */
async function setup() {
  const coordinator = A("coordinator");
  const cohortId = (await createCohort(coordinator, cohortAnswers({ capacity: "6" }, TODAY), NOW)).id;
  const mentor = async (key: string, over: Record<string, unknown>, trained = true) => {
    const { id } = await applyToMentor(A(key), cohortId, applicationInput(over), NOW);
    await shortlist(coordinator, id);
    await recordInterview(coordinator, id, "suitable");
    await select(coordinator, id);
    if (trained) for (const module of TRAINING_MODULES) await recordTraining(coordinator, id, module, NOW, NOW);
    return id;
  };
  const ana = await mentor("ana", { skills: ["cv_help"], interests: ["music"], availability: ["tue_evening"] });
  const ben = await mentor("ben", { skills: ["budgeting"], interests: ["gaming"], availability: ["sat_day"], gender: "man", ageBands: ["18_20", "21_25"] });
  const cal = await mentor("cal", {}, false);
  if (!(await db().dbsCheck.count({ where: { userId: U.ana.userId } }))) {
    await db().dbsCheck.create({ data: { userId: U.ana.userId, level: "enhanced_barred", certificateNumber: "001234567890", issuedOn: new Date("2026-06-01"), outcome: "clear", recordedById: U.coordinator.userId } });
  }
  await advanceCohort(coordinator, cohortId, "matching");
  const jordan = (await saveMenteeProfile(A("jordan"), cohortId, profileInput({ ageBand: "16_17" }), NOW)).id;
  const kai = (await saveMenteeProfile(A("kai"), cohortId, profileInput({ interests: ["gaming"], goals: ["manage_money"], availability: ["sat_day"] }), NOW)).id;
  const lou = (await saveMenteeProfile(A("lou"), cohortId, profileInput({ ageBand: "16_17", preferredMentorGender: "man" }), NOW)).id;
  return { cohortId, ana, ben, cal, jordan, kai, lou };
}
type Cohort = Awaited<ReturnType<typeof setup>>;

/** Confirm the proposal as it is now (the pairs seen are the pairs expected); the match ids by young person's profile. */
async function confirmAll(c: Cohort, by = A("coordinator")) {
  const view = await proposalFor(by, c.cohortId, NO_CHOICES);
  await confirmMatches(by, c.cohortId, NO_CHOICES, view.pairs.map((p) => ref(p.youngPersonId, p.mentorId)), NOW);
  const rows = await db().mentoringMatch.findMany({ where: { cohortId: c.cohortId, status: "active" } });
  return new Map(rows.map((r) => [r.menteeProfileId, r.id]));
}
const logSession = (matchId: string) => db().mentoringSession.create({ data: { matchId, day: NOW, minutes: 60, mode: "in_person", note: "Met at the library" } });
const auditsOf = (entityId: string) => db().auditLog.findMany({ where: { entityId }, orderBy: { at: "asc" } });

describe("the proposal for the coordinator", () => {
  it("names each pair, with a score whose parts add up; says who is left out and why, and which mentors are not ready", async () => {
    const c = await setup();
    const view = await proposalFor(A("coordinator"), c.cohortId, NO_CHOICES);
    expect(view.cohort).toMatchObject({ name: "Autumn 2026", status: "matching", canConfirm: true, confirmProblem: null });
    expect(view.pairs.map((p) => [p.youngPerson, p.mentor, p.score, p.locked]).sort()).toEqual([
      ["Jordan Jessop", "Ana Ashcombe", 100, false],
      ["Kai Kestrel", "Ben Brightwater", 100, false],
    ]);
    for (const p of view.pairs) {
      expect(p.parts.map((part) => part.part)).toEqual(["interests", "goals", "availability", "location"]);
      expect(p.parts.reduce((sum, part) => sum + part.points, 0)).toBe(p.score);
      expect(p.token).toBe(pairToken(p));
    }
    expect(view.pairs.find((p) => p.youngPersonId === c.jordan)!.parts[1].why).toBe("Can help with 1 of 1 goals: Find work (CV help)");
    expect(view.total).toBe(200);

    expect(view.unmatched).toHaveLength(1);
    expect(view.unmatched[0]).toMatchObject({ youngPersonId: c.lou, youngPerson: "Lou Lambkin" });
    const louWhy = view.unmatched[0].reasons.join("\n");
    expect(louWhy).toContain("The young person asked for a man mentor (2 of 3 mentors)");
    expect(louWhy).toMatch(/no clear Enhanced DBS check .* \(2 of 3 mentors\)/);

    expect(view.mentorsNotReady).toEqual([{ mentorId: c.cal, mentor: "Cal Carrow", problems: expect.arrayContaining([expect.stringMatching(/training/)]) }]);
    expect(view.youngPeopleToMatch.map((y) => y.name)).toEqual(["Jordan Jessop", "Kai Kestrel", "Lou Lambkin"]);
    expect(view.mentors.map((m) => m.name)).toEqual(["Ana Ashcombe", "Ben Brightwater", "Cal Carrow"]);
    expect(view.confirmed).toEqual([]);
    expect((await auditsOf(c.cohortId)).map((a) => a.action)).toContain("mentoring_proposal.viewed");
  });

  it("keeps a lock the rules allow, refuses one they do not with the reasons, and leaves a ruled-out pair out", async () => {
    const c = await setup();
    const locked = await proposalFor(A("coordinator"), c.cohortId, choices({ locked: [ref(c.kai, c.ana)] }));
    expect(locked.pairs.find((p) => p.youngPersonId === c.kai)).toMatchObject({ mentorId: c.ana, locked: true });
    // Ana went to Kai, and Jordan (16–17) has nobody else the rules allow.
    expect(locked.unmatched.map((u) => u.youngPerson).sort()).toEqual(["Jordan Jessop", "Lou Lambkin"]);

    const refused = await proposalFor(A("coordinator"), c.cohortId, choices({ locked: [ref(c.jordan, c.ben)], forbidden: [ref(c.jordan, c.ana)] }));
    expect(refused.refusedLocks).toHaveLength(1);
    expect(refused.refusedLocks[0]).toMatchObject({ youngPerson: "Jordan Jessop", mentor: "Ben Brightwater" });
    expect(refused.refusedLocks[0].reasons.join(" ")).toMatch(/under 18 .* Enhanced DBS/);
    expect(refused.ruledOut).toEqual([expect.objectContaining({ youngPerson: "Jordan Jessop", mentor: "Ana Ashcombe", token: `${c.jordan}:${c.ana}` })]);
    expect(refused.pairs.map((p) => [p.youngPerson, p.mentor])).toEqual([["Kai Kestrel", "Ben Brightwater"]]);
    expect(refused.unmatched.find((u) => u.youngPersonId === c.jordan)!.reasons).toContain("The coordinator ruled this pair out (1 of 3 mentors)");
    expect(refused.choices).toEqual({ locked: [`${c.jordan}:${c.ben}`], forbidden: [`${c.jordan}:${c.ana}`] });
  });

  it("is only for the coordinator, and an unknown cohort is not found", async () => {
    const c = await setup();
    for (const who of ["ana", "jordan", "priya"]) await expect(proposalFor(A(who), c.cohortId, NO_CHOICES)).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(proposalFor(A("coordinator"), "no-such-cohort", NO_CHOICES)).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(confirmMatches(A("ana"), c.cohortId, NO_CHOICES)).rejects.toBeInstanceOf(MentoringNotFoundError);
    expect(await db().mentoringMatch.count({ where: { cohortId: c.cohortId } })).toBe(0);
  });
});

describe("confirming", () => {
  it("writes each pair once with its score and explanation, audited, and emails both sides with no contact details", async () => {
    const c = await setup();
    await db().outboxEmail.deleteMany();
    const view = await proposalFor(A("coordinator"), c.cohortId, NO_CHOICES);
    const seen = view.pairs.map((p) => ref(p.youngPersonId, p.mentorId));
    const { matchIds } = await confirmMatches(A("coordinator"), c.cohortId, NO_CHOICES, seen, NOW);
    expect(matchIds).toHaveLength(2);

    const rows = await db().mentoringMatch.findMany({ where: { cohortId: c.cohortId }, orderBy: { score: "desc" } });
    expect(rows.map((r) => [r.menteeProfileId, r.mentorAppId, r.status, r.score]).sort()).toEqual(
      [
        [c.jordan, c.ana, "active", 100],
        [c.kai, c.ben, "active", 100],
      ].sort(),
    );
    const jordanRow = rows.find((r) => r.menteeProfileId === c.jordan)!;
    expect(JSON.parse(jordanRow.explanation)).toEqual(view.pairs.find((p) => p.youngPersonId === c.jordan)!.parts);
    expect(jordanRow).toMatchObject({ confirmedById: U.coordinator.userId, confirmedAt: NOW, mentorFit: null, menteeFit: null });
    expect((await auditsOf(jordanRow.id)).map((a) => a.action)).toEqual(["mentoring_match.confirmed"]);

    const emails = await db().outboxEmail.findMany();
    const to = (u: TestUser) => emails.filter((e) => e.to === u.email);
    expect(emails.map((e) => [e.to, e.template]).sort()).toEqual(
      [
        [U.ana.email, "mentoring-matched-mentor"],
        [U.ben.email, "mentoring-matched-mentor"],
        [U.jordan.email, "mentoring-matched-young-person"],
        [U.kai.email, "mentoring-matched-young-person"],
        [U.priya.email, "mentoring-matched-young-person"],
      ].sort(),
    );
    const [toAna] = to(U.ana);
    expect(toAna.subject).toContain("You are mentoring Jordan");
    for (const words of ["Jordan", "Interests: Music", "Would like help with: Find work", "When suits them: Tuesday evening", "Where: In person, Darlington", `/mentoring/pairs/${jordanRow.id}`]) expect(toAna.text).toContain(words);
    const [toJordan] = to(U.jordan);
    for (const words of ["Ana", "Can help with: CV help", "Interests: Music"]) expect(toJordan.text).toContain(words);
    const [toPriya] = to(U.priya);
    expect(toPriya.subject).toContain("A mentor for Jordan");
    expect(toPriya.text).toContain("Dear Priya");
    // Never a surname, an email address or anything the other side did not need.
    for (const e of emails) {
      for (const surname of SURNAMES()) expect(`${e.subject}${e.text}${e.html}`, `${e.to}: ${surname}`).not.toContain(surname);
      expect(`${e.text}${e.html}`).not.toMatch(/@test\.example/);
    }
    expect(toAna.text).not.toContain("Priya");
  });

  it("a proposal that changed since the coordinator looked is refused, nothing written; the same choices again are worked out afresh", async () => {
    const c = await setup();
    const view = await proposalFor(A("coordinator"), c.cohortId, NO_CHOICES);
    const seen = view.pairs.map((p) => ref(p.youngPersonId, p.mentorId));
    // Meanwhile Kai corrects their profile: they would like a woman mentor, so Ben is out.
    await saveMenteeProfile(A("kai"), c.cohortId, profileInput({ interests: ["gaming"], goals: ["manage_money"], availability: ["sat_day"], preferredMentorGender: "woman" }), NOW);
    await expect(confirmMatches(A("coordinator"), c.cohortId, NO_CHOICES, seen, NOW)).rejects.toThrow(/proposal has changed since you looked at it/);
    expect(await db().mentoringMatch.count({ where: { cohortId: c.cohortId } })).toBe(0);

    const now = await proposalFor(A("coordinator"), c.cohortId, NO_CHOICES);
    expect(now.pairs).toHaveLength(1);
    // A form that posts pairs of its own is never believed: only the choices count, and the server works the pairs out.
    const { matchIds } = await confirmMatches(A("coordinator"), c.cohortId, NO_CHOICES, null, NOW);
    const rows = await db().mentoringMatch.findMany({ where: { id: { in: matchIds } } });
    expect(rows.map((r) => pairToken(ref(r.menteeProfileId, r.mentorAppId)))).toEqual(now.pairs.map((p) => p.token));
  });

  it("confirming twice (two coordinators, or a double post) writes the pairs once", async () => {
    const c = await setup();
    const view = await proposalFor(A("coordinator"), c.cohortId, NO_CHOICES);
    const seen = view.pairs.map((p) => ref(p.youngPersonId, p.mentorId));
    const results = await Promise.allSettled([confirmMatches(A("coordinator"), c.cohortId, NO_CHOICES, seen, NOW), confirmMatches(A("coordinator2"), c.cohortId, NO_CHOICES, seen, NOW)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(String((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason)).toMatch(/changed since you looked/);
    // Without the pairs seen, the lot is worked out again: nobody is left to pair.
    await expect(confirmMatches(A("coordinator"), c.cohortId, NO_CHOICES, null, NOW)).rejects.toThrow("There are no pairs to confirm.");
    expect(await db().mentoringMatch.count({ where: { cohortId: c.cohortId } })).toBe(2);
  });

  it("only while the cohort is matching or running", async () => {
    const c = await setup();
    await advanceCohort(A("coordinator"), c.cohortId, "running");
    await advanceCohort(A("coordinator"), c.cohortId, "closing");
    const view = await proposalFor(A("coordinator"), c.cohortId, NO_CHOICES);
    expect(view.cohort).toMatchObject({ canConfirm: false, confirmProblem: "This cohort is closing, so pairs can be confirmed only while it is matching or running." });
    await expect(confirmMatches(A("coordinator"), c.cohortId, NO_CHOICES, null, NOW)).rejects.toThrow(/only while it is matching or running/);
    expect(await db().mentoringMatch.count({ where: { cohortId: c.cohortId } })).toBe(0);
  });
});

describe("the pair as each side sees it", () => {
  it("the mentor sees the young person's first name and what matching used; the young person and adviser see the mentor's; the coordinator sees names", async () => {
    const c = await setup();
    const matchId = (await confirmAll(c)).get(c.jordan)!;

    const mentor = await pairFor(A("ana"), matchId);
    expect(mentor).toMatchObject({
      side: "mentor",
      status: "active",
      youngPerson: { firstName: "Jordan", fullName: null },
      aboutYoungPerson: { interests: ["Music"], goals: ["Find work"], availability: ["Tuesday evening"], where: "In person, Darlington" },
      aboutMentor: null,
      score: null,
      sessions: 0,
      fitAnswers: null,
    });
    expect(mentor.inCommon).toEqual(["Shared interests (1 of 1): Music", "Can help with 1 of 1 goals: Find work (CV help)", "Free at the same times (1 of 1): Tuesday evening", "Same area (Darlington)"]);
    expect(mentor.fit).toEqual({ answer: null, problem: "You can say how it is going after the first session has been logged." });
    expect(JSON.stringify(mentor)).not.toMatch(/Jessop|Pennock|@test\.example/);
    expect((await auditsOf(matchId)).filter((a) => a.action === "mentoring_match.viewed").map((a) => a.actorUserId)).toEqual([U.ana.userId]);

    const young = await pairFor(A("jordan"), matchId);
    expect(young).toMatchObject({ side: "young_person", mentor: { firstName: "Ana", fullName: null }, aboutMentor: { skills: ["CV help"], interests: ["Music"], where: "In person, Darlington" }, aboutYoungPerson: null });
    expect(JSON.stringify(young)).not.toMatch(/Ashcombe|@test\.example/);
    expect((await pairFor(A("priya"), matchId)).side).toBe("adviser");

    const coordinator = await pairFor(A("coordinator"), matchId);
    expect(coordinator).toMatchObject({ side: "coordinator", youngPerson: { fullName: "Jordan Jessop" }, mentor: { fullName: "Ana Ashcombe" }, score: 100, fit: null, fitAnswers: { mentor: null, youngPerson: null } });
  });

  it("anyone else, and an unknown pair, is not found", async () => {
    const c = await setup();
    const matchId = (await confirmAll(c)).get(c.jordan)!;
    for (const who of ["ben", "cal", "emp", "kai", "lou", "dev"]) await expect(pairFor(A(who), matchId), who).rejects.toBeInstanceOf(MentoringNotFoundError);
    await expect(pairFor(A("ana"), "no-such-pair")).rejects.toBeInstanceOf(MentoringNotFoundError);
  });
});

describe("how is it going? (after the first session)", () => {
  it("each side answers once, after a session is logged; the young person's side is theirs or their adviser's", async () => {
    const c = await setup();
    const matchId = (await confirmAll(c)).get(c.jordan)!;
    await expect(recordFit(A("ana"), matchId, "good_fit", LATER)).rejects.toThrow(/after the first session/);
    await logSession(matchId);
    await expect(recordFit(A("ana"), matchId, "brilliant", LATER)).rejects.toThrow("Choose how it is going");
    expect(await recordFit(A("ana"), matchId, "good_fit", LATER)).toEqual({ ended: false });
    await expect(recordFit(A("ana"), matchId, "not_good_fit", LATER)).rejects.toThrow("You have already answered: a good fit.");
    // Jordan's adviser answers for Jordan's side; Jordan cannot answer that side again.
    await recordFit(A("priya"), matchId, "not_sure", LATER);
    await expect(recordFit(A("jordan"), matchId, "good_fit", LATER)).rejects.toThrow(/already answered: not sure yet/);
    for (const who of ["coordinator", "ben", "dev", "kai"]) await expect(recordFit(A(who), matchId, "not_good_fit", LATER), who).rejects.toBeInstanceOf(MentoringNotFoundError);

    expect(await db().mentoringMatch.findUniqueOrThrow({ where: { id: matchId } })).toMatchObject({ status: "active", mentorFit: "good_fit", menteeFit: "not_sure", endedAt: null });
    const fits = (await auditsOf(matchId)).filter((a) => a.action === "mentoring_match.fit").map((a) => JSON.parse(a.detail!));
    expect(fits).toEqual([
      { side: "mentor", answer: "good_fit" },
      { side: "young_person", answer: "not_sure" },
    ]);
    expect((await pairFor(A("ana"), matchId)).fit).toEqual({ answer: "good_fit", problem: "You have already answered: a good fit." });
  });

  it("'not a good fit' ends only that pair, tells the coordinators, and a re-run never proposes it again", async () => {
    const c = await setup();
    const matches = await confirmAll(c);
    const kaiMatch = matches.get(c.kai)!;
    const jordanMatch = matches.get(c.jordan)!;
    await logSession(kaiMatch);
    await db().outboxEmail.deleteMany();

    expect(await recordFit(A("kai"), kaiMatch, "not_good_fit", LATER)).toEqual({ ended: true });
    expect(await db().mentoringMatch.findUniqueOrThrow({ where: { id: kaiMatch } })).toMatchObject({ status: "ended", endedAt: LATER, menteeFit: "not_good_fit", mentorFit: null });
    expect(await db().mentoringMatch.findUniqueOrThrow({ where: { id: jordanMatch } })).toMatchObject({ status: "active", endedAt: null, mentorFit: null, menteeFit: null });
    expect((await auditsOf(kaiMatch)).map((a) => a.action)).toContain("mentoring_match.ended");
    await expect(recordFit(A("ben"), kaiMatch, "good_fit", LATER)).rejects.toThrow(/This pair has ended/);
    expect((await pairFor(A("ben"), kaiMatch)).fit).toEqual({ answer: null, problem: "This pair has ended, so the question about fit is closed." });

    const emails = await db().outboxEmail.findMany();
    expect(emails.map((e) => [e.to, e.template]).sort()).toEqual(
      [
        [U.coordinator.email, "mentoring-rematch-needed"],
        [U.coordinator2.email, "mentoring-rematch-needed"],
      ].sort(),
    );
    expect(emails[0].text).toContain("the young person, Kai");
    expect(emails[0].text).toContain(`/coordinator/mentoring/${c.cohortId}/matching`);

    // Re-run: Kai is free again but never with Ben; Ana keeps Jordan (her one place is taken).
    const rerun = await proposalFor(A("coordinator"), c.cohortId, NO_CHOICES);
    expect(rerun.pairs).toEqual([]);
    expect(rerun.ended).toEqual([expect.objectContaining({ youngPerson: "Kai Kestrel", mentor: "Ben Brightwater" })]);
    expect(rerun.confirmed.map((p) => p.youngPerson)).toEqual(["Jordan Jessop"]);
    expect(rerun.unmatched.find((u) => u.youngPersonId === c.kai)!.reasons).toContain("An earlier pair ended as not a good fit (1 of 3 mentors)");
    expect(rerun.mentorsNotReady.find((m) => m.mentorId === c.ana)!.problems).toEqual(["All their places are taken (1 of 1)"]);
    const bothWays = await proposalFor(A("coordinator"), c.cohortId, choices({ forbidden: [ref(c.kai, c.ana)] }));
    expect(bothWays.unmatched.find((u) => u.youngPersonId === c.kai)!.reasons).toEqual(
      expect.arrayContaining(["The coordinator ruled this pair out (1 of 3 mentors)", "An earlier pair ended as not a good fit (1 of 3 mentors)"]),
    );
    const lockedAgain = await proposalFor(A("coordinator"), c.cohortId, choices({ locked: [ref(c.kai, c.ben)] }));
    expect(lockedAgain.refusedLocks[0].reasons).toEqual(["This pair ended after the first session as not a good fit, so it is not proposed again"]);

    // Cal finishes training; the cohort is running: Kai is re-matched with Cal, and Jordan's pair is left alone.
    for (const module of TRAINING_MODULES) await recordTraining(A("coordinator"), c.cal, module, NOW, NOW);
    await advanceCohort(A("coordinator"), c.cohortId, "running");
    const again = await proposalFor(A("coordinator"), c.cohortId, NO_CHOICES);
    expect(again.pairs.map((p) => [p.youngPerson, p.mentor])).toEqual([["Kai Kestrel", "Cal Carrow"]]);
    await confirmMatches(A("coordinator"), c.cohortId, NO_CHOICES, again.pairs.map((p) => ref(p.youngPersonId, p.mentorId)), LATER);
    const active = await db().mentoringMatch.findMany({ where: { cohortId: c.cohortId, status: "active" }, orderBy: { confirmedAt: "asc" } });
    expect(active.map((m) => [m.menteeProfileId, m.mentorAppId])).toEqual([
      [c.jordan, c.ana],
      [c.kai, c.cal],
    ]);
    expect(active[0].id).toBe(jordanMatch);
  });
});

describe("the pages, without JavaScript", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());
  const html = (s: string) => s.replaceAll("<!-- -->", "").replaceAll("&#x27;", "'");
  const get = (path: string, cookie: string) => fetch(server.baseUrl + path, { headers: { Cookie: cookie }, redirect: "manual" });
  const post = (path: string, cookie: string, body: [string, string][]) =>
    fetch(server.baseUrl + path, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body), redirect: "manual" });

  it("the coordinator re-runs with a rule-out (a GET), sees the breakdown and reasons, and confirms (a POST) back to the cohort", async () => {
    const c = await setup();
    const coordinator = await sessionCookieFor(U.coordinator.email);
    const path = `/coordinator/mentoring/${c.cohortId}/matching`;
    const page = html(await (await get(path, coordinator)).text());
    expect(page).toContain("Jordan Jessop with Ana Ashcombe: 100 points");
    expect(page).toContain("Can help with 1 of 1 goals: Find work (CV help)");
    expect(page).toContain("Lou Lambkin");
    expect(page).toContain("The mentor has not completed the training");

    const ruleOut = `${c.jordan}:${c.ana}`;
    const query = `?forbid=${encodeURIComponent(ruleOut)}`;
    const rerun = html(await (await get(path + query, coordinator)).text());
    expect(rerun).toContain("Pairs you ruled out");
    expect(rerun).not.toContain("Jordan Jessop with Ana Ashcombe: 100 points");
    expect(rerun).toContain("The coordinator ruled this pair out (1 of 3 mentors)");
    expect(rerun).toContain("Kai Kestrel with Ben Brightwater: 100 points");

    const seen: [string, string] = ["expect", `${c.kai}:${c.ben}`];
    const unticked = await post(path + query, coordinator, [["forbid", ruleOut], seen]);
    expect(unticked.status).toBe(400);
    expect(html(await unticked.text())).toContain("Tick the box to say you have checked these pairs");
    // The pairs seen before the rule-out: not what the server works out now, so nothing is confirmed.
    const stale = await post(path + query, coordinator, [["forbid", ruleOut], seen, ["expect", ruleOut], ["confirm", "yes"]]);
    expect(stale.status).toBe(409);
    expect(html(await stale.text())).toContain("The proposal has changed since you looked at it");
    expect(await db().mentoringMatch.count({ where: { cohortId: c.cohortId } })).toBe(0);

    const done = await post(path + query, coordinator, [["forbid", ruleOut], seen, ["confirm", "yes"]]);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`/coordinator/mentoring/${c.cohortId}`);
    expect((await db().mentoringMatch.findMany({ where: { cohortId: c.cohortId } })).map((m) => [m.menteeProfileId, m.mentorAppId])).toEqual([[c.kai, c.ben]]);
    expect((await get(path, await sessionCookieFor(U.ana.email))).status).toBe(403);
  });

  it("the pair page shows each side what it may see; 'not a good fit' is checked once more, then ends the pair", async () => {
    const c = await setup();
    const matchId = (await confirmAll(c)).get(c.kai)!;
    const path = `/mentoring/pairs/${matchId}`;
    const ben = await sessionCookieFor(U.ben.email);
    const mentorPage = html(await (await get(path, ben)).text());
    expect(mentorPage).toContain("Mentoring Kai");
    expect(mentorPage).toContain(`/mentoring/pairs/${matchId}/sessions`);
    expect(mentorPage).toContain(`/mentoring/pairs/${matchId}/concern`);
    expect(mentorPage).toContain("You can say how it is going after the first session has been logged.");
    expect(mentorPage).not.toMatch(/Kestrel|@test\.example/);
    expect((await get(path, await sessionCookieFor(U.emp.email))).status).toBe(404);
    expect((await get(path, await sessionCookieFor(U.dev.email))).status).toBe(404);

    await logSession(matchId);
    const kai = await sessionCookieFor(U.kai.email);
    const youngPage = html(await (await get(path, kai)).text());
    expect(youngPage).toContain("Your mentor, Ben");
    expect(youngPage).toContain("After the first session, how is it going with Ben?");
    expect(youngPage).not.toMatch(/Brightwater|@test\.example/);

    const noAnswer = await post(path, kai, []);
    expect(noAnswer.status).toBe(400);
    const check = await post(path, kai, [["fit", "not_good_fit"]]);
    expect(check.status).toBe(200);
    expect(html(await check.text())).toContain("Are you sure it is not a good fit?");
    expect((await db().mentoringMatch.findUniqueOrThrow({ where: { id: matchId } })).status).toBe("active");
    const ended = await post(path, kai, [["fit", "not_good_fit"], ["confirmEnd", "yes"]]);
    expect(ended.status).toBe(303);
    expect((await db().mentoringMatch.findUniqueOrThrow({ where: { id: matchId } })).status).toBe("ended");
    expect(html(await (await get(path, ben)).text())).toContain("This pair ended");
  });
});
