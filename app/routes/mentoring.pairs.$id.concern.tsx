// The mentor's safeguarding concern about the young person they mentor: who it goes to and what
// happens next, the 999 line, one text box; once sent, a confirmation that does not repeat the text
// (the text is emailed and stored nowhere). Only the pair's mentor: anyone else 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, TextArea, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { BackLink, Inset, Panel, Warning } from "~/components/pledge-ui";
import { CONCERN_MAX, concernSchema } from "~/domain/mentoring/sessions";
import { concernPageFor, raiseConcern, type ConcernRecipients } from "~/services/mentoring-sessions.server";
import { MentoringError, orNotFound } from "~/services/mentoring.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Raise a safeguarding concern – Mentoring – Helping Hands" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = actorOf(await requireRole(request, ["employee"]));
  const page = await orNotFound(concernPageFor(actor, params.id ?? ""));
  // ?sent shows the confirmation only if this mentor really raised one for this pair just now.
  const sent = new URL(request.url).searchParams.has("sent") && page.sentRecently;
  return { page, sent };
}

type ActionData = { errors: FieldErrors; values: { concern: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireRole(request, ["employee"]));
  const id = params.id ?? "";
  const form = await request.formData();
  const values = { concern: typeof form.get("concern") === "string" ? String(form.get("concern")) : "" };
  const parsed = concernSchema.safeParse(values);
  if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
  try {
    await orNotFound(raiseConcern(actor, id, parsed.data.concern));
  } catch (error) {
    // What they wrote comes back to them only, so nothing is lost when it could not be sent.
    if (error instanceof MentoringError) return json<ActionData>({ errors: { concern: error.message }, values }, { status: 409 });
    throw error;
  }
  // Redirect, so a reload cannot send it twice; the confirmation does not carry the text.
  return redirect(`/mentoring/pairs/${id}/concern?sent`, { status: 303 });
}

function whoGetsIt(r: ConcernRecipients): string {
  return r.to === "lead"
    ? "the council's designated safeguarding lead"
    : `the programme ${r.count === 1 ? "coordinator" : "coordinators"}, because no safeguarding lead has been set up in the service yet`;
}

export default function ConcernPage() {
  const { page, sent } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  const { pair, recipients } = page;
  const back = `/mentoring/pairs/${pair.id}`;

  if (sent) {
    return (
      <div className="max-w-3xl">
        <Panel title="Your concern has been sent">Marked urgent, to {recipients.to === "lead" ? "the safeguarding lead" : "the programme coordinators"}</Panel>
        <h2 className="mb-4 text-2xl font-bold">What happens next</h2>
        <p className="mb-4" data-testid="concern-sent">
          It went by email to {whoGetsIt(recipients)}. They will read it today and may contact you for more detail. They decide what happens next,
          following the council&rsquo;s safeguarding procedures.
        </p>
        <p className="mb-4">The service does not keep what you wrote. Do not write it in your session notes.</p>
        <Warning>If you think {pair.youngPersonFirstName} is in immediate danger, call 999 now.</Warning>
        <p>
          <Link to={back} className="text-brand underline">
            Back to the pair
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="max-w-3xl">
      <BackLink to={back}>Back to the pair</BackLink>
      <ErrorSummary errors={errors} />
      <span className="mb-1 block text-lg text-gray-700">{pair.cohortName}</span>
      <h1 className="mb-6 text-3xl font-bold">Raise a safeguarding concern</h1>
      <Warning>If you think {pair.youngPersonFirstName} is in immediate danger, call 999 now. Then tell the safeguarding lead.</Warning>
      <p className="mb-4">
        Use this page if something {pair.youngPersonFirstName} said or did, or something you saw, makes you worried about their safety or wellbeing. Do not
        wait until you are sure.
      </p>
      <h2 className="mb-2 text-2xl font-bold">Who it goes to</h2>
      <p className="mb-4" data-testid="concern-recipients">
        Your concern goes by email, marked urgent, to {whoGetsIt(recipients)}, with your name, {pair.youngPersonFirstName}&rsquo;s name and the cohort.
      </p>
      <h2 className="mb-2 text-2xl font-bold">What happens next</h2>
      <p className="mb-4">They will read it today and may contact you. They decide what to do, following the council&rsquo;s safeguarding procedures.</p>
      <Inset>
        What you write is not kept in the service or in the session log: the email is the only copy. Do not talk to {pair.youngPersonFirstName} about what
        you are reporting, and do not promise to keep a secret.
      </Inset>
      <Form method="post" noValidate>
        <TextArea
          name="concern"
          label="What is your concern?"
          hint={`Say what you saw or heard, in their words if you can, and when. Up to ${CONCERN_MAX.toLocaleString("en-GB")} characters.`}
          rows={8}
          defaultValue={data?.values.concern}
          error={errors.concern}
        />
        <Button>Send the concern now</Button>
      </Form>
    </div>
  );
}
