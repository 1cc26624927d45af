// The coordinator's view of the mentoring pilot's cohorts (issue 8): the list, one cohort's overview
// (mentor applications with their gates, young people, drop-in attendance), one application in full,
// and recording who came to the drop-in sessions. The coordinator sees names; opening a cohort shows
// its young people's names and age bands, so each view is audited (care leavers' data).
import { db, type DbTx } from "~/db.server";
import {
  APPLICATION_STATUSES,
  COHORT_STATUSES,
  INTERVIEW_OUTCOMES,
  SELECTING_STATUSES,
  isApplicationStatus,
  isAgeBand,
  isCohortStatus,
  isInterviewOutcome,
  nextCohortStatus,
  storedAgeBands,
  storedInterests,
  storedStrings,
  type ApplicationStatus,
  type CohortStatus,
} from "~/domain/mentoring/cohort";
import { REQUIRED_TRAINING, TRAINING_MODULES, isTrainingModule } from "~/domain/mentoring/gates";
import { AGE_BANDS, INTERESTS, isUnder18 } from "~/domain/mentoring/matching";
import { DBS_LEVELS, DBS_OUTCOMES, isDbsLevel, isDbsOutcome } from "~/domain/talent/dbs";
import { GENDERS, isGender, modeText, storedSkills, storedSlots } from "~/domain/talent/forms";
import { SKILLS, slotLabel } from "~/domain/talent/skills";
import { audit } from "~/services/audit.server";
import { gatesOfApplications } from "~/services/mentoring-gates.server";
import { MentoringError, MentoringNotFoundError } from "~/services/mentoring.server";
import type { Actor } from "~/services/time-offers.server";

// Applications the coordinator turned down or the employee withdrew are no longer the cohort's mentors
// (as in cohortFacts): they are not counted as mentors nor asked about at the drop-in.
const OUT_OF_COHORT = ["not_selected", "withdrawn"];

// The routes guard by role too; reads check again so a mistake in a route cannot open a cohort.
function requireCoordinator(actor: Actor): void {
  if (!actor.roles.includes("coordinator")) throw new MentoringNotFoundError();
}

async function namesOf(userIds: readonly string[], client: DbTx): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const users = await client.user.findMany({ where: { id: { in: [...new Set(userIds)] } }, select: { id: true, person: { select: { firstName: true, lastName: true } } } });
  return new Map(users.map((u) => [u.id, `${u.person.firstName} ${u.person.lastName}`]));
}

const statusOf = (status: string): CohortStatus => (isCohortStatus(status) ? status : "recruiting");
const applicationStatusOf = (status: string): ApplicationStatus => (isApplicationStatus(status) ? status : "applied");

// ---- The list --------------------------------------------------------------------------------

export type CohortRow = {
  id: string;
  name: string;
  startsOn: string;
  weeks: number;
  capacity: number;
  status: CohortStatus;
  mentorsApplied: number;
  mentorsSelected: number;
  youngPeople: number;
};

/** Every cohort, the newest start first, with how many applied, were selected and young people joined. */
export async function cohortList(actor: Actor, client: DbTx = db()): Promise<CohortRow[]> {
  requireCoordinator(actor);
  const [cohorts, applications, profiles] = await Promise.all([
    client.mentoringCohort.findMany({ orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }], select: { id: true, name: true, startsOn: true, weeks: true, capacity: true, status: true } }),
    client.mentorApplication.groupBy({ by: ["cohortId", "status"], _count: { _all: true } }),
    client.menteeProfile.groupBy({ by: ["cohortId"], _count: { _all: true } }),
  ]);
  const applied = new Map<string, number>();
  const selected = new Map<string, number>();
  for (const a of applications) {
    // An application the employee withdrew is not counted as applied.
    if (a.status !== "withdrawn") applied.set(a.cohortId, (applied.get(a.cohortId) ?? 0) + a._count._all);
    if (a.status === "selected") selected.set(a.cohortId, a._count._all);
  }
  const young = new Map(profiles.map((p) => [p.cohortId, p._count._all]));
  return cohorts.map((c) => ({
    id: c.id,
    name: c.name,
    startsOn: c.startsOn.toISOString(),
    weeks: c.weeks,
    capacity: c.capacity,
    status: statusOf(c.status),
    mentorsApplied: applied.get(c.id) ?? 0,
    mentorsSelected: selected.get(c.id) ?? 0,
    youngPeople: young.get(c.id) ?? 0,
  }));
}

// ---- One cohort ------------------------------------------------------------------------------

export type MentorRow = {
  id: string;
  userId: string;
  name: string;
  status: ApplicationStatus;
  trainingComplete: boolean;
  /** a clear Enhanced DBS check with the children's barred list */
  dbsClear: boolean;
  /** the mentor offered to mentor under-18s, so the DBS gate applies */
  dbsNeeded: boolean;
  attendedDropIn: boolean;
  /** still one of the cohort's mentors (not turned down, not withdrawn) */
  inCohort: boolean;
  problems: string[];
};

export type YoungPersonRow = { id: string; name: string; ageBand: string; attendedDropIn: boolean; matched: boolean };

export type CohortOverview = {
  id: string;
  name: string;
  status: CohortStatus;
  next: CohortStatus | null;
  startsOn: string;
  weeks: number;
  capacity: number;
  dropInDays: string[];
  /** mentors are still chosen and drop-in attendance recorded (recruiting or matching) */
  selecting: boolean;
  mentors: MentorRow[];
  youngPeople: YoungPersonRow[];
};

/** One cohort for the coordinator: its status, mentor applications with gates, young people. Audited. */
export async function cohortOverview(actor: Actor, cohortId: string, client: DbTx = db()): Promise<CohortOverview> {
  requireCoordinator(actor);
  const cohort = await client.mentoringCohort.findUnique({
    where: { id: cohortId },
    select: {
      id: true,
      name: true,
      status: true,
      startsOn: true,
      weeks: true,
      capacity: true,
      dropInDays: true,
      mentors: { orderBy: { createdAt: "asc" }, select: { id: true, userId: true, status: true, attendedDropIn: true, ageBands: true } },
      mentees: { orderBy: { createdAt: "asc" }, select: { id: true, youngPersonId: true, ageBand: true, attendedDropIn: true } },
      matches: { where: { status: "active" }, select: { menteeProfileId: true } },
    },
  });
  if (!cohort) throw new MentoringNotFoundError();
  const [gates, names] = await Promise.all([
    gatesOfApplications(
      cohort.mentors.map((m) => m.id),
      client,
    ),
    namesOf([...cohort.mentors.map((m) => m.userId), ...cohort.mentees.map((p) => p.youngPersonId)], client),
  ]);
  await audit(
    { actorUserId: actor.userId, actorRole: "coordinator", action: "mentoring_cohort.viewed", entityType: "MentoringCohort", entityId: cohort.id, detail: { youngPeople: cohort.mentees.length } },
    client,
  );
  const matched = new Set(cohort.matches.map((m) => m.menteeProfileId));
  const status = statusOf(cohort.status);
  return {
    id: cohort.id,
    name: cohort.name,
    status,
    next: nextCohortStatus(status),
    startsOn: cohort.startsOn.toISOString(),
    weeks: cohort.weeks,
    capacity: cohort.capacity,
    dropInDays: storedStrings(cohort.dropInDays),
    selecting: SELECTING_STATUSES.includes(status),
    mentors: cohort.mentors.map((m) => {
      const g = gates.get(m.id);
      return {
        id: m.id,
        userId: m.userId,
        name: names.get(m.userId) ?? "Unknown",
        status: applicationStatusOf(m.status),
        trainingComplete: g?.trainingComplete ?? false,
        dbsClear: g?.dbsClearForUnder18 ?? false,
        dbsNeeded: storedAgeBands(m.ageBands).some(isUnder18),
        attendedDropIn: m.attendedDropIn,
        inCohort: !OUT_OF_COHORT.includes(m.status),
        problems: g?.problems ?? [],
      };
    }),
    youngPeople: cohort.mentees.map((p) => ({
      id: p.id,
      name: names.get(p.youngPersonId) ?? "Unknown",
      ageBand: isAgeBand(p.ageBand) ? AGE_BANDS[p.ageBand] : "Not known",
      attendedDropIn: p.attendedDropIn,
      matched: matched.has(p.id),
    })),
  };
}

// ---- One application -------------------------------------------------------------------------

export type ApplicationDetail = {
  id: string;
  cohort: { id: string; name: string; status: CohortStatus; selecting: boolean };
  userId: string;
  name: string;
  status: ApplicationStatus;
  statusLabel: string;
  interviewOutcome: string | null;
  motivation: string;
  interests: string[];
  skills: string[];
  availability: string[];
  ageBands: string[];
  where: string;
  gender: string | null;
  preferences: string | null;
  capacity: number;
  managerAgreed: boolean;
  attendedDropIn: boolean;
  appliedOn: string;
  training: { module: string; label: string; completedOn: string | null }[];
  /** training modules not yet recorded, for the form */
  modulesToRecord: { value: string; label: string }[];
  gates: { trainingComplete: boolean; dbsClear: boolean; dbsNeeded: boolean; problems: string[] };
  /** the newest DBS check: level, outcome and issue date only (never the certificate number) */
  dbs: { level: string; outcome: string; issuedOn: string; purged: boolean } | null;
};

/**
 * One mentor application in full for the coordinator, with its training, gates and the mentor's
 * newest DBS check. An application of another cohort than `cohortId` is not found, like an unknown one.
 */
export async function applicationDetail(actor: Actor, cohortId: string, applicationId: string, client: DbTx = db()): Promise<ApplicationDetail> {
  requireCoordinator(actor);
  const app = await client.mentorApplication.findUnique({
    where: { id: applicationId },
    include: { cohort: { select: { id: true, name: true, status: true } }, training: { select: { module: true, completedOn: true } } },
  });
  if (!app || app.cohortId !== cohortId) throw new MentoringNotFoundError();
  const [gates, names, check] = await Promise.all([
    gatesOfApplications([app.id], client),
    namesOf([app.userId], client),
    client.dbsCheck.findFirst({
      where: { userId: app.userId },
      orderBy: [{ issuedOn: "desc" }, { recordedAt: "desc" }],
      // Never the certificate number: the page does not need it.
      select: { level: true, outcome: true, issuedOn: true, purgedAt: true },
    }),
  ]);
  const g = gates.get(app.id);
  const done = new Map(app.training.map((t) => [t.module, t.completedOn]));
  const status = applicationStatusOf(app.status);
  const cohortStatus = statusOf(app.cohort.status);
  const ageBands = storedAgeBands(app.ageBands);
  return {
    id: app.id,
    cohort: { id: app.cohort.id, name: app.cohort.name, status: cohortStatus, selecting: SELECTING_STATUSES.includes(cohortStatus) },
    userId: app.userId,
    name: names.get(app.userId) ?? "Unknown",
    status,
    statusLabel: APPLICATION_STATUSES[status],
    interviewOutcome: app.interviewOutcome && isInterviewOutcome(app.interviewOutcome) ? INTERVIEW_OUTCOMES[app.interviewOutcome] : null,
    motivation: app.motivation,
    interests: storedInterests(app.interests).map((i) => INTERESTS[i]),
    skills: storedSkills(app.skills).map((s) => SKILLS[s]),
    availability: storedSlots(app.availability).map(slotLabel),
    ageBands: ageBands.map((b) => AGE_BANDS[b]),
    where: modeText(app.mode, app.location),
    gender: app.gender && isGender(app.gender) ? GENDERS[app.gender] : null,
    preferences: app.preferences,
    capacity: app.capacity,
    managerAgreed: app.managerAgreed,
    attendedDropIn: app.attendedDropIn,
    appliedOn: app.createdAt.toISOString(),
    training: [
      ...TRAINING_MODULES.map((m) => ({ module: m, label: REQUIRED_TRAINING[m], completedOn: done.get(m)?.toISOString() ?? null })),
      // A module recorded under a name the pilot no longer requires is still shown.
      ...app.training.filter((t) => !isTrainingModule(t.module)).map((t) => ({ module: t.module, label: t.module, completedOn: t.completedOn.toISOString() })),
    ],
    modulesToRecord: TRAINING_MODULES.filter((m) => !done.has(m)).map((m) => ({ value: m, label: REQUIRED_TRAINING[m] })),
    gates: {
      trainingComplete: g?.trainingComplete ?? false,
      dbsClear: g?.dbsClearForUnder18 ?? false,
      dbsNeeded: ageBands.some(isUnder18),
      problems: g?.problems ?? [],
    },
    dbs: check
      ? {
          level: isDbsLevel(check.level) ? DBS_LEVELS[check.level] : check.level,
          outcome: isDbsOutcome(check.outcome) ? DBS_OUTCOMES[check.outcome] : check.outcome,
          issuedOn: check.issuedOn.toISOString(),
          purged: check.purgedAt !== null,
        }
      : null,
  };
}

/**
 * Check, before a change from the application's page, that the application is in the cohort the page
 * is for (another cohort's, or an unknown one: not found); its mentor's name, for the confirmation.
 */
export async function requireApplicationInCohort(actor: Actor, cohortId: string, applicationId: string, client: DbTx = db()): Promise<{ name: string }> {
  requireCoordinator(actor);
  const app = await client.mentorApplication.findUnique({ where: { id: applicationId }, select: { cohortId: true, userId: true } });
  if (!app || app.cohortId !== cohortId) throw new MentoringNotFoundError();
  return { name: (await namesOf([app.userId], client)).get(app.userId) ?? "The mentor" };
}

// ---- Drop-in attendance ----------------------------------------------------------------------

export type DropInAttendance = { mentorAppIds: readonly string[]; profileIds: readonly string[] };

/**
 * Record who came to the cohort's drop-in sessions: the mentors (applications still in the cohort)
 * and young people ticked are marked as attended, the others in the cohort as not. Only while the
 * cohort is recruiting or matching (the drop-ins are to meet before matching). An id that is not one
 * of this cohort's is refused, so a stale or forged form changes nothing. One transaction, audited.
 */
export async function recordDropInAttendance(actor: Actor, cohortId: string, attendance: DropInAttendance): Promise<{ mentors: number; youngPeople: number }> {
  requireCoordinator(actor);
  return db().$transaction(async (tx) => {
    const cohort = await tx.mentoringCohort.findUnique({
      where: { id: cohortId },
      select: {
        status: true,
        mentors: { where: { status: { notIn: OUT_OF_COHORT } }, select: { id: true, attendedDropIn: true } },
        mentees: { select: { id: true, attendedDropIn: true } },
      },
    });
    if (!cohort) throw new MentoringNotFoundError();
    const status = statusOf(cohort.status);
    if (!SELECTING_STATUSES.includes(status)) throw new MentoringError(`This cohort is ${COHORT_STATUSES[status].toLowerCase()}, so drop-in attendance can no longer be changed.`);
    const mentorIds = new Set(attendance.mentorAppIds);
    const profileIds = new Set(attendance.profileIds);
    if ([...mentorIds].some((id) => !cohort.mentors.some((m) => m.id === id)) || [...profileIds].some((id) => !cohort.mentees.some((p) => p.id === id))) {
      throw new MentoringError("Choose people from this cohort's lists. The page may be out of date: look at it again.");
    }
    const mentorsIn = cohort.mentors.map((m) => m.id);
    const menteesIn = cohort.mentees.map((p) => p.id);
    await tx.mentorApplication.updateMany({ where: { id: { in: mentorsIn.filter((id) => mentorIds.has(id)) } }, data: { attendedDropIn: true } });
    await tx.mentorApplication.updateMany({ where: { id: { in: mentorsIn.filter((id) => !mentorIds.has(id)) } }, data: { attendedDropIn: false } });
    await tx.menteeProfile.updateMany({ where: { id: { in: menteesIn.filter((id) => profileIds.has(id)) } }, data: { attendedDropIn: true } });
    await tx.menteeProfile.updateMany({ where: { id: { in: menteesIn.filter((id) => !profileIds.has(id)) } }, data: { attendedDropIn: false } });
    // Which rows changed (ids only: no names or answers in the audit log).
    const changedMentors = cohort.mentors.filter((m) => m.attendedDropIn !== mentorIds.has(m.id)).map((m) => m.id);
    const changedProfiles = cohort.mentees.filter((p) => p.attendedDropIn !== profileIds.has(p.id)).map((p) => p.id);
    await audit(
      {
        actorUserId: actor.userId,
        actorRole: "coordinator",
        action: "mentoring_cohort.drop_in_recorded",
        entityType: "MentoringCohort",
        entityId: cohortId,
        detail: { mentorsAttended: mentorIds.size, youngPeopleAttended: profileIds.size, changedMentors, changedProfiles },
      },
      tx,
    );
    return { mentors: mentorIds.size, youngPeople: profileIds.size };
  });
}
