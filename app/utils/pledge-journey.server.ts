// Loader and action steps shared by the giving journeys (set up, change, pause, restart, stop):
// who may be on the page, the amount step's answer, and confirming a change.
import { json, redirect, type TypedResponse } from "@remix-run/node";
import type { z } from "zod";
import { fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import type { ChangeType } from "~/domain/pledges/pledge";
import { toPoundsInput } from "~/domain/money";
import { PledgeError, clearDraft, pledgeContextForPage, type PledgeContext, type Shown } from "~/services/pledges.server";
import { requireRole } from "~/utils/auth.server";

/**
 * The signed-in employee and their pledge context; when they cannot make this change now, `refuse`
 * answers instead (by default, back to My giving).
 */
export async function requirePledgeChange(
  request: Request,
  type: ChangeType,
  refuse: (ctx: PledgeContext) => Promise<Response> | Response = () => redirect("/giving"),
) {
  const user = await requireRole(request, ["employee"]);
  const ctx = await pledgeContextForPage(user.id, new Date());
  if (!ctx.allowed.includes(type)) throw await refuse(ctx);
  return { user, ctx };
}

/** As requirePledgeChange, for a change with no further answers that takes effect from the effective period. */
export async function requireChangeFromEffectivePeriod(request: Request, type: ChangeType) {
  const { user, ctx } = await requirePledgeChange(request, type);
  if (!ctx.effective) throw redirect("/giving");
  return { user, ctx, effective: ctx.effective };
}

/** A saved amount as the amount field shows it: "5" or "5.50" (empty when there is none). */
export const amountFieldValue = (pence: number | undefined) => toPoundsInput(pence);

export type AmountStepData = { errors?: FieldErrors; amount: string };

/**
 * The amount step's answer in pence; or the reply to send back instead: the errors, or, for
 * "Show what it costs" (without JavaScript), the same page with the figures.
 */
export async function readAmountStep(
  request: Request,
  schema: { safeParse(data: unknown): z.ZodSafeParseResult<{ amount: number }> },
): Promise<{ amountPence: number } | { reply: TypedResponse<AmountStepData> }> {
  const form = Object.fromEntries(await request.formData());
  const amount = typeof form.amount === "string" ? form.amount : "";
  const parsed = schema.safeParse({ amount });
  if (!parsed.success) return { reply: json<AmountStepData>({ errors: fieldErrorsFrom(parsed.error.issues), amount }, { status: 400 }) };
  if (form.intent === "preview") return { reply: json<AmountStepData>({ amount }) };
  return { amountPence: parsed.data.amount };
}

/** What the check page showed when the employee confirmed: the pay period and the terms version. */
export async function readShown(request: Request): Promise<Required<Shown>> {
  const form = Object.fromEntries(await request.formData());
  return { periodId: String(form.periodId ?? ""), termsVersion: Number(form.termsVersion) };
}

export type ConfirmData = { errors: { confirm: string } };

/**
 * Make a confirmed change, then on to the confirmation page (forgetting the journey's answers when
 * `clearAnswers`); a change the rules refuse comes back to the page as an error on the confirm button.
 */
export async function confirmChange(
  request: Request,
  make: () => Promise<unknown>,
  { to = "/giving/done", clearAnswers = false }: { to?: string; clearAnswers?: boolean } = {},
): Promise<TypedResponse<ConfirmData> | TypedResponse<never>> {
  try {
    await make();
  } catch (err) {
    if (err instanceof PledgeError) return json<ConfirmData>({ errors: { confirm: err.message } }, { status: 409 });
    throw err;
  }
  return redirect(to, clearAnswers ? { status: 303, headers: { "Set-Cookie": await clearDraft(request) } } : { status: 303 });
}
