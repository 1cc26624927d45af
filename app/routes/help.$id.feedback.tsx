// The young person's feedback after their help completes (they, or their personal adviser with them):
// how it went and an optional comment, once. Only the coordinator reads it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { BackLink } from "~/components/pledge-ui";
import { FeedbackForm, FeedbackGiven } from "~/components/talent-hours-ui";
import { feedbackSchema } from "~/domain/talent/hours";
import { notFound } from "~/services/applications.server";
import { TalentError, feedbackForRequest, leaveFeedback } from "~/services/talent-links.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "How did it go? – Helping Hands" }];

async function load(request: Request, id: string | undefined) {
  const user = await requireRole(request, ["young_person", "personal_adviser"]);
  const actor = { userId: user.id, roles: user.roles };
  const view = await feedbackForRequest(id ?? "", actor);
  if (!view) throw notFound();
  return { actor, view };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { view } = await load(request, params.id);
  return { view };
}

type ActionData = { errors: FieldErrors; values: { rating: string; comment: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, view } = await load(request, params.id);
  if (!view.link) throw notFound();
  const form = await request.formData();
  const values = { rating: String(form.get("rating") ?? ""), comment: String(form.get("comment") ?? "") };
  const parsed = feedbackSchema.safeParse(values);
  if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
  try {
    await leaveFeedback(view.link.id, "young_person", parsed.data, actor);
  } catch (error) {
    if (!(error instanceof TalentError)) throw error;
    return json<ActionData>({ errors: { rating: error.message }, values }, { status: 409 });
  }
  return redirect(`/help/${view.requestId}/feedback`, {
    status: 303,
    headers: { "Set-Cookie": await setFlash(request, { kind: "success", message: "Thank you. Your feedback has been sent to the programme coordinator." }) },
  });
}

export default function HelpFeedback() {
  const { view } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const back = <BackLink to={`/help/${view.requestId}`}>Back to your request</BackLink>;
  if (!view.link) {
    return (
      <div className="max-w-3xl">
        {back}
        <h1 className="mb-4 text-3xl font-bold">How did it go?</h1>
        <p>You can tell us how it went once the help has finished. The programme coordinator will let you know.</p>
      </div>
    );
  }
  const who = view.link.groupName ? `${view.link.volunteerFirstName} from ${view.link.groupName}` : view.link.volunteerFirstName;
  return (
    <div className="max-w-3xl">
      {back}
      <ErrorSummary errors={data?.errors} />
      <h1 className="mb-4 text-3xl font-bold">How did it go?</h1>
      {view.feedback ? (
        <>
          <p className="mb-6">Thank you for telling us how your help from {who} went.</p>
          <FeedbackGiven feedback={view.feedback} testId="feedback-given" />
        </>
      ) : (
        <>
          <p className="mb-6">Your help from {who} has finished. It takes a minute to tell us how it went, and it helps us link other young people well.</p>
          <FeedbackForm errors={data?.errors ?? {}} values={data?.values} legend={`How did your help from ${who} go?`} />
        </>
      )}
    </div>
  );
}
