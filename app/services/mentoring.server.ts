// The mentoring pilot's cohorts (issue 8): the coordinator sets a cohort up and moves it on a step at
// a time; employees apply to mentor (once per cohort) and the coordinator shortlists, records the
// interview and selects; a young person, or their personal adviser, enters the young person's profile
// for matching (the young person can read and correct it). cohortFacts turns a cohort's rows into the
// facts app/domain/mentoring/matching.ts matches on. Each write is one transaction with its audit entry.
import { db, type DbTx } from "~/db.server";
import { Prisma } from "~/generated/prisma/client.ts";
import {
  APPLICATION_CHANGE_TO,
  COHORT_STATUSES,
  SELECTING_STATUSES,
  applicationChangeProblem,
  cohortAdvanceProblem,
  isCohortStatus,
  isAgeBand,
  isInterviewOutcome,
  storedAgeBands,
  storedGoals,
  storedInterests,
  storedStrings,
  type ApplicationChange,
  type CohortInput,
  type CohortStatus,
  type InterviewOutcome,
  type MenteeProfileInput,
  type MentorApplicationInput,
} from "~/domain/mentoring/cohort";
import { storedSkills, storedSlots } from "~/domain/talent/forms";
import type { MentorFacts, YoungPersonFacts } from "~/domain/mentoring/matching";
import { isMode } from "~/domain/talent/skills";
import { dayKeyToDate } from "~/domain/talent/hours";
import { audit } from "~/services/audit.server";
import { gatesOfApplications } from "~/services/mentoring-gates.server";
import type { Actor } from "~/services/time-offers.server";

/** A change the rules refuse: the message is shown to the user as it is. */
export class MentoringError extends Error {
  /** the form field the problem is about, when there is one */
  constructor(message: string, readonly field?: string) {
    super(message);
    this.name = "MentoringError";
  }
}

/** The record does not exist, or this person may not see it: the page answers 404 either way. */
export class MentoringNotFoundError extends Error {
  constructor() {
    super("Not found");
    this.name = "MentoringNotFoundError";
  }
}

/** Run a service call; its not-found becomes the 404 response a loader or action throws. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof MentoringNotFoundError) throw new Response("Not found", { status: 404, statusText: "Not Found" });
    throw error;
  }
}

// The routes guard by role too; the service checks again so a mistake in a route cannot open a write.
function requireRole(actor: Actor, role: Actor["roles"][number]): void {
  if (!actor.roles.includes(role)) throw new MentoringNotFoundError();
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

async function cohortOf(tx: DbTx, cohortId: string) {
  const cohort = await tx.mentoringCohort.findUnique({ where: { id: cohortId }, select: { id: true, name: true, status: true, capacity: true } });
  if (!cohort) throw new MentoringNotFoundError();
  return cohort;
}

const statusWords = (status: string) => (isCohortStatus(status) ? COHORT_STATUSES[status].toLowerCase() : status);

// ---- Cohorts ---------------------------------------------------------------------------------

/** Set up a cohort (coordinator); it starts recruiting. */
export async function createCohort(actor: Actor, input: CohortInput, now = new Date()): Promise<{ id: string }> {
  requireRole(actor, "coordinator");
  return db().$transaction(async (tx) => {
    const cohort = await tx.mentoringCohort.create({
      data: {
        name: input.name,
        startsOn: dayKeyToDate(input.startsOn),
        weeks: input.weeks,
        capacity: input.capacity,
        dropInDays: JSON.stringify(input.dropInDays),
        status: "recruiting",
        createdById: actor.userId,
        createdAt: now,
      },
      select: { id: true },
    });
    await audit(
      { actorUserId: actor.userId, actorRole: "coordinator", action: "mentoring_cohort.created", entityType: "MentoringCohort", entityId: cohort.id, detail: { startsOn: input.startsOn, weeks: input.weeks, capacity: input.capacity, dropIns: input.dropInDays.length } },
      tx,
    );
    return cohort;
  });
}

/** Move a cohort one step on (recruiting → matching → running → closing → evaluated). */
export async function advanceCohort(actor: Actor, cohortId: string, to: string, now = new Date()): Promise<CohortStatus> {
  requireRole(actor, "coordinator");
  return db().$transaction(async (tx) => {
    const cohort = await cohortOf(tx, cohortId);
    const problem = cohortAdvanceProblem(cohort.status, to);
    if (problem) throw new MentoringError(problem, "status");
    // Optimistic: only from the status read above, so two coordinators at once cannot both move it.
    const updated = await tx.mentoringCohort.updateMany({ where: { id: cohortId, status: cohort.status }, data: { status: to } });
    if (updated.count !== 1) throw new MentoringError("This cohort changed just now. Look at it again and try once more.");
    // Planned closure: the pairs still meeting end together, as "closed" (not "ended", which means not a good fit).
    const closed = to === "closing" ? (await tx.mentoringMatch.updateMany({ where: { cohortId, status: "active" }, data: { status: "closed", endedAt: now } })).count : 0;
    await audit(
      { actorUserId: actor.userId, actorRole: "coordinator", action: "mentoring_cohort.advanced", entityType: "MentoringCohort", entityId: cohortId, detail: { from: cohort.status, to, ...(to === "closing" ? { pairsClosed: closed } : {}) } },
      tx,
    );
    return to as CohortStatus;
  });
}

// ---- Mentor applications ---------------------------------------------------------------------

/**
 * An employee applies to mentor in a cohort that is recruiting, once. Their team (for the "never
 * their own worker's team" rule) is their department on the employee record, not something they type.
 */
export async function applyToMentor(actor: Actor, cohortId: string, input: MentorApplicationInput, now = new Date()): Promise<{ id: string }> {
  requireRole(actor, "employee");
  try {
    return await db().$transaction(async (tx) => {
      const cohort = await cohortOf(tx, cohortId);
      if (cohort.status !== "recruiting") throw new MentoringError(`This cohort is ${statusWords(cohort.status)}, so it is no longer taking applications.`);
      const existing = await tx.mentorApplication.findUnique({ where: { cohortId_userId: { cohortId, userId: actor.userId } }, select: { id: true } });
      if (existing) throw new MentoringError("You have already applied to mentor in this cohort.");
      const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { person: { select: { employee: { select: { department: true } } } } } });
      const app = await tx.mentorApplication.create({
        data: {
          cohortId,
          userId: actor.userId,
          motivation: input.motivation,
          interests: JSON.stringify(input.interests),
          skills: JSON.stringify(input.skills),
          availability: JSON.stringify(input.availability),
          ageBands: JSON.stringify(input.ageBands),
          mode: input.mode,
          location: input.location,
          teamId: user.person.employee?.department ?? null,
          gender: input.gender,
          preferences: input.preferences,
          capacity: input.capacity,
          managerAgreed: input.managerAgreed,
          status: "applied",
          createdAt: now,
        },
        select: { id: true },
      });
      await audit(
        { actorUserId: actor.userId, actorRole: "employee", action: "mentor_application.created", entityType: "MentorApplication", entityId: app.id, detail: { cohortId, capacity: input.capacity, managerAgreed: input.managerAgreed } },
        tx,
      );
      return app;
    });
  } catch (error) {
    // Two posts of the same form at once: the unique index keeps one.
    if (isUniqueViolation(error)) throw new MentoringError("You have already applied to mentor in this cohort.");
    throw error;
  }
}

/** One coordinator step on an application, checked against its status and its cohort's. */
async function decide(actor: Actor, applicationId: string, change: ApplicationChange, interviewOutcome?: InterviewOutcome): Promise<void> {
  requireRole(actor, "coordinator");
  await db().$transaction(async (tx) => {
    const app = await tx.mentorApplication.findUnique({
      where: { id: applicationId },
      select: { status: true, managerAgreed: true, interviewOutcome: true, cohortId: true, cohort: { select: { status: true } } },
    });
    if (!app) throw new MentoringNotFoundError();
    if (!(SELECTING_STATUSES as string[]).includes(app.cohort.status)) throw new MentoringError(`This cohort is ${statusWords(app.cohort.status)}, so its mentors can no longer be chosen.`);
    const problem = applicationChangeProblem(app, change);
    if (problem) throw new MentoringError(problem);
    const to = APPLICATION_CHANGE_TO[change];
    const updated = await tx.mentorApplication.updateMany({
      where: { id: applicationId, status: app.status },
      data: { status: to, decidedById: actor.userId, ...(change === "interview" ? { interviewOutcome } : {}) },
    });
    if (updated.count !== 1) throw new MentoringError("This application changed just now. Look at it again and try once more.");
    await audit(
      {
        actorUserId: actor.userId,
        actorRole: "coordinator",
        action: `mentor_application.${to}`,
        entityType: "MentorApplication",
        entityId: applicationId,
        detail: { cohortId: app.cohortId, from: app.status, to, ...(interviewOutcome ? { interviewOutcome } : {}) },
      },
      tx,
    );
  });
}

/** Put an application on the shortlist (only with the manager's agreement). */
export const shortlist = (actor: Actor, applicationId: string) => decide(actor, applicationId, "shortlist");

/** Record the interview's outcome for a shortlisted application. */
export async function recordInterview(actor: Actor, applicationId: string, outcome: string): Promise<void> {
  if (!isInterviewOutcome(outcome)) throw new MentoringError("Choose the outcome of the interview", "outcome");
  await decide(actor, applicationId, "interview", outcome);
}

/** Select an interviewed mentor found suitable (the gates still apply before they are matched). */
export const select = (actor: Actor, applicationId: string) => decide(actor, applicationId, "select");

/** Decide not to select an application, at any step before a decision. */
export const notSelect = (actor: Actor, applicationId: string) => decide(actor, applicationId, "not_select");

// ---- Young people's profiles -----------------------------------------------------------------

async function isLinked(tx: DbTx, adviserId: string, youngPersonId: string): Promise<boolean> {
  return Boolean(await tx.adviserLink.findUnique({ where: { adviserId_youngPersonId: { adviserId, youngPersonId } }, select: { adviserId: true } }));
}

/** Whose profile this person may write or read: their own (a young person), or someone on their caseload (an adviser). */
async function profileOwner(tx: DbTx, actor: Actor, youngPersonId: string | null | undefined): Promise<string> {
  if (youngPersonId && youngPersonId !== actor.userId) {
    // Not linked: not found, so nobody learns who is on another adviser's caseload.
    if (!actor.roles.includes("personal_adviser") || !(await isLinked(tx, actor.userId, youngPersonId))) throw new MentoringNotFoundError();
    return youngPersonId;
  }
  if (!actor.roles.includes("young_person")) throw new MentoringError("Choose the young person the profile is for.", "youngPersonId");
  return actor.userId;
}

const roleFor = (actor: Actor, youngPersonId: string) => (actor.userId === youngPersonId ? "young_person" : "personal_adviser");

/**
 * The young person's own workers, who are never their mentor: their linked personal advisers (user
 * ids) and those advisers' teams (department on the employee record, as a mentor's team is), and the
 * social worker whose work email was given, when it is an employee's. An unknown email adds nothing
 * and says nothing, so the form cannot be used to find out who works here.
 */
async function ownWorkers(tx: DbTx, youngPersonId: string, socialWorkerEmail?: string | null): Promise<{ ids: string[]; teams: string[] }> {
  const links = await tx.adviserLink.findMany({ where: { youngPersonId }, select: { adviserId: true, adviser: { select: { person: { select: { employee: { select: { department: true } } } } } } } });
  const socialWorker = socialWorkerEmail
    ? await tx.user.findFirst({
        where: { email: socialWorkerEmail.toLowerCase(), id: { not: youngPersonId }, OR: [{ roles: { some: { role: "employee" } } }, { person: { employee: { isNot: null } } }] },
        select: { id: true, person: { select: { employee: { select: { department: true } } } } },
      })
    : null;
  const workers = [...links.map((l) => ({ id: l.adviserId, team: l.adviser.person.employee?.department })), ...(socialWorker ? [{ id: socialWorker.id, team: socialWorker.person.employee?.department }] : [])];
  const teams = workers.map((w) => w.team).filter((d): d is string => Boolean(d));
  return { ids: [...new Set(workers.map((w) => w.id))].sort(), teams: [...new Set(teams)].sort() };
}

/** Stored ids and new ones, once each, sorted. */
const mergedIds = (stored: string | null | undefined, fresh: readonly string[]) => JSON.stringify([...new Set([...storedStrings(stored), ...fresh])].sort());

const PROFILE_FIELDS = ["ageBand", "interests", "goals", "availability", "mode", "location", "preferredMentorGender", "ownWorkerIds", "ownTeamIds"] as const;

/**
 * Enter or correct a young person's profile for a cohort (the young person, or their linked adviser),
 * while the cohort is recruiting or matching. Saving again replaces the answers.
 */
export async function saveMenteeProfile(actor: Actor, cohortId: string, input: MenteeProfileInput, now = new Date()): Promise<{ id: string; created: boolean }> {
  try {
    return await db().$transaction(async (tx) => {
      const youngPersonId = await profileOwner(tx, actor, input.youngPersonId);
      const cohort = await cohortOf(tx, cohortId);
      if (!(SELECTING_STATUSES as string[]).includes(cohort.status)) throw new MentoringError(`This cohort is ${statusWords(cohort.status)}, so profiles for matching can no longer be changed. Ask the programme coordinator.`);
      const workers = await ownWorkers(tx, youngPersonId, input.socialWorkerEmail);
      const before = await tx.menteeProfile.findUnique({ where: { cohortId_youngPersonId: { cohortId, youngPersonId } } });
      const columns = {
        ageBand: input.ageBand,
        interests: JSON.stringify(input.interests),
        goals: JSON.stringify(input.goals),
        availability: JSON.stringify(input.availability),
        mode: input.mode,
        location: input.location,
        preferredMentorGender: input.preferredMentorGender,
        // Kept from before as well: the email is never stored, so a correction that leaves it blank must
        // not drop a social worker named earlier.
        ownWorkerIds: mergedIds(before?.ownWorkerIds, workers.ids),
        ownTeamIds: mergedIds(before?.ownTeamIds, workers.teams),
      };
      if (!before) {
        const active = await tx.menteeProfile.count({ where: { cohortId } });
        if (active >= cohort.capacity) throw new MentoringError("This cohort is full. Ask the programme coordinator about the next one.");
      }
      const row = before
        ? await tx.menteeProfile.update({ where: { id: before.id }, data: columns, select: { id: true } })
        : await tx.menteeProfile.create({ data: { ...columns, cohortId, youngPersonId, createdById: actor.userId, createdAt: now }, select: { id: true } });
      // Which answers changed, never their values: the profile is sensitive.
      const changed = before ? PROFILE_FIELDS.filter((k) => before[k] !== columns[k]) : [...PROFILE_FIELDS];
      await audit(
        { actorUserId: actor.userId, actorRole: roleFor(actor, youngPersonId), action: before ? "mentee_profile.updated" : "mentee_profile.created", entityType: "MenteeProfile", entityId: row.id, detail: { cohortId, changed } },
        tx,
      );
      return { id: row.id, created: !before };
    });
  } catch (error) {
    // The same profile created twice at once: the unique index keeps one; the second can save again.
    if (isUniqueViolation(error)) throw new MentoringError("This profile was saved just now. Look at it again and try once more.");
    throw error;
  }
}

export type MenteeProfileView = {
  id: string;
  cohortId: string;
  youngPersonId: string;
  isYoungPerson: boolean;
  ageBand: string;
  interests: string[];
  goals: string[];
  availability: string[];
  mode: string;
  location: string | null;
  preferredMentorGender: string | null;
  /** the form's values, to correct it */
  formValues: Record<string, string | string[]>;
};

/**
 * A young person's profile as they (or their linked adviser) see it, to read and correct. Anyone else,
 * or no profile yet: not found. Each view is audited (care leavers' data).
 */
export async function menteeProfileFor(actor: Actor, cohortId: string, youngPersonId?: string): Promise<MenteeProfileView> {
  const client = db();
  const owner = await profileOwner(client, actor, youngPersonId).catch((error) => {
    throw error instanceof MentoringError ? new MentoringNotFoundError() : error;
  });
  const p = await client.menteeProfile.findUnique({ where: { cohortId_youngPersonId: { cohortId, youngPersonId: owner } } });
  if (!p) throw new MentoringNotFoundError();
  await audit({ actorUserId: actor.userId, actorRole: roleFor(actor, owner), action: "mentee_profile.viewed", entityType: "MenteeProfile", entityId: p.id });
  const view = {
    ageBand: p.ageBand,
    interests: storedInterests(p.interests),
    goals: storedGoals(p.goals),
    availability: storedSlots(p.availability),
    mode: p.mode,
    location: p.location,
    preferredMentorGender: p.preferredMentorGender,
  };
  return {
    id: p.id,
    cohortId,
    youngPersonId: owner,
    isYoungPerson: owner === actor.userId,
    ...view,
    formValues: {
      youngPersonId: owner === actor.userId ? "" : owner,
      ageBand: view.ageBand,
      interests: view.interests,
      goals: view.goals,
      availability: view.availability,
      mode: view.mode,
      location: view.location ?? "",
      preferredMentorGender: view.preferredMentorGender ?? "none",
    },
  };
}

// ---- Facts for matching ----------------------------------------------------------------------

export type CohortFacts = {
  cohortId: string;
  status: string;
  youngPeople: YoungPersonFacts[];
  mentors: MentorFacts[];
  /** why each mentor cannot be matched yet (the gates, in words), by application id */
  mentorProblems: Map<string, string[]>;
};

// Applications the coordinator has turned down or the employee withdrew are not mentors of the cohort.
const OUT_OF_COHORT = ["not_selected", "withdrawn"];

/**
 * A cohort's rows → the facts proposeMatches takes. Ids are the profile's and the application's (what
 * a MentoringMatch stores); a mentor is named by their user id, as a profile's ownWorkerIds are.
 * Young people already in an active pair are left out, and those pairs count against their mentor's
 * places, so re-running (or re-matching after "not a good fit") leaves the other pairs alone. A young
 * person's own advisers are read again from the links now, as well as those stored with the profile.
 */
export async function cohortFacts(cohortId: string, client: DbTx = db()): Promise<CohortFacts> {
  const cohort = await client.mentoringCohort.findUnique({
    where: { id: cohortId },
    select: {
      id: true,
      status: true,
      mentors: { where: { status: { notIn: OUT_OF_COHORT } }, orderBy: { createdAt: "asc" } },
      mentees: { orderBy: { createdAt: "asc" } },
      matches: { where: { status: "active" }, select: { mentorAppId: true, menteeProfileId: true } },
    },
  });
  if (!cohort) throw new MentoringNotFoundError();

  const gates = await gatesOfApplications(
    cohort.mentors.map((m) => m.id),
    client,
  );
  const matchedProfiles = new Set(cohort.matches.map((m) => m.menteeProfileId));
  const menteesOf = new Map<string, number>();
  for (const m of cohort.matches) menteesOf.set(m.mentorAppId, (menteesOf.get(m.mentorAppId) ?? 0) + 1);

  const unmatched = cohort.mentees.filter((p) => !matchedProfiles.has(p.id));
  const links = unmatched.length
    ? await client.adviserLink.findMany({
        where: { youngPersonId: { in: unmatched.map((p) => p.youngPersonId) } },
        select: { youngPersonId: true, adviserId: true, adviser: { select: { person: { select: { employee: { select: { department: true } } } } } } },
      })
    : [];

  const youngPeople: YoungPersonFacts[] = [];
  for (const p of unmatched) {
    // An unknown age band cannot be checked against the age rules: never matched.
    if (!isAgeBand(p.ageBand)) continue;
    const own = links.filter((l) => l.youngPersonId === p.youngPersonId);
    youngPeople.push({
      id: p.id,
      ageBand: p.ageBand,
      interests: storedInterests(p.interests),
      goals: storedGoals(p.goals),
      availability: storedSlots(p.availability),
      mode: isMode(p.mode) ? p.mode : "in_person",
      location: p.location,
      preferredMentorGender: p.preferredMentorGender,
      ownWorkerIds: [...new Set([...storedStrings(p.ownWorkerIds), ...own.map((l) => l.adviserId)])],
      ownTeamIds: [...new Set([...storedStrings(p.ownTeamIds), ...own.map((l) => l.adviser.person.employee?.department).filter((d): d is string => Boolean(d))])],
    });
  }

  const mentorProblems = new Map<string, string[]>();
  const mentors: MentorFacts[] = cohort.mentors.map((a) => {
    const g = gates.get(a.id);
    mentorProblems.set(a.id, g?.problems ?? ["The mentor's training and DBS check could not be read"]);
    return {
      id: a.id,
      userId: a.userId,
      teamId: a.teamId,
      gender: a.gender,
      selected: a.status === "selected",
      trainingComplete: g?.trainingComplete ?? false,
      dbsChecks: g?.dbsChecks ?? [],
      ageBands: storedAgeBands(a.ageBands),
      capacity: a.capacity,
      currentMentees: menteesOf.get(a.id) ?? 0,
      interests: storedInterests(a.interests),
      skills: storedSkills(a.skills),
      availability: storedSlots(a.availability),
      // An unreadable mode is taken as in person: the strictest, so no pair is allowed by mistake.
      mode: isMode(a.mode) ? a.mode : "in_person",
      location: a.location,
    };
  });

  return { cohortId: cohort.id, status: cohort.status, youngPeople, mentors, mentorProblems };
}
