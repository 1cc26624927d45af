// Erasure on request (issue 10): a person's data is removed or replaced in one transaction, while the money
// stays exactly as it was — ledger rows are never touched, donations, deductions and awards keep their
// amounts and dates and become anonymous — so the ledger still balances. Records the law needs (Gift Aid
// declarations and the gifts they cover; grant payment records) keep only what the law needs until their
// clock ends, and the ErasureRecord says so, to the day; the retention job (retention.server.ts) finishes
// them then. The plan is worked out first and shown to the admin (erasurePlan); eraseSubject works out the
// same plan inside its transaction and carries it out, so what the page promised is what happens.
// Where a person's data lives is PERSON_DATA_MAP (person-data.server.ts); tests/integration/erasure.test.ts
// checks, from that map, that nothing personal is left.
import type { DbTx } from "~/db.server";
import { db } from "~/db.server";
import { FINAL_STATUSES } from "~/domain/applications/workflow";
import { Prisma } from "~/generated/prisma/client.ts";
import { declarationCovers } from "~/domain/gift-aid/eligibility";
import { giftAidKeptUntil, grantKeptUntil, retentionEnded } from "~/domain/privacy/retention";
import { audit } from "~/services/audit.server";
import { personKeys, type PersonKeys } from "~/services/person-data.server";
import {
  anonymiseDeclaration,
  anonymiseDonations,
  donationsByEmail,
  retentionPeriods,
  scrubApplicationContent,
} from "~/services/retention.server";

/** A person who cannot be erased now, with why in plain words (shown to the admin). */
export class ErasureRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ErasureRefused";
  }
}
export class ErasurePersonNotFound extends Error {}

export type ErasureActor = { userId: string; role?: string };

/** What replaces a person's name: the row stays so money records keep a holder. */
export const ERASED_FIRST_NAME = "Erased";
export const ERASED_LAST_NAME = "Person";
/** A unique, never-deliverable sign-in address (RFC 2606 .invalid): no code can ever be sent to it. */
export const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;
/** A payroll number no payroll system will ever match (the column is unique, so it carries the record's id). */
export const erasedPayrollNumber = (employeeId: string) => `ERASED-${employeeId}`;

export type PlanLine = { model: string; count: number; what: string };
export type KeptLine = PlanLine & { why: string; until: string | null };
export type ErasureSummary = { removed: PlanLine[]; replaced: PlanLine[]; kept: KeptLine[] };
export type ErasurePlan = ErasureSummary & {
  personId: string;
  /** the name as it is now, for the admin's page only (never stored in the record or the audit) */
  name: string;
  /** why it cannot be erased now; null when it can */
  refusals: string[];
  erasedAt: Date | null;
};

/**
 * How erasure treats every model of PERSON_DATA_MAP that holds personal fields. The erasure test fails when the
 * map gains such a model that is not here: decide what erasure does with it, then add it (and its code below).
 */
export const ERASURE_HANDLES: Readonly<Record<string, string>> = {
  Person: "name replaced, email removed, erasedAt set",
  User: "sign-in address replaced with an undeliverable one, account closed",
  EmployeeRecord: "payroll number replaced, department and leaving date removed",
  SignInCode: "deleted",
  OutboxEmail: "deleted (development outbox)",
  Pledge: "dedication removed (a live pledge refuses the erasure)",
  ReconciliationLine: "payroll number replaced, note removed",
  Donation: "donor made anonymous; amount and dates stay",
  GiftAidDeclaration: "email removed and cancelled; the rest kept until the Gift Aid clock ends, then anonymised",
  StripeEvent: "donor's name, email and address redacted from the payload",
  SupportApplication: "free text removed",
  ApplicationEvent: "notes removed",
  ApplicationMessage: "deleted",
  PanelConflict: "notes removed",
  PanelReview: "comments removed",
  ApplicationDecision: "kept: append-only (database trigger)",
  GrantAward: "payee and payment reference kept until the grant clock ends",
  FollowUp: "answers in words removed, consent to share withdrawn",
  ImpactStory: "withdrawn and its words removed",
  TimeOffer: "other skills, place and gender removed; withdrawn",
  HelpRequest: "details, place and preferences removed; closed",
  HoursLog: "notes removed",
  LinkFeedback: "comments removed",
  DbsCheck: "deleted",
  MentorApplication: "motivation, place, gender, preferences and interview notes removed; withdrawn if open",
  MenteeProfile: "age band, interests, goals, place and preferences removed",
  MentoringMatch: "the reasons for the match removed",
  MentoringSession: "notes removed",
  MentoringSurvey: "deleted",
  ErasureRecord: "kept: the record of the erasure itself (its reason asks for no personal details)",
};

const OPEN_PLEDGE = ["active", "paused"];
const OPEN_MENTOR_APPLICATION = ["applied", "shortlisted", "interviewed", "selected"];
const STRIPE_PERSONAL_KEYS = new Set(["email", "customer_email", "receipt_email", "name", "phone", "address", "customer_details", "billing_details", "shipping", "shipping_details"]);

type Gathered = {
  keys: PersonKeys;
  name: string;
  erasedAt: Date | null;
  refusals: string[];
  summary: ErasureSummary;
  // what the writes act on
  donationIds: string[];
  /** an unlinked gift an "all gifts" declaration covers by email: linked to it, so the record survives the email */
  giftLinks: { donationId: string; declarationId: string }[];
  declarationsKept: string[];
  declarationsAnonymised: string[];
  stripeEventIds: string[];
  applicationIds: string[];
  awardsAnonymised: string[];
  storyIds: string[];
  helpRequestIds: string[];
  offerIds: string[];
  mentorAppIds: string[];
  profileIds: string[];
  matchIds: string[];
};

/** Ids of sign-in codes or outbox emails sent to one of the addresses, in any case (raw SQL: SQLite has no insensitive mode). */
async function idsSentTo(tx: DbTx, table: "SignInCode" | "OutboxEmail", emails: string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const rows =
    table === "SignInCode"
      ? await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "SignInCode" WHERE lower(trim("email")) IN (${Prisma.join(emails)})`
      : await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "OutboxEmail" WHERE lower(trim("to")) IN (${Prisma.join(emails)})`;
  return rows.map((r) => r.id);
}

function line(list: PlanLine[], model: string, count: number, what: string) {
  if (count > 0) list.push({ model, count, what });
}

/** Read everything the erasure will act on and decide, row by row, what is removed, replaced or kept. */
async function gather(tx: DbTx, personId: string, now: Date): Promise<Gathered> {
  const keys = await personKeys(personId, tx);
  if (!keys) throw new ErasurePersonNotFound();
  const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { firstName: true, lastName: true, erasedAt: true } });
  const periods = await retentionPeriods(tx);
  const { userId, employeeId, emails } = keys;
  const summary: ErasureSummary = { removed: [], replaced: [], kept: [] };
  const refusals: string[] = [];
  // A person without a sign-in account matches no row by user id (cuid ids never contain brackets).
  const uid = userId ?? "(no account)";

  if (person.erasedAt) refusals.push(`This person's data was already erased on ${person.erasedAt.toISOString().slice(0, 10)}.`);

  // ── identity and sign-in
  line(summary.replaced, "Person", 1, `Name replaced with "${ERASED_FIRST_NAME} ${ERASED_LAST_NAME}", email address removed`);
  const user = userId ? await tx.user.findUnique({ where: { id: userId }, select: { active: true, roles: { select: { role: true } } } }) : null;
  if (user) {
    line(summary.replaced, "User", 1, "Sign-in address replaced with one that can never receive a code; account closed");
    if (user.roles.some((r) => r.role === "admin")) {
      const otherAdmins = await tx.userRole.count({ where: { role: "admin", userId: { not: userId! }, user: { active: true, person: { erasedAt: null } } } });
      if (otherAdmins === 0) refusals.push("This person is the only administrator. Give another person the administrator role first, or nobody could run the service.");
    }
    line(summary.removed, "UserRole", user.roles.length, "Roles");
  }
  line(summary.removed, "Session", await tx.session.count({ where: { userId: uid } }), "Signed-in sessions (signed out everywhere)");
  line(summary.removed, "SignInCode", (await idsSentTo(tx, "SignInCode", emails)).length, "Sign-in codes");
  line(summary.removed, "OutboxEmail", (await idsSentTo(tx, "OutboxEmail", emails)).length, "Emails in the development outbox");
  line(summary.removed, "AdviserLink", await tx.adviserLink.count({ where: { OR: [{ adviserId: uid }, { youngPersonId: uid }] } }), "Links between a personal adviser and a young person");

  // ── payroll giving
  if (employeeId) {
    line(summary.replaced, "EmployeeRecord", 1, "Payroll number replaced, department and leaving date removed");
    const pledges = await tx.pledge.findMany({ where: { employeeId }, select: { status: true, dedication: true } });
    if (pledges.some((p) => OPEN_PLEDGE.includes(p.status))) {
      refusals.push("This person has a regular gift from pay that has not stopped. Stop it first: the stop takes effect from a pay period and payroll must be told in a change file.");
    }
    line(summary.replaced, "Pledge", pledges.filter((p) => p.dedication !== null).length, 'Messages ("in memory of") on regular gifts');
    line(summary.replaced, "ReconciliationLine", await tx.reconciliationLine.count({ where: { employeeId } }), "Payroll number and notes on reconciliation lines");
    const deductions = await tx.deduction.count({ where: { employeeId } });
    const changes = await tx.pledgeChange.count({ where: { pledge: { employeeId } } });
    if (deductions + changes > 0) {
      summary.kept.push({
        model: "Deduction",
        count: deductions,
        what: `Deductions from pay (${deductions}) and the history of the regular gift with its authorisations (${changes} changes): amounts and dates only`,
        why: "Money records: they hold no personal data once the employee record is pseudonymised, and the ledger must still balance. Pledge changes and authorisations are append-only.",
        until: null,
      });
    }
  }

  // ── card giving and Gift Aid
  const byEmail = (await Promise.all(emails.map((e) => donationsByEmail(e, tx)))).flat();
  const byUser = userId ? await tx.donation.findMany({ where: { userId }, select: { id: true, paidAt: true, createdAt: true, giftAidDeclarationId: true } }) : [];
  const donations = [...new Map([...byEmail, ...byUser].map((d) => [d.id, d])).values()];
  const donationIds = donations.map((d) => d.id);
  const declarations = await tx.giftAidDeclaration.findMany({
    where: { OR: [{ id: { in: donations.map((d) => d.giftAidDeclarationId).filter((id): id is string => !!id) } }, ...(emails.length ? [{ email: { in: emails } }] : [])] },
    select: { id: true, scope: true, email: true, declaredAt: true, cancelledAt: true, donations: { select: { id: true, paidAt: true, createdAt: true } } },
  });
  const giftLinks: Gathered["giftLinks"] = [];
  for (const d of donations) {
    if (d.giftAidDeclarationId) continue;
    const covering = declarations.find((decl) => decl.scope === "all_gifts" && declarationCovers(decl, d));
    if (covering) giftLinks.push({ donationId: d.id, declarationId: covering.id });
  }
  const declarationsKept: string[] = [];
  const declarationsAnonymised: string[] = [];
  const keptUntil: string[] = [];
  let keptGifts = 0;
  for (const decl of declarations) {
    const gifts = [...decl.donations, ...donations.filter((d) => giftLinks.some((l) => l.donationId === d.id && l.declarationId === decl.id))];
    const last = gifts.reduce((t, g) => Math.max(t, (g.paidAt ?? g.createdAt).getTime()), decl.declaredAt.getTime());
    const until = giftAidKeptUntil(new Date(last), periods.retainGiftAidYears);
    if (retentionEnded(until, now)) declarationsAnonymised.push(decl.id);
    else {
      declarationsKept.push(decl.id);
      keptUntil.push(until);
      keptGifts += gifts.length;
    }
  }
  line(summary.replaced, "Donation", donationIds.length, "Card gifts: donor's name and email address replaced (amounts and dates stay)");
  line(summary.replaced, "GiftAidDeclaration", declarationsKept.length + declarationsAnonymised.length, "Gift Aid declarations: email address removed (and the rest where their clock has ended); no further gifts are covered");
  if (declarationsKept.length) {
    summary.kept.push({
      model: "GiftAidDeclaration",
      count: declarationsKept.length,
      what: `Gift Aid declaration${declarationsKept.length > 1 ? "s" : ""} (title, name, house name or number, postcode, date and wording) and the ${keptGifts} gift${keptGifts === 1 ? "" : "s"} covered (amount and date)`,
      why: "HMRC requires Gift Aid records for 6 years after the end of the accounting period (tax year) of the gifts",
      until: keptUntil.sort().at(-1)!,
    });
  }
  const stripeEventIds = await stripeEventsOf(tx, emails, donationIds);
  line(summary.replaced, "StripeEvent", stripeEventIds.length, "Payment events from Stripe: the donor's name, email and address removed from them");

  // ── support applications
  const applications = await tx.supportApplication.findMany({
    where: { youngPersonId: uid },
    select: {
      id: true,
      status: true,
      _count: { select: { messages: true, decisions: true } },
      award: { select: { id: true, status: true, paidOn: true, cancelledAt: true, payeeName: true, paymentReference: true } },
      followUp: { select: { story: { select: { id: true } } } },
    },
  });
  const open = applications.filter((a) => a.status !== "draft" && !(FINAL_STATUSES as readonly string[]).includes(a.status));
  if (open.length) refusals.push(`This person has ${open.length === 1 ? "an application" : `${open.length} applications`} still in progress. Withdraw ${open.length === 1 ? "it" : "them"} or finish paying first.`);
  const applicationIds = applications.map((a) => a.id);
  line(summary.replaced, "SupportApplication", applications.length, "Support applications: what it is for, why it matters, quotes, entitlements and reasons given removed (reference, category, amount and status stay)");
  line(summary.removed, "ApplicationMessage", applications.reduce((n, a) => n + a._count.messages, 0), '"More information" questions and answers');
  const decisions = applications.reduce((n, a) => n + a._count.decisions, 0);
  if (decisions) {
    summary.kept.push({
      model: "ApplicationDecision",
      count: decisions,
      what: "The panel's decisions (outcome, amount, reasons and conditions as written)",
      why: "Append-only by a database trigger, so no reason can be rewritten after the decision; written on the pseudonymised view (reference and first name only)",
      until: null,
    });
  }
  const awardsAnonymised: string[] = [];
  const grantUntil: string[] = [];
  for (const a of applications) {
    const award = a.award;
    if (!award) continue;
    const closedOn = award.paidOn ?? award.cancelledAt;
    if (!closedOn) continue; // still open: refused above
    const until = grantKeptUntil(closedOn, periods.retainGrantYears);
    if (retentionEnded(until, now)) awardsAnonymised.push(award.id);
    else grantUntil.push(until);
  }
  line(summary.replaced, "GrantAward", awardsAnonymised.length, "Grant records past their clock: payee and payment reference removed");
  const awards = applications.filter((a) => a.award).length;
  if (awards) {
    summary.kept.push({
      model: "GrantAward",
      count: awards,
      what: `Award${awards > 1 ? "s" : ""}: amount, dates and status${grantUntil.length ? "; and the payee and payment reference of the payment" : ""}`,
      why: "Money records (the ledger must balance); grant payment records are kept for the council's retention period after payment",
      until: grantUntil.sort().at(-1) ?? null,
    });
  }
  const storyIds = applications.map((a) => a.followUp?.story?.id).filter((id): id is string => !!id);
  line(summary.replaced, "ImpactStory", storyIds.length, "Published stories: withdrawn and their words removed");

  // ── Giving Time
  const helpRequestIds = (await tx.helpRequest.findMany({ where: { youngPersonId: uid }, select: { id: true } })).map((r) => r.id);
  const offerIds = (await tx.timeOffer.findMany({ where: { userId: uid }, select: { id: true } })).map((o) => o.id);
  const activeLinks = await tx.helpLink.count({ where: { status: "active", OR: [{ requestId: { in: helpRequestIds } }, { offerId: { in: offerIds } }] } });
  if (activeLinks) refusals.push("This person is in a Talent Network link that is still active. The coordinator ends or completes it first.");
  line(summary.replaced, "HelpRequest", helpRequestIds.length, "Requests for help: details, place and preferences removed");
  line(summary.replaced, "TimeOffer", offerIds.length, "Offers of time: other skills, place and gender removed; offers withdrawn");
  line(summary.replaced, "HoursLog", await tx.hoursLog.count({ where: { volunteerId: uid, note: { not: "" } } }), "Notes on hours given (the minutes stay in the totals)");
  line(summary.replaced, "LinkFeedback", await tx.linkFeedback.count({ where: { authorId: uid, comment: { not: null } } }), "Feedback comments");
  line(summary.removed, "DbsCheck", await tx.dbsCheck.count({ where: { userId: uid } }), "DBS checks");

  // ── mentoring
  const mentorApps = await tx.mentorApplication.findMany({ where: { userId: uid }, select: { id: true } });
  const profiles = await tx.menteeProfile.findMany({ where: { youngPersonId: uid }, select: { id: true } });
  const mentorAppIds = mentorApps.map((a) => a.id);
  const profileIds = profiles.map((p) => p.id);
  const matches = await tx.mentoringMatch.findMany({ where: { OR: [{ mentorAppId: { in: mentorAppIds } }, { menteeProfileId: { in: profileIds } }] }, select: { id: true, status: true } });
  if (matches.some((m) => m.status === "active")) refusals.push("This person is in a mentoring pair that is still active. End the pair (or close the cohort) first.");
  const matchIds = matches.map((m) => m.id);
  line(summary.replaced, "MentorApplication", mentorAppIds.length, "Applications to mentor: motivation, place, gender, preferences and interview notes removed");
  line(summary.replaced, "MenteeProfile", profileIds.length, "Mentoring profiles: age band, interests, goals, place and preferences removed");
  line(summary.replaced, "MentoringMatch", matchIds.length, "Mentoring pairs: the reasons they were matched removed");
  line(summary.replaced, "MentoringSession", await tx.mentoringSession.count({ where: { matchId: { in: matchIds }, note: { not: "" } } }), "Session notes (dates and minutes stay)");
  line(summary.removed, "MentoringSurvey", await tx.mentoringSurvey.count({ where: { userId: uid } }), "Survey answers");

  summary.kept.push({
    model: "LedgerTransaction",
    count: 0,
    what: "The ledger: every transaction and entry as it was",
    why: "It holds no personal data (references and amounts only), and it must still balance",
    until: null,
  });

  return {
    keys,
    name: `${person.firstName} ${person.lastName}`,
    erasedAt: person.erasedAt,
    refusals,
    summary,
    donationIds,
    giftLinks,
    declarationsKept,
    declarationsAnonymised,
    stripeEventIds,
    applicationIds,
    awardsAnonymised,
    storyIds,
    helpRequestIds,
    offerIds,
    mentorAppIds,
    profileIds,
    matchIds,
  };
}

/** Stripe events that mention the person: by their email address, or by one of their gifts' Stripe ids. */
async function stripeEventsOf(tx: DbTx, emails: string[], donationIds: string[]): Promise<string[]> {
  const gifts = donationIds.length
    ? await tx.donation.findMany({ where: { id: { in: donationIds } }, select: { checkoutSessionId: true, paymentIntentId: true, chargeId: true } })
    : [];
  const needles = [...emails, ...gifts.flatMap((g) => [g.checkoutSessionId, g.paymentIntentId, g.chargeId]).filter((v): v is string => !!v)];
  if (needles.length === 0) return [];
  const likes = needles.map((n) => Prisma.sql`lower("payload") LIKE ${`%"${n.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}"%`} ESCAPE '\\'`);
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "StripeEvent" WHERE ${Prisma.join(likes, " OR ")}`;
  return rows.map((r) => r.id);
}

/** Stripe's event with the donor's details blanked: ids, amounts and statuses stay, so a later event still links. */
export function redactStripePayload(payload: string, emails: readonly string[]): string {
  const redact = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(redact);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, STRIPE_PERSONAL_KEYS.has(k) ? (v !== null && typeof v === "object" ? null : v === null ? null : "[erased]") : redact(v)]));
    }
    if (typeof value === "string" && emails.some((e) => value.toLowerCase().includes(e))) return "[erased]";
    return value;
  };
  try {
    return JSON.stringify(redact(JSON.parse(payload)));
  } catch {
    // Not JSON (never expected): at least take the addresses out.
    return emails.reduce((text, e) => text.split(new RegExp(e.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi")).join("[erased]"), payload);
  }
}

/** What erasing this person would do, and whether it can be done now: the same reading eraseSubject does, without writing. */
export async function erasurePlan(personId: string, now = new Date()): Promise<ErasurePlan> {
  const g = await gather(db(), personId, now);
  return { personId, name: g.name, refusals: g.refusals, erasedAt: g.erasedAt, ...g.summary };
}

/**
 * Erase one person's data on request, in one transaction; the ledger is not touched. Refuses (ErasureRefused,
 * with every reason) the last admin, someone already erased, and anyone with a commitment still running (a
 * live regular gift, an application in progress, an active Talent Network link or mentoring pair). Writes an
 * ErasureRecord (who asked, why, what was removed, replaced and kept until when) and an audit entry with
 * counts only. Returns the record's id and summary.
 */
export async function eraseSubject(admin: ErasureActor, personId: string, reason: string, now = new Date()): Promise<{ erasureRecordId: string; summary: ErasureSummary }> {
  const why = reason.trim();
  if (!why) throw new ErasureRefused("Say why the data is being erased (for example, the date and way the person asked).");
  return db().$transaction(
    async (tx) => {
      const g = await gather(tx, personId, now);
      if (g.refusals.length) throw new ErasureRefused(g.refusals.join(" "));
      await carryOut(tx, g, now);
      const record = await tx.erasureRecord.create({
        data: { personId, requestedById: admin.userId, reason: why, erasedAt: now, summary: JSON.stringify(g.summary) },
        select: { id: true },
      });
      await audit(
        {
          actorUserId: admin.userId,
          actorRole: admin.role ?? "admin",
          action: "person.erased",
          entityType: "Person",
          entityId: personId,
          detail: {
            erasureRecordId: record.id,
            removed: Object.fromEntries(g.summary.removed.map((l) => [l.model, l.count])),
            replaced: Object.fromEntries(g.summary.replaced.map((l) => [l.model, l.count])),
            keptUntil: Object.fromEntries(g.summary.kept.filter((l) => l.until).map((l) => [l.model, l.until])),
          },
        },
        tx,
      );
      return { erasureRecordId: record.id, summary: g.summary };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

async function carryOut(tx: DbTx, g: Gathered, now: Date): Promise<void> {
  const { personId, userId, employeeId, emails } = g.keys;
  // A person without a sign-in account matches no row by user id (cuid ids never contain brackets).
  const uid = userId ?? "(no account)";

  // identity and sign-in: with the address replaced and the account inactive, no code can be asked for or used
  await tx.person.update({ where: { id: personId }, data: { firstName: ERASED_FIRST_NAME, lastName: ERASED_LAST_NAME, email: null, erasedAt: now } });
  if (userId) {
    await tx.user.update({ where: { id: userId }, data: { email: erasedEmail(userId), active: false, lastSignInAt: null, digestOptIn: false } });
    await tx.userRole.deleteMany({ where: { userId } });
    await tx.session.deleteMany({ where: { userId } });
  }
  const codes = await idsSentTo(tx, "SignInCode", emails);
  if (codes.length) await tx.signInCode.deleteMany({ where: { id: { in: codes } } });
  const outbox = await idsSentTo(tx, "OutboxEmail", emails);
  if (outbox.length) await tx.outboxEmail.deleteMany({ where: { id: { in: outbox } } });
  await tx.adviserLink.deleteMany({ where: { OR: [{ adviserId: uid }, { youngPersonId: uid }] } });

  // payroll giving: the money rows (deductions, pledge changes, authorisations) stay as they are
  if (employeeId) {
    const pseudonym = erasedPayrollNumber(employeeId);
    await tx.employeeRecord.update({ where: { id: employeeId }, data: { payrollNumber: pseudonym, department: null, leftOn: null } });
    await tx.pledge.updateMany({ where: { employeeId, dedication: { not: null } }, data: { dedication: null } });
    await tx.reconciliationLine.updateMany({ where: { employeeId }, data: { payrollNumber: pseudonym, note: null } });
  }

  // card giving and Gift Aid: gifts first linked to the declaration that covers them, then made anonymous
  for (const link of g.giftLinks) await tx.donation.update({ where: { id: link.donationId }, data: { giftAidDeclarationId: link.declarationId } });
  await anonymiseDonations(tx, g.donationIds);
  if (g.declarationsKept.length) {
    // Kept for HMRC with what the claim needs; the email goes, and no later gift is covered (never backdated).
    await tx.giftAidDeclaration.updateMany({ where: { id: { in: g.declarationsKept } }, data: { email: null } });
    await tx.giftAidDeclaration.updateMany({ where: { id: { in: g.declarationsKept }, cancelledAt: null }, data: { cancelledAt: now } });
  }
  for (const id of g.declarationsAnonymised) {
    await anonymiseDeclaration(tx, id);
    await tx.giftAidDeclaration.updateMany({ where: { id, cancelledAt: null }, data: { cancelledAt: now } });
  }
  for (const id of g.stripeEventIds) {
    const event = await tx.stripeEvent.findUniqueOrThrow({ where: { id }, select: { payload: true } });
    await tx.stripeEvent.update({ where: { id }, data: { payload: redactStripePayload(event.payload, emails) } });
  }

  // support applications: content goes; decisions (append-only) and awards' money facts stay
  for (const id of g.applicationIds) await scrubApplicationContent(tx, id);
  await tx.followUp.updateMany({ where: { applicationId: { in: g.applicationIds } }, data: { consentToShare: false } });
  if (g.awardsAnonymised.length) await tx.grantAward.updateMany({ where: { id: { in: g.awardsAnonymised } }, data: { payeeName: null, paymentReference: null, cancelReason: null } });
  if (g.storyIds.length) {
    await tx.impactStory.updateMany({ where: { id: { in: g.storyIds }, withdrawnAt: null }, data: { withdrawnAt: now } });
    await tx.impactStory.updateMany({ where: { id: { in: g.storyIds } }, data: { title: "Withdrawn story", body: "" } });
  }

  // Giving Time
  await tx.helpRequest.updateMany({ where: { id: { in: g.helpRequestIds } }, data: { details: "", location: null, preferredGender: null, otherPreferences: null, under18: false } });
  await tx.helpRequest.updateMany({ where: { id: { in: g.helpRequestIds }, status: { in: ["open", "linked"] } }, data: { status: "closed" } });
  await tx.timeOffer.updateMany({ where: { id: { in: g.offerIds } }, data: { otherSkills: null, location: null, volunteerGender: null, status: "withdrawn" } });
  await tx.hoursLog.updateMany({ where: { volunteerId: uid, note: { not: "" } }, data: { note: "" } });
  await tx.linkFeedback.updateMany({ where: { authorId: uid, comment: { not: null } }, data: { comment: null } });
  await tx.dbsCheck.deleteMany({ where: { userId: uid } });

  // mentoring: pairs, dates and minutes stay for the cohort's figures; what was said about the person goes
  await tx.mentorApplication.updateMany({ where: { id: { in: g.mentorAppIds } }, data: { motivation: "", location: null, gender: null, preferences: null, interviewOutcome: null } });
  await tx.mentorApplication.updateMany({ where: { id: { in: g.mentorAppIds }, status: { in: OPEN_MENTOR_APPLICATION } }, data: { status: "withdrawn" } });
  await tx.menteeProfile.updateMany({
    where: { id: { in: g.profileIds } },
    data: { ageBand: "", interests: "[]", goals: "", location: null, preferredMentorGender: null, ownWorkerIds: "[]", ownTeamIds: "[]" },
  });
  await tx.mentoringMatch.updateMany({ where: { id: { in: g.matchIds } }, data: { explanation: "[]" } });
  await tx.mentoringSession.updateMany({ where: { matchId: { in: g.matchIds }, note: { not: "" } }, data: { note: "" } });
  await tx.mentoringSurvey.deleteMany({ where: { userId: uid } });
}

/** The stored summary of an erasure, for its confirmation page. */
export async function erasureRecord(id: string): Promise<{ id: string; personId: string; erasedAt: Date; summary: ErasureSummary } | null> {
  const r = await db().erasureRecord.findUnique({ where: { id }, select: { id: true, personId: true, erasedAt: true, summary: true } });
  return r ? { id: r.id, personId: r.personId, erasedAt: r.erasedAt, summary: JSON.parse(r.summary) as ErasureSummary } : null;
}
