// A mentoring pair's sessions, a mentor's safeguarding concern, the closure survey and the cohort
// report (issue 8, items 6 and 7). The mentor logs sessions while the pair is active; the mentor and
// the coordinator read the notes, the young person and their adviser only the dates and lengths. A
// concern is emailed to the designated safeguarding lead (or every coordinator when none is set) and
// its text is stored nowhere: the audit entry says only that one was raised, by whom, for which pair.
// The survey is once per person while the cohort is closing or evaluated; the results and the CSV
// report suppress small numbers (app/domain/mentoring/survey.ts). Each write is one transaction with
// its audit entry.
import { stringify } from "csv-stringify/sync";
import { db, type DbTx } from "~/db.server";
import { Prisma } from "~/generated/prisma/client.ts";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "~/domain/impact/suppression";
import { COHORT_STATUSES, isCohortStatus } from "~/domain/mentoring/cohort";
import { sessionDayProblem, sessionMinutesProblem, sessionTotals, type SessionInput, type SessionMode } from "~/domain/mentoring/sessions";
import {
  PAIR_OUTCOME_KEYS,
  SURVEY_SIDES,
  cohortReport,
  cohortReportRecords,
  scalesProblem,
  storedScales,
  surveyClosedProblem,
  type CohortReport,
  type PairOutcome,
  type SurveyAnswers,
  type SurveyResponse,
  type SurveySide,
} from "~/domain/mentoring/survey";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { dateToDayKey, dayKeyToDate } from "~/domain/talent/hours";
import { sendEmail, stageEmails, type EmailMessage } from "~/integrations/mailer.server";
import { audit } from "~/services/audit.server";
import { MentoringError, MentoringNotFoundError } from "~/services/mentoring.server";
import type { Actor } from "~/services/time-offers.server";
import { loadEnv } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { safeguardingConcernEmail } from "../../emails/safeguarding-concern";

// ---- Who someone is to a pair ----------------------------------------------------------------

export type PairViewer = "mentor" | "young_person" | "adviser" | "coordinator";

async function isLinked(client: DbTx, adviserId: string, youngPersonId: string): Promise<boolean> {
  return Boolean(await client.adviserLink.findUnique({ where: { adviserId_youngPersonId: { adviserId, youngPersonId } }, select: { adviserId: true } }));
}

/** The pair with its cohort, mentor's and young person's user ids. Unknown: not found. */
async function pairRow(client: DbTx, matchId: string) {
  const match = await client.mentoringMatch.findUnique({
    where: { id: matchId },
    select: { id: true, status: true, cohortId: true, mentorAppId: true, menteeProfileId: true, cohort: { select: { id: true, name: true, status: true, startsOn: true } } },
  });
  if (!match) throw new MentoringNotFoundError();
  const [app, profile] = await Promise.all([
    client.mentorApplication.findUnique({ where: { id: match.mentorAppId }, select: { userId: true } }),
    client.menteeProfile.findUnique({ where: { id: match.menteeProfileId }, select: { youngPersonId: true } }),
  ]);
  if (!app || !profile) throw new MentoringNotFoundError();
  return { ...match, mentorUserId: app.userId, youngPersonId: profile.youngPersonId };
}

/** The pair's mentor, its young person, a linked adviser, or a coordinator; anyone else: not found. */
async function viewerOf(client: DbTx, actor: Actor, pair: { mentorUserId: string; youngPersonId: string }): Promise<PairViewer> {
  if (actor.userId === pair.mentorUserId) return "mentor";
  if (actor.userId === pair.youngPersonId) return "young_person";
  if (actor.roles.includes("personal_adviser") && (await isLinked(client, actor.userId, pair.youngPersonId))) return "adviser";
  if (actor.roles.includes("coordinator")) return "coordinator";
  throw new MentoringNotFoundError();
}

async function peopleOf(client: DbTx, userIds: readonly string[]) {
  const users = await client.user.findMany({
    where: { id: { in: [...new Set(userIds)] } },
    select: { id: true, email: true, active: true, person: { select: { firstName: true, lastName: true } } },
  });
  return new Map(users.map((u) => [u.id, { email: u.email, active: u.active, firstName: u.person.firstName, fullName: `${u.person.firstName} ${u.person.lastName}` }]));
}

const cohortStatusLabel = (status: string) => (isCohortStatus(status) ? COHORT_STATUSES[status] : status);
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

// ---- Sessions --------------------------------------------------------------------------------

/** mode and note only for the mentor and the coordinator */
export type SessionRow = { id: string; dayKey: string; minutes: number; mode?: SessionMode | string; note?: string };

export type SessionsView = {
  pair: { id: string; status: string; cohortId: string; cohortName: string; mentorName: string; youngPersonName: string };
  viewer: PairViewer;
  /** the mentor, while the pair is active */
  canLog: boolean;
  /** the first day a session can be logged for (the cohort's start) */
  startKey: string;
  /** newest first; the note only for the mentor and the coordinator */
  sessions: SessionRow[];
  totals: { count: number; minutes: number };
};

/**
 * A pair's session log as the person asking sees it. The mentor and the coordinator see each session's
 * note; the young person and their adviser see the dates and lengths only (the note is not even
 * read out to them). Names: first names to the two sides, full names to the coordinator, whose view
 * of the notes is audited.
 */
export async function sessionsOf(actor: Actor, matchId: string): Promise<SessionsView> {
  const client = db();
  const pair = await pairRow(client, matchId);
  const viewer = await viewerOf(client, actor, pair);
  const seesNotes = viewer === "mentor" || viewer === "coordinator";
  const [rows, people] = await Promise.all([
    client.mentoringSession.findMany({ where: { matchId }, orderBy: [{ day: "desc" }, { createdAt: "desc" }], select: { id: true, day: true, minutes: true, mode: true, note: seesNotes } }),
    peopleOf(client, [pair.mentorUserId, pair.youngPersonId]),
  ]);
  if (viewer === "coordinator") {
    await audit({ actorUserId: actor.userId, actorRole: "coordinator", action: "mentoring_sessions.viewed", entityType: "MentoringMatch", entityId: matchId });
  }
  const name = (userId: string, fallback: string) => {
    const p = people.get(userId);
    return (viewer === "coordinator" ? p?.fullName : p?.firstName) ?? fallback;
  };
  return {
    pair: {
      id: pair.id,
      status: pair.status,
      cohortId: pair.cohortId,
      cohortName: pair.cohort.name,
      mentorName: name(pair.mentorUserId, "the mentor"),
      youngPersonName: name(pair.youngPersonId, "the young person"),
    },
    viewer,
    canLog: viewer === "mentor" && pair.status === "active",
    startKey: dateToDayKey(pair.cohort.startsOn),
    sessions: rows.map((r) => ({ id: r.id, dayKey: dateToDayKey(r.day), minutes: r.minutes, ...(seesNotes ? { mode: r.mode, note: r.note } : {}) })),
    totals: sessionTotals(rows),
  };
}

/**
 * The pair's mentor logs a session, while the pair is active, for a UK day not in the future and not
 * before the cohort started. The audit entry holds the length, never the note.
 */
export async function logSession(actor: Actor, matchId: string, input: SessionInput, now = new Date()): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    const pair = await pairRow(tx, matchId);
    // Only the mentor writes the log: anyone else is told nothing about the pair.
    if (pair.mentorUserId !== actor.userId) throw new MentoringNotFoundError();
    if (pair.status !== "active") throw new MentoringError("This pair is no longer meeting, so sessions can no longer be logged.");
    const dayProblem = sessionDayProblem(input.day, ukDayKey(now), dateToDayKey(pair.cohort.startsOn));
    if (dayProblem) throw new MentoringError(dayProblem, "day");
    const minutesProblem = sessionMinutesProblem(input.minutes);
    if (minutesProblem) throw new MentoringError(minutesProblem, "minutes");
    const row = await tx.mentoringSession.create({
      data: { matchId, day: dayKeyToDate(input.day), minutes: input.minutes, mode: input.mode, note: input.note, createdAt: now },
      select: { id: true },
    });
    await audit(
      { actorUserId: actor.userId, actorRole: "mentor", action: "mentoring_session.logged", entityType: "MentoringSession", entityId: row.id, detail: { matchId, minutes: input.minutes, mode: input.mode } },
      tx,
    );
    return row;
  });
}

// ---- Safeguarding concerns -------------------------------------------------------------------

export type ConcernRecipients = { to: "lead" | "coordinators"; count: number };

/** Where a concern goes now: the safeguarding lead in settings, or else every active coordinator. */
async function concernRecipients(client: DbTx): Promise<{ to: ConcernRecipients["to"]; emails: string[] }> {
  const settings = await client.organisationSettings.findUnique({ where: { id: 1 }, select: { safeguardingLeadEmail: true } });
  const lead = settings?.safeguardingLeadEmail?.trim();
  if (lead) return { to: "lead", emails: [lead] };
  const coordinators = await client.user.findMany({ where: { active: true, roles: { some: { role: "coordinator" } } }, select: { email: true }, orderBy: { email: "asc" } });
  return { to: "coordinators", emails: coordinators.map((c) => c.email) };
}

export type ConcernPage = { pair: { id: string; youngPersonFirstName: string; cohortName: string }; recipients: ConcernRecipients; sentRecently: boolean };

/** How long after sending the confirmation page still shows (a reload, or coming back to it). */
const SENT_CONFIRMATION_MS = 60 * 60 * 1000;

/**
 * The concern page for the pair's mentor (anyone else: not found): who it will go to, and whether this
 * mentor raised one for this pair in the last hour (read from the audit log, which holds no text).
 */
export async function concernPageFor(actor: Actor, matchId: string, now = new Date()): Promise<ConcernPage> {
  const client = db();
  const pair = await pairRow(client, matchId);
  if (pair.mentorUserId !== actor.userId) throw new MentoringNotFoundError();
  const [people, recipients, recent] = await Promise.all([
    peopleOf(client, [pair.youngPersonId]),
    concernRecipients(client),
    client.auditLog.findFirst({
      where: { action: "mentoring_concern.raised", entityType: "MentoringMatch", entityId: matchId, actorUserId: actor.userId, at: { gte: new Date(now.getTime() - SENT_CONFIRMATION_MS) } },
      select: { id: true },
    }),
  ]);
  return {
    pair: { id: pair.id, youngPersonFirstName: people.get(pair.youngPersonId)?.firstName ?? "the young person", cohortName: pair.cohort.name },
    recipients: { to: recipients.to, count: recipients.emails.length },
    sentRecently: Boolean(recent),
  };
}

const RAISED_AT = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "long", timeStyle: "short" });

/**
 * The pair's mentor raises a safeguarding concern (any pair status: a worry does not wait for the
 * pair to be active). The text goes in the email only, marked urgent, to the safeguarding lead or
 * every coordinator; the audit entry records that a concern was raised, by whom, for which pair, and
 * where it went. With real email the message is sent straight after commit and a failure is told to
 * the mentor (so they phone instead), not only logged.
 */
export async function raiseConcern(actor: Actor, matchId: string, text: string, now = new Date()): Promise<ConcernRecipients> {
  const concern = text.trim();
  if (!concern) throw new MentoringError("Describe your concern", "concern");
  const { recipients, emails } = await db().$transaction(async (tx) => {
    const pair = await pairRow(tx, matchId);
    if (pair.mentorUserId !== actor.userId) throw new MentoringNotFoundError();
    const recipients = await concernRecipients(tx);
    if (recipients.emails.length === 0) throw new MentoringError("There is nobody to send a concern to in the service. Call the council's safeguarding team now.", "concern");
    const [people, links] = await Promise.all([
      peopleOf(tx, [pair.mentorUserId, pair.youngPersonId]),
      tx.adviserLink.findMany({ where: { youngPersonId: pair.youngPersonId }, select: { adviserId: true } }),
    ]);
    const advisers = await peopleOf(
      tx,
      links.map((l) => l.adviserId),
    );
    const mentor = people.get(pair.mentorUserId);
    const rendered = safeguardingConcernEmail({
      toCoordinators: recipients.to === "coordinators",
      mentorName: mentor?.fullName ?? "A mentor",
      mentorEmail: mentor?.email ?? "",
      youngPersonName: people.get(pair.youngPersonId)?.fullName ?? "Not known",
      advisers: [...advisers.values()].map((a) => `${a.fullName} (${a.email})`),
      cohortName: pair.cohort.name,
      pairReference: pair.id,
      raisedAt: RAISED_AT.format(now),
      concern,
      url: `${loadEnv().appOrigin}/mentoring/pairs/${pair.id}`,
    });
    await audit(
      {
        actorUserId: actor.userId,
        actorRole: "mentor",
        action: "mentoring_concern.raised",
        entityType: "MentoringMatch",
        entityId: pair.id,
        detail: { cohortId: pair.cohortId, to: recipients.to, recipients: recipients.emails.length },
      },
      tx,
    );
    const messages: EmailMessage[] = recipients.emails.map((to) => ({ to, ...rendered }));
    return { recipients: { to: recipients.to, count: recipients.emails.length }, emails: await stageEmails(tx, messages) };
  });
  let failed = 0;
  for (const email of emails) {
    try {
      await sendEmail(email);
    } catch (error) {
      failed++;
      logger.error({ err: error instanceof Error ? error.message : String(error), template: email.template }, "safeguarding concern not sent");
    }
  }
  if (failed > 0) {
    await audit({ actorUserId: actor.userId, actorRole: "mentor", action: "mentoring_concern.not_sent", entityType: "MentoringMatch", entityId: matchId, detail: { failed, of: emails.length } });
    throw new MentoringError(
      failed === emails.length
        ? "Your concern could not be sent. Call the safeguarding lead or the programme coordinator now, and try again later."
        : "Your concern could not be sent to everyone. Call the safeguarding lead or the programme coordinator now to make sure they have it.",
      "concern",
    );
  }
  return recipients;
}

// ---- The closure survey ----------------------------------------------------------------------

// Pairs that ran: a pair ended as "not a good fit" is not evaluated (its people were matched again).
const SURVEYED_PAIRS = ["active", "closed"];

type Respondent = { side: SurveySide; userId: string; enteredBy: "self" | "adviser" };

async function mentorInCohort(client: DbTx, cohortId: string, userId: string): Promise<boolean> {
  const app = await client.mentorApplication.findUnique({ where: { cohortId_userId: { cohortId, userId } }, select: { id: true } });
  return Boolean(app && (await client.mentoringMatch.count({ where: { cohortId, mentorAppId: app.id, status: { in: SURVEYED_PAIRS } } })));
}

async function menteeInCohort(client: DbTx, cohortId: string, youngPersonId: string): Promise<boolean> {
  const profile = await client.menteeProfile.findUnique({ where: { cohortId_youngPersonId: { cohortId, youngPersonId } }, select: { id: true } });
  return Boolean(profile && (await client.mentoringMatch.count({ where: { cohortId, menteeProfileId: profile.id, status: { in: SURVEYED_PAIRS } } })));
}

/**
 * Whose survey this is: an adviser answering `forId` (someone on their caseload) answers the young
 * person's; otherwise a mentor of the cohort the mentor's, or a young person of it their own. Anyone
 * who was not in a pair that ran: not found.
 */
async function respondentOf(client: DbTx, actor: Actor, cohortId: string, forId: string | null): Promise<Respondent> {
  if (forId && forId !== actor.userId) {
    if (!actor.roles.includes("personal_adviser") || !(await isLinked(client, actor.userId, forId))) throw new MentoringNotFoundError();
    if (!(await menteeInCohort(client, cohortId, forId))) throw new MentoringNotFoundError();
    return { side: "young_person", userId: forId, enteredBy: "adviser" };
  }
  if (actor.roles.includes("employee") && (await mentorInCohort(client, cohortId, actor.userId))) return { side: "mentor", userId: actor.userId, enteredBy: "self" };
  if (actor.roles.includes("young_person") && (await menteeInCohort(client, cohortId, actor.userId))) return { side: "young_person", userId: actor.userId, enteredBy: "self" };
  throw new MentoringNotFoundError();
}

async function surveyCohort(client: DbTx, cohortId: string) {
  const cohort = await client.mentoringCohort.findUnique({ where: { id: cohortId }, select: { id: true, name: true, status: true } });
  if (!cohort) throw new MentoringNotFoundError();
  return cohort;
}

export type SurveyPage =
  | {
      kind: "survey";
      cohort: { id: string; name: string };
      side: SurveySide;
      /** the young person an adviser is answering for (first name), or null */
      forYoungPerson: { id: string; firstName: string } | null;
      /** why it cannot be answered now, or null */
      closedBecause: string | null;
      answered: boolean;
    }
  | { kind: "choose"; cohort: { id: string; name: string }; youngPeople: { id: string; firstName: string; answered: boolean }[] };

/**
 * The survey page: the person's own survey, the one for a young person on an adviser's caseload
 * (`forId`), or, for an adviser who is not a mentor in the cohort, the young people on their caseload
 * who were in a pair in it, to choose from. Anyone else: not found.
 */
export async function surveyPageFor(actor: Actor, cohortId: string, forId: string | null): Promise<SurveyPage> {
  const client = db();
  const cohort = await surveyCohort(client, cohortId);
  const shown = { id: cohort.id, name: cohort.name };
  let respondent: Respondent;
  try {
    respondent = await respondentOf(client, actor, cohortId, forId);
  } catch (error) {
    if (!(error instanceof MentoringNotFoundError) || forId || !actor.roles.includes("personal_adviser")) throw error;
    const links = await client.adviserLink.findMany({ where: { adviserId: actor.userId }, select: { youngPersonId: true } });
    const inCohort: string[] = [];
    for (const l of links) if (await menteeInCohort(client, cohortId, l.youngPersonId)) inCohort.push(l.youngPersonId);
    if (inCohort.length === 0) throw error;
    const [people, answered] = await Promise.all([
      peopleOf(client, inCohort),
      client.mentoringSurvey.findMany({ where: { cohortId, userId: { in: inCohort } }, select: { userId: true } }),
    ]);
    const done = new Set(answered.map((a) => a.userId));
    return {
      kind: "choose",
      cohort: shown,
      youngPeople: inCohort.map((id) => ({ id, firstName: people.get(id)?.firstName ?? "A young person", answered: done.has(id) })).sort((a, b) => a.firstName.localeCompare(b.firstName)),
    };
  }
  const [existing, people] = await Promise.all([
    client.mentoringSurvey.findUnique({ where: { cohortId_userId: { cohortId, userId: respondent.userId } }, select: { id: true } }),
    respondent.enteredBy === "adviser" ? peopleOf(client, [respondent.userId]) : Promise.resolve(null),
  ]);
  return {
    kind: "survey",
    cohort: shown,
    side: respondent.side,
    forYoungPerson: people ? { id: respondent.userId, firstName: people.get(respondent.userId)?.firstName ?? "the young person" } : null,
    closedBecause: surveyClosedProblem(cohort.status),
    answered: Boolean(existing),
  };
}

/**
 * Answer the closure survey, once per person (the young person's once, whether they or their adviser
 * answered it), while the cohort is closing or evaluated. The audit entry holds the side, never the answers.
 */
export async function submitSurvey(actor: Actor, cohortId: string, answers: SurveyAnswers, now = new Date()): Promise<{ side: SurveySide }> {
  const already = "This survey has already been answered. Thank you.";
  try {
    return await db().$transaction(async (tx) => {
      const cohort = await surveyCohort(tx, cohortId);
      const respondent = await respondentOf(tx, actor, cohortId, answers.youngPersonId);
      const closed = surveyClosedProblem(cohort.status);
      if (closed) throw new MentoringError(closed);
      const problem = scalesProblem(respondent.side, answers.scales);
      if (problem) throw new MentoringError(problem);
      if (await tx.mentoringSurvey.findUnique({ where: { cohortId_userId: { cohortId, userId: respondent.userId } }, select: { id: true } })) throw new MentoringError(already);
      const row = await tx.mentoringSurvey.create({
        data: { cohortId, userId: respondent.userId, side: respondent.side, scales: JSON.stringify(answers.scales), comment: answers.comment?.trim() || null, submittedAt: now },
        select: { id: true },
      });
      await audit(
        {
          actorUserId: actor.userId,
          actorRole: respondent.enteredBy === "adviser" ? "personal_adviser" : respondent.side,
          action: "mentoring_survey.submitted",
          entityType: "MentoringSurvey",
          entityId: row.id,
          detail: { cohortId, side: respondent.side, enteredBy: respondent.enteredBy },
        },
        tx,
      );
      return { side: respondent.side };
    });
  } catch (error) {
    // The same survey sent twice at once: the unique index keeps one.
    if (isUniqueViolation(error)) throw new MentoringError(already);
    throw error;
  }
}

// ---- Results and the cohort report -----------------------------------------------------------

export type CohortReportView = CohortReport & { cohortId: string };

/** The cohort's figures (coordinator only; anyone else: not found), small numbers suppressed by the settings' threshold. */
export async function surveyResults(actor: Actor, cohortId: string): Promise<CohortReportView> {
  if (!actor.roles.includes("coordinator")) throw new MentoringNotFoundError();
  const client = db();
  const cohort = await client.mentoringCohort.findUnique({ where: { id: cohortId }, select: { id: true, name: true, status: true, startsOn: true, weeks: true } });
  if (!cohort) throw new MentoringNotFoundError();
  const [settings, pairs, sessions, surveys] = await Promise.all([
    client.organisationSettings.findUnique({ where: { id: 1 }, select: { suppressionThreshold: true } }),
    client.mentoringMatch.groupBy({ by: ["status"], where: { cohortId }, _count: { _all: true } }),
    client.mentoringSession.aggregate({ where: { match: { cohortId } }, _count: { _all: true }, _sum: { minutes: true } }),
    client.mentoringSurvey.findMany({ where: { cohortId }, select: { side: true, scales: true, comment: true } }),
  ]);
  const byStatus = new Map(pairs.map((p) => [p.status, p._count._all]));
  const responses: SurveyResponse[] = [];
  for (const s of surveys) {
    if (!Object.hasOwn(SURVEY_SIDES, s.side)) continue;
    const side = s.side as SurveySide;
    const scales = storedScales(s.scales, side);
    if (scales) responses.push({ side, scales, comment: s.comment });
  }
  const report = cohortReport(
    {
      cohort: { name: cohort.name, status: cohortStatusLabel(cohort.status), startKey: dateToDayKey(cohort.startsOn), weeks: cohort.weeks },
      pairs: Object.fromEntries(PAIR_OUTCOME_KEYS.map((k) => [k, byStatus.get(k) ?? 0])) as Record<PairOutcome, number>,
      sessions: { count: sessions._count._all, minutes: sessions._sum.minutes ?? 0 },
      responses,
    },
    settings?.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD,
  );
  return { ...report, cohortId: cohort.id };
}

/** The same suppressed figures as a CSV file (coordinator only); the download is audited. */
export async function cohortReportCsv(actor: Actor, cohortId: string): Promise<{ filename: string; text: string }> {
  const report = await surveyResults(actor, cohortId);
  await audit({ actorUserId: actor.userId, actorRole: "coordinator", action: "mentoring_report.downloaded", entityType: "MentoringCohort", entityId: cohortId, detail: { threshold: report.threshold } });
  const slug = report.cohort.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "cohort";
  // escape_formulas: the cohort's name is typed by a person and the file opens in a spreadsheet.
  return { filename: `mentoring-report-${slug}.csv`, text: stringify(cohortReportRecords(report), { escape_formulas: true }) };
}
