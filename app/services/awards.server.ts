// Paying awards through finance: approve the payment, record it as paid (the ledger moves the
// amount from committed to paid, and the follow-up is booked), or cancel the award (the
// commitment is reversed, so the available amount goes back up). Each step checks the award's
// status as it writes (UPDATE … WHERE status = what we read), so two people acting at once
// cannot both win. See docs/decisions/0012-applications-and-panel.md.
import { db, type DbTx } from "~/db.server";
import { pence } from "~/domain/money";
import { grantPayment } from "~/domain/ledger";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { AWARD_STATUSES, dayKeyToDate, followUpDueAt, isAwardStatus, paymentRefusal, type AwardStatus, type PaymentInput } from "~/domain/applications/award";
import { ApplicationError, changeStatus, panelSettings, recordView, sendAfterCommit, type Actor } from "~/services/applications.server";
import { fundSummary, postTransaction, reverseTransaction } from "~/services/ledger.server";
import { audit } from "~/services/audit.server";

/** A refusal because of who the user is (they took part in the decision): the route answers 403. */
export class AwardForbiddenError extends ApplicationError {
  constructor(message: string) {
    super(message);
    this.name = "AwardForbiddenError";
  }
}

export const AWARDS_PAGE_SIZE = 25;

/** The award list for finance: one status, oldest first, one page; and the ledger's totals. */
export async function listAwards(status: AwardStatus, page: number) {
  const where = { status };
  const [total, rows, counts, summary] = await Promise.all([
    db().grantAward.count({ where }),
    db().grantAward.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * AWARDS_PAGE_SIZE,
      take: AWARDS_PAGE_SIZE,
      select: { id: true, amountPence: true, createdAt: true, paymentApprovedAt: true, paidOn: true, cancelledAt: true, application: { select: { reference: true } } },
    }),
    db().grantAward.groupBy({ by: ["status"], _count: { _all: true } }),
    fundSummary(),
  ]);
  const byStatus = Object.fromEntries(AWARD_STATUSES.map((s) => [s, 0])) as Record<AwardStatus, number>;
  for (const c of counts) if (isAwardStatus(c.status)) byStatus[c.status] = c._count._all;
  return {
    awards: rows.map((r) => ({ id: r.id, reference: r.application.reference, amountPence: r.amountPence, createdAt: r.createdAt, paymentApprovedAt: r.paymentApprovedAt, paidOn: r.paidOn, cancelledAt: r.cancelledAt })),
    total,
    pages: Math.max(1, Math.ceil(total / AWARDS_PAGE_SIZE)),
    byStatus,
    totals: { committedPence: summary.committed as number, paidPence: summary.paid as number, availablePence: summary.available as number },
  };
}

/**
 * One award with its decision and who to pay, for finance (or the coordinator, who may cancel).
 * Null when there is no such award. Finance sees the application in full, so the view is audited.
 */
export async function awardForFinance(awardId: string, actor: Actor) {
  const award = await db().grantAward.findUnique({
    where: { id: awardId },
    include: {
      decision: { select: { outcome: true, reasons: true, conditions: true, decidedAt: true, decidedById: true, scoredByIds: true, conflictedIds: true, terms: { select: { version: true } } } },
      application: {
        select: {
          id: true,
          reference: true,
          category: true,
          purpose: true,
          amountPence: true,
          quoteUrl: true,
          quoteDetails: true,
          youngPerson: { select: { person: { select: { firstName: true, lastName: true } } } },
        },
      },
    },
  });
  if (!award) return null;
  await recordView(actor, award.applicationId, "full");
  const people = await db().user.findMany({
    where: { id: { in: [award.paymentApprovedById, award.paidRecordedById, award.cancelledById].filter((id): id is string => Boolean(id)) } },
    select: { id: true, person: { select: { firstName: true, lastName: true } } },
  });
  const nameOf = (id: string | null) => {
    const p = people.find((u) => u.id === id)?.person;
    return p ? `${p.firstName} ${p.lastName}` : null;
  };
  const { decidedById, scoredByIds, conflictedIds, ...decision } = award.decision;
  return {
    id: award.id,
    status: award.status as AwardStatus,
    amountPence: award.amountPence,
    createdAt: award.createdAt,
    application: {
      id: award.application.id,
      reference: award.application.reference,
      category: award.application.category,
      purpose: award.application.purpose,
      requestedPence: award.application.amountPence,
      quoteUrl: award.application.quoteUrl,
      quoteDetails: award.application.quoteDetails,
      youngPersonName: `${award.application.youngPerson.person.firstName} ${award.application.youngPerson.person.lastName}`,
    },
    decision: { ...decision, termsVersion: decision.terms.version },
    /** why this user may not approve or record the payment (null: they may) */
    paymentRefusal: paymentRefusal(actor.userId, { decidedById, scoredByIds, conflictedIds }),
    approved: award.paymentApprovedAt ? { at: award.paymentApprovedAt, by: nameOf(award.paymentApprovedById) } : null,
    paid: award.paidOn
      ? { on: award.paidOn, payeeKind: award.payeeKind, payeeName: award.payeeName, reference: award.paymentReference, by: nameOf(award.paidRecordedById) }
      : null,
    cancelled: award.cancelledAt ? { at: award.cancelledAt, by: nameOf(award.cancelledById), reason: award.cancelReason } : null,
  };
}

async function loadForPayment(tx: DbTx, awardId: string, userId: string) {
  const award = await tx.grantAward.findUnique({ where: { id: awardId }, include: { decision: { select: { decidedById: true, scoredByIds: true, conflictedIds: true } } } });
  if (!award) throw new ApplicationError("There is no such award.");
  const refusal = paymentRefusal(userId, award.decision);
  if (refusal) throw new AwardForbiddenError(refusal);
  return award;
}

const AWARD_CHANGED = "Someone else changed this award just now. Look at it again and try once more.";

/** Step 1: finance approves the payment (only someone who took no part in the decision). */
export async function approvePayment(awardId: string, actor: Actor, now = new Date()): Promise<void> {
  const change = await db().$transaction(async (tx) => {
    const award = await loadForPayment(tx, awardId, actor.userId);
    if (award.status !== "committed") throw new ApplicationError("Only an award the panel has approved, and that is not yet approved for payment, can be approved for payment.");
    const updated = await tx.grantAward.updateMany({ where: { id: awardId, status: "committed" }, data: { status: "payment_approved", paymentApprovedById: actor.userId, paymentApprovedAt: now } });
    if (updated.count !== 1) throw new ApplicationError(AWARD_CHANGED);
    await audit({ actorUserId: actor.userId, actorRole: "finance", action: "award.payment_approved", entityType: "GrantAward", entityId: awardId, detail: { amountPence: award.amountPence } }, tx);
    return changeStatus(tx, award.applicationId, "approve_payment", { userId: actor.userId, as: "finance" }, { now });
  });
  await sendAfterCommit(change.emails);
}

/**
 * Step 2: finance records the payment. Posts the grant payment to the ledger (committed → paid)
 * under `award:<id>:paid`, so a second submit never pays twice; books the follow-up. Returns
 * false, writing nothing, when the award was already recorded as paid (a repeated submit).
 */
export async function recordPayment(awardId: string, input: PaymentInput, actor: Actor, now = new Date()): Promise<boolean> {
  const { followUpWeeks } = await panelSettings();
  const result = await db().$transaction(async (tx) => {
    const award = await loadForPayment(tx, awardId, actor.userId);
    if (award.status === "paid") return null;
    if (award.status !== "payment_approved" || !award.paymentApprovedAt) throw new ApplicationError("Approve the payment before recording it as paid.");
    // The service checks the dates again: the form's rules are not the only gate.
    if (input.paidOnKey > ukDayKey(now) || input.paidOnKey < ukDayKey(award.paymentApprovedAt)) {
      throw new ApplicationError("The date paid must be between the day the payment was approved and today.");
    }
    const paidOn = dayKeyToDate(input.paidOnKey);
    const { transaction } = await postTransaction(grantPayment(pence(award.amountPence)), {
      tx,
      kind: "grant_payment",
      description: `Grant payment award ${award.id}`,
      occurredAt: paidOn,
      externalRef: `award:${award.id}:paid`,
      createdById: actor.userId,
    });
    const updated = await tx.grantAward.updateMany({
      where: { id: awardId, status: "payment_approved" },
      data: {
        status: "paid",
        payeeKind: input.payeeKind,
        payeeName: input.payeeName,
        paymentReference: input.paymentReference,
        paidOn,
        paymentTxId: transaction.id,
        paidRecordedById: actor.userId,
      },
    });
    if (updated.count !== 1) throw new ApplicationError(AWARD_CHANGED);
    await tx.followUp.create({ data: { applicationId: award.applicationId, dueAt: followUpDueAt(paidOn, followUpWeeks) } });
    // The payee's name and the reference stay out of the audit detail: they can be personal data.
    await audit(
      { actorUserId: actor.userId, actorRole: "finance", action: "award.paid", entityType: "GrantAward", entityId: awardId, detail: { amountPence: award.amountPence, payeeKind: input.payeeKind, ledgerTransactionId: transaction.id } },
      tx,
    );
    return changeStatus(tx, award.applicationId, "record_payment", { userId: actor.userId, as: "finance" }, { now });
  });
  if (!result) return false;
  await sendAfterCommit(result.emails);
  return true;
}

/**
 * Cancel an award that is not yet paid, with a reason the applicant reads (finance or the
 * coordinator). The award and application are marked cancelled first, in one transaction: from
 * then on nobody can pay it. Then the commitment is reversed (the ledger takes its own lock in its
 * own transaction), and the reversal is noted on the award. If the reversal did not happen (a
 * crash in between), cancelling again finishes it.
 */
export async function cancelAward(awardId: string, reason: string, actor: Actor & { as: "finance" | "coordinator" }, now = new Date()): Promise<void> {
  const award = await db().grantAward.findUnique({ where: { id: awardId } });
  if (!award) throw new ApplicationError("There is no such award.");
  if (award.status === "paid") throw new ApplicationError("This award has been paid, so it can no longer be cancelled.");
  if (award.status === "cancelled") throw new ApplicationError("This award is already cancelled.");
  // One transaction: the award, the reversal of its commitment and the application's status commit
  // together, so a cancelled award always has its money back in the fund.
  const change = await db().$transaction(async (tx) => {
    const updated = await tx.grantAward.updateMany({
      where: { id: awardId, status: { in: ["committed", "payment_approved"] } },
      data: { status: "cancelled", cancelledAt: now, cancelledById: actor.userId, cancelReason: reason },
    });
    if (updated.count !== 1) throw new ApplicationError(AWARD_CHANGED);
    const reversal = await reverseTransaction(award.commitmentTxId, `Award cancelled: ${award.id}`, { userId: actor.userId, role: actor.as }, { occurredAt: now, tx });
    await tx.grantAward.update({ where: { id: awardId }, data: { reversalTxId: reversal.id } });
    await audit({ actorUserId: actor.userId, actorRole: actor.as, action: "award.cancelled", entityType: "GrantAward", entityId: awardId, detail: { amountPence: award.amountPence } }, tx);
    return changeStatus(tx, award.applicationId, "cancel_award", { userId: actor.userId, as: actor.as }, { note: reason, now });
  });
  await sendAfterCommit(change.emails);
}
