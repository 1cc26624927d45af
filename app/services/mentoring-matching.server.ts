// Matching a mentoring cohort and its pairs (issue 8): the coordinator's proposal (names, scores with
// their parts, who is left out and why, locks that cannot be kept, mentors not ready), confirming it
// (recomputed here, never taken from the form; one transaction; both sides emailed with only what they
// need), the pair as each side sees it, and the first-session "good fit?" answer — "not a good fit"
// ends that pair only, and a re-run never proposes it again.
import { db, type DbTx } from "~/db.server";
import { COHORT_STATUSES, isCohortStatus, storedGoals, storedInterests } from "~/domain/mentoring/cohort";
import { GOALS, INTERESTS, placesLeft, proposeMatches, type MentorFacts, type PairRef, type Proposal, type ScorePart, type YoungPersonFacts } from "~/domain/mentoring/matching";
import {
  endsPair,
  fitProblem,
  inCommon,
  isFitAnswer,
  matchStatusLabel,
  pairToken,
  samePairs,
  storedExplanation,
  type FitAnswer,
  type PairChoices,
} from "~/domain/mentoring/pair-choices";
import { modeText, storedSkills, storedSlots } from "~/domain/talent/forms";
import { SKILLS, slotLabel } from "~/domain/talent/skills";
import { sendAfterCommit, stageEmails, type EmailMessage } from "~/integrations/mailer.server";
import { audit } from "~/services/audit.server";
import { MentoringError, MentoringNotFoundError, cohortFacts, type CohortFacts } from "~/services/mentoring.server";
import type { Actor } from "~/services/time-offers.server";
import { loadEnv } from "~/utils/env.server";
import { mentoringMatchedMentorEmail } from "../../emails/mentoring-matched-mentor";
import { mentoringMatchedYoungPersonEmail } from "../../emails/mentoring-matched-young-person";
import { mentoringRematchNeededEmail } from "../../emails/mentoring-rematch-needed";

// Confirming locks the cohort row first, so two confirms of one cohort run one after the other.
const LOCKING_TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

/** Pairs are confirmed while matching, and again while running (re-matching after "not a good fit"). */
export const CONFIRM_STATUSES = ["matching", "running"] as const;

// The words proposeMatches gives a ruled-out pair; an ended pair is ruled out the same way, and told apart here.
const RULED_OUT = "The coordinator ruled this pair out";
const ENDED = "This pair ended after the first session as not a good fit, so it is not proposed again";

function requireCoordinator(actor: Actor): void {
  if (!actor.roles.includes("coordinator")) throw new MentoringNotFoundError();
}

const statusWords = (status: string) => (isCohortStatus(status) ? COHORT_STATUSES[status].toLowerCase() : status);

type Person = { firstName: string; lastName: string; email: string; active: boolean };
async function people(client: DbTx, ids: readonly string[]): Promise<Map<string, Person>> {
  const users = await client.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, email: true, active: true, person: { select: { firstName: true, lastName: true } } } });
  return new Map(users.map((u) => [u.id, { firstName: u.person.firstName, lastName: u.person.lastName, email: u.email, active: u.active }]));
}
const fullName = (p: Person | undefined) => (p ? `${p.firstName} ${p.lastName}` : "Unknown");

/** The cohort's facts, its ended pairs (ruled out for good) and the proposal for the coordinator's choices. */
async function compute(client: DbTx, cohortId: string, choices: PairChoices) {
  const facts = await cohortFacts(cohortId, client);
  const endedRows = await client.mentoringMatch.findMany({ where: { cohortId, status: "ended" }, orderBy: { endedAt: "asc" }, select: { menteeProfileId: true, mentorAppId: true } });
  const ended: PairRef[] = endedRows.map((m) => ({ youngPersonId: m.menteeProfileId, mentorId: m.mentorAppId }));
  const proposal = proposeMatches({ youngPeople: facts.youngPeople, mentors: facts.mentors, locked: choices.locked, forbidden: [...choices.forbidden, ...ended] });
  explainEnded(proposal, ended, choices, facts.mentors.map((m) => m.id));
  return { facts, proposal, ended };
}

/**
 * Say which rule-outs are ended pairs rather than the coordinator's: in refused locks, and in the counted
 * reasons a young person was left out (the one "ruled out" count becomes two, by who ruled the pairs out).
 */
function explainEnded(proposal: Proposal, ended: readonly PairRef[], choices: PairChoices, mentorIds: readonly string[]): void {
  const endedTokens = new Set(ended.map(pairToken));
  for (const lock of proposal.refusedLocks) {
    if (endedTokens.has(pairToken(lock))) lock.reasons = lock.reasons.map((r) => (r === RULED_OUT ? ENDED : r));
  }
  const inCohort = new Set(mentorIds);
  const counted = new RegExp(`^${RULED_OUT} \\(\\d+ of (\\d+ mentors?)\\)$`);
  for (const u of proposal.unmatched) {
    const mentorsOf = (pairs: readonly PairRef[]) => new Set(pairs.filter((p) => p.youngPersonId === u.youngPersonId && inCohort.has(p.mentorId)).map((p) => p.mentorId));
    const endedHere = mentorsOf(ended);
    if (!endedHere.size) continue;
    const byCoordinator = [...mentorsOf(choices.forbidden)].filter((m) => !endedHere.has(m)).length;
    u.reasons = u.reasons.flatMap((r) => {
      const of = counted.exec(r)?.[1];
      if (!of) return [r];
      return [...(byCoordinator ? [`${RULED_OUT} (${byCoordinator} of ${of})`] : []), `An earlier pair ended as not a good fit (${endedHere.size} of ${of})`];
    });
  }
}

/** Names for the coordinator: a young person by profile id, a mentor by application id. */
async function namesOf(client: DbTx, cohortId: string) {
  const [profiles, apps] = await Promise.all([
    client.menteeProfile.findMany({ where: { cohortId }, select: { id: true, youngPersonId: true } }),
    client.mentorApplication.findMany({ where: { cohortId }, select: { id: true, userId: true } }),
  ]);
  const byUser = await people(client, [...profiles.map((p) => p.youngPersonId), ...apps.map((a) => a.userId)]);
  const ypName = new Map(profiles.map((p) => [p.id, fullName(byUser.get(p.youngPersonId))]));
  const mentorName = new Map(apps.map((a) => [a.id, fullName(byUser.get(a.userId))]));
  return { youngPerson: (id: string) => ypName.get(id) ?? "Unknown", mentor: (id: string) => mentorName.get(id) ?? "Unknown" };
}

export type NamedPair = { token: string; youngPersonId: string; mentorId: string; youngPerson: string; mentor: string };

export type ProposalView = {
  cohort: { id: string; name: string; status: string; canConfirm: boolean; confirmProblem: string | null };
  /** the choices the proposal was made with, as tokens (for the re-run and confirm forms) */
  choices: { locked: string[]; forbidden: string[] };
  pairs: (NamedPair & { score: number; locked: boolean; parts: ScorePart[] })[];
  total: number;
  unmatched: { youngPersonId: string; youngPerson: string; reasons: string[] }[];
  refusedLocks: (NamedPair & { reasons: string[] })[];
  ruledOut: NamedPair[];
  ended: NamedPair[];
  confirmed: { matchId: string; youngPerson: string; mentor: string; score: number }[];
  mentorsNotReady: { mentorId: string; mentor: string; problems: string[] }[];
  /** for "lock a pair of your own": the young people still to match, and every mentor of the cohort */
  youngPeopleToMatch: { id: string; name: string }[];
  mentors: { id: string; name: string }[];
};

/** Why pairs cannot be confirmed in a cohort of this status (null: they can). */
function confirmProblem(status: string): string | null {
  return (CONFIRM_STATUSES as readonly string[]).includes(status) ? null : `This cohort is ${statusWords(status)}, so pairs can be confirmed only while it is matching or running.`;
}

/** Why each mentor cannot be matched (gates, then places), for those with any reason. */
function mentorsNotReady(facts: CohortFacts): { mentorId: string; problems: string[] }[] {
  return facts.mentors.flatMap((m) => {
    const problems = [...(facts.mentorProblems.get(m.id) ?? [])];
    if (placesLeft(m) === 0) problems.push(`All their places are taken (${m.currentMentees} of ${m.capacity})`);
    return problems.length ? [{ mentorId: m.id, problems }] : [];
  });
}

/**
 * The proposal for a cohort with the coordinator's locks and rule-outs, in names (coordinator only;
 * anyone else, or an unknown cohort: not found). Pairs that ended as not a good fit are ruled out for
 * good. Audited: it names young people.
 */
export async function proposalFor(coordinator: Actor, cohortId: string, choices: PairChoices): Promise<ProposalView> {
  requireCoordinator(coordinator);
  const client = db();
  const cohort = await client.mentoringCohort.findUnique({ where: { id: cohortId }, select: { id: true, name: true, status: true } });
  if (!cohort) throw new MentoringNotFoundError();
  const [{ facts, proposal, ended }, names, confirmed] = await Promise.all([
    compute(client, cohortId, choices),
    namesOf(client, cohortId),
    client.mentoringMatch.findMany({ where: { cohortId, status: "active" }, orderBy: { confirmedAt: "asc" }, select: { id: true, menteeProfileId: true, mentorAppId: true, score: true } }),
  ]);
  const named = (p: PairRef): NamedPair => ({ token: pairToken(p), youngPersonId: p.youngPersonId, mentorId: p.mentorId, youngPerson: names.youngPerson(p.youngPersonId), mentor: names.mentor(p.mentorId) });
  const problem = confirmProblem(cohort.status);
  await audit({
    actorUserId: coordinator.userId,
    actorRole: "coordinator",
    action: "mentoring_proposal.viewed",
    entityType: "MentoringCohort",
    entityId: cohortId,
    detail: { pairs: proposal.pairs.length, unmatched: proposal.unmatched.length, locked: choices.locked.length, forbidden: choices.forbidden.length },
  });
  return {
    cohort: { ...cohort, canConfirm: problem === null && proposal.pairs.length > 0, confirmProblem: problem },
    choices: { locked: choices.locked.map(pairToken), forbidden: choices.forbidden.map(pairToken) },
    pairs: proposal.pairs.map((p) => ({ ...named(p), score: p.score, locked: p.locked, parts: p.parts })),
    total: proposal.total,
    unmatched: proposal.unmatched.map((u) => ({ youngPersonId: u.youngPersonId, youngPerson: names.youngPerson(u.youngPersonId), reasons: u.reasons })),
    refusedLocks: proposal.refusedLocks.map((r) => ({ ...named(r), reasons: r.reasons })),
    ruledOut: choices.forbidden.map(named),
    ended: ended.map(named),
    confirmed: confirmed.map((m) => ({ matchId: m.id, youngPerson: names.youngPerson(m.menteeProfileId), mentor: names.mentor(m.mentorAppId), score: m.score })),
    mentorsNotReady: mentorsNotReady(facts).map((m) => ({ ...m, mentor: names.mentor(m.mentorId) })),
    youngPeopleToMatch: facts.youngPeople.map((y) => ({ id: y.id, name: names.youngPerson(y.id) })).sort((a, b) => a.name.localeCompare(b.name)),
    mentors: facts.mentors.map((m) => ({ id: m.id, name: names.mentor(m.id) })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * Confirm the proposal for these locks and rule-outs: recomputed here from the database (the form
 * carries only the choices). With `expected` (the pairs the coordinator saw), a proposal that has
 * changed since is refused rather than confirmed unseen: a young person paired meanwhile is no longer
 * in it, so confirming twice writes the pairs once. One MentoringMatch per pair, each audited, in one
 * transaction. Both sides are emailed after commit.
 */
export async function confirmMatches(coordinator: Actor, cohortId: string, choices: PairChoices, expected: readonly PairRef[] | null = null, now = new Date()): Promise<{ matchIds: string[] }> {
  requireCoordinator(coordinator);
  const { matchIds, emails } = await db().$transaction(async (tx) => {
    // Take the cohort's row first: a second confirm of this cohort waits here, then sees these pairs.
    await tx.$executeRaw`UPDATE "MentoringCohort" SET "status" = "status" WHERE "id" = ${cohortId}`;
    const cohort = await tx.mentoringCohort.findUnique({ where: { id: cohortId }, select: { id: true, name: true, status: true } });
    if (!cohort) throw new MentoringNotFoundError();
    const problem = confirmProblem(cohort.status);
    if (problem) throw new MentoringError(problem);
    const { facts, proposal } = await compute(tx, cohortId, choices);
    if (expected && !samePairs(expected, proposal.pairs)) {
      throw new MentoringError("The proposal has changed since you looked at it (someone was paired, or a profile or mentor changed). Check the pairs below and confirm again.");
    }
    if (proposal.pairs.length === 0) throw new MentoringError("There are no pairs to confirm.");

    const ids: string[] = [];
    for (const p of proposal.pairs) {
      const row = await tx.mentoringMatch.create({
        data: { cohortId, mentorAppId: p.mentorId, menteeProfileId: p.youngPersonId, score: p.score, explanation: JSON.stringify(p.parts), status: "active", confirmedById: coordinator.userId, confirmedAt: now },
        select: { id: true },
      });
      ids.push(row.id);
      await audit(
        { actorUserId: coordinator.userId, actorRole: "coordinator", action: "mentoring_match.confirmed", entityType: "MentoringMatch", entityId: row.id, detail: { cohortId, score: p.score, locked: p.locked } },
        tx,
      );
    }
    const messages = await matchedEmails(tx, cohort.name, facts, proposal.pairs.map((p, i) => ({ ...p, matchId: ids[i] })));
    return { matchIds: ids, emails: await stageEmails(tx, messages) };
  }, LOCKING_TX_OPTIONS);
  await sendAfterCommit(emails);
  return { matchIds };
}

/**
 * Each pair's emails, with only what each side needs: the mentor gets the young person's first name,
 * interests, goals, times and place; the young person and each adviser linked with them get the
 * mentor's first name, skills, interests and place. Never a surname or contact details.
 */
async function matchedEmails(tx: DbTx, cohortName: string, facts: CohortFacts, pairs: (PairRef & { matchId: string })[]): Promise<EmailMessage[]> {
  const ypFacts = new Map<string, YoungPersonFacts>(facts.youngPeople.map((y) => [y.id, y]));
  const mentorFacts = new Map<string, MentorFacts>(facts.mentors.map((m) => [m.id, m]));
  const profiles = await tx.menteeProfile.findMany({ where: { id: { in: pairs.map((p) => p.youngPersonId) } }, select: { id: true, youngPersonId: true } });
  const youngPersonOf = new Map(profiles.map((p) => [p.id, p.youngPersonId]));
  const links = await tx.adviserLink.findMany({ where: { youngPersonId: { in: profiles.map((p) => p.youngPersonId) } }, select: { adviserId: true, youngPersonId: true } });
  const byUser = await people(tx, [...profiles.map((p) => p.youngPersonId), ...facts.mentors.map((m) => m.userId), ...links.map((l) => l.adviserId)]);
  const origin = loadEnv().appOrigin;
  const messages: EmailMessage[] = [];
  for (const pair of pairs) {
    const yp = ypFacts.get(pair.youngPersonId);
    const mentor = mentorFacts.get(pair.mentorId);
    const ypUserId = youngPersonOf.get(pair.youngPersonId);
    if (!yp || !mentor || !ypUserId) continue;
    const mentorPerson = byUser.get(mentor.userId);
    const ypPerson = byUser.get(ypUserId);
    const url = `${origin}/mentoring/pairs/${pair.matchId}`;
    if (mentorPerson?.active) {
      messages.push({
        to: mentorPerson.email,
        ...mentoringMatchedMentorEmail({
          firstName: mentorPerson.firstName,
          cohortName,
          youngPersonFirstName: ypPerson?.firstName ?? "a young person",
          interests: yp.interests.map((i) => INTERESTS[i]),
          goals: yp.goals.map((g) => GOALS[g].label),
          when: yp.availability.map(slotLabel),
          where: modeText(yp.mode, yp.location),
          url,
        }),
      });
    }
    const aboutMentor = {
      cohortName,
      mentorFirstName: mentorPerson?.firstName ?? "a council mentor",
      skills: mentor.skills.map((s) => SKILLS[s]),
      interests: mentor.interests.map((i) => INTERESTS[i]),
      where: modeText(mentor.mode, mentor.location),
      url,
    };
    if (ypPerson?.active) messages.push({ to: ypPerson.email, ...mentoringMatchedYoungPersonEmail({ ...aboutMentor, firstName: ypPerson.firstName, forYoungPerson: null }) });
    for (const link of links.filter((l) => l.youngPersonId === ypUserId && l.adviserId !== mentor.userId)) {
      const adviser = byUser.get(link.adviserId);
      if (adviser?.active) messages.push({ to: adviser.email, ...mentoringMatchedYoungPersonEmail({ ...aboutMentor, firstName: adviser.firstName, forYoungPerson: ypPerson?.firstName ?? "the young person" }) });
    }
  }
  return messages;
}

// ---- One pair, as each side sees it ----------------------------------------------------------

export type PairSide = "mentor" | "young_person" | "adviser" | "coordinator";

async function isLinked(client: DbTx, adviserId: string, youngPersonId: string): Promise<boolean> {
  return Boolean(await client.adviserLink.findUnique({ where: { adviserId_youngPersonId: { adviserId, youngPersonId } }, select: { adviserId: true } }));
}

/** Who this person is to the pair: its mentor, its young person, a linked adviser, or a coordinator; anyone else is not found. */
async function sideOf(client: DbTx, actor: Actor, mentorUserId: string, youngPersonId: string): Promise<PairSide> {
  if (actor.userId === mentorUserId) return "mentor";
  if (actor.userId === youngPersonId) return "young_person";
  if (actor.roles.includes("personal_adviser") && (await isLinked(client, actor.userId, youngPersonId))) return "adviser";
  if (actor.roles.includes("coordinator")) return "coordinator";
  throw new MentoringNotFoundError();
}

// The audit log names roles as the rest of the service does.
const AUDIT_ROLE: Record<PairSide, string> = { mentor: "employee", young_person: "young_person", adviser: "personal_adviser", coordinator: "coordinator" };

async function pairRows(client: DbTx, matchId: string) {
  const match = await client.mentoringMatch.findUnique({
    where: { id: matchId },
    include: { cohort: { select: { id: true, name: true, status: true } }, _count: { select: { sessions: true } } },
  });
  if (!match) throw new MentoringNotFoundError();
  const [app, profile] = await Promise.all([
    client.mentorApplication.findUnique({ where: { id: match.mentorAppId } }),
    client.menteeProfile.findUnique({ where: { id: match.menteeProfileId } }),
  ]);
  if (!app || !profile) throw new MentoringNotFoundError();
  return { match, app, profile };
}

export type PairView = {
  id: string;
  side: PairSide;
  status: string;
  statusLabel: string;
  cohort: { id: string; name: string; status: string };
  confirmedAt: string;
  endedAt: string | null;
  /** first names for the two sides; full names for the coordinator only */
  mentor: { firstName: string; fullName: string | null };
  youngPerson: { firstName: string; fullName: string | null };
  /** what the mentor (and coordinator) see of the young person: what matching used, nothing more */
  aboutYoungPerson: { interests: string[]; goals: string[]; availability: string[]; where: string } | null;
  /** what the young person and their adviser (and coordinator) see of the mentor */
  aboutMentor: { skills: string[]; interests: string[]; where: string } | null;
  inCommon: string[];
  score: number | null;
  sessions: number;
  /** this side's answer to "how is it going?" and whether they may give it now; null for the coordinator */
  fit: { answer: FitAnswer | null; problem: string | null } | null;
  /** the coordinator sees both sides' answers */
  fitAnswers: { mentor: string | null; youngPerson: string | null } | null;
};

/**
 * One pair as the person asking sees it (the mentor, the young person, their linked adviser, or the
 * coordinator; anyone else: not found). The other side by first name only. Views by the mentor and
 * the coordinator are audited: they show the young person's details.
 */
export async function pairFor(actor: Actor, matchId: string): Promise<PairView> {
  const client = db();
  const { match, app, profile } = await pairRows(client, matchId);
  const side = await sideOf(client, actor, app.userId, profile.youngPersonId);
  const byUser = await people(client, [app.userId, profile.youngPersonId]);
  const mentorPerson = byUser.get(app.userId);
  const ypPerson = byUser.get(profile.youngPersonId);
  if (side === "mentor" || side === "coordinator") {
    await audit({ actorUserId: actor.userId, actorRole: AUDIT_ROLE[side], action: "mentoring_match.viewed", entityType: "MentoringMatch", entityId: match.id });
  }
  const coordinator = side === "coordinator";
  const seesYoungPerson = side === "mentor" || coordinator;
  const seesMentor = side !== "mentor";
  const mine = side === "mentor" ? match.mentorFit : match.menteeFit;
  return {
    id: match.id,
    side,
    status: match.status,
    statusLabel: matchStatusLabel(match.status),
    cohort: match.cohort,
    confirmedAt: match.confirmedAt.toISOString(),
    endedAt: match.endedAt?.toISOString() ?? null,
    mentor: { firstName: mentorPerson?.firstName ?? "Your mentor", fullName: coordinator ? fullName(mentorPerson) : null },
    youngPerson: { firstName: ypPerson?.firstName ?? "The young person", fullName: coordinator ? fullName(ypPerson) : null },
    aboutYoungPerson: seesYoungPerson
      ? {
          interests: storedInterests(profile.interests).map((i) => INTERESTS[i]),
          goals: storedGoals(profile.goals).map((g) => GOALS[g].label),
          availability: storedSlots(profile.availability).map(slotLabel),
          where: modeText(profile.mode, profile.location),
        }
      : null,
    aboutMentor: seesMentor ? { skills: storedSkills(app.skills).map((s) => SKILLS[s]), interests: storedInterests(app.interests).map((i) => INTERESTS[i]), where: modeText(app.mode, app.location) } : null,
    inCommon: inCommon(storedExplanation(match.explanation)),
    score: coordinator ? match.score : null,
    sessions: match._count.sessions,
    fit: coordinator ? null : { answer: isFitAnswer(mine) ? mine : null, problem: fitProblem({ status: match.status, sessions: match._count.sessions, answered: mine }) },
    fitAnswers: coordinator ? { mentor: match.mentorFit, youngPerson: match.menteeFit } : null,
  };
}

/**
 * A side's answer after the first session: the mentor's (mentorFit), or the young person's given by
 * them or their linked adviser (menteeFit); once each, after a session is logged, while the pair is
 * active. "Not a good fit" ends this pair (both are free to be matched again; other pairs untouched)
 * and the coordinators are emailed to re-match.
 */
export async function recordFit(actor: Actor, matchId: string, answer: string, now = new Date()): Promise<{ ended: boolean }> {
  if (!isFitAnswer(answer)) throw new MentoringError("Choose how it is going", "fit");
  const { ended, emails } = await db().$transaction(async (tx) => {
    const { match, app, profile } = await pairRows(tx, matchId);
    const side = await sideOf(tx, actor, app.userId, profile.youngPersonId);
    if (side === "coordinator") throw new MentoringNotFoundError();
    const field = side === "mentor" ? "mentorFit" : "menteeFit";
    const problem = fitProblem({ status: match.status, sessions: match._count.sessions, answered: match[field] });
    if (problem) throw new MentoringError(problem, "fit");
    const ends = endsPair(answer);
    // Only from what was read: an answer or an ending in between refuses this one.
    const updated = await tx.mentoringMatch.updateMany({
      where: { id: matchId, status: "active", [field]: null },
      data: { [field]: answer, ...(ends ? { status: "ended", endedAt: now } : {}) },
    });
    if (updated.count !== 1) throw new MentoringError("This pair changed just now. Look at it again.", "fit");
    const fitSide = side === "mentor" ? "mentor" : "young_person";
    await audit({ actorUserId: actor.userId, actorRole: AUDIT_ROLE[side], action: "mentoring_match.fit", entityType: "MentoringMatch", entityId: matchId, detail: { side: fitSide, answer } }, tx);
    if (!ends) return { ended: false, emails: [] };
    await audit({ actorUserId: actor.userId, actorRole: AUDIT_ROLE[side], action: "mentoring_match.ended", entityType: "MentoringMatch", entityId: matchId, detail: { cohortId: match.cohortId, reason: "not_good_fit", side: fitSide } }, tx);
    const coordinators = await tx.user.findMany({ where: { active: true, roles: { some: { role: "coordinator" } } }, select: { email: true, person: { select: { firstName: true } } } });
    const byUser = await people(tx, [app.userId, profile.youngPersonId]);
    const url = `${loadEnv().appOrigin}/coordinator/mentoring/${match.cohortId}/matching`;
    const messages = coordinators.map((c) => ({
      to: c.email,
      ...mentoringRematchNeededEmail({
        firstName: c.person.firstName,
        cohortName: match.cohort.name,
        mentorFirstName: byUser.get(app.userId)?.firstName ?? "the mentor",
        youngPersonFirstName: byUser.get(profile.youngPersonId)?.firstName ?? "the young person",
        saidBy: fitSide,
        url,
      }),
    }));
    return { ended: true, emails: await stageEmails(tx, messages) };
  });
  await sendAfterCommit(emails);
  return { ended };
}

