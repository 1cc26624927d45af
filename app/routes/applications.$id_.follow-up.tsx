// The follow-up some weeks after payment (the young person, or their personal adviser with them):
// how it helped, what they might give back, and whether we may share their story without a name.
// ($id_ so the page stands alone rather than inside the application page's layout.)
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Checkboxes, ErrorSummary, TextArea, TextField } from "~/components/forms";
import { Inset, Radios, SummaryList } from "~/components/pledge-ui";
import { GIVE_BACK_LABELS, GIVE_BACK_OPTIONS, HOW_IT_HELPED_MAX, parseFollowUpAnswer, type FollowUpErrors, type FollowUpFormValues } from "~/domain/applications/follow-up";
import { ApplicationError, notFound } from "~/services/applications.server";
import { answerFollowUp, followUpForApplicant } from "~/services/follow-ups.server";
import { requireUser } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "How did the support help? – Helping Hands" }];

async function load(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  const actor = { userId: user.id, roles: user.roles };
  const followUp = await followUpForApplicant(id ?? "", actor);
  if (!followUp) throw notFound();
  return { actor, followUp };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { followUp } = await load(request, params.id);
  return { followUp };
}

type ActionData = { errors: FollowUpErrors & { form?: string }; values: FollowUpFormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, followUp } = await load(request, params.id);
  const form = await request.formData();
  const values: FollowUpFormValues = {
    howItHelped: String(form.get("howItHelped") ?? ""),
    giveBack: form.getAll("giveBack").map(String),
    giveBackOther: String(form.get("giveBackOther") ?? ""),
    consentToShare: String(form.get("consentToShare") ?? ""),
  };
  const parsed = parseFollowUpAnswer(values);
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors, values }, { status: 400 });
  try {
    await answerFollowUp(followUp.applicationId, parsed.answer, actor);
  } catch (error) {
    if (!(error instanceof ApplicationError)) throw error;
    return json<ActionData>({ errors: { form: error.message }, values }, { status: 409 });
  }
  return redirect(`/applications/${followUp.applicationId}/follow-up`, {
    status: 303,
    headers: { "Set-Cookie": await setFlash(request, { kind: "success", message: "Thank you. Your answer has been sent to the programme coordinator." }) },
  });
}

export default function FollowUpPage() {
  const { followUp } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  const v = data?.values;
  const back = (
    <p className="mb-6">
      <Link to={`/applications/${followUp.applicationId}`} className="text-brand underline">
        Back to your application
      </Link>
    </p>
  );
  if (followUp.answered) {
    const a = followUp.answered;
    return (
      <div className="max-w-3xl">
        {back}
        <h1 className="mb-4 text-3xl font-bold">Thank you for telling us how it helped</h1>
        <SummaryList
          testId="follow-up-answer"
          rows={[
            { key: "How it helped", value: a.howItHelped },
            { key: "What you might give back", value: [...a.giveBack.map((g) => GIVE_BACK_LABELS[g]), a.giveBackOther].filter(Boolean).join(", ") || "Nothing for now" },
            { key: "Share your story without your name", value: a.consentToShare ? "Yes" : "No" },
          ]}
        />
        <p>If you want to change your answer, or no longer want your story shared, tell your personal adviser or the programme coordinator.</p>
      </div>
    );
  }
  return (
    <div className="max-w-3xl">
      {back}
      <ErrorSummary errors={errors} />
      <h1 className="mb-4 text-3xl font-bold">How did the support help?</h1>
      <p className="mb-6">
        Application {followUp.reference}
        {followUp.purpose ? `: ${followUp.purpose}` : ""}. It takes about 2 minutes.
      </p>
      {errors.form ? (
        <p id="form" className="mb-6 font-bold text-error">
          <span className="sr-only">Error:</span> {errors.form}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <TextArea
          name="howItHelped"
          label="How did it help you?"
          hint={`A sentence or two is enough. Up to ${HOW_IT_HELPED_MAX.toLocaleString("en-GB")} characters.`}
          defaultValue={v?.howItHelped}
          error={errors.howItHelped}
        />
        <Checkboxes
          name="giveBack"
          legend="Is there anything you might like to give back one day? (optional)"
          hint="Tick any that you might like to do. You are not signing up to anything: the coordinator may get in touch to talk about it."
          error={errors.giveBack}
          checked={v?.giveBack}
          options={GIVE_BACK_OPTIONS.map((o) => ({ value: o, label: GIVE_BACK_LABELS[o] }))}
        />
        <TextField name="giveBackOther" label="If something else, what?" defaultValue={v?.giveBackOther} error={errors.giveBackOther} />
        <Inset>
          <p className="mb-2">
            Donors like to hear how the fund helps. With your permission, the programme coordinator may write a short story from your answer
            for the public &ldquo;Our impact&rdquo; page.
          </p>
          <p>We would never use your name, and we would take out anything that could identify you, like places or schools. You can change your mind later.</p>
        </Inset>
        <Radios
          name="consentToShare"
          legend="May we share your story without your name?"
          error={errors.consentToShare}
          defaultValue={v?.consentToShare}
          options={[
            { value: "yes", label: "Yes, you may share it without my name" },
            { value: "no", label: "No, keep it private" },
          ]}
        />
        <Button>Send your answer</Button>
      </Form>
    </div>
  );
}
