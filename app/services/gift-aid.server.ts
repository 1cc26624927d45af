// Gift Aid: declarations (record, cancel), the HMRC claim schedule export, and the claims in the ledger (the claim,
// HMRC's payment of it). The only code that writes them.
import { stringify } from "csv-stringify/sync";
import { db, type DbTx } from "~/db.server";
import { Prisma } from "~/generated/prisma/client.ts";
import { audit } from "~/services/audit.server";
import { postTransaction } from "~/services/ledger.server";
import { loadEnv } from "~/utils/env.server";
import {
  GIFT_AID_WORDING_VERSION,
  giftAidDeclarationSchema,
  wordingShown,
  type GiftAidScope,
} from "~/domain/gift-aid/declaration";
import { cancelPath, isValidCancelToken } from "~/domain/gift-aid/cancel-token";
import { giftAidEligibility, type DeclarationLike } from "~/domain/gift-aid/eligibility";
import { queryWindow, type ClaimRange } from "~/domain/gift-aid/claim-range";
import { adjustmentsForClaim, keptPence, outstandingOverclaim, OVERCLAIM_STATUSES } from "~/domain/gift-aid/adjustments";
import { giftAidValue } from "~/domain/gift-aid/declaration";
import { differenceNeedsReason, REASON_MAX, REFERENCE_MAX } from "~/domain/gift-aid/hmrc-payment";
import { pence } from "~/domain/money";
import {
  GIFT_AID_CLAIM_KIND,
  GIFT_AID_PAYMENT_KIND,
  MAX_ENTRY_PENCE,
  dueFromClaimEntries,
  giftAidClaimDraft,
  giftAidClaimExternalRef,
  giftAidDue,
  giftAidPaidExternalRef,
  giftAidPaymentDraft,
  isAccountCode,
  paymentFromEntries,
  type EntryDraft,
} from "~/domain/ledger";
import {
  ROWS_PER_SHEET,
  SCHEDULE_CSV_OPTIONS,
  firstSheet,
  scheduleLines,
  scheduleRecords,
  ukDayKey,
  withinDays,
  type ScheduleGift,
  type ScheduleLine,
} from "~/domain/gift-aid/schedule";

export type RecordDeclarationInput = {
  title?: string | null;
  firstName: string;
  lastName: string;
  houseNameOrNumber: string;
  postcode: string;
  scope: GiftAidScope;
  email?: string | null;
  fundName: string;
};

export class GiftAidInputError extends Error {}

/**
 * Store a declaration with the wording version, the exact words shown and the time. The input is validated again
 * (and the postcode normalised) with the form's schema, so a bad declaration is never stored.
 */
export async function recordDeclaration(input: RecordDeclarationInput, now: Date): Promise<{ id: string }> {
  const parsed = giftAidDeclarationSchema.safeParse({ ...input, title: input.title ?? undefined });
  if (!parsed.success) throw new GiftAidInputError(parsed.error.issues.map((i) => i.message).join("; "));
  const d = parsed.data;
  return db().$transaction(async (tx) => {
    const row = await tx.giftAidDeclaration.create({
      data: {
        title: d.title ?? null,
        firstName: d.firstName,
        lastName: d.lastName,
        houseNameOrNumber: d.houseNameOrNumber,
        postcode: d.postcode,
        email: input.email?.trim().toLowerCase() || null,
        scope: d.scope,
        wordingVersion: GIFT_AID_WORDING_VERSION,
        wordingShown: wordingShown(input.fundName, d.scope),
        declaredAt: now,
      },
      select: { id: true },
    });
    await audit(
      { action: "gift_aid.declared", entityType: "GiftAidDeclaration", entityId: row.id, detail: { scope: d.scope, wordingVersion: GIFT_AID_WORDING_VERSION } },
      tx,
    );
    return { id: row.id };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Cancelling a declaration (from the link in a receipt)

/** The path of the donor's cancel link for a declaration (receipts put APP_URL in front of it). */
export function giftAidCancelPath(declarationId: string): string {
  return cancelPath(declarationId, loadEnv().SESSION_SECRET);
}

export type DeclarationSummary = {
  id: string;
  name: string;
  scope: GiftAidScope;
  declaredAt: Date;
  cancelledAt: Date | null;
};

/** The declaration behind a cancel link, or null when the id is unknown or the token is not ours. */
export async function declarationForCancelLink(declarationId: string, token: string | null): Promise<DeclarationSummary | null> {
  if (!isValidCancelToken(declarationId, token, loadEnv().SESSION_SECRET)) return null;
  const d = await db().giftAidDeclaration.findUnique({ where: { id: declarationId } });
  if (!d) return null;
  return {
    id: d.id,
    name: [d.title, d.firstName, d.lastName].filter(Boolean).join(" "),
    scope: d.scope as GiftAidScope,
    declaredAt: d.declaredAt,
    cancelledAt: d.cancelledAt,
  };
}

/**
 * Cancel a declaration: cancelledAt is set (the declaration is kept, as HMRC requires), with an audit entry.
 * Idempotent: cancelling again keeps the first time. Returns null for a bad link.
 */
export async function cancelDeclaration(declarationId: string, token: string | null, now: Date): Promise<{ cancelledAt: Date } | null> {
  if (!isValidCancelToken(declarationId, token, loadEnv().SESSION_SECRET)) return null;
  return db().$transaction(async (tx) => {
    const d = await tx.giftAidDeclaration.findUnique({ where: { id: declarationId }, select: { id: true, cancelledAt: true } });
    if (!d) return null;
    if (d.cancelledAt) return { cancelledAt: d.cancelledAt };
    const updated = await tx.giftAidDeclaration.updateMany({ where: { id: d.id, cancelledAt: null }, data: { cancelledAt: now } });
    if (updated.count === 1) {
      await audit({ action: "gift_aid.cancelled", entityType: "GiftAidDeclaration", entityId: d.id }, tx);
      return { cancelledAt: now };
    }
    const again = await tx.giftAidDeclaration.findUniqueOrThrow({ where: { id: d.id }, select: { cancelledAt: true } });
    return { cancelledAt: again.cancelledAt ?? now };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The claim schedule

export class GiftAidClaimError extends Error {}

export type ClaimPreview = {
  gifts: number;
  lines: number;
  totalPence: number;
  /** more lines than HMRC's sheet takes: each export claims one sheet, the rest waits for the next */
  overSheetLimit: boolean;
  /** how many exports this range needs, one sheet each */
  sheets: number;
  excluded: Record<string, number>;
  /** overclaims on gifts claimed earlier, deducted on this claim (whatever the gifts' dates) */
  adjustments: AdjustmentsPreview;
};

export type AdjustmentLine = {
  reference: string;
  /** why the fund no longer keeps what was claimed */
  reason: "refunded" | "partially_refunded" | "dispute_lost";
  claimedPence: number;
  keptPence: number;
  /** the claimed gift amount no longer kept, not adjusted before */
  donationPence: number;
  /** the Gift Aid to give back on it */
  taxPence: number;
};

export type AdjustmentsPreview = {
  /** the adjustments this claim takes: their number, gift amounts and Gift Aid (the claim's adjustmentPence) */
  gifts: number;
  donationPence: number;
  taxPence: number;
  lines: AdjustmentLine[];
  /** the Gift Aid on this claim's gifts: the most its adjustments may come to */
  claimGiftAidPence: number;
  /** outstanding adjustments that do not fit in this claim: they wait for a later claim with more gifts */
  waiting: { gifts: number; taxPence: number };
};

type Actor = { userId: string; role: string };

async function claimableGifts(range: ClaimRange, tx: DbTx): Promise<{ gifts: ScheduleGift[]; excluded: Record<string, number> }> {
  const settings = await tx.organisationSettings.findUnique({ where: { id: 1 }, select: { charityStatus: true, hmrcRecognisedOn: true } });
  const giftAidSettings = { charityStatus: settings?.charityStatus ?? "not_registered", hmrcRecognisedOn: settings?.hmrcRecognisedOn ?? null };
  const donations = (
    await tx.donation.findMany({
      where: { paidAt: queryWindow(range.fromKey, range.toKey) },
      include: { giftAidDeclaration: true },
      orderBy: [{ paidAt: "asc" }, { reference: "asc" }],
    })
  ).filter((d) => d.paidAt && withinDays(d.paidAt, range.fromKey, range.toKey));
  const emails = [...new Set(donations.map((d) => d.donorEmail.trim().toLowerCase()))];
  const allGifts = emails.length
    ? await tx.giftAidDeclaration.findMany({ where: { scope: "all_gifts", email: { in: emails } }, orderBy: { declaredAt: "asc" } })
    : [];
  const excluded: Record<string, number> = {};
  const gifts: ScheduleGift[] = [];
  const declarationsById = new Map(allGifts.map((d) => [d.id, d]));
  for (const d of donations) {
    if (d.giftAidDeclaration) declarationsById.set(d.giftAidDeclaration.id, d.giftAidDeclaration);
    const candidates: DeclarationLike[] = [
      ...(d.giftAidDeclaration ? [d.giftAidDeclaration] : []),
      ...allGifts.filter((a) => a.id !== d.giftAidDeclarationId && a.email === d.donorEmail.trim().toLowerCase()),
    ];
    const result = giftAidEligibility(d, candidates, giftAidSettings);
    if (!result.eligible) {
      // a gift with no declaration at all is simply not a Gift Aid gift: not worth reporting
      if (!(result.reason === "no_declaration" && candidates.length === 0)) excluded[result.reason] = (excluded[result.reason] ?? 0) + 1;
      continue;
    }
    const decl = declarationsById.get(result.declaration.id)!;
    gifts.push({
      id: d.id,
      reference: d.reference,
      paidAt: d.paidAt!,
      amountPence: result.amountPence,
      donor: { title: decl.title, firstName: decl.firstName, lastName: decl.lastName, houseNameOrNumber: decl.houseNameOrNumber, postcode: decl.postcode },
    });
  }
  return { gifts, excluded };
}

type PendingAdjustment = AdjustmentLine & { donationId: string };

/**
 * Gifts claimed earlier that now keep less than they were claimed on (refunded, in part or in full, or lost in
 * a dispute), with the overclaim not yet adjusted. Gifts claimed before the claimed amount was recorded
 * (giftAidClaimedPence null) cannot be worked out and are left to finance.
 */
async function pendingAdjustments(tx: DbTx): Promise<PendingAdjustment[]> {
  const where = { giftAidClaimId: { not: null }, giftAidClaimedPence: { not: null }, status: { in: [...OVERCLAIM_STATUSES] } };
  if (loadEnv().databaseProvider === "postgresql") {
    // Two exports at once must not both adjust the same overclaim: lock the candidates first (in one order),
    // so the read below sees the other export's adjustments once it has committed.
    await tx.$executeRaw`SELECT 1 FROM "Donation" WHERE "giftAidClaimId" IS NOT NULL AND "giftAidClaimedPence" IS NOT NULL
      AND "status" IN (${Prisma.join([...OVERCLAIM_STATUSES])}) ORDER BY "id" FOR UPDATE`;
  }
  const claimed = await tx.donation.findMany({
    where,
    select: {
      id: true,
      reference: true,
      amountPence: true,
      refundedPence: true,
      status: true,
      giftAidClaimedPence: true,
      giftAidAdjustments: { select: { donationPence: true, taxPence: true } },
    },
    orderBy: [{ paidAt: "asc" }, { reference: "asc" }],
  });
  const out: PendingAdjustment[] = [];
  for (const d of claimed) {
    const gift = { ...d, giftAidClaimedPence: d.giftAidClaimedPence!, adjustments: d.giftAidAdjustments };
    const over = outstandingOverclaim(gift);
    if (!over) continue;
    const kept = keptPence(gift);
    out.push({
      donationId: d.id,
      reference: d.reference,
      reason: d.status === "dispute_lost" ? "dispute_lost" : kept === 0 ? "refunded" : "partially_refunded",
      claimedPence: gift.giftAidClaimedPence,
      keptPence: kept,
      ...over,
    });
  }
  return out;
}

/** The adjustments a claim of these schedule lines takes: as many as fit in the Gift Aid on its gifts. */
function planAdjustments(pending: PendingAdjustment[], claimLines: readonly ScheduleLine[]): { included: PendingAdjustment[]; summary: AdjustmentsPreview } {
  const claimGiftAidPence = giftAidValue(claimLines.reduce((t, l) => t + l.amountPence, 0));
  const { included, carried } = adjustmentsForClaim(pending, claimGiftAidPence);
  return {
    included,
    summary: {
      gifts: included.length,
      donationPence: included.reduce((t, a) => t + a.donationPence, 0),
      taxPence: included.reduce((t, a) => t + a.taxPence, 0),
      lines: included.map(({ donationId: _, ...line }) => line),
      claimGiftAidPence,
      waiting: { gifts: carried.length, taxPence: carried.reduce((t, a) => t + a.taxPence, 0) },
    },
  };
}

function summarise(lines: ScheduleLine[], gifts: ScheduleGift[], excluded: Record<string, number>, adjustments: AdjustmentsPreview): ClaimPreview {
  return {
    gifts: gifts.length,
    lines: lines.length,
    totalPence: lines.reduce((t, l) => t + l.amountPence, 0),
    overSheetLimit: lines.length > ROWS_PER_SHEET,
    sheets: Math.ceil(lines.length / ROWS_PER_SHEET),
    excluded,
    adjustments,
  };
}

/** What an export for this range would hold, without marking anything. */
export async function previewClaim(range: ClaimRange): Promise<ClaimPreview> {
  const { gifts, excluded } = await claimableGifts(range, db());
  const lines = scheduleLines(gifts, { aggregate: range.aggregate });
  // The export claims one sheet: the adjustments are those that sheet's claim would take.
  const { summary } = planAdjustments(await pendingAdjustments(db()), firstSheet(lines).sheet);
  return summarise(lines, gifts, excluded, summary);
}

/**
 * Export the claim schedule for the range: one GiftAidClaim, every included gift marked with it and the amount it
 * is claimed on (so it is never claimed again, and a later refund can be adjusted), one GiftAidAdjustment for
 * each earlier claimed gift with an overclaim outstanding that fits in this claim's Gift Aid (an adjustment cannot
 * turn a claim into a credit, so a claim needs new gifts and the rest waits), an audit entry, and the CSV. All in
 * one transaction; a gift claimed meanwhile stops the export.
 */
export async function exportClaimSchedule(input: {
  range: ClaimRange;
  actor: Actor;
  now: Date;
}): Promise<{ claimId: string; csv: string; filename: string; preview: ClaimPreview }> {
  const { range, actor, now } = input;
  return db().$transaction(async (tx) => {
    const { gifts, excluded } = await claimableGifts(range, tx);
    if (!gifts.length) throw new GiftAidClaimError("There are no gifts to claim Gift Aid on between these dates");
    // One HMRC sheet per export: gifts past its last row stay unclaimed for the next export.
    const { sheet: lines } = firstSheet(scheduleLines(gifts, { aggregate: range.aggregate }));
    const ids = lines.flatMap((l) => l.donationIds);
    const onSheet = new Set(ids);
    const claimedGifts = gifts.filter((g) => onSheet.has(g.id));
    const { included: adjustments, summary } = planAdjustments(await pendingAdjustments(tx), lines);
    const preview = summarise(lines, claimedGifts, excluded, summary);
    const claim = await tx.giftAidClaim.create({
      data: {
        fromDate: new Date(`${range.fromKey}T00:00:00Z`),
        toDate: new Date(`${range.toKey}T00:00:00Z`),
        rowCount: lines.length,
        totalPence: preview.totalPence,
        adjustmentPence: preview.adjustments.taxPence,
        createdById: actor.userId,
        createdAt: now,
      },
    });
    // Each gift records the amount it is claimed on (what it keeps now); one update per distinct amount.
    const byAmount = new Map<number, string[]>();
    for (const g of claimedGifts) byAmount.set(g.amountPence, [...(byAmount.get(g.amountPence) ?? []), g.id]);
    let marked = 0;
    for (const [amountPence, giftIds] of byAmount) {
      const result = await tx.donation.updateMany({
        where: { id: { in: giftIds }, giftAidClaimId: null },
        data: { giftAidClaimId: claim.id, giftAidClaimedPence: amountPence },
      });
      marked += result.count;
    }
    if (marked !== ids.length) throw new GiftAidClaimError("Some of these gifts were claimed at the same time. Try again");
    if (adjustments.length) {
      await tx.giftAidAdjustment.createMany({
        data: adjustments.map((a) => ({ donationId: a.donationId, claimId: claim.id, donationPence: a.donationPence, taxPence: a.taxPence, createdAt: now })),
      });
    }
    // Gift Aid is income once claimed: HMRC owes it until it pays (recordGiftAidPayment). Same transaction, so a
    // claim never exists without its posting; a brand-new claim id cannot have been posted before.
    const posted = await postClaim(tx, claim, actor.userId, now, { externalRefChecked: true });
    await audit(
      {
        actorUserId: actor.userId,
        actorRole: actor.role,
        action: "gift_aid.claim_exported",
        entityType: "GiftAidClaim",
        entityId: claim.id,
        detail: {
          from: range.fromKey,
          to: range.toKey,
          aggregate: range.aggregate,
          gifts: ids.length,
          rows: lines.length,
          totalPence: preview.totalPence,
          adjustments: adjustments.length,
          adjustmentPence: preview.adjustments.taxPence,
          duePence: posted?.duePence ?? 0,
          ledgerTransactionId: posted?.transactionId ?? null,
        },
      },
      tx,
    );
    const csv = stringify(scheduleRecords(lines), SCHEDULE_CSV_OPTIONS);
    return { claimId: claim.id, csv, filename: `gift-aid-claim-${range.fromKey}-to-${range.toKey}.csv`, preview };
  });
}

/** Today's UK day, for the range form's "not in the future" check. */
export const todayKey = (now: Date) => ukDayKey(now);

/** The claims already exported, newest first, with what HMRC owes on each and whether it has paid (from the ledger). */
export async function recentClaims(take = 20) {
  const claims = await db().giftAidClaim.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, fromDate: true, toDate: true, rowCount: true, totalPence: true, adjustmentPence: true, createdAt: true },
  });
  const ledger = await claimLedgers(claims, db());
  return claims.map((c) => ({ ...c, ledger: ledger.get(c.id)! }));
}

// ---------------------------------------------------------------------------------------------------------------
// Gift Aid in the ledger: the claim (Dr gift_aid_receivable / Cr gift_aid_income) and HMRC's payment
// (Dr fund_bank / Cr gift_aid_receivable). No schema of its own: both are found by their externalRef.

/** A refusal finance can act on (already paid, nothing due, a bad day or amount): the page shows the message. */
export class GiftAidPaymentError extends Error {}

type ClaimRow = { id: string; totalPence: number; adjustmentPence: number; fromDate: Date; toDate: Date };

const claimGiftAid = (claim: ClaimRow) => ({ giftAidPence: giftAidValue(claim.totalPence), adjustmentPence: claim.adjustmentPence });
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Post a claim's ledger transaction: what HMRC will pay on it. Null when nothing is due (its adjustments take all
 * its Gift Aid), so nothing is posted. Idempotent on the claim's externalRef.
 */
async function postClaim(tx: DbTx, claim: ClaimRow, actorUserId: string, occurredAt: Date, options: { externalRefChecked: boolean }) {
  const draft = giftAidClaimDraft(claimGiftAid(claim));
  if (!draft) return null;
  const { transaction, created } = await postTransaction(draft, {
    tx,
    kind: GIFT_AID_CLAIM_KIND,
    description: `Gift Aid claimed from HMRC: claim ${claim.id}, gifts paid ${dayOf(claim.fromDate)} to ${dayOf(claim.toDate)}`,
    occurredAt,
    externalRef: giftAidClaimExternalRef(claim.id),
    externalRefChecked: options.externalRefChecked,
    createdById: actorUserId,
  });
  return { transactionId: transaction.id, duePence: dueFromClaimEntries(draft.entries) as number, created };
}

const entriesOf = (rows: { accountCode: string; amountPence: number }[]): EntryDraft[] =>
  rows.filter((e) => isAccountCode(e.accountCode)).map((e) => ({ account: e.accountCode as EntryDraft["account"], amount: pence(e.amountPence) }));

export type ClaimLedger = {
  /** what HMRC owes on the claim: as posted, or (not posted yet: a claim exported before Gift Aid reached the ledger) as it will be */
  duePence: number;
  /** the claim's transaction is in the ledger */
  posted: boolean;
  paid: { receivedPence: number; differencePence: number; on: Date } | null;
};

/** Each claim's ledger status, from one query by externalRef. */
async function claimLedgers(claims: ClaimRow[], source: DbTx): Promise<Map<string, ClaimLedger>> {
  const refs = claims.flatMap((c) => [giftAidClaimExternalRef(c.id), giftAidPaidExternalRef(c.id)]);
  const rows = refs.length
    ? await source.ledgerTransaction.findMany({
        where: { externalRef: { in: refs } },
        select: { externalRef: true, occurredAt: true, entries: { select: { accountCode: true, amountPence: true } } },
      })
    : [];
  const byRef = new Map(rows.map((r) => [r.externalRef!, r]));
  return new Map(
    claims.map((c) => {
      const claimTx = byRef.get(giftAidClaimExternalRef(c.id));
      const paidTx = byRef.get(giftAidPaidExternalRef(c.id));
      const duePence = claimTx ? (dueFromClaimEntries(entriesOf(claimTx.entries)) as number) : (giftAidDue(claimGiftAid(c)) as number);
      const paid = paidTx ? { ...paymentFromEntries(entriesOf(paidTx.entries)), on: paidTx.occurredAt } : null;
      return [c.id, { duePence, posted: Boolean(claimTx), paid: paid && { receivedPence: paid.receivedPence as number, differencePence: paid.differencePence as number, on: paid.on } }];
    }),
  );
}

/** One claim for its page: the claim, its ledger status, and HMRC's payment as recorded (reference, reason). Null if unknown. */
export async function claimForFinance(claimId: string) {
  const claim = await db().giftAidClaim.findUnique({
    where: { id: claimId },
    select: { id: true, fromDate: true, toDate: true, rowCount: true, totalPence: true, adjustmentPence: true, createdAt: true },
  });
  if (!claim) return null;
  const ledger = (await claimLedgers([claim], db())).get(claim.id)!;
  const recorded = ledger.paid
    ? await db().auditLog.findFirst({ where: { action: "gift_aid.payment_recorded", entityType: "GiftAidClaim", entityId: claim.id }, orderBy: { at: "desc" }, select: { detail: true } })
    : null;
  const detail = recorded?.detail ? (JSON.parse(recorded.detail) as { reference?: string; reason?: string | null }) : {};
  return {
    ...claim,
    giftAidPence: giftAidValue(claim.totalPence),
    ledger,
    payment: ledger.paid ? { ...ledger.paid, reference: detail.reference ?? null, reason: detail.reason ?? null } : null,
  };
}

export type GiftAidPaymentInput = { receivedPence: number; day: string; reference: string; reason?: string | null };

/**
 * Record that HMRC paid a claim: Dr fund_bank what arrived / Cr gift_aid_receivable what was due, and a difference
 * (allowed only with a reason) to gift_aid_income. Once per claim (externalRef `gift-aid-paid:<claimId>`): a second
 * record is refused. A claim exported before Gift Aid reached the ledger gets its missing claim transaction first,
 * in the same transaction (its own externalRef makes that once too), dated when the claim was exported.
 */
export async function recordGiftAidPayment(actor: Actor, claimId: string, input: GiftAidPaymentInput, now = new Date()) {
  const paidRef = giftAidPaidExternalRef(claimId);
  const alreadyPaid = "HMRC's payment of this claim is already recorded. Nothing was changed.";
  try {
    return await db().$transaction(async (tx) => {
      const claim = await tx.giftAidClaim.findUnique({ where: { id: claimId } });
      if (!claim) throw new GiftAidPaymentError("There is no such Gift Aid claim.");
      const ledger = (await claimLedgers([claim], tx)).get(claim.id)!;
      if (ledger.paid) throw new GiftAidPaymentError(alreadyPaid);
      if (ledger.duePence === 0) throw new GiftAidPaymentError("Nothing is due from HMRC on this claim: its adjustments took all of its Gift Aid.");
      // The service checks again what the form checks: the form is not the only way in.
      const { receivedPence, day } = input;
      const reference = input.reference.trim();
      const reason = input.reason?.trim() || null;
      if (!Number.isSafeInteger(receivedPence) || receivedPence <= 0 || receivedPence > MAX_ENTRY_PENCE) {
        throw new GiftAidPaymentError("The amount HMRC paid must be more than £0.");
      }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || dayOf(new Date(`${day}T00:00:00Z`)) !== day) {
        throw new GiftAidPaymentError("The date HMRC paid must be a real date.");
      }
      if (day > ukDayKey(now) || day < ukDayKey(claim.createdAt)) throw new GiftAidPaymentError("The date HMRC paid must be between the day the claim was exported and today.");
      if (!reference || reference.length > REFERENCE_MAX) throw new GiftAidPaymentError(`HMRC's payment reference must be 1 to ${REFERENCE_MAX} characters.`);
      if (reason && reason.length > REASON_MAX) throw new GiftAidPaymentError(`The reason must be ${REASON_MAX} characters or fewer.`);
      const missingReason = differenceNeedsReason(ledger.duePence, receivedPence, reason);
      if (missingReason) throw new GiftAidPaymentError(missingReason);

      let claimPostedNow = false;
      if (!ledger.posted) {
        const posted = await postClaim(tx, claim, actor.userId, claim.createdAt, { externalRefChecked: true });
        claimPostedNow = Boolean(posted?.created);
        if (posted?.created) {
          await audit(
            { actorUserId: actor.userId, actorRole: actor.role, action: "gift_aid.claim_posted", entityType: "GiftAidClaim", entityId: claim.id, detail: { duePence: posted.duePence, ledgerTransactionId: posted.transactionId, late: true } },
            tx,
          );
        }
      }
      const draft = giftAidPaymentDraft({ duePence: ledger.duePence, receivedPence });
      const { transaction } = await postTransaction(draft, {
        tx,
        kind: GIFT_AID_PAYMENT_KIND,
        description: `Gift Aid paid by HMRC, reference ${reference}: claim ${claim.id}`,
        occurredAt: new Date(`${day}T00:00:00.000Z`),
        externalRef: paidRef,
        // read above, in this transaction: not posted (a concurrent record loses on the unique index, below)
        externalRefChecked: true,
        createdById: actor.userId,
      });
      const differencePence = receivedPence - ledger.duePence;
      await audit(
        {
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: "gift_aid.payment_recorded",
          entityType: "GiftAidClaim",
          entityId: claim.id,
          detail: { duePence: ledger.duePence, receivedPence, differencePence, day, reference, reason: differencePence === 0 ? null : reason, ledgerTransactionId: transaction.id },
        },
        tx,
      );
      return { transactionId: transaction.id, duePence: ledger.duePence, receivedPence, differencePence, claimPostedNow };
    });
  } catch (error) {
    if (error instanceof GiftAidPaymentError) throw error;
    // Two records at once: the other one won the externalRef's unique index. Say so rather than fail.
    if (await db().ledgerTransaction.findUnique({ where: { externalRef: paidRef }, select: { id: true } })) throw new GiftAidPaymentError(alreadyPaid);
    throw error;
  }
}
