// The retention job (issue 10): each clock in OrganisationSettings removes or anonymises what has been kept
// long enough. Money never changes: ledger rows, amounts and dates stay; only the people behind them go.
// Every clock only touches rows that still hold something, so a second run finds nothing (idempotent) and
// two overlapping runs do the same work once. Each clock writes one audit entry with counts, never data.
import { db, type DbTx } from "~/db.server";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { declarationCovers } from "~/domain/gift-aid/eligibility";
import { DBS_PURGE_MONTHS_DEFAULT } from "~/domain/mentoring/gates";
import { giftAidKeptUntil, grantKeptUntil, monthsKeptUntil, retentionEnded, type RetentionPeriods } from "~/domain/privacy/retention";
import { audit } from "~/services/audit.server";
import { purgeDbsCertificates } from "~/services/mentoring-gates.server";

/** What an anonymised card gift says instead of the donor (the row, amount and dates stay). */
export const ANONYMISED_DONOR_NAME = "Anonymous donor";
/** A reserved, never-deliverable address (RFC 2606 .invalid): receipts and Gift Aid matching can never reach anyone. */
export const ANONYMISED_DONOR_EMAIL = "anonymised@erased.invalid";
/** What an anonymised Gift Aid declaration says instead of the donor's name. */
export const ANONYMISED_NAME = "Anonymised";

export const UNSUCCESSFUL_STATUSES = ["declined", "withdrawn", "not_eligible"] as const;

export type RetentionCounts = {
  signInCodes: number;
  sessions: number;
  dbsCertificates: number;
  unsuccessfulApplications: number;
  giftAidDeclarations: number;
  giftAidDonations: number;
  grantRecords: number;
  mentoringCohorts: number;
  mentoringRecords: number;
};

/** The retention periods, from the settings row (defaults before seeding). */
export async function retentionPeriods(client: DbTx = db()): Promise<RetentionPeriods> {
  const s = await client.organisationSettings.findUnique({
    where: { id: 1 },
    select: { retainUnsuccessfulMonths: true, retainGiftAidYears: true, retainGrantYears: true, retainMentoringMonths: true, dbsPurgeMonths: true },
  });
  return s ?? { retainUnsuccessfulMonths: 12, retainGiftAidYears: 6, retainGrantYears: 7, retainMentoringMonths: 12, dbsPurgeMonths: DBS_PURGE_MONTHS_DEFAULT };
}

// ---- Scrubbers shared with erasure (app/services/erasure.server.ts) ----

/** The free text of a support application: what the young person or adviser wrote, and reasons given to them. */
const APPLICATION_TEXT_NULL = {
  purpose: null,
  quoteUrl: null,
  quoteDetails: null,
  whyItMatters: null,
  entitlementNames: null,
  entitlementWhyNeeded: null,
  notEligibleReason: null,
} as const;

/** Rows of an application that still hold its personal content (where-clause): the marker of "not yet removed". */
export const applicationHasContent = {
  OR: [
    { purpose: { not: null } },
    { quoteUrl: { not: null } },
    { quoteDetails: { not: null } },
    { whyItMatters: { not: null } },
    { entitlementNames: { not: null } },
    { entitlementWhyNeeded: { not: null } },
    { notEligibleReason: { not: null } },
    { messages: { some: {} } },
    { events: { some: { note: { not: null } } } },
    { conflicts: { some: { note: { not: null } } } },
    { reviews: { some: { comment: { not: "" } } } },
    { followUp: { is: { OR: [{ howItHelped: { not: null } }, { giveBackOther: { not: null } }] } } },
  ],
};

/**
 * Remove an application's personal content: its free text, the "more information" messages, notes on its
 * timeline, conflict notes and panel comments, and the follow-up's answers in words. Reference, category,
 * amount, status, dates, scores and the decision (append-only, written on the pseudonymised view) stay.
 * Returns how many rows changed (0: nothing was left).
 */
export async function scrubApplicationContent(tx: DbTx, applicationId: string): Promise<number> {
  let rows = 0;
  rows += (await tx.supportApplication.updateMany({ where: { id: applicationId, ...applicationHasContent }, data: APPLICATION_TEXT_NULL })).count;
  rows += (await tx.applicationMessage.deleteMany({ where: { applicationId } })).count;
  rows += (await tx.applicationEvent.updateMany({ where: { applicationId, note: { not: null } }, data: { note: null } })).count;
  rows += (await tx.panelConflict.updateMany({ where: { applicationId, note: { not: null } }, data: { note: null } })).count;
  rows += (await tx.panelReview.updateMany({ where: { applicationId, comment: { not: "" } }, data: { comment: "" } })).count;
  rows += (await tx.followUp.updateMany({ where: { applicationId, OR: [{ howItHelped: { not: null } }, { giveBackOther: { not: null } }] }, data: { howItHelped: null, giveBackOther: null } })).count;
  return rows;
}

/** Card gifts given with this email address, matched as the Gift Aid claim matches them (trimmed, any case). */
export async function donationsByEmail(email: string, client: DbTx = db()): Promise<{ id: string; paidAt: Date | null; createdAt: Date; giftAidDeclarationId: string | null }[]> {
  // Raw SQL: SQLite has no case-insensitive mode in Prisma's filters; lower(trim()) is the same on both databases.
  const ids = await client.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Donation" WHERE lower(trim("donorEmail")) = ${email.trim().toLowerCase()}`;
  if (ids.length === 0) return [];
  return client.donation.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: { id: true, paidAt: true, createdAt: true, giftAidDeclarationId: true } });
}

/** Anonymise card gifts' donor fields (amounts, status, Stripe ids and claim links stay). */
export async function anonymiseDonations(tx: DbTx, donationIds: readonly string[]): Promise<number> {
  if (donationIds.length === 0) return 0;
  const { count } = await tx.donation.updateMany({
    where: { id: { in: [...donationIds] }, OR: [{ donorName: { not: ANONYMISED_DONOR_NAME } }, { donorEmail: { not: ANONYMISED_DONOR_EMAIL } }, { userId: { not: null } }] },
    data: { donorName: ANONYMISED_DONOR_NAME, donorEmail: ANONYMISED_DONOR_EMAIL, anonymous: true, userId: null },
  });
  return count;
}

/** Whether a Gift Aid declaration still holds the donor's details. */
export const declarationHasContent = { NOT: { AND: [{ firstName: ANONYMISED_NAME }, { lastName: ANONYMISED_NAME }, { houseNameOrNumber: "" }, { postcode: "" }, { email: null }, { title: null }] } };

export async function anonymiseDeclaration(tx: DbTx, declarationId: string): Promise<number> {
  const { count } = await tx.giftAidDeclaration.updateMany({
    where: { id: declarationId, ...declarationHasContent },
    data: { title: null, firstName: ANONYMISED_NAME, lastName: ANONYMISED_NAME, houseNameOrNumber: "", postcode: "", email: null },
  });
  return count;
}

/** Rows of a mentoring cohort that still hold personal content. */
function mentoringContentWhere(cohortId: string) {
  return {
    profiles: { cohortId, OR: [{ goals: { not: "" } }, { location: { not: null } }, { preferredMentorGender: { not: null } }, { ownWorkerIds: { not: "[]" } }, { ownTeamIds: { not: "[]" } }] },
    mentors: { cohortId, OR: [{ motivation: { not: "" } }, { location: { not: null } }, { gender: { not: null } }, { preferences: { not: null } }, { interviewOutcome: { not: null } }] },
    sessions: { match: { cohortId }, note: { not: "" } },
    surveys: { cohortId, comment: { not: null } },
  };
}

/**
 * Remove a mentoring cohort's personal content: the young people's profiles (goals, where, preferences,
 * their own workers), applications to mentor (motivation, where, gender, preferences, interview notes),
 * session notes and survey comments. Pairs, minutes, dates and survey scales stay for the cohort's report.
 */
export async function scrubMentoringCohort(tx: DbTx, cohortId: string): Promise<number> {
  const where = mentoringContentWhere(cohortId);
  let rows = 0;
  rows += (await tx.menteeProfile.updateMany({ where: where.profiles, data: { goals: "", location: null, preferredMentorGender: null, ownWorkerIds: "[]", ownTeamIds: "[]" } })).count;
  rows += (await tx.mentorApplication.updateMany({ where: where.mentors, data: { motivation: "", location: null, gender: null, preferences: null, interviewOutcome: null } })).count;
  rows += (await tx.mentoringSession.updateMany({ where: where.sessions, data: { note: "" } })).count;
  rows += (await tx.mentoringSurvey.updateMany({ where: where.surveys, data: { comment: null } })).count;
  return rows;
}

// ---- The clocks ----

const audited = (clock: string, detail: Record<string, unknown>, tx: DbTx = db()) =>
  audit({ actorRole: "system", action: `retention.${clock}`, entityType: "Retention", entityId: clock, detail }, tx);

/** Sign-in codes and sessions past their expiry: of no use to anyone, so deleted. */
async function expiredSignIns(now: Date): Promise<{ signInCodes: number; sessions: number }> {
  return db().$transaction(async (tx) => {
    const signInCodes = (await tx.signInCode.deleteMany({ where: { expiresAt: { lt: now } } })).count;
    const sessions = (await tx.session.deleteMany({ where: { expiresAt: { lt: now } } })).count;
    await audited("sign_ins", { signInCodes, sessions }, tx);
    return { signInCodes, sessions };
  });
}

/** The UK day an application's unsuccessful decision was made: its last move to that status, else its last change. */
async function unsuccessfulApplications(now: Date, months: number): Promise<number> {
  const candidates = await db().supportApplication.findMany({
    where: { status: { in: [...UNSUCCESSFUL_STATUSES] }, ...applicationHasContent },
    select: { id: true, status: true, updatedAt: true, events: { where: { toStatus: { in: [...UNSUCCESSFUL_STATUSES] } }, orderBy: { at: "desc" }, take: 1, select: { at: true } } },
  });
  let done = 0;
  for (const a of candidates) {
    const decidedAt = a.events[0]?.at ?? a.updatedAt;
    if (!retentionEnded(monthsKeptUntil(decidedAt, months), now)) continue;
    const changed = await db().$transaction(async (tx) => {
      // Re-checked inside: a run in parallel may have got here first.
      const still = await tx.supportApplication.count({ where: { id: a.id, status: a.status } });
      return still ? scrubApplicationContent(tx, a.id) : 0;
    });
    if (changed) done++;
  }
  await audited("unsuccessful_applications", { applications: done, months });
  return done;
}

/**
 * Gift Aid: a declaration and the gifts it covers are anonymised once the last of them (or the declaration
 * itself, if it covered none) is `years` tax years behind us. Gifts are found as the claim finds them: linked
 * to the declaration, or the donor's gifts an "all gifts" declaration covers by email.
 */
async function giftAidRecords(now: Date, years: number): Promise<{ declarations: number; donations: number }> {
  // Coarse filter: a declaration is kept at least `years` years after it was made.
  const madeBefore = new Date(now.getTime() - years * 365 * 86_400_000 + 2 * 86_400_000);
  const declarations = await db().giftAidDeclaration.findMany({
    where: { declaredAt: { lte: madeBefore }, ...declarationHasContent },
    select: { id: true, scope: true, email: true, declaredAt: true, cancelledAt: true, donations: { select: { id: true, paidAt: true, createdAt: true } } },
  });
  let declarationsDone = 0;
  let donationsDone = 0;
  for (const d of declarations) {
    const byEmail =
      d.scope === "all_gifts" && d.email
        ? (await donationsByEmail(d.email)).filter((g) => declarationCovers(d, g))
        : [];
    const gifts = [...d.donations, ...byEmail.filter((g) => !d.donations.some((l) => l.id === g.id))];
    const last = gifts.reduce((latest, g) => Math.max(latest, (g.paidAt ?? g.createdAt).getTime()), d.declaredAt.getTime());
    if (!retentionEnded(giftAidKeptUntil(new Date(last), years), now)) continue;
    const result = await db().$transaction(async (tx) => ({ declaration: await anonymiseDeclaration(tx, d.id), donations: await anonymiseDonations(tx, gifts.map((g) => g.id)) }));
    declarationsDone += result.declaration;
    donationsDone += result.donations;
  }
  await audited("gift_aid", { declarations: declarationsDone, donations: donationsDone, years });
  return { declarations: declarationsDone, donations: donationsDone };
}

/** Grant records: `years` after payment (or cancellation), the payee and the application's personal content go; the award's money facts stay. */
async function grantRecords(now: Date, years: number): Promise<number> {
  const madeBefore = new Date(now.getTime() - years * 365 * 86_400_000 + 2 * 86_400_000);
  const awards = await db().grantAward.findMany({
    where: {
      OR: [
        { status: "paid", paidOn: { lte: madeBefore } },
        { status: "cancelled", cancelledAt: { lte: madeBefore } },
      ],
      AND: [{ OR: [{ payeeName: { not: null } }, { cancelReason: { not: null } }, { application: applicationHasContent }] }],
    },
    select: { id: true, applicationId: true, paidOn: true, cancelledAt: true },
  });
  let done = 0;
  for (const a of awards) {
    const closedOn = a.paidOn ?? a.cancelledAt;
    if (!closedOn || !retentionEnded(grantKeptUntil(closedOn, years), now)) continue;
    const changed = await db().$transaction(async (tx) => {
      const award = (await tx.grantAward.updateMany({ where: { id: a.id, OR: [{ payeeName: { not: null } }, { cancelReason: { not: null } }] }, data: { payeeName: null, cancelReason: null } })).count;
      return award + (await scrubApplicationContent(tx, a.applicationId));
    });
    if (changed) done++;
  }
  await audited("grant_records", { awards: done, years });
  return done;
}

/** When a cohort was evaluated: the audit entry of that step; a cohort evaluated before audit existed counts from its planned end. */
async function evaluatedAt(cohort: { id: string; startsOn: Date; weeks: number }): Promise<Date> {
  const entry = await db().auditLog.findFirst({
    where: { action: "mentoring_cohort.advanced", entityType: "MentoringCohort", entityId: cohort.id, detail: { contains: '"to":"evaluated"' } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  return entry?.at ?? new Date(cohort.startsOn.getTime() + cohort.weeks * 7 * 86_400_000);
}

async function mentoringRecords(now: Date, months: number): Promise<{ cohorts: number; records: number }> {
  const cohorts = await db().mentoringCohort.findMany({ where: { status: "evaluated" }, select: { id: true, startsOn: true, weeks: true } });
  let cohortsDone = 0;
  let records = 0;
  for (const c of cohorts) {
    if (!retentionEnded(monthsKeptUntil(await evaluatedAt(c), months), now)) continue;
    const changed = await db().$transaction((tx) => scrubMentoringCohort(tx, c.id));
    if (changed) {
      cohortsDone++;
      records += changed;
    }
  }
  await audited("mentoring", { cohorts: cohortsDone, records, months });
  return { cohorts: cohortsDone, records };
}

/**
 * Apply every retention clock once, as of `now`. Returns what each clock did; a second run with the same
 * `now` returns zeros. The periods come from the settings unless given (tests, a dry run of other values).
 */
export async function applyRetention(now: Date, periods?: RetentionPeriods): Promise<RetentionCounts> {
  const p = periods ?? (await retentionPeriods());
  const signIns = await expiredSignIns(now);
  const dbsCertificates = await purgeDbsCertificates(now, p.dbsPurgeMonths);
  await audited("dbs_certificates", { purged: dbsCertificates, months: p.dbsPurgeMonths });
  const unsuccessful = await unsuccessfulApplications(now, p.retainUnsuccessfulMonths);
  const giftAid = await giftAidRecords(now, p.retainGiftAidYears);
  const grants = await grantRecords(now, p.retainGrantYears);
  const mentoring = await mentoringRecords(now, p.retainMentoringMonths);
  return {
    ...signIns,
    dbsCertificates,
    unsuccessfulApplications: unsuccessful,
    giftAidDeclarations: giftAid.declarations,
    giftAidDonations: giftAid.donations,
    grantRecords: grants,
    mentoringCohorts: mentoring.cohorts,
    mentoringRecords: mentoring.records,
  };
}

/** One line for the jobs runner. */
export function retentionRunLine(c: RetentionCounts, now: Date): string {
  return (
    `retention (${ukDayKey(now)}): sign-in codes ${c.signInCodes}, sessions ${c.sessions}, DBS certificate numbers ${c.dbsCertificates}, ` +
    `unsuccessful applications ${c.unsuccessfulApplications}, Gift Aid declarations ${c.giftAidDeclarations} (gifts ${c.giftAidDonations}), ` +
    `grant records ${c.grantRecords}, mentoring cohorts ${c.mentoringCohorts} (records ${c.mentoringRecords})`
  );
}
