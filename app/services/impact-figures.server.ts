// Period figures for the impact page, the monthly digest, "My impact" and the Corporate Parenting
// Board report (issue 9). Each is one or two SQL aggregates (portable SQL, the same on SQLite and
// PostgreSQL: no date functions; UK months are bucketed by a CASE over month-start instants worked out
// in app/domain/impact/figures.ts). Everything that counts young people or awards, or an amount that
// goes with such a count, goes through app/domain/impact/suppression.ts before it leaves here.
import { stringify } from "csv-stringify/sync";
import { Prisma } from "~/generated/prisma/client.ts";
import { db } from "~/db.server";
import { audit } from "~/services/audit.server";
import { getSettings } from "~/services/settings.server";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { COUNTED_STATUSES, publicState, targetOf, targetPenceOf } from "~/domain/campaigns/campaign";
import {
  DEFAULT_SUPPRESSION_THRESHOLD,
  followSuppression,
  suppressCount,
  suppressLine,
  suppressTable,
  type Shown,
  type SuppressedTable,
} from "~/domain/impact/suppression";
import {
  AGE_BANDS,
  AWARD_CATEGORIES,
  AWARD_STATUS_COLUMNS,
  AWARD_STATUS_LABELS,
  GIVE_BACK_KINDS,
  OPEN_STAGES,
  STAGE_LABELS,
  boardReportRecords,
  categoryLabel,
  categoryOf,
  categoryStatusGrid,
  followTable,
  giveBackCounts,
  giveBackLabel,
  hoursOf,
  incomeByBucket,
  innerMonthStarts,
  monthLabel,
  monthsOf,
  monthsPeriod,
  pairOutcomes,
  paidByBucket,
  stageAgeGrid,
  type BoardQuery,
  type BoardReport,
} from "~/domain/impact/figures";

/** [from, to): the caller decides UK months/days. */
export type Period = { from: Date; to: Date };

/** Raw aggregates come back as number, bigint (COUNT/SUM on PostgreSQL) or a numeric string. */
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** The small-number threshold from the settings (default 5 before the settings row exists). */
export async function impactThreshold(): Promise<number> {
  return (await getSettings())?.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
}

/**
 * The month (0 = the first) an instant column falls in: a CASE over where each later month starts.
 * The bucket numbers are literals (ours, not input) so PostgreSQL types them as integers.
 */
function monthBucket(column: Prisma.Sql, months: readonly string[]): Prisma.Sql {
  const edges = innerMonthStarts(months);
  if (edges.length === 0) return Prisma.sql`0`;
  const whens = edges.map((edge, i) => Prisma.sql`WHEN ${column} < ${edge} THEN ${Prisma.raw(String(i))}`);
  return Prisma.sql`CASE ${Prisma.join(whens, " ")} ELSE ${Prisma.raw(String(edges.length))} END`;
}

/**
 * Money in and out by UK month. Income is net of reversals and refunds, from the ledger's entries
 * on the income accounts (and card refunds) by the month of the transaction's occurredAt; card fees
 * are not taken off (they are a cost, not a gift given back). Spent is grants paid, by the UK day
 * the payment was made; a month's spent is "c" when it paid fewer awards than the threshold (with
 * secondary suppression across the months and their total).
 */
export async function moneyByMonth(
  period: Period,
  threshold: number,
): Promise<{
  months: { month: string; label: string; payrollPence: number; cardPence: number; giftAidPence: number; spentPence: Shown }[];
  totals: { payrollPence: number; cardPence: number; giftAidPence: number; spentPence: Shown };
}> {
  const months = monthsOf(period);
  if (months.length === 0) return { months: [], totals: { payrollPence: 0, cardPence: 0, giftAidPence: 0, spentPence: 0 } };
  const [ledgerRows, paidRows] = await Promise.all([
    db().$queryRaw<{ bucket: unknown; accountCode: string; amountPence: unknown }[]>`
      SELECT ${monthBucket(Prisma.sql`t."occurredAt"`, months)} AS "bucket", e."accountCode" AS "accountCode", SUM(e."amountPence") AS "amountPence"
      FROM "LedgerEntry" e
      JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
      WHERE e."accountCode" IN ('payroll_income', 'card_income', 'gift_aid_income', 'refunds')
        AND t."occurredAt" >= ${period.from} AND t."occurredAt" < ${period.to}
      GROUP BY 1, 2`,
    db().$queryRaw<{ bucket: unknown; count: unknown; amountPence: unknown }[]>`
      SELECT ${monthBucket(Prisma.sql`"paidOn"`, months)} AS "bucket", COUNT(*) AS "count", SUM("amountPence") AS "amountPence"
      FROM "GrantAward"
      WHERE "status" = 'paid' AND "paidOn" >= ${period.from} AND "paidOn" < ${period.to}
      GROUP BY 1`,
  ]);
  const income = incomeByBucket(
    ledgerRows.map((r) => ({ bucket: num(r.bucket), accountCode: r.accountCode, amountPence: num(r.amountPence) })),
    months.length,
  );
  const paid = paidByBucket(
    paidRows.map((r) => ({ bucket: num(r.bucket), count: num(r.count), amountPence: num(r.amountPence) })),
    months.length,
  );
  const spent = followSuppression(paid.amounts, suppressLine(paid.counts, threshold));
  const sum = (pick: (m: (typeof income)[number]) => number) => income.reduce((a, m) => a + pick(m), 0);
  return {
    months: months.map((month, i) => ({ month, label: monthLabel(month), ...income[i], spentPence: spent.cells[i] })),
    totals: { payrollPence: sum((m) => m.payrollPence), cardPence: sum((m) => m.cardPence), giftAidPence: sum((m) => m.giftAidPence), spentPence: spent.total },
  };
}

/** Awards paid in the period, by category (every category, in the form's order), suppressed. */
export async function awardsByCategory(
  period: Period,
  threshold: number,
): Promise<{ rows: { category: string; label: string; count: Shown; amountPence: Shown }[]; total: { count: Shown; amountPence: Shown } }> {
  const grouped = await db().$queryRaw<{ category: string | null; count: unknown; amountPence: unknown }[]>`
    SELECT a."category" AS "category", COUNT(*) AS "count", SUM(g."amountPence") AS "amountPence"
    FROM "GrantAward" g
    JOIN "SupportApplication" a ON a."id" = g."applicationId"
    WHERE g."status" = 'paid' AND g."paidOn" >= ${period.from} AND g."paidOn" < ${period.to}
    GROUP BY a."category"`;
  const counts = AWARD_CATEGORIES.map(() => 0);
  const amounts = AWARD_CATEGORIES.map(() => 0);
  for (const r of grouped) {
    const i = AWARD_CATEGORIES.indexOf(categoryOf(r.category));
    counts[i] += num(r.count);
    amounts[i] += num(r.amountPence);
  }
  const countLine = suppressLine(counts, threshold);
  const amountLine = followSuppression(amounts, countLine);
  return {
    rows: AWARD_CATEGORIES.map((category, i) => ({ category, label: categoryLabel(category), count: countLine.cells[i], amountPence: amountLine.cells[i] })),
    total: { count: countLine.total, amountPence: amountLine.total },
  };
}

/**
 * Awards made (approved by the panel) in the period, by category and where they are now
 * (committed and not yet paid, paid, cancelled): counts and amounts, suppressed as one table.
 */
export async function awardsByCategoryAndStatus(
  period: Period,
  threshold: number,
): Promise<{ categories: { category: string; label: string }[]; statuses: { status: string; label: string }[]; counts: SuppressedTable; amounts: SuppressedTable }> {
  const grouped = await db().$queryRaw<{ category: string | null; status: string; count: unknown; amountPence: unknown }[]>`
    SELECT a."category" AS "category", g."status" AS "status", COUNT(*) AS "count", SUM(g."amountPence") AS "amountPence"
    FROM "GrantAward" g
    JOIN "SupportApplication" a ON a."id" = g."applicationId"
    WHERE g."createdAt" >= ${period.from} AND g."createdAt" < ${period.to}
    GROUP BY a."category", g."status"`;
  const counts = suppressTable(categoryStatusGrid(grouped.map((r) => ({ category: r.category, status: r.status, value: num(r.count) }))), threshold);
  const amounts = followTable(categoryStatusGrid(grouped.map((r) => ({ category: r.category, status: r.status, value: num(r.amountPence) }))), counts);
  return {
    categories: AWARD_CATEGORIES.map((category) => ({ category, label: categoryLabel(category) })),
    statuses: AWARD_STATUS_COLUMNS.map((status) => ({ status, label: AWARD_STATUS_LABELS[status] })),
    counts,
    amounts,
  };
}

/**
 * Approved volunteering hours given on UK days in the period, and how many volunteers gave them
 * (staff, not young people: not suppressed). A logged day is midnight UTC of its UK day, which
 * always lies within that UK day, so comparing it with the period's instants is exact.
 */
export async function timeGiven(period: Period): Promise<{ hours: number; volunteers: number }> {
  const [row] = await db().$queryRaw<{ minutes: unknown; volunteers: unknown }[]>`
    SELECT SUM("minutes") AS "minutes", COUNT(DISTINCT "volunteerId") AS "volunteers"
    FROM "HoursLog"
    WHERE "status" = 'approved' AND "day" >= ${period.from} AND "day" < ${period.to}`;
  return { hours: hoursOf(num(row?.minutes)), volunteers: num(row?.volunteers) };
}

/**
 * Mentoring pairs that were going at some time in the period (confirmed before it ended, not ended
 * before it began): how many, how many both sides called a good fit, how many ended (not a good
 * fit) and closed (planned closure) within it; and the sessions held on UK days in the period.
 */
export async function mentoringFigures(
  period: Period,
  threshold: number,
): Promise<{ pairs: Shown; goodFit: Shown; ended: Shown; closed: Shown; sessions: number; hours: number }> {
  const [groups, sessions] = await Promise.all([
    db().$queryRaw<{ status: string; goodFit: unknown; endedIn: unknown; count: unknown }[]>`
      SELECT "status",
             CASE WHEN "mentorFit" = 'good_fit' AND "menteeFit" = 'good_fit' THEN 1 ELSE 0 END AS "goodFit",
             CASE WHEN "endedAt" IS NOT NULL AND "endedAt" < ${period.to} THEN 1 ELSE 0 END AS "endedIn",
             COUNT(*) AS "count"
      FROM "MentoringMatch"
      WHERE "confirmedAt" < ${period.to} AND ("endedAt" IS NULL OR "endedAt" >= ${period.from})
      GROUP BY 1, 2, 3`,
    db().mentoringSession.aggregate({ where: { day: { gte: period.from, lt: period.to } }, _count: { _all: true }, _sum: { minutes: true } }),
  ]);
  const outcomes = suppressLine(
    pairOutcomes(groups.map((g) => ({ status: g.status, endedInPeriod: num(g.endedIn) === 1, count: num(g.count) }))),
    threshold,
  );
  const goodFit = groups.filter((g) => num(g.goodFit) === 1).reduce((a, g) => a + num(g.count), 0);
  return {
    pairs: outcomes.total,
    goodFit: suppressCount(goodFit, threshold),
    ended: outcomes.cells[1],
    closed: outcomes.cells[2],
    sessions: sessions._count._all,
    hours: hoursOf(sessions._sum.minutes ?? 0),
  };
}

/**
 * Campaigns taking gifts now, with what they have raised (gifts kept, less refunds: the same as the
 * campaign page's progress) from one grouped sum; percent only when the campaign has a target.
 */
export async function campaignFigures(
  now: Date,
): Promise<{ slug: string; title: string; raisedPence: number; targetPence: number | null; percent: number | null }[]> {
  const campaigns = (await db().campaign.findMany({ where: { status: "open" }, orderBy: { startsOn: "desc" } })).filter((c) => publicState(c, now) === "open");
  if (campaigns.length === 0) return [];
  const sums = await db().donation.groupBy({
    by: ["campaignId"],
    where: { campaignId: { in: campaigns.map((c) => c.id) }, status: { in: [...COUNTED_STATUSES] } },
    _sum: { amountPence: true, refundedPence: true },
  });
  const raisedOf = new Map(sums.map((s) => [s.campaignId, Math.max(0, (s._sum.amountPence ?? 0) - (s._sum.refundedPence ?? 0))]));
  return campaigns.map((c) => {
    const target = targetOf(c);
    const targetPence = target ? targetPenceOf(target) : null;
    const raisedPence = raisedOf.get(c.id) ?? 0;
    const percent = targetPence ? Math.min(100, Math.floor((raisedPence * 100) / targetPence)) : null;
    return { slug: c.slug, title: c.title, raisedPence, targetPence, percent };
  });
}

/**
 * Open applications by stage (rows: STAGE_LABELS) and how long they have been at it (columns:
 * AGE_BANDS), suppressed as a table. "At it since" is the latest move into the current status
 * (from the application's events), or when it was sent if there is no such event.
 */
export async function applicationsByStage(now: Date, threshold: number): Promise<{ stages: string[]; ageBands: string[]; table: SuppressedTable }> {
  const open = [...OPEN_STAGES];
  const [applications, moves] = await Promise.all([
    db().supportApplication.findMany({ where: { status: { in: open } }, select: { id: true, status: true, submittedAt: true, updatedAt: true } }),
    db().applicationEvent.groupBy({
      by: ["applicationId", "toStatus"],
      where: { toStatus: { in: open }, application: { status: { in: open } } },
      _max: { at: true },
    }),
  ]);
  const movedAt = new Map(moves.map((m) => [`${m.applicationId} ${m.toStatus}`, m._max.at]));
  const grid = stageAgeGrid(
    applications.map((a) => ({ status: a.status, since: movedAt.get(`${a.id} ${a.status}`) ?? a.submittedAt ?? a.updatedAt })),
    now,
  );
  return { stages: OPEN_STAGES.map((s) => STAGE_LABELS[s]), ageBands: [...AGE_BANDS], table: suppressTable(grid, threshold) };
}

/**
 * What young people who answered their follow-up in the period said they would like to do to give
 * something back. One person may choose several, so the answers do not add up to the total (the
 * number who answered): no figure can be worked out from the others by subtraction, and each is
 * suppressed on its own.
 */
export async function giveBackResponses(period: Period, threshold: number): Promise<{ rows: { kind: string; label: string; count: Shown }[]; total: Shown }> {
  // Grouped by the stored answer: at most one group per combination of the five options.
  const groups = await db().followUp.groupBy({
    by: ["giveBack"],
    where: { answeredAt: { gte: period.from, lt: period.to } },
    _count: { _all: true },
  });
  const { counts, responses } = giveBackCounts(groups.map((g) => ({ giveBack: g.giveBack, count: g._count._all })));
  return {
    rows: GIVE_BACK_KINDS.map((kind, i) => ({ kind, label: giveBackLabel(kind), count: suppressCount(counts[i], threshold) })),
    total: suppressCount(responses, threshold),
  };
}

// ---- The Corporate Parenting Board report ------------------------------------------------------

/** Every figure of the board report for whole UK months `from`..`to`; stage ages as at `now`. */
export async function boardReport(query: BoardQuery, now: Date): Promise<BoardReport> {
  const period = monthsPeriod(query.from, query.to);
  const threshold = await impactThreshold();
  const [money, awards, time, mentoring, applications, giveBack] = await Promise.all([
    moneyByMonth(period, threshold),
    awardsByCategoryAndStatus(period, threshold),
    timeGiven(period),
    mentoringFigures(period, threshold),
    applicationsByStage(now, threshold),
    giveBackResponses(period, threshold),
  ]);
  return { fromKey: query.from, toKey: query.to, asAtKey: ukDayKey(now), threshold, money, awards, time, mentoring, applications, giveBack };
}

/** The board report as a CSV file: the page's figures, suppressed the same way. The download is audited. */
export async function boardReportCsv(actor: { userId: string; role: string }, query: BoardQuery, now: Date): Promise<{ filename: string; text: string }> {
  const report = await boardReport(query, now);
  await audit({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: "board_report.downloaded",
    entityType: "BoardReport",
    entityId: `${query.from}..${query.to}`,
    detail: { from: query.from, to: query.to, threshold: report.threshold },
  });
  // escape_formulas as every download does: labels are ours today, but the file opens in a spreadsheet.
  return { filename: `board-report-${query.from}-to-${query.to}.csv`, text: stringify(boardReportRecords(report), { escape_formulas: true }) };
}
