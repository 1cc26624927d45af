// Where a person's data lives: one map, read by the subject access export (K) and by erasure and
// retention (L). tests/integration/person-data-map.test.ts fails when a model gains a column that
// refers to a person and this map does not say how it is found.
import { Prisma } from "~/generated/prisma/client.ts";
import type { DbTx } from "~/db.server";
import { db } from "~/db.server";

export type ModelName = Prisma.ModelName;

/** The keys one person is known by. */
export type PersonKey = "personId" | "userId" | "employeeId" | "email";

export type PersonRef = {
  /**
   * A column of the model, or a path through its relations to one ("pledge.employeeId",
   * "link.request.youngPersonId"): each segment before the last is a Prisma relation filter.
   */
  field: string;
  /**
   * What the column holds: one of the person's keys, or "<Model>.id": the id of a row of that model
   * already found as being about the person (the model comes earlier in the map), or "*.id": the id of
   * any row found about the person, or one of their keys (AuditLog.entityId).
   */
  from: PersonKey | `${ModelName}.id` | "*.id";
  /**
   * equals (default; emails compare case-insensitively), jsonArray (the column is a JSON array of ids),
   * jsonText (the column is JSON text that may contain the email address as a string).
   */
  match?: "equals" | "jsonArray" | "jsonText";
  /**
   * subject (default): the row is about the person, all of it is theirs to see; actor: the person only did
   * something to the row (a staff action), so a subject access export shows the action, not the rest of
   * the row (which is about someone else) and erasure keeps the row.
   */
  as?: "subject" | "actor";
};

export type PersonDataEntry = {
  model: ModelName;
  by: PersonRef[];
  /** columns that identify or describe the subject: what erasure removes or replaces */
  personal: string[];
  /** secrets never exported, even to the person (session tokens, one-time code secrets) */
  withheld?: string[];
  /** for a row where the person is only the actor: the columns shown besides id and the actor column */
  actorView?: string[];
  /** why the table is as it is (append-only, kept by law, ...) */
  note?: string;
};

const ACTOR_TIMES = ["createdAt"];

/**
 * Every model that can hold a person's data, in an order where a "<Model>.id" reference always names
 * a model listed before it. Models with no reference to a person (PayGroup, LedgerAccount, LedgerEntry,
 * LedgerLock, PledgeTerms, PayrollLayout, Campaign, RateLimit: keyed hashes) are not listed.
 */
export const PERSON_DATA_MAP: readonly PersonDataEntry[] = [
  // ── identity and sign-in
  { model: "Person", by: [{ field: "id", from: "personId" }, { field: "email", from: "email" }], personal: ["firstName", "lastName", "email"] },
  { model: "User", by: [{ field: "personId", from: "personId" }, { field: "email", from: "email" }], personal: ["email", "lastSignInAt"] },
  {
    model: "EmployeeRecord",
    by: [{ field: "personId", from: "personId" }],
    personal: ["payrollNumber", "department", "leftOn"],
    note: "Pledges and deductions hang off it: the row stays (pseudonymised) while money records need a holder.",
  },
  { model: "UserRole", by: [{ field: "userId", from: "userId" }], personal: [] },
  { model: "AdviserLink", by: [{ field: "adviserId", from: "userId" }, { field: "youngPersonId", from: "userId" }], personal: [], note: "The row is the relationship itself." },
  { model: "Session", by: [{ field: "userId", from: "userId" }], personal: [], withheld: ["id"], note: "The id is the session token." },
  { model: "SignInCode", by: [{ field: "email", from: "email" }], personal: ["email"], withheld: ["secret"] },
  { model: "OutboxEmail", by: [{ field: "to", from: "email" }], personal: ["to", "subject", "html", "text"], note: "Development outbox only." },
  { model: "DigestSend", by: [{ field: "userId", from: "userId" }], personal: [] },
  {
    model: "OrganisationSettings",
    by: [{ field: "safeguardingLeadEmail", from: "email", as: "actor" }],
    personal: [],
    actorView: ["safeguardingLeadEmail", "updatedAt"],
  },

  // ── payroll giving (the ledger itself holds no person: its rows stay as they are)
  {
    model: "Pledge",
    by: [{ field: "employeeId", from: "employeeId" }],
    personal: ["dedication"],
  },
  {
    model: "PledgeChange",
    by: [{ field: "pledge.employeeId", from: "employeeId" }, { field: "byUserId", from: "userId", as: "actor" }],
    personal: [],
    actorView: ["type", "createdAt"],
    note: "Append-only (database trigger).",
  },
  {
    model: "PledgeAuthorisation",
    by: [{ field: "userId", from: "userId" }, { field: "pledgeChange.pledge.employeeId", from: "employeeId" }],
    personal: [],
    note: "Append-only (database trigger): the employee's signed authorisation.",
  },
  { model: "Deduction", by: [{ field: "employeeId", from: "employeeId" }], personal: [] },
  { model: "ReconciliationLine", by: [{ field: "employeeId", from: "employeeId" }], personal: ["payrollNumber", "note"] },
  {
    model: "Reconciliation",
    by: [{ field: "uploadedById", from: "userId", as: "actor" }, { field: "confirmedById", from: "userId", as: "actor" }],
    personal: [],
    actorView: ["periodId", "status", "uploadedAt", "confirmedAt"],
  },
  { model: "PayPeriod", by: [{ field: "lockedById", from: "userId", as: "actor" }], personal: [], actorView: ["label", "lockedAt"] },
  { model: "PayrollFile", by: [{ field: "createdById", from: "userId", as: "actor" }], personal: [], actorView: ["periodId", "kind", ...ACTOR_TIMES] },
  {
    model: "LedgerTransaction",
    by: [{ field: "createdById", from: "userId", as: "actor" }],
    personal: [],
    actorView: ["kind", "occurredAt", ...ACTOR_TIMES],
    note: "Append-only (database trigger); never changes for privacy.",
  },

  // ── card giving and Gift Aid
  {
    model: "Donation",
    by: [{ field: "donorEmail", from: "email" }, { field: "userId", from: "userId" }],
    personal: ["donorName", "donorEmail"],
    note: "A money record: kept, made anonymous on erasure.",
  },
  {
    model: "GiftAidDeclaration",
    by: [{ field: "email", from: "email" }, { field: "donations.some.id", from: "Donation.id" }],
    personal: ["title", "firstName", "lastName", "houseNameOrNumber", "postcode", "email"],
    note: "HMRC: kept for 6 years after the accounting period of the gifts it covers.",
  },
  { model: "GiftAidAdjustment", by: [{ field: "donationId", from: "Donation.id" }], personal: [] },
  { model: "GiftAidClaim", by: [{ field: "createdById", from: "userId", as: "actor" }], personal: [], actorView: ["fromDate", "toDate", ...ACTOR_TIMES] },
  {
    model: "StripeEvent",
    by: [{ field: "payload", from: "email", match: "jsonText" }],
    personal: ["payload"],
    note: "Stripe's event as received: the donor's email and name may be inside the payload.",
  },

  // ── support applications and the panel
  {
    model: "SupportApplication",
    by: [
      { field: "youngPersonId", from: "userId" },
      { field: "adviserId", from: "userId", as: "actor" },
      { field: "createdById", from: "userId", as: "actor" },
      { field: "screenedById", from: "userId", as: "actor" },
    ],
    personal: ["purpose", "quoteUrl", "quoteDetails", "whyItMatters", "entitlementNames", "entitlementWhyNeeded", "notEligibleReason"],
    actorView: ["reference", "status", ...ACTOR_TIMES],
  },
  {
    model: "ApplicationEvent",
    by: [{ field: "applicationId", from: "SupportApplication.id" }, { field: "actorId", from: "userId", as: "actor" }],
    personal: ["note"],
    actorView: ["applicationId", "toStatus", "at"],
  },
  {
    model: "ApplicationMessage",
    by: [{ field: "applicationId", from: "SupportApplication.id" }, { field: "authorId", from: "userId", as: "actor" }],
    personal: ["body"],
    actorView: ["applicationId", "kind", ...ACTOR_TIMES],
  },
  {
    model: "PanelConflict",
    by: [{ field: "applicationId", from: "SupportApplication.id" }, { field: "memberId", from: "userId", as: "actor" }],
    personal: ["note"],
    actorView: ["applicationId", "conflict", "declaredAt"],
  },
  {
    model: "PanelReview",
    by: [{ field: "applicationId", from: "SupportApplication.id" }, { field: "memberId", from: "userId", as: "actor" }],
    personal: ["comment"],
    actorView: ["applicationId", "recommendation", ...ACTOR_TIMES],
  },
  {
    model: "PanelMeeting",
    by: [
      { field: "chairId", from: "userId", as: "actor" },
      { field: "createdById", from: "userId", as: "actor" },
      { field: "attendeeIds", from: "userId", match: "jsonArray", as: "actor" },
    ],
    personal: [],
    actorView: ["title", "heldOn", "mode"],
  },
  {
    model: "ApplicationDecision",
    by: [
      { field: "applicationId", from: "SupportApplication.id" },
      { field: "decidedById", from: "userId", as: "actor" },
      { field: "scoredByIds", from: "userId", match: "jsonArray", as: "actor" },
      { field: "conflictedIds", from: "userId", match: "jsonArray", as: "actor" },
    ],
    personal: ["reasons", "conditions"],
    actorView: ["applicationId", "outcome", "decidedAt"],
  },
  {
    model: "GrantAward",
    by: [
      { field: "applicationId", from: "SupportApplication.id" },
      { field: "paymentApprovedById", from: "userId", as: "actor" },
      { field: "paidRecordedById", from: "userId", as: "actor" },
      { field: "cancelledById", from: "userId", as: "actor" },
    ],
    personal: ["payeeName", "paymentReference"],
    actorView: ["applicationId", "status", "paymentApprovedAt", "paidOn", "cancelledAt"],
    note: "A grant record: kept for the council's retention period after payment.",
  },
  { model: "FollowUp", by: [{ field: "applicationId", from: "SupportApplication.id" }], personal: ["howItHelped", "giveBackOther"] },
  {
    model: "ImpactStory",
    by: [{ field: "followUpId", from: "FollowUp.id" }, { field: "publishedById", from: "userId", as: "actor" }],
    personal: ["title", "body"],
    actorView: ["title", "publishedAt"],
  },
  { model: "TermsOfReference", by: [{ field: "publishedById", from: "userId", as: "actor" }], personal: [], actorView: ["version", "publishedAt"] },

  // ── Giving Time and the Talent Network
  { model: "VolunteerGroup", by: [{ field: "contactUserId", from: "userId" }], personal: [] },
  { model: "TimeOffer", by: [{ field: "userId", from: "userId" }], personal: ["otherSkills", "location", "volunteerGender"] },
  {
    model: "HelpRequest",
    by: [{ field: "youngPersonId", from: "userId" }, { field: "createdById", from: "userId", as: "actor" }],
    personal: ["details", "location", "preferredGender", "otherPreferences", "under18"],
    actorView: ["status", ...ACTOR_TIMES],
  },
  {
    model: "HelpLink",
    by: [
      { field: "requestId", from: "HelpRequest.id" },
      { field: "offerId", from: "TimeOffer.id" },
      { field: "createdById", from: "userId", as: "actor" },
    ],
    personal: [],
    actorView: ["status", ...ACTOR_TIMES],
  },
  {
    model: "HoursLog",
    by: [
      { field: "volunteerId", from: "userId" },
      { field: "linkId", from: "HelpLink.id" },
      { field: "decidedById", from: "userId", as: "actor" },
    ],
    personal: ["note"],
    actorView: ["status", "decidedAt"],
  },
  { model: "LinkFeedback", by: [{ field: "authorId", from: "userId" }, { field: "linkId", from: "HelpLink.id" }], personal: ["comment"] },
  {
    model: "DbsCheck",
    by: [{ field: "userId", from: "userId" }, { field: "recordedById", from: "userId", as: "actor" }],
    personal: ["level", "certificateNumber", "issuedOn", "outcome"],
    actorView: ["recordedAt"],
    note: "Certificate numbers are purged some months after the decision (dbsPurgeMonths).",
  },

  // ── the mentoring pilot
  { model: "MentoringCohort", by: [{ field: "createdById", from: "userId", as: "actor" }], personal: [], actorView: ["name", ...ACTOR_TIMES] },
  {
    model: "MentorApplication",
    by: [{ field: "userId", from: "userId" }, { field: "decidedById", from: "userId", as: "actor" }],
    personal: ["motivation", "location", "gender", "preferences", "interviewOutcome"],
    actorView: ["cohortId", "status", "updatedAt"],
  },
  {
    model: "TrainingRecord",
    by: [{ field: "applicationId", from: "MentorApplication.id" }, { field: "recordedById", from: "userId", as: "actor" }],
    personal: [],
    actorView: ["module", ...ACTOR_TIMES],
  },
  {
    model: "MenteeProfile",
    by: [
      { field: "youngPersonId", from: "userId" },
      { field: "createdById", from: "userId", as: "actor" },
      { field: "ownWorkerIds", from: "userId", match: "jsonArray", as: "actor" },
    ],
    personal: ["ageBand", "interests", "goals", "location", "preferredMentorGender"],
    actorView: ["cohortId", ...ACTOR_TIMES],
  },
  {
    model: "MentoringMatch",
    by: [
      { field: "mentorAppId", from: "MentorApplication.id" },
      { field: "menteeProfileId", from: "MenteeProfile.id" },
      { field: "confirmedById", from: "userId", as: "actor" },
    ],
    personal: ["explanation"],
    actorView: ["cohortId", "confirmedAt"],
  },
  { model: "MentoringSession", by: [{ field: "matchId", from: "MentoringMatch.id" }], personal: ["note"] },
  { model: "MentoringSurvey", by: [{ field: "userId", from: "userId" }], personal: ["scales", "comment"] },

  // ── privacy itself
  {
    model: "ErasureRecord",
    by: [{ field: "personId", from: "personId" }, { field: "requestedById", from: "userId", as: "actor" }],
    personal: ["reason"],
    actorView: ["personId", "erasedAt"],
  },
  {
    model: "AuditLog",
    by: [{ field: "entityId", from: "*.id" }, { field: "actorUserId", from: "userId", as: "actor" }],
    personal: [],
    actorView: ["at", "actorRole", "action", "entityType", "entityId"],
    note: "Append-only; no personal data in detail. Kept as the record of who did what.",
  },
];

export type PersonKeys = { personId: string; userId: string | null; employeeId: string | null; email: string | null; emails: string[] };

/** The keys a person is known by: their Person id, sign-in account, employee record and email address(es). */
export async function personKeys(personId: string, tx: DbTx = db()): Promise<PersonKeys | null> {
  const person = await tx.person.findUnique({
    where: { id: personId },
    select: { id: true, email: true, user: { select: { id: true, email: true } }, employee: { select: { id: true } } },
  });
  if (!person) return null;
  const emails = [...new Set([person.email, person.user?.email].filter((e): e is string => !!e).map((e) => e.trim().toLowerCase()))];
  return {
    personId: person.id,
    userId: person.user?.id ?? null,
    employeeId: person.employee?.id ?? null,
    email: person.user?.email ?? person.email ?? null,
    emails,
  };
}

/** A JSON-safe row: Dates as ISO strings, nothing else changed. */
export type JsonRow = Record<string, string | number | boolean | null>;

export type PersonRecords = Record<string, JsonRow[]>;

/** Prisma's client accessor for a model ("GiftAidDeclaration" → "giftAidDeclaration"). */
export function delegateName(model: ModelName): string {
  return model.charAt(0).toLowerCase() + model.slice(1);
}

type Delegate = { findMany(args: { where: unknown }): Promise<Record<string, unknown>[]> };

function delegate(tx: DbTx, model: ModelName): Delegate {
  return (tx as unknown as Record<string, Delegate>)[delegateName(model)];
}

/** Nest a path ("pledge.employeeId") into a Prisma where: { pledge: { employeeId: condition } }. */
function nestWhere(path: string, condition: unknown): Record<string, unknown> {
  return path
    .split(".")
    .reverse()
    .reduce<unknown>((inner, segment) => ({ [segment]: inner }), condition) as Record<string, unknown>;
}

const CHUNK = 500;

function chunks<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

/** Ids of rows whose column equals one of the emails, ignoring case (donors type their address as they like). */
async function idsByEmail(tx: DbTx, model: ModelName, column: string, emails: string[], match: PersonRef["match"]): Promise<string[]> {
  if (emails.length === 0) return [];
  const table = Prisma.raw(`"${model}"`);
  const col = Prisma.raw(`"${column}"`);
  if (match === "jsonText") {
    const ors = emails.map((e) => Prisma.sql`lower(${col}) LIKE ${`%"${escapeLike(e)}"%`} ESCAPE '\\'`);
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM ${table} WHERE ${Prisma.join(ors, " OR ")}`;
    return rows.map((r) => r.id);
  }
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM ${table} WHERE lower(trim(${col})) IN (${Prisma.join(emails)})`;
  return rows.map((r) => r.id);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The Prisma where clauses that find one reference's rows for these values (several when values are many). */
async function whereClauses(tx: DbTx, entry: PersonDataEntry, ref: PersonRef, values: string[]): Promise<Record<string, unknown>[]> {
  if (values.length === 0) return [];
  if (ref.from === "email") {
    const ids = await idsByEmail(tx, entry.model, ref.field, values, ref.match);
    return chunks(ids).map((c) => ({ id: { in: c } }));
  }
  if (ref.match === "jsonArray") {
    return [{ OR: values.map((v) => nestWhere(ref.field, { contains: JSON.stringify(v) })) }];
  }
  return chunks(values).map((c) => nestWhere(ref.field, c.length === 1 ? c[0] : { in: c }));
}

function toJson(row: Record<string, unknown>): JsonRow {
  const out: JsonRow = {};
  for (const [k, v] of Object.entries(row)) {
    if (v instanceof Date) out[k] = v.toISOString();
    else if (typeof v === "bigint") out[k] = Number(v);
    else if (v === undefined) out[k] = null;
    else out[k] = v as string | number | boolean | null;
  }
  return out;
}

function rowKey(row: Record<string, unknown>): string {
  // AdviserLink and UserRole have composite keys: the whole row identifies them.
  return typeof row.id === "string" ? row.id : JSON.stringify(row);
}

/**
 * Every row of every mapped table that refers to the person: rows about them in full (secrets
 * withheld), rows where they only acted as the action (id, the actor column and `actorView`).
 * Models with no rows are left out. Null when there is no such person.
 */
export async function personRecords(personId: string, tx: DbTx = db()): Promise<PersonRecords | null> {
  const keys = await personKeys(personId, tx);
  if (!keys) return null;
  const found = new Map<string, string[]>(); // "<Model>" → ids of rows about the person
  const allIds = new Set<string>([keys.personId, keys.userId, keys.employeeId].filter((v): v is string => !!v));
  const records: PersonRecords = {};

  for (const entry of PERSON_DATA_MAP) {
    const subject = new Map<string, Record<string, unknown>>();
    const actor = new Map<string, Record<string, unknown>>();
    for (const ref of entry.by) {
      const values = valuesFor(ref, keys, found, allIds);
      for (const where of await whereClauses(tx, entry, ref, values)) {
        const rows = await delegate(tx, entry.model).findMany({ where });
        for (const row of rows) {
          const key = rowKey(row);
          if ((ref.as ?? "subject") === "subject") subject.set(key, row);
          else if (!subject.has(key)) actor.set(key, actorProjection(entry, ref, row));
        }
      }
    }
    for (const key of subject.keys()) actor.delete(key);
    const ids = [...subject.values()].map((r) => r.id).filter((id): id is string => typeof id === "string");
    found.set(entry.model, ids);
    for (const id of ids) allIds.add(id);
    const rows = [...[...subject.values()].map((r) => withhold(entry, r)), ...actor.values()].map(toJson);
    if (rows.length > 0) records[entry.model] = rows;
  }
  return records;
}

function valuesFor(ref: PersonRef, keys: PersonKeys, found: Map<string, string[]>, allIds: Set<string>): string[] {
  switch (ref.from) {
    case "personId":
      return [keys.personId];
    case "userId":
      return keys.userId ? [keys.userId] : [];
    case "employeeId":
      return keys.employeeId ? [keys.employeeId] : [];
    case "email":
      return keys.emails;
    case "*.id":
      return [...allIds];
    default: {
      const model = ref.from.slice(0, -".id".length);
      const ids = found.get(model);
      if (!ids) throw new Error(`PERSON_DATA_MAP: ${ref.from} is used before ${model} is listed`);
      return ids;
    }
  }
}

function withhold(entry: PersonDataEntry, row: Record<string, unknown>): Record<string, unknown> {
  if (!entry.withheld?.length) return row;
  const copy = { ...row };
  for (const field of entry.withheld) if (field in copy) copy[field] = "[withheld]";
  return copy;
}

function actorProjection(entry: PersonDataEntry, ref: PersonRef, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of ["id", ref.field, ...(entry.actorView ?? [])]) if (field in row) out[field] = row[field];
  return out;
}
