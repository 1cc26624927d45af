// Gift Aid: declarations (record, cancel) and the HMRC claim schedule export. The only code that writes them.
import { stringify } from "csv-stringify/sync";
import { db, type DbTx } from "~/db.server";
import { audit } from "~/services/audit.server";
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

function summarise(lines: ScheduleLine[], gifts: ScheduleGift[], excluded: Record<string, number>): ClaimPreview {
  return {
    gifts: gifts.length,
    lines: lines.length,
    totalPence: lines.reduce((t, l) => t + l.amountPence, 0),
    overSheetLimit: lines.length > ROWS_PER_SHEET,
    sheets: Math.ceil(lines.length / ROWS_PER_SHEET),
    excluded,
  };
}

/** What an export for this range would hold, without marking anything. */
export async function previewClaim(range: ClaimRange): Promise<ClaimPreview> {
  const { gifts, excluded } = await claimableGifts(range, db());
  return summarise(scheduleLines(gifts, { aggregate: range.aggregate }), gifts, excluded);
}

/**
 * Export the claim schedule for the range: one GiftAidClaim, every included gift marked with it (so it is never
 * claimed again), an audit entry, and the CSV. All in one transaction; a gift claimed meanwhile stops the export.
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
    const preview = summarise(lines, gifts.filter((g) => onSheet.has(g.id)), excluded);
    const claim = await tx.giftAidClaim.create({
      data: {
        fromDate: new Date(`${range.fromKey}T00:00:00Z`),
        toDate: new Date(`${range.toKey}T00:00:00Z`),
        rowCount: lines.length,
        totalPence: preview.totalPence,
        createdById: actor.userId,
        createdAt: now,
      },
    });
    const marked = await tx.donation.updateMany({ where: { id: { in: ids }, giftAidClaimId: null }, data: { giftAidClaimId: claim.id } });
    if (marked.count !== ids.length) throw new GiftAidClaimError("Some of these gifts were claimed at the same time. Try again");
    await audit(
      {
        actorUserId: actor.userId,
        actorRole: actor.role,
        action: "gift_aid.claim_exported",
        entityType: "GiftAidClaim",
        entityId: claim.id,
        detail: { from: range.fromKey, to: range.toKey, aggregate: range.aggregate, gifts: ids.length, rows: lines.length, totalPence: preview.totalPence },
      },
      tx,
    );
    const csv = stringify(scheduleRecords(lines), SCHEDULE_CSV_OPTIONS);
    return { claimId: claim.id, csv, filename: `gift-aid-claim-${range.fromKey}-to-${range.toKey}.csv`, preview };
  });
}

/** Today's UK day, for the range form's "not in the future" check. */
export const todayKey = (now: Date) => ukDayKey(now);

/** The claims already exported, newest first. */
export async function recentClaims(take = 20) {
  return db().giftAidClaim.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, fromDate: true, toDate: true, rowCount: true, totalPence: true, createdAt: true },
  });
}
