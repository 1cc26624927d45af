// Loader and action steps the application's draft pages share: who may be on the page (the young
// person or their linked adviser; anyone else 404), where "Back" and "Continue" go, and saving a step.
import { json, redirect } from "@remix-run/node";
import type { z } from "zod";
import { fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { STEPS, answersOf, type StepSlug } from "~/domain/applications/form";
import { ApplicationError, type Actor } from "~/services/applications.server";
import { draftForApplicant, orNotFound, saveStep } from "~/services/application-journey.server";
import { requireRole, requireUser, type CurrentUser } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const APPLICANT_ROLES = ["young_person", "personal_adviser"] as const;

export const actorOf = (user: CurrentUser): Actor => ({ userId: user.id, roles: user.roles });

/** The list and "start" pages: young people and personal advisers (others 403). */
export async function requireApplicant(request: Request): Promise<Actor> {
  return actorOf(await requireRole(request, APPLICANT_ROLES));
}

/**
 * One application's pages: any signed-in user; the service then answers 404 to anyone who is not its
 * young person or linked adviser, so nobody learns from the answer whether it exists.
 */
export async function requireSignedIn(request: Request): Promise<Actor> {
  return actorOf(await requireUser(request));
}

const fromCheck = (request: Request) => new URL(request.url).searchParams.get("change") === "check";

/** Where a step's "Back" goes: the check page when changing an answer, else the step before (or the status page). */
export function backFrom(request: Request, id: string, step: StepSlug): string {
  if (fromCheck(request)) return `/applications/${id}/check`;
  const i = STEPS.indexOf(step);
  return i === 0 ? `/applications/${id}` : `/applications/${id}/${STEPS[i - 1]}`;
}

/** A draft step's loader data; a sent application goes to its status page. */
export async function loadStep(request: Request, id: string, step: StepSlug) {
  const actor = await requireSignedIn(request);
  const draft = await orNotFound(draftForApplicant(actor, id));
  if (draft.application.status !== "draft") throw redirect(`/applications/${id}`);
  const a = draft.application;
  return {
    id: a.id,
    reference: a.reference,
    isYoungPerson: draft.isYoungPerson,
    youngPersonName: draft.youngPersonName,
    maxAwardPence: draft.maxAwardPence,
    answers: answersOf(a),
    back: backFrom(request, id, step),
  };
}

export type StepActionData = { errors: FieldErrors; values: Record<string, string> };

/**
 * Parse and save one step; then the next step (or the check page when changing an answer), or, for
 * "Save and come back later", the status page. Errors come back with what was typed.
 */
export async function saveStepAction(
  request: Request,
  id: string,
  step: StepSlug,
  schema: (maxAwardPence: number | null) => { safeParse(data: unknown): z.ZodSafeParseResult<Record<string, unknown>> },
) {
  const actor = await requireSignedIn(request);
  const draft = await orNotFound(draftForApplicant(actor, id));
  if (draft.application.status !== "draft") throw redirect(`/applications/${id}`);
  const form = await request.formData();
  const values = Object.fromEntries([...form.entries()].filter(([k, v]) => k !== "intent" && typeof v === "string")) as Record<string, string>;
  const parsed = schema(draft.maxAwardPence).safeParse(values);
  if (!parsed.success) return json<StepActionData>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
  try {
    await orNotFound(saveStep(actor, id, step, parsed.data));
  } catch (error) {
    if (error instanceof ApplicationError) return json<StepActionData>({ errors: { form: error.message }, values }, { status: 409 });
    throw error;
  }
  if (form.get("intent") === "later") {
    const cookie = await setFlash(request, { kind: "success", message: "Your answers are saved. You can come back and finish the application at any time." });
    return redirect(`/applications/${id}`, { status: 303, headers: { "Set-Cookie": cookie } });
  }
  const i = STEPS.indexOf(step);
  const next = fromCheck(request) || i === STEPS.length - 1 ? `/applications/${id}/check` : `/applications/${id}/${STEPS[i + 1]}`;
  return redirect(next, { status: 303 });
}
