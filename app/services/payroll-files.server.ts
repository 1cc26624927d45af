// Payroll files: load a pay group's pledge history (one query), work out the period's deductions
// (app/domain/payroll/changefile.ts), write them in a layout (csv.ts), and record each download:
// the period is locked, a PayrollFile row keeps what was given to payroll (with the bytes' SHA-256),
// and the audit log says who did it.
import { createHash } from "node:crypto";
import { db, type Db, type DbTx } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { audit } from "~/services/audit.server";
import { lockPeriod } from "~/services/pay-periods.server";
import { periodDeductions, type ControlTotals, type EmployeeHistory, type FileKind, type FilePeriod, type FileRow } from "~/domain/payroll/changefile";
import { csvStream, drain, fileRecords, summaryRecords, type FileContext } from "~/domain/payroll/csv";
import { BUILT_IN_LAYOUTS, LayoutError, builtInLayout, parseLayout, type PayrollLayout } from "~/domain/payroll/layouts";
import type { GivingMode } from "~/domain/payroll/periods";
import type { ChangeType, PledgeChangeLike } from "~/domain/pledges/pledge";
import { asDate } from "~/utils/sql-values.server";
import { createVersionedCache, minuteOf, type DataVersions } from "~/services/data-version.server";

export type Actor = { userId: string; role: string };

export class PayrollFileError extends Error {}

type HistoryRow = {
  employeeId: string;
  pledgeId: string;
  payrollNumber: string;
  department: string | null;
  firstName: string;
  lastName: string;
  type: ChangeType;
  amountPence: number;
  effectiveFrom: Date;
  pauseUntil: Date | null;
  createdAt: Date;
};

/**
 * Every employee of a pay group with a pledge that can matter from `since` on: pledges not stopped,
 * and stopped ones with a change effective on or after `since`, each with all its changes.
 * One SQL query (a join, only the columns needed; portable SQL for SQLite and PostgreSQL): Prisma's
 * nested select read the same in four statements with long IN lists, about 4 times slower
 * (docs/decisions/0006-payroll-files.md).
 */
export async function loadGroupHistories(
  payGroupId: string,
  since: Date,
  source: DbTx = db(),
  { names = true }: { names?: boolean } = {},
): Promise<EmployeeHistory[]> {
  // Totals need no names, and the Person join is most of the query's time on a large pay group.
  const nameColumns = names ? Prisma.sql`per."firstName", per."lastName"` : Prisma.sql`'' AS "firstName", '' AS "lastName"`;
  const personJoin = names ? Prisma.sql`JOIN "Person" per ON per."id" = e."personId"` : Prisma.empty;
  const rows = await source.$queryRaw<HistoryRow[]>`
    SELECT p."employeeId", p."id" AS "pledgeId", e."payrollNumber", e."department", ${nameColumns},
           c."type", c."amountPence", c."effectiveFrom", c."pauseUntil", c."createdAt"
    FROM "Pledge" p
    JOIN "EmployeeRecord" e ON e."id" = p."employeeId"
    ${personJoin}
    JOIN "PledgeChange" c ON c."pledgeId" = p."id"
    WHERE e."payGroupId" = ${payGroupId}
      AND (p."status" <> 'stopped'
           OR EXISTS (SELECT 1 FROM "PledgeChange" later WHERE later."pledgeId" = p."id" AND later."effectiveFrom" >= ${since}))
    ORDER BY p."employeeId", p."id"`;
  const out: EmployeeHistory[] = [];
  let employee: EmployeeHistory | null = null;
  let pledgeId = "";
  let changes: PledgeChangeLike[] = [];
  for (const r of rows) {
    if (!employee || employee.employeeId !== r.employeeId) {
      employee = {
        employeeId: r.employeeId,
        payrollNumber: r.payrollNumber,
        firstName: r.firstName,
        lastName: r.lastName,
        department: r.department,
        pledges: [],
      };
      out.push(employee);
      pledgeId = "";
    }
    if (r.pledgeId !== pledgeId) {
      pledgeId = r.pledgeId;
      changes = [];
      employee.pledges.push(changes);
    }
    changes.push({ type: r.type, amountPence: Number(r.amountPence), effectiveFrom: r.effectiveFrom, pauseUntil: r.pauseUntil, createdAt: r.createdAt });
  }
  return out;
}

/** The layouts finance can pick: rows of the PayrollLayout table, and the built-in ones the table does not override. */
export async function listLayouts(source: DbTx = db()): Promise<PayrollLayout[]> {
  const rows = await source.payrollLayout.findMany({ orderBy: { id: "asc" } });
  const stored: PayrollLayout[] = [];
  for (const row of rows) {
    try {
      const layout = parseLayout(row.mapping);
      if (layout.id === row.id) stored.push(layout);
    } catch {
      // an invalid stored mapping is left out of the list; resolveLayout names the problem if asked for
    }
  }
  const builtInIds = new Set(BUILT_IN_LAYOUTS.map((l) => l.id));
  return [
    ...BUILT_IN_LAYOUTS.map((b) => stored.find((l) => l.id === b.id) ?? b),
    ...stored.filter((l) => !builtInIds.has(l.id)),
  ];
}

/** A layout by id: the table's row when there is one, else the built-in layout. */
export async function resolveLayout(id: string, source: DbTx = db()): Promise<PayrollLayout> {
  const row = await source.payrollLayout.findUnique({ where: { id } });
  if (row) {
    const layout = parseLayout(row.mapping);
    if (layout.id !== row.id) throw new LayoutError(`The payroll layout "${row.id}" names itself "${layout.id}"`);
    return layout;
  }
  const builtIn = builtInLayout(id);
  if (!builtIn) throw new LayoutError(`There is no payroll layout called "${id}"`);
  return builtIn;
}

async function loadPeriod(periodId: string, source: DbTx) {
  const period = await source.payPeriod.findUnique({ where: { id: periodId }, include: { payGroup: true } });
  if (!period) throw new PayrollFileError("There is no such pay period");
  const previous = await source.payPeriod.findFirst({
    where: { payGroupId: period.payGroupId, startsOn: { lt: period.startsOn } },
    orderBy: { startsOn: "desc" },
    select: { startsOn: true, endsOn: true, label: true },
  });
  return { period, previous };
}

export type PreparedFile = {
  periodId: string;
  kind: FileKind;
  layout: PayrollLayout;
  filePeriod: FilePeriod;
  rows: FileRow[];
  totals: ControlTotals;
  filename: string;
  /** the file's bytes; each call makes a fresh stream of the same bytes */
  stream: () => ReadableStream<Uint8Array>;
  /** the control totals as their own small CSV (layouts without a trailer) */
  summaryStream: () => ReadableStream<Uint8Array>;
};

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** Works out a period's file in a layout, ready to stream. Reads only. */
export async function preparePayrollFile(
  input: { periodId: string; kind: FileKind; layoutId: string },
  source: DbTx = db(),
): Promise<PreparedFile> {
  const [{ period, previous }, layout, settings] = await Promise.all([
    loadPeriod(input.periodId, source),
    resolveLayout(input.layoutId, source),
    source.organisationSettings.findUnique({ where: { id: 1 }, select: { deductionCode: true } }),
  ]);
  const histories = await loadGroupHistories(period.payGroupId, previous?.startsOn ?? period.startsOn, source);
  const { rows, totals } = periodDeductions(histories, period, previous, input.kind);
  const filePeriod: FilePeriod = {
    label: period.label,
    startsOn: period.startsOn,
    endsOn: period.endsOn,
    givingMode: period.givingMode as GivingMode,
    payGroupName: period.payGroup.name,
    frequency: period.payGroup.frequency,
  };
  const ctx: FileContext = { period: filePeriod, deductionCode: settings?.deductionCode ?? "HHGIVE", kind: input.kind };
  const day = period.startsOn.toISOString().slice(0, 10);
  return {
    periodId: period.id,
    kind: input.kind,
    layout,
    filePeriod,
    rows,
    totals,
    filename: `helping-hands_${slug(period.payGroup.name)}_${day}_${input.kind}_${layout.id}.csv`,
    stream: () => csvStream(fileRecords(rows, totals, layout, ctx)),
    summaryStream: () => csvStream(summaryRecords(totals, layout, ctx)),
  };
}

export async function sha256Of(stream: ReadableStream<Uint8Array>): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  const bytes = await drain(stream, (chunk) => hash.update(chunk));
  return { sha256: hash.digest("hex"), bytes };
}

export type DownloadedFile = { fileId: string; filename: string; sha256: string; bytes: number; stream: ReadableStream<Uint8Array> };

/**
 * A payroll file download: the period is locked (later pledge changes roll into the next period),
 * the file is recorded (rows, participants, total, giving mode, SHA-256 of the exact bytes) and
 * audited, then the same bytes are streamed out. The file is made twice (once to hash, once to
 * send) rather than held in memory.
 */
export async function downloadPayrollFile(input: {
  periodId: string;
  kind: FileKind;
  layoutId: string;
  actor: Actor;
  now: Date;
  client?: Db;
}): Promise<DownloadedFile> {
  const client = input.client ?? db();
  const file = await preparePayrollFile(input, client);
  const { sha256, bytes } = await sha256Of(file.stream());
  const record = await client.$transaction(async (tx) => {
    await lockPeriod(input.periodId, input.actor, input.now, tx);
    const row = await tx.payrollFile.create({
      data: {
        periodId: input.periodId,
        layoutId: file.layout.id,
        kind: input.kind,
        rowCount: file.totals.rows,
        participants: file.totals.participants,
        totalPence: file.totals.totalPence,
        givingMode: file.filePeriod.givingMode,
        sha256,
        createdById: input.actor.userId,
        createdAt: input.now,
      },
    });
    await audit(
      {
        actorUserId: input.actor.userId,
        actorRole: input.actor.role,
        action: "payroll_file.download",
        entityType: "PayrollFile",
        entityId: row.id,
        detail: { periodId: input.periodId, kind: input.kind, layoutId: file.layout.id, rows: file.totals.rows, totalPence: file.totals.totalPence, sha256 },
      },
      tx,
    );
    return row;
  });
  return { fileId: record.id, filename: file.filename, sha256, bytes, stream: file.stream() };
}

/** The control totals of a period's file as a small CSV. Audited; it does not lock the period. */
export async function downloadControlTotals(input: { periodId: string; kind: FileKind; layoutId: string; actor: Actor; client?: Db }) {
  const client = input.client ?? db();
  const file = await preparePayrollFile(input, client);
  await audit(
    {
      actorUserId: input.actor.userId,
      actorRole: input.actor.role,
      action: "payroll_file.control_totals",
      entityType: "PayPeriod",
      entityId: input.periodId,
      detail: { kind: input.kind, layoutId: file.layout.id },
    },
    client,
  );
  return { filename: file.filename.replace(/\.csv$/, "_control-totals.csv"), stream: file.summaryStream() };
}

export type PeriodStatus = "locked" | "cut_off_passed" | "open";

export function periodStatus(period: { lockedAt: Date | null; cutOffAt: Date }, now: Date): PeriodStatus {
  return period.lockedAt ? "locked" : period.cutOffAt.getTime() <= now.getTime() ? "cut_off_passed" : "open";
}

/** Presenter for /finance/periods: every pay group's periods from the previous one on. */
export async function periodsOverview(now: Date, source: DbTx = db()) {
  const groups = await source.payGroup.findMany({ orderBy: { name: "asc" } });
  return Promise.all(
    groups.map(async (group) => {
      const current = await source.payPeriod.findFirst({
        where: { payGroupId: group.id, startsOn: { lte: now } },
        orderBy: { startsOn: "desc" },
        select: { startsOn: true },
      });
      const from = current
        ? ((await source.payPeriod.findFirst({
            where: { payGroupId: group.id, startsOn: { lt: current.startsOn } },
            orderBy: { startsOn: "desc" },
            select: { startsOn: true },
          })) ?? current)
        : null;
      const periods = await source.payPeriod.findMany({
        where: { payGroupId: group.id, ...(from ? { startsOn: { gte: from.startsOn } } : {}) },
        orderBy: { startsOn: "asc" },
        take: 8,
        select: { id: true, label: true, startsOn: true, endsOn: true, payDate: true, cutOffAt: true, givingMode: true, lockedAt: true },
      });
      return {
        id: group.id,
        name: group.name,
        frequency: group.frequency,
        periods: periods.map((p) => ({ ...p, status: periodStatus(p, now) })),
      };
    }),
  );
}

/** Presenter for /finance/periods/:periodId. Null when there is no such period. */
// The period page's totals are computed from every pledge history of the pay group: tens of ms on a
// council of thousands, on every view. They are kept per process, keyed by the version of the pledge
// data, which database triggers raise with every write behind them (app/services/data-version.server.ts),
// so a change made through any server is a new key at once.
const periodTotalsCache = createVersionedCache<ControlTotals>("pledges", 64);

type DeductionsArgs = Parameters<typeof periodDeductions>;

async function periodTotals(period: DeductionsArgs[1] & { id: string; payGroupId: string }, previous: DeductionsArgs[2], versions: Partial<DataVersions>): Promise<ControlTotals> {
  return periodTotalsCache.read(`${period.id}|${previous?.startsOn.getTime() ?? ""}`, async () => {
    const histories = await loadGroupHistories(period.payGroupId, previous?.startsOn ?? period.startsOn, db(), { names: false });
    return periodDeductions(histories, period, previous, "change").totals;
  }, versions);
}

type PeriodPageRow = {
  id: string;
  payGroupId: string;
  label: string;
  startsOn: Date | string;
  endsOn: Date | string;
  payDate: Date | string;
  cutOffAt: Date | string;
  givingMode: string;
  lockedAt: Date | string | null;
  payGroupName: string;
  frequency: string;
  lockedByFirst: string | null;
  lockedByLast: string | null;
  previousStartsOn: Date | string | null;
  previousEndsOn: Date | string | null;
  previousLabel: string | null;
  payrollLayoutId: string | null;
  deductionCode: string | null;
};

type PeriodFileRow = {
  id: string;
  kind: string;
  layoutId: string;
  rowCount: number | bigint;
  participants: number | bigint;
  totalPence: number | bigint;
  givingMode: string;
  sha256: string;
  createdAt: Date | string;
  firstName: string | null;
  lastName: string | null;
};

const fullName = (first: string | null, last: string | null) => (first === null ? null : `${first} ${last ?? ""}`);

/**
 * The pay period page as of `now`, kept per process and keyed by the pledge data's version (its triggers
 * cover the periods, pay groups, files, layouts, settings and names the page shows as well as the pledges
 * behind its totals) and by the minute (the period's status moves with the clock).
 */
export function periodPage(periodId: string, now: Date, versions?: DataVersions): Promise<PeriodPage | null> {
  return periodPageCache.read(`${periodId}|${minuteOf(now)}`, (version) => readPeriodPage(periodId, now, { pledges: version }), versions);
}

const periodPageCache = createVersionedCache<PeriodPage | null>("pledges", 64);

async function readPeriodPage(periodId: string, now: Date, versions: Partial<DataVersions>) {
  const source = db();
  // Three queries besides the cached totals: the period with its pay group, the period before it, who
  // locked it and the settings (a join; model reads were seven); the files with who made them; the layouts.
  const [[row], files, layouts] = await Promise.all([
    source.$queryRaw<PeriodPageRow[]>`
      SELECT pp."id", pp."payGroupId", pp."label", pp."startsOn", pp."endsOn", pp."payDate", pp."cutOffAt", pp."givingMode", pp."lockedAt",
        g."name" AS "payGroupName", g."frequency", lp."firstName" AS "lockedByFirst", lp."lastName" AS "lockedByLast",
        prev."startsOn" AS "previousStartsOn", prev."endsOn" AS "previousEndsOn", prev."label" AS "previousLabel",
        s."payrollLayoutId", s."deductionCode"
      FROM "PayPeriod" pp
      JOIN "PayGroup" g ON g."id" = pp."payGroupId"
      LEFT JOIN "User" lu ON lu."id" = pp."lockedById"
      LEFT JOIN "Person" lp ON lp."id" = lu."personId"
      LEFT JOIN "PayPeriod" prev ON prev."id" = (
        SELECT p2."id" FROM "PayPeriod" p2 WHERE p2."payGroupId" = pp."payGroupId" AND p2."startsOn" < pp."startsOn" ORDER BY p2."startsOn" DESC LIMIT 1)
      LEFT JOIN "OrganisationSettings" s ON s."id" = 1
      WHERE pp."id" = ${periodId}`,
    source.$queryRaw<PeriodFileRow[]>`
      SELECT f."id", f."kind", f."layoutId", f."rowCount", f."participants", f."totalPence", f."givingMode", f."sha256", f."createdAt",
        per."firstName", per."lastName"
      FROM "PayrollFile" f
      LEFT JOIN "User" u ON u."id" = f."createdById"
      LEFT JOIN "Person" per ON per."id" = u."personId"
      WHERE f."periodId" = ${periodId}
      ORDER BY f."createdAt" DESC`,
    listLayouts(source),
  ]);
  if (!row) return null;
  const period = {
    id: row.id,
    payGroupId: row.payGroupId,
    label: row.label,
    startsOn: asDate(row.startsOn),
    endsOn: asDate(row.endsOn),
    payDate: asDate(row.payDate),
    cutOffAt: asDate(row.cutOffAt),
    lockedAt: row.lockedAt === null ? null : asDate(row.lockedAt),
  };
  const previous =
    row.previousStartsOn === null || row.previousEndsOn === null
      ? null
      : { startsOn: asDate(row.previousStartsOn), endsOn: asDate(row.previousEndsOn), label: row.previousLabel ?? "" };
  // Keyed by the counter the page was keyed by: it is not read a second time.
  const totals = await periodTotals(period, previous, versions);
  const defaultLayoutId = layouts.some((l) => l.id === row.payrollLayoutId) ? row.payrollLayoutId! : layouts[0].id;
  // Dates as ISO strings, as the page receives them: plain data is handed to the page without a JSON round trip
  // (docs/decisions/0029-loader-data-not-round-tripped.md).
  return {
    period: {
      id: period.id,
      label: period.label,
      payGroupName: row.payGroupName,
      frequency: row.frequency,
      startsOn: period.startsOn.toISOString(),
      endsOn: period.endsOn.toISOString(),
      payDate: period.payDate.toISOString(),
      cutOffAt: period.cutOffAt.toISOString(),
      givingMode: row.givingMode as GivingMode,
      lockedAt: period.lockedAt?.toISOString() ?? null,
      lockedBy: fullName(row.lockedByFirst, row.lockedByLast),
      status: periodStatus(period, now),
    },
    previousLabel: previous?.label ?? null,
    deductionCode: row.deductionCode ?? "HHGIVE",
    totals,
    layouts: layouts.map((l) => ({ id: l.id, name: l.name, description: l.description, controlTotals: l.controlTotals })),
    defaultLayoutId,
    files: files.map((f) => ({
      id: f.id,
      kind: f.kind,
      layoutId: f.layoutId,
      rowCount: Number(f.rowCount),
      participants: Number(f.participants),
      totalPence: Number(f.totalPence),
      givingMode: f.givingMode,
      sha256: f.sha256,
      createdAt: asDate(f.createdAt).toISOString(),
      createdBy: fullName(f.firstName, f.lastName),
    })),
  };
}

export type PeriodPage = NonNullable<Awaited<ReturnType<typeof readPeriodPage>>>;
