// What the mentoring pages for employees, young people and personal advisers show (issue 8): the
// /mentoring home by role, the "apply to mentor" page and the young person's profile page. Reads only;
// the writes are in mentoring.server.ts. A mentor sees a young person's first name only; a young person
// sees their mentor's first name; an adviser sees the same for each young person on their caseload.
import { db } from "~/db.server";
import { APPLICATION_STATUSES, COHORT_STATUSES, SELECTING_STATUSES, isApplicationStatus, isCohortStatus, storedStrings } from "~/domain/mentoring/cohort";
import { gatesOfApplications } from "~/services/mentoring-gates.server";
import { MentoringNotFoundError, menteeProfileFor, type MenteeProfileView } from "~/services/mentoring.server";
import type { Actor } from "~/services/time-offers.server";

export type CohortSummary = {
  id: string;
  name: string;
  status: string;
  statusLabel: string;
  /** UK day keys ("2026-10-05") */
  startsOn: string;
  weeks: number;
  dropInDays: string[];
  /** recruiting or matching: profiles can still be entered and corrected */
  open: boolean;
};

type CohortRow = { id: string; name: string; status: string; startsOn: Date; weeks: number; dropInDays: string };

const dayKey = (d: Date) => d.toISOString().slice(0, 10);
const statusLabel = (status: string) => (isCohortStatus(status) ? COHORT_STATUSES[status] : status);
const isOpen = (status: string) => (SELECTING_STATUSES as string[]).includes(status);

function summary(c: CohortRow): CohortSummary {
  return { id: c.id, name: c.name, status: c.status, statusLabel: statusLabel(c.status), startsOn: dayKey(c.startsOn), weeks: c.weeks, dropInDays: storedStrings(c.dropInDays).sort(), open: isOpen(c.status) };
}

const COHORT_SELECT = { id: true, name: true, status: true, startsOn: true, weeks: true, dropInDays: true } as const;

async function cohortSummary(cohortId: string): Promise<CohortSummary> {
  const cohort = await db().mentoringCohort.findUnique({ where: { id: cohortId }, select: COHORT_SELECT });
  if (!cohort) throw new MentoringNotFoundError();
  return summary(cohort);
}

// ---- An employee's applications --------------------------------------------------------------

export type ApplicationView = {
  id: string;
  cohort: CohortSummary;
  status: string;
  statusLabel: string;
  /** what happens next, in plain words */
  nextStep: string;
  /** the training and DBS gates still to pass before matching, in words for the employee */
  gatesToPass: string[];
};

// The gates' words are written for the coordinator ("The mentor has…"); the employee reads them about themselves.
const NOT_SELECTED_GATE = "The mentor has not been selected";
const forTheMentor = (problem: string) => problem.replace(/^The mentor has no /, "You have no ").replace(/^The mentor has /, "You have ");

function nextStepOf(a: { status: string; managerAgreed: boolean; interviewOutcome: string | null }, gatesToPass: number, mentoring: boolean): string {
  switch (a.status) {
    case "applied":
      return a.managerAgreed
        ? "The programme coordinator will read your application and may invite you to an interview."
        : "Your manager has not agreed to the time yet. Your application cannot go on the shortlist until they do: ask them, then tell the programme coordinator.";
    case "shortlisted":
      return "You are on the shortlist. The programme coordinator will invite you to an interview.";
    case "interviewed":
      return a.interviewOutcome === "suitable"
        ? "Thank you for coming to the interview. The programme coordinator will tell you whether you have been selected."
        : "Thank you for coming to the interview. The programme coordinator will be in touch.";
    case "selected":
      if (mentoring) return "You are mentoring in this cohort. Open your pair below to see their page.";
      return gatesToPass
        ? "You have been selected. Before you can be matched with a young person you need to pass the checks below; the programme coordinator will help you arrange them. Come to a drop-in session to meet the young people."
        : "You have been selected and have passed the checks. The programme coordinator will match you with a young person and email you.";
    case "not_selected":
      return "Thank you for applying. You were not selected this time. You can apply again for a future cohort.";
    case "withdrawn":
      return "You withdrew this application.";
    default:
      return "The programme coordinator will be in touch.";
  }
}

async function applicationsOf(userId: string, cohortId?: string): Promise<ApplicationView[]> {
  const apps = await db().mentorApplication.findMany({
    where: { userId, ...(cohortId ? { cohortId } : {}) },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, managerAgreed: true, interviewOutcome: true, cohort: { select: COHORT_SELECT } },
  });
  if (apps.length === 0) return [];
  const gates = await gatesOfApplications(apps.map((a) => a.id));
  const mentoring = new Set(
    (await db().mentoringMatch.findMany({ where: { mentorAppId: { in: apps.map((a) => a.id) }, status: "active" }, select: { mentorAppId: true } })).map((m) => m.mentorAppId),
  );
  return apps.map((a) => {
    const closed = a.status === "not_selected" || a.status === "withdrawn";
    const gatesToPass = closed ? [] : (gates.get(a.id)?.problems ?? []).filter((p) => p !== NOT_SELECTED_GATE).map(forTheMentor);
    return {
      id: a.id,
      cohort: summary(a.cohort),
      status: a.status,
      statusLabel: isApplicationStatus(a.status) ? APPLICATION_STATUSES[a.status] : a.status,
      nextStep: nextStepOf(a, gatesToPass.length, mentoring.has(a.id)),
      gatesToPass,
    };
  });
}

// ---- Pairs and surveys -----------------------------------------------------------------------

export type PairView = { id: string; cohortId: string; cohortName: string; firstName: string; status: string; statusLabel: string };
export type SurveyView = { cohortId: string; cohortName: string; done: boolean };

const PAIR_STATUS: Record<string, string> = { active: "Meeting", ended: "Ended (not a good fit)", closed: "Finished" };

const firstNames = async (userIds: readonly string[]) =>
  new Map(
    (await db().user.findMany({ where: { id: { in: [...new Set(userIds)] } }, select: { id: true, person: { select: { firstName: true } } } })).map((u) => [u.id, u.person.firstName]),
  );

type MatchRow = { id: string; cohortId: string; mentorAppId: string; menteeProfileId: string; status: string; cohort: { name: string; status: string } };
const MATCH_SELECT = { id: true, cohortId: true, mentorAppId: true, menteeProfileId: true, status: true, cohort: { select: { name: true, status: true } } } as const;

/** Closing cohorts the person was in a pair in (not one ended as not a good fit), and whether they have answered its survey. */
async function surveysFor(userId: string, matches: readonly MatchRow[]): Promise<SurveyView[]> {
  const closing = new Map<string, string>();
  for (const m of matches) if (m.cohort.status === "closing" && m.status !== "ended") closing.set(m.cohortId, m.cohort.name);
  if (closing.size === 0) return [];
  const answered = new Set((await db().mentoringSurvey.findMany({ where: { userId, cohortId: { in: [...closing.keys()] } }, select: { cohortId: true } })).map((s) => s.cohortId));
  return [...closing].map(([cohortId, cohortName]) => ({ cohortId, cohortName, done: answered.has(cohortId) }));
}

// ---- The employee's home -----------------------------------------------------------------------

export type EmployeeHome = {
  recruiting: (CohortSummary & { applied: boolean })[];
  applications: ApplicationView[];
  pairs: PairView[];
  surveys: SurveyView[];
};

async function employeeHome(userId: string): Promise<EmployeeHome> {
  const [recruiting, applications] = await Promise.all([
    db().mentoringCohort.findMany({ where: { status: "recruiting" }, orderBy: { startsOn: "asc" }, select: COHORT_SELECT }),
    applicationsOf(userId),
  ]);
  const appliedTo = new Set(applications.map((a) => a.cohort.id));
  const matches: MatchRow[] = applications.length
    ? await db().mentoringMatch.findMany({ where: { mentorAppId: { in: applications.map((a) => a.id) } }, orderBy: { confirmedAt: "desc" }, select: MATCH_SELECT })
    : [];
  const profiles = matches.length ? await db().menteeProfile.findMany({ where: { id: { in: matches.map((m) => m.menteeProfileId) } }, select: { id: true, youngPersonId: true } }) : [];
  const youngPersonOf = new Map(profiles.map((p) => [p.id, p.youngPersonId]));
  const names = await firstNames(profiles.map((p) => p.youngPersonId));
  return {
    recruiting: recruiting.map((c) => ({ ...summary(c), applied: appliedTo.has(c.id) })),
    applications,
    // The young person's first name only: a mentor never sees more from this page.
    pairs: matches.map((m) => ({
      id: m.id,
      cohortId: m.cohortId,
      cohortName: m.cohort.name,
      firstName: names.get(youngPersonOf.get(m.menteeProfileId) ?? "") ?? "Your young person",
      status: m.status,
      statusLabel: PAIR_STATUS[m.status] ?? m.status,
    })),
    surveys: await surveysFor(userId, matches),
  };
}

// ---- A young person's home (their own, or each on an adviser's caseload) -----------------------

export type YoungPersonCohort = CohortSummary & {
  hasProfile: boolean;
  /** where they are, in plain words */
  profileStatus: string;
};

export type YoungPersonHome = {
  youngPersonId: string;
  /** the young person's name as the adviser knows them (empty on their own page) */
  name: string;
  cohorts: YoungPersonCohort[];
  pairs: PairView[];
  surveys: SurveyView[];
};

function profileStatusOf(cohort: CohortSummary, hasProfile: boolean, active: boolean, ended: boolean, you: boolean): string {
  const them = you ? "you" : "them";
  const They = you ? "You" : "They";
  if (!hasProfile) return cohort.open ? `Not started. Tell us about ${you ? "yourself" : "them"} to be matched with a mentor.` : "No profile in this cohort.";
  if (active) return "Matched with a mentor.";
  if (ended && (cohort.status === "matching" || cohort.status === "running")) return `The coordinator is finding ${them} a new mentor.`;
  switch (cohort.status) {
    case "recruiting":
      return `Answers saved. The coordinator matches young people with mentors after the drop-in sessions. ${They} can change the answers until matching ends.`;
    case "matching":
      return `Answers saved. The coordinator is finding ${them} a mentor. ${They} can still change the answers.`;
    case "running":
      return "Not matched yet. The programme coordinator will be in touch.";
    default:
      return "This cohort has finished.";
  }
}

async function youngPersonHome(youngPersonId: string, name: string): Promise<YoungPersonHome> {
  const [profiles, open] = await Promise.all([
    db().menteeProfile.findMany({ where: { youngPersonId }, select: { id: true, cohortId: true, cohort: { select: COHORT_SELECT } } }),
    db().mentoringCohort.findMany({ where: { status: { in: [...SELECTING_STATUSES] } }, orderBy: { startsOn: "asc" }, select: COHORT_SELECT }),
  ]);
  const matches: MatchRow[] = profiles.length
    ? await db().mentoringMatch.findMany({ where: { menteeProfileId: { in: profiles.map((p) => p.id) } }, orderBy: { confirmedAt: "desc" }, select: MATCH_SELECT })
    : [];
  const apps = matches.length ? await db().mentorApplication.findMany({ where: { id: { in: matches.map((m) => m.mentorAppId) } }, select: { id: true, userId: true } }) : [];
  const mentorOf = new Map(apps.map((a) => [a.id, a.userId]));
  const names = await firstNames(apps.map((a) => a.userId));

  const byCohort = new Map<string, CohortRow>();
  for (const c of open) byCohort.set(c.id, c);
  for (const p of profiles) byCohort.set(p.cohortId, p.cohort);
  const withProfile = new Set(profiles.map((p) => p.cohortId));
  const you = name === "";
  const cohorts = [...byCohort.values()]
    .sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime())
    .map((c) => {
      const s = summary(c);
      const mine = matches.filter((m) => m.cohortId === c.id);
      return {
        ...s,
        hasProfile: withProfile.has(c.id),
        profileStatus: profileStatusOf(s, withProfile.has(c.id), mine.some((m) => m.status === "active"), mine.some((m) => m.status === "ended"), you),
      };
    });
  return {
    youngPersonId,
    name,
    cohorts,
    // The mentor's first name only.
    pairs: matches.map((m) => ({
      id: m.id,
      cohortId: m.cohortId,
      cohortName: m.cohort.name,
      firstName: names.get(mentorOf.get(m.mentorAppId) ?? "") ?? "Your mentor",
      status: m.status,
      statusLabel: PAIR_STATUS[m.status] ?? m.status,
    })),
    surveys: await surveysFor(youngPersonId, matches),
  };
}

/** The young people on an adviser's caseload (active accounts), by name. */
async function caseloadOf(adviserId: string): Promise<{ id: string; name: string }[]> {
  const links = await db().adviserLink.findMany({
    where: { adviserId, youngPerson: { active: true } },
    select: { youngPerson: { select: { id: true, person: { select: { firstName: true, lastName: true } } } } },
  });
  return links.map((l) => ({ id: l.youngPerson.id, name: `${l.youngPerson.person.firstName} ${l.youngPerson.person.lastName}` })).sort((a, b) => a.name.localeCompare(b.name));
}

// ---- The home --------------------------------------------------------------------------------

export type MentoringHome = {
  employee: EmployeeHome | null;
  youngPerson: YoungPersonHome | null;
  /** an adviser's caseload, one home per young person (null: not an adviser) */
  caseload: YoungPersonHome[] | null;
};

/** /mentoring: one section per role the person holds (employee, young person, personal adviser). */
export async function mentoringHomeFor(actor: Actor): Promise<MentoringHome> {
  const [employee, youngPerson, caseload] = await Promise.all([
    actor.roles.includes("employee") ? employeeHome(actor.userId) : null,
    actor.roles.includes("young_person") ? youngPersonHome(actor.userId, "") : null,
    actor.roles.includes("personal_adviser") ? caseloadOf(actor.userId).then((people) => Promise.all(people.map((p) => youngPersonHome(p.id, p.name)))) : null,
  ]);
  return { employee, youngPerson, caseload };
}

// ---- The apply page ----------------------------------------------------------------------------

/** A cohort to apply to mentor in, and the employee's application to it if they have one. Unknown cohort: not found. */
export async function applyPageFor(actor: Actor, cohortId: string): Promise<{ cohort: CohortSummary; application: ApplicationView | null }> {
  if (!actor.roles.includes("employee")) throw new MentoringNotFoundError();
  const cohort = await cohortSummary(cohortId);
  const [application] = await applicationsOf(actor.userId, cohortId);
  return { cohort, application: application ?? null };
}

// ---- The profile page --------------------------------------------------------------------------

export type ProfilePage = {
  cohort: CohortSummary;
  /** the young person the page is about */
  youngPerson: { id: string; firstName: string };
  /** true for the young person themselves; false for their adviser */
  isYoungPerson: boolean;
  /** the saved profile (its view is audited), or null when there is none yet */
  profile: MenteeProfileView | null;
};

/**
 * The profile page for a cohort: the young person's own (`forId` empty or theirs), or, for a personal
 * adviser, a young person on their caseload. Anyone else, an unknown young person or cohort: not found.
 * An adviser without `forId` gets their caseload to choose from.
 */
export async function profilePageFor(actor: Actor, cohortId: string, forId: string | null): Promise<ProfilePage | { cohort: CohortSummary; chooseFrom: { id: string; name: string }[] }> {
  const cohort = await cohortSummary(cohortId);
  let subject: string;
  if (forId && forId !== actor.userId) {
    if (!actor.roles.includes("personal_adviser")) throw new MentoringNotFoundError();
    const link = await db().adviserLink.findUnique({ where: { adviserId_youngPersonId: { adviserId: actor.userId, youngPersonId: forId } }, select: { youngPerson: { select: { active: true } } } });
    if (!link?.youngPerson.active) throw new MentoringNotFoundError();
    subject = forId;
  } else if (actor.roles.includes("young_person")) {
    subject = actor.userId;
  } else if (actor.roles.includes("personal_adviser")) {
    return { cohort, chooseFrom: await caseloadOf(actor.userId) };
  } else {
    throw new MentoringNotFoundError();
  }
  const person = await db().user.findUniqueOrThrow({ where: { id: subject }, select: { person: { select: { firstName: true } } } });
  const profile = await menteeProfileFor(actor, cohortId, subject === actor.userId ? undefined : subject).catch((error) => {
    if (error instanceof MentoringNotFoundError) return null;
    throw error;
  });
  return { cohort, youngPerson: { id: subject, firstName: person.person.firstName }, isYoungPerson: subject === actor.userId, profile };
}
