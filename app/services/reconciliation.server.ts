// Reconciliation of what payroll deducted: expected deductions, the upload (a draft), reasons for
// each difference, and confirming (Deduction rows + one balanced ledger transaction per period).
// See docs/decisions/0007-reconciliation.md.
import { randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma/client.ts";
import { stringify } from "csv-stringify/sync";
import { db, type Db, type DbTx } from "~/db.server";
import { audit } from "~/services/audit.server";
import { postTransaction } from "~/services/ledger.server";
import { pence, type Pence } from "~/domain/money";
import { deductionInPeriod, type ChangeType, type PledgeChangeLike } from "~/domain/pledges/pledge";
import type { GivingMode } from "~/domain/payroll/periods";
import {
  agencyExternalRef,
  agencyPaymentDraft,
  expectedAsUploadRows,
  isDifference,
  lineKind,
  matchDeductions,
  payrollExternalRef,
  payrollIncomeDraft,
  readUpload,
  unexplained,
  type ExpectedDeduction,
  type LineDraft,
  type ReasonUpdate,
  type UploadProblem,
} from "~/domain/payroll/reconciliation";

export type Actor = { userId: string; role: string };

export class PeriodNotFoundError extends Error {
  constructor(periodId: string) {
    super(`no pay period ${periodId}`);
    this.name = "PeriodNotFoundError";
  }
}

const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

async function periodOrThrow(periodId: string, source: DbTx) {
  const period = await source.payPeriod.findUnique({ where: { id: periodId }, include: { payGroup: true } });
  if (!period) throw new PeriodNotFoundError(periodId);
  return period;
}

/**
 * The period's serialisation point for reconciliation: a no-op write to its row, first in the
 * transaction, takes SQLite's write lock at once and a row lock on PostgreSQL, so an upload and a
 * confirmation of the same period never interleave.
 */
async function lockPeriodRow(tx: DbTx, periodId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "PayPeriod" SET "lockedAt" = "lockedAt" WHERE "id" = ${periodId}`;
}

/**
 * Every employee of the period's pay group who has a pledge, with what it deducts in the period
 * (0 included) and the pledge it comes from. A fixed number of queries, never one per employee.
 */
async function pledgeExpectations(period: { id: string; payGroupId: string; startsOn: Date }, source: DbTx): Promise<ExpectedDeduction[]> {
  // Three flat queries (pledges, their changes in effect by the period, payroll numbers): a nested
  // select made Prisma load the relations separately and ran about half as fast at 10,000 pledges.
  const inGroup = { employee: { payGroupId: period.payGroupId } };
  const [pledges, changes, employees] = await Promise.all([
    source.pledge.findMany({ where: inGroup, select: { id: true, employeeId: true, createdAt: true } }),
    source.pledgeChange.findMany({
      where: { effectiveFrom: { lte: period.startsOn }, pledge: inGroup },
      select: { pledgeId: true, type: true, amountPence: true, effectiveFrom: true, pauseUntil: true, createdAt: true },
    }),
    source.employeeRecord.findMany({ where: { payGroupId: period.payGroupId, pledges: { some: {} } }, select: { id: true, payrollNumber: true } }),
  ]);
  const changesOf = new Map<string, PledgeChangeLike[]>();
  for (const c of changes) {
    const list = changesOf.get(c.pledgeId) ?? [];
    list.push({ type: c.type as ChangeType, amountPence: c.amountPence, effectiveFrom: c.effectiveFrom, pauseUntil: c.pauseUntil, createdAt: c.createdAt });
    changesOf.set(c.pledgeId, list);
  }
  const payrollNumberOf = new Map(employees.map((e) => [e.id, e.payrollNumber]));
  const byEmployee = new Map<string, ExpectedDeduction & { pledgeCreatedAt: Date }>();
  for (const pledge of pledges) {
    const amount = deductionInPeriod(changesOf.get(pledge.id) ?? [], period.startsOn);
    const current = byEmployee.get(pledge.employeeId);
    if (!current) {
      byEmployee.set(pledge.employeeId, {
        employeeId: pledge.employeeId,
        payrollNumber: payrollNumberOf.get(pledge.employeeId) ?? "",
        pledgeId: pledge.id,
        expectedPence: pence(amount),
        pledgeCreatedAt: pledge.createdAt,
      });
      continue;
    }
    // One live pledge at a time, but a stopped one may sit beside a new one: add them up, and
    // name the pledge that deducts (or else the newest).
    const deducts = amount > 0;
    if (deducts || (current.expectedPence === 0 && pledge.createdAt > current.pledgeCreatedAt)) {
      current.pledgeId = pledge.id;
      current.pledgeCreatedAt = pledge.createdAt;
    }
    current.expectedPence = pence(current.expectedPence + amount);
  }
  return [...byEmployee.values()].map(({ pledgeCreatedAt: _, ...e }) => e);
}

/**
 * What payroll should deduct in a period: one entry per employee of its pay group whose pledge
 * deducts in it (deductionInPeriod at the period's start), amounts above zero only.
 */
export async function expectedDeductions(periodId: string, source: DbTx = db()): Promise<ExpectedDeduction[]> {
  const period = await periodOrThrow(periodId, source);
  return (await pledgeExpectations(period, source)).filter((e) => e.expectedPence > 0);
}

/**
 * The period's expected deductions as a CSV in the upload's format (Payroll number, Amount,
 * Period). It names employees by payroll number, so the download is audit-logged.
 */
export async function expectedDeductionsCsv(periodId: string, actor: Actor, source: DbTx = db()): Promise<{ filename: string; text: string }> {
  const period = await periodOrThrow(periodId, source);
  const expected = await expectedDeductions(periodId, source);
  const text = stringify(expectedAsUploadRows(period, expected));
  await audit(
    { actorUserId: actor.userId, actorRole: actor.role, action: "reconciliation.expected_download", entityType: "PayPeriod", entityId: periodId, detail: { rows: expected.length } },
    source,
  );
  const slug = period.label.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return { filename: `expected-deductions-${slug}.csv`, text };
}

export type UploadInput = {
  periodId: string;
  /** the file as text (the route decodes the bytes) */
  text: string;
  fileName?: string | null;
  actor: Actor;
  now?: Date;
  client?: Db;
};

export type UploadOutcome =
  | { ok: true; reconciliationId: string; rows: number; differenceCount: number; replacedDraft: boolean }
  | { ok: false; problems: UploadProblem[]; problemCount: number };

const refused = (message: string): UploadOutcome => ({ ok: false, problems: [{ row: null, column: null, message }], problemCount: 1 });

/**
 * Read payroll's CSV for a period, match it to the expected deductions and store it as the
 * period's draft reconciliation (replacing an earlier draft). A bad file, or a period already
 * confirmed, changes nothing.
 */
export async function uploadDeductions(input: UploadInput): Promise<UploadOutcome> {
  const client = input.client ?? db();
  const period = await periodOrThrow(input.periodId, client);
  const confirmed = await client.reconciliation.findFirst({ where: { periodId: period.id, status: "confirmed" } });
  if (confirmed) return refused(alreadyConfirmedMessage(period.label, confirmed.confirmedAt));

  // Payroll numbers: this pay group's employees; the others only to say why a number is refused.
  const members = await client.employeeRecord.findMany({ where: { payGroupId: period.payGroupId }, select: { id: true, payrollNumber: true } });
  const memberByNumber = new Map(members.map((m) => [m.payrollNumber.toUpperCase(), m.id]));
  const numbersInFile = new Set<string>();
  let result = readUpload(input.text, period, (n) => {
    const id = memberByNumber.get(n.toUpperCase());
    if (id) return { employeeId: id };
    numbersInFile.add(n);
    return undefined;
  });
  if (!result.ok && numbersInFile.size > 0) {
    // Read again knowing which unknown numbers belong to another pay group, for a clearer message.
    const elsewhere = await client.employeeRecord.findMany({ where: { payrollNumber: { in: [...numbersInFile] } }, select: { payrollNumber: true } });
    const otherGroup = new Set(elsewhere.map((e) => e.payrollNumber.toUpperCase()));
    result = readUpload(input.text, period, (n) => {
      const id = memberByNumber.get(n.toUpperCase());
      return id ? { employeeId: id } : otherGroup.has(n.toUpperCase()) ? "other_group" : undefined;
    });
  }
  if (!result.ok) return result;

  const matched = matchDeductions(await pledgeExpectations(period, client), result.rows);
  const rows = result.rows.length;

  return client.$transaction(async (tx) => {
    await lockPeriodRow(tx, period.id);
    const existing = await tx.reconciliation.findMany({ where: { periodId: period.id }, select: { id: true, status: true, confirmedAt: true } });
    const done = existing.find((r) => r.status === "confirmed");
    if (done) return refused(alreadyConfirmedMessage(period.label, done.confirmedAt));
    const drafts = existing.map((r) => r.id);
    if (drafts.length) {
      await tx.reconciliationLine.deleteMany({ where: { reconciliationId: { in: drafts } } });
      await tx.reconciliation.deleteMany({ where: { id: { in: drafts } } });
    }
    const reconciliation = await tx.reconciliation.create({
      data: {
        periodId: period.id,
        status: "draft",
        expectedTotalPence: matched.expectedTotalPence,
        deductedTotalPence: matched.deductedTotalPence,
        uploadedById: input.actor.userId,
        uploadedAt: input.now ?? new Date(),
      },
    });
    if (matched.lines.length) {
      await insertLines(tx, reconciliation.id, matched.lines);
    }
    await audit(
      {
        actorUserId: input.actor.userId,
        actorRole: input.actor.role,
        action: "reconciliation.upload",
        entityType: "Reconciliation",
        entityId: reconciliation.id,
        detail: {
          periodId: period.id,
          fileName: input.fileName ?? null,
          rows,
          lines: matched.lines.length,
          differences: matched.differenceCount,
          expectedTotalPence: matched.expectedTotalPence,
          deductedTotalPence: matched.deductedTotalPence,
          replacedDraftIds: drafts,
        },
      },
      tx,
    );
    return { ok: true as const, reconciliationId: reconciliation.id, rows, differenceCount: matched.differenceCount, replacedDraft: drafts.length > 0 };
  }, TX_OPTIONS);
}

/**
 * All the draft's lines as plain multi-row INSERTs of 2,000 rows (12,000 parameters, within SQLite's
 * 32,766 and PostgreSQL's 65,535; ids made here): Prisma's createMany took about 1.2 s for 10,000
 * lines on SQLite, these take a fraction of that (bench/payroll-reconcile.ts).
 */
async function insertLines(tx: DbTx, reconciliationId: string, lines: readonly LineDraft[]): Promise<void> {
  for (let start = 0; start < lines.length; start += LINE_BATCH) {
    const values = lines
      .slice(start, start + LINE_BATCH)
      .map((l) => Prisma.sql`(${randomUUID()}, ${reconciliationId}, ${l.employeeId}, ${l.payrollNumber}, ${l.expectedPence}, ${l.deductedPence})`);
    await tx.$executeRaw`INSERT INTO "ReconciliationLine" ("id", "reconciliationId", "employeeId", "payrollNumber", "expectedPence", "deductedPence") VALUES ${Prisma.join(values)}`;
  }
}

const LINE_BATCH = 2_000;

function alreadyConfirmedMessage(label: string, confirmedAt: Date | null): string {
  const when = confirmedAt ? ` on ${confirmedAt.toISOString().slice(0, 10)}` : "";
  return `The reconciliation for ${label} was confirmed${when}, so it cannot be uploaded again. A correction after confirming is a reversal in the ledger.`;
}

export class ReconciliationError extends Error {
  constructor(
    message: string,
    /** the lines at fault, when there are any */
    readonly lines: { id: string; payrollNumber: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "ReconciliationError";
  }
}

/** The period's draft's difference lines (for the review form to read its fields against). */
export async function draftDifferenceLines(periodId: string, source: DbTx = db()) {
  const draft = await source.reconciliation.findFirst({ where: { periodId, status: "draft" }, select: { id: true } });
  if (!draft) return [];
  const lines = await source.reconciliationLine.findMany({
    where: { reconciliationId: draft.id },
    select: { id: true, payrollNumber: true, expectedPence: true, deductedPence: true },
  });
  return lines.filter(isDifference);
}

/** Save the reasons (and notes) for difference lines of the period's draft. */
export async function saveReasons(input: { periodId: string; updates: readonly ReasonUpdate[]; actor: Actor; client?: Db }): Promise<number> {
  const client = input.client ?? db();
  return client.$transaction(async (tx) => {
    await lockPeriodRow(tx, input.periodId);
    const draft = await tx.reconciliation.findFirst({ where: { periodId: input.periodId, status: "draft" }, include: { lines: true } });
    if (!draft) throw new ReconciliationError("There is no draft reconciliation for this period: it was confirmed, or nothing has been uploaded yet.");
    const byId = new Map(draft.lines.map((l) => [l.id, l]));
    let saved = 0;
    for (const update of input.updates) {
      const line = byId.get(update.lineId);
      if (!line || !isDifference(line)) continue; // a line of an older upload, or one that matches: nothing to explain
      if (line.reason === update.reason && line.note === update.note) continue;
      await tx.reconciliationLine.update({ where: { id: line.id }, data: { reason: update.reason, note: update.note } });
      saved++;
    }
    if (saved) {
      await audit(
        { actorUserId: input.actor.userId, actorRole: input.actor.role, action: "reconciliation.reasons", entityType: "Reconciliation", entityId: draft.id, detail: { periodId: input.periodId, lines: saved } },
        tx,
      );
    }
    return saved;
  }, TX_OPTIONS);
}

export type ConfirmOutcome = {
  reconciliationId: string;
  deductedTotalPence: Pence;
  deductions: number;
  /** null when nothing was deducted (nothing posted) */
  ledgerTransactionId: string | null;
};

/**
 * Confirm the period's draft: refused until every difference has a reason. In one transaction:
 * the reconciliation is marked confirmed, each employee's deduction (above zero) is recorded, and
 * the deducted total is posted to the ledger as one balanced transaction (externalRef
 * payroll:<periodId>, so it never posts twice).
 */
export async function confirmReconciliation(input: { periodId: string; actor: Actor; now?: Date; client?: Db }): Promise<ConfirmOutcome> {
  const client = input.client ?? db();
  const now = input.now ?? new Date();
  return client.$transaction(async (tx) => {
    await lockPeriodRow(tx, input.periodId);
    const period = await periodOrThrow(input.periodId, tx);
    const all = await tx.reconciliation.findMany({ where: { periodId: period.id }, include: { lines: true } });
    if (all.some((r) => r.status === "confirmed")) {
      throw new ReconciliationError(`The reconciliation for ${period.label} is already confirmed; it was not posted again.`);
    }
    const draft = all.find((r) => r.status === "draft");
    if (!draft) throw new ReconciliationError(`Upload what payroll deducted for ${period.label} before confirming.`);

    const missing = unexplained(draft.lines);
    if (missing.length) {
      throw new ReconciliationError(
        `Every difference needs a reason before you confirm: ${missing.length === 1 ? "1 line needs" : `${missing.length} lines need`} one.`,
        missing,
      );
    }

    // The pledges may have changed since the upload (a late change into an unlocked period).
    const expectations = await pledgeExpectations(period, tx);
    const expectedNow = new Map(expectations.filter((e) => e.expectedPence > 0).map((e) => [e.employeeId, e]));
    const lineOf = new Map(draft.lines.map((l) => [l.employeeId, l]));
    const stale = [
      ...draft.lines.filter((l) => l.expectedPence !== (expectedNow.get(l.employeeId)?.expectedPence ?? 0)).map((l) => l.payrollNumber),
      ...[...expectedNow.values()].filter((e) => !lineOf.has(e.employeeId)).map((e) => e.payrollNumber),
    ];
    if (stale.length) {
      throw new ReconciliationError(
        `The expected deductions have changed since the upload (pledge changes for ${stale.slice(0, 10).join(", ")}${stale.length > 10 ? ` and ${stale.length - 10} more` : ""}). Upload payroll's file again to match against them.`,
      );
    }

    const total = pence(draft.lines.reduce((sum, l) => sum + l.deductedPence, 0));
    const updated = await tx.reconciliation.updateMany({
      where: { id: draft.id, status: "draft" },
      data: { status: "confirmed", confirmedAt: now, confirmedById: input.actor.userId, deductedTotalPence: total },
    });
    if (updated.count !== 1) throw new ReconciliationError(`The reconciliation for ${period.label} is already confirmed; it was not posted again.`);

    const pledgeOf = new Map(expectations.map((e) => [e.employeeId, e.pledgeId]));
    const deductions = draft.lines
      .filter((l) => l.deductedPence > 0)
      .map((l) => ({
        employeeId: l.employeeId,
        periodId: period.id,
        pledgeId: pledgeOf.get(l.employeeId) ?? null,
        amountPence: l.deductedPence,
        reconciliationId: draft.id,
      }));
    for (let start = 0; start < deductions.length; start += LINE_BATCH) {
      // plain multi-row INSERTs, as for the lines: createMany is slow on SQLite
      const values = deductions
        .slice(start, start + LINE_BATCH)
        .map((d) => Prisma.sql`(${randomUUID()}, ${d.employeeId}, ${d.periodId}, ${d.pledgeId}, ${d.amountPence}, ${d.reconciliationId})`);
      await tx.$executeRaw`INSERT INTO "Deduction" ("id", "employeeId", "periodId", "pledgeId", "amountPence", "reconciliationId") VALUES ${Prisma.join(values)}`;
    }

    const draftTx = payrollIncomeDraft(period.givingMode as GivingMode, total);
    let ledgerTransactionId: string | null = null;
    if (draftTx) {
      const posted = await postTransaction(draftTx, {
        tx,
        kind: "payroll_deduction",
        description: `Payroll deductions for ${period.label} (${period.payGroup.name}), ${period.givingMode === "payroll_giving" ? "through the Payroll Giving Agency" : "net pay"}`,
        occurredAt: period.payDate,
        externalRef: payrollExternalRef(period.id),
        createdById: input.actor.userId,
      });
      if (!posted.created) throw new ReconciliationError(`Payroll income for ${period.label} is already in the ledger; it was not posted again.`);
      ledgerTransactionId = posted.transaction.id;
      await tx.reconciliation.update({ where: { id: draft.id }, data: { ledgerTransactionId } });
    }

    await audit(
      {
        actorUserId: input.actor.userId,
        actorRole: input.actor.role,
        action: "reconciliation.confirm",
        entityType: "Reconciliation",
        entityId: draft.id,
        detail: {
          periodId: period.id,
          givingMode: period.givingMode,
          expectedTotalPence: draft.expectedTotalPence,
          deductedTotalPence: total,
          deductions: deductions.length,
          differences: draft.lines.filter(isDifference).length,
          ledgerTransactionId,
        },
      },
      tx,
    );
    return { reconciliationId: draft.id, deductedTotalPence: total, deductions: deductions.length, ledgerTransactionId };
  }, TX_OPTIONS);
}

/**
 * Payroll giving periods: the agency has paid the fund what payroll sent it for the period
 * (Dr fund_bank / Cr payroll_agency). Once per period (externalRef payroll-agency:<periodId>).
 */
export async function recordAgencyPayment(input: { periodId: string; actor: Actor; now?: Date; client?: Db }): Promise<{ ledgerTransactionId: string; created: boolean }> {
  const client = input.client ?? db();
  return client.$transaction(async (tx) => {
    await lockPeriodRow(tx, input.periodId);
    const period = await periodOrThrow(input.periodId, tx);
    if (period.givingMode !== "payroll_giving") throw new ReconciliationError(`${period.label} was a net pay period: payroll paid the fund directly, not through an agency.`);
    const confirmed = await tx.reconciliation.findFirst({ where: { periodId: period.id, status: "confirmed" } });
    if (!confirmed) throw new ReconciliationError(`Confirm the reconciliation for ${period.label} first.`);
    if (confirmed.deductedTotalPence <= 0) throw new ReconciliationError(`Nothing was deducted in ${period.label}, so the agency has nothing to pay.`);
    const posted = await postTransaction(agencyPaymentDraft(pence(confirmed.deductedTotalPence)), {
      tx,
      kind: "payroll_agency_payment",
      description: `Payroll Giving Agency paid the fund for ${period.label} (${period.payGroup.name})`,
      occurredAt: input.now ?? new Date(),
      externalRef: agencyExternalRef(period.id),
      createdById: input.actor.userId,
    });
    if (posted.created) {
      await audit(
        {
          actorUserId: input.actor.userId,
          actorRole: input.actor.role,
          action: "reconciliation.agency_paid",
          entityType: "Reconciliation",
          entityId: confirmed.id,
          detail: { periodId: period.id, amountPence: confirmed.deductedTotalPence, ledgerTransactionId: posted.transaction.id },
        },
        tx,
      );
    }
    return { ledgerTransactionId: posted.transaction.id, created: posted.created };
  }, TX_OPTIONS);
}

// ───────────────────────────── the page ─────────────────────────────

/** Everything the reconcile page shows, or null for an unknown period. */
export async function reconciliationPage(periodId: string, source: DbTx = db()) {
  const period = await source.payPeriod.findUnique({ where: { id: periodId }, include: { payGroup: true } });
  if (!period) return null;
  const expected = (await pledgeExpectations(period, source)).filter((e) => e.expectedPence > 0);
  const reconciliation = await source.reconciliation.findFirst({
    where: { periodId },
    orderBy: [{ status: "asc" }, { uploadedAt: "desc" }], // "confirmed" before "draft"
  });
  let differences: {
    id: string;
    payrollNumber: string;
    name: string;
    expectedPence: number;
    deductedPence: number;
    kind: ReturnType<typeof lineKind>;
    reason: string | null;
    note: string | null;
  }[] = [];
  let lineCount = 0;
  let agencyPaid = false;
  if (reconciliation) {
    lineCount = await source.reconciliationLine.count({ where: { reconciliationId: reconciliation.id } });
    // Differences are few; matching lines are only counted. Compared in SQL, not loaded.
    const rows = await source.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "ReconciliationLine" WHERE "reconciliationId" = ${reconciliation.id} AND "expectedPence" <> "deductedPence"`;
    const lines = await source.reconciliationLine.findMany({
      where: { id: { in: rows.map((r) => r.id) } },
      orderBy: { payrollNumber: "asc" },
    });
    const people = await source.employeeRecord.findMany({
      where: { id: { in: lines.map((l) => l.employeeId) } },
      select: { id: true, person: { select: { firstName: true, lastName: true } } },
    });
    const nameOf = new Map(people.map((p) => [p.id, `${p.person.firstName} ${p.person.lastName}`]));
    differences = lines.map((l) => ({
      id: l.id,
      payrollNumber: l.payrollNumber,
      name: nameOf.get(l.employeeId) ?? "",
      expectedPence: l.expectedPence,
      deductedPence: l.deductedPence,
      kind: lineKind(l.expectedPence, l.deductedPence),
      reason: l.reason,
      note: l.note,
    }));
    if (reconciliation.status === "confirmed" && period.givingMode === "payroll_giving") {
      agencyPaid = (await source.ledgerTransaction.count({ where: { externalRef: agencyExternalRef(period.id) } })) > 0;
    }
  }
  return {
    period: {
      id: period.id,
      label: period.label,
      payGroupName: period.payGroup.name,
      givingMode: period.givingMode as GivingMode,
      startsOn: period.startsOn.toISOString().slice(0, 10),
      lockedAt: period.lockedAt?.toISOString() ?? null,
    },
    expected: { employees: expected.length, totalPence: expected.reduce((s, e) => s + e.expectedPence, 0) },
    reconciliation: reconciliation
      ? {
          id: reconciliation.id,
          status: reconciliation.status as "draft" | "confirmed",
          expectedTotalPence: reconciliation.expectedTotalPence,
          deductedTotalPence: reconciliation.deductedTotalPence,
          uploadedAt: reconciliation.uploadedAt.toISOString(),
          confirmedAt: reconciliation.confirmedAt?.toISOString() ?? null,
          ledgerTransactionId: reconciliation.ledgerTransactionId,
          lineCount,
          matchedCount: lineCount - differences.length,
          differences,
          unexplainedCount: unexplained(differences).length,
          agencyPaid,
        }
      : null,
  };
}

export type ReconciliationPage = NonNullable<Awaited<ReturnType<typeof reconciliationPage>>>;
