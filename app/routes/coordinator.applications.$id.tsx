// The coordinator's view of one application (everything, audited) and the eligibility screen:
// eligible (to the panel), ask for more information, or not eligible with a reason the applicant sees.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, TextArea, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { BackLink, Inset, Radios, SummaryList } from "~/components/pledge-ui";
import { AnswerList, DecisionNote, Messages, StatusTag, Timeline, formatDay } from "~/components/application-ui";
import { screenSchema } from "~/domain/applications/form";
import { STATUS_LABELS } from "~/domain/applications/workflow";
import { ApplicationError } from "~/services/applications.server";
import { orNotFound, screenApplication, screeningPage } from "~/services/application-journey.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Application ${data?.page.reference ?? ""} – Helping Hands` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  return { page: await orNotFound(screeningPage(actorOf(user), params.id ?? "")) };
}

type Values = { decision: string; question: string; reason: string };
type ActionData = { errors: FieldErrors; values: Values };

const DONE: Record<string, string> = {
  with_panel: "Marked eligible. The application is now with the panel.",
  more_info_requested: "Your question has been sent to the applicant.",
  not_eligible: "Marked not eligible. The applicant has been told the reason.",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  const id = params.id ?? "";
  const form = Object.fromEntries(await request.formData());
  const values: Values = { decision: String(form.decision ?? ""), question: String(form.question ?? ""), reason: String(form.reason ?? "") };
  const parsed = screenSchema.safeParse(values);
  if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
  try {
    const to = await orNotFound(screenApplication(actorOf(user), id, parsed.data));
    const cookie = await setFlash(request, { kind: "success", message: DONE[to] ?? `The application is now: ${STATUS_LABELS[to]}.` });
    return redirect(`/coordinator/applications/${id}`, { status: 303, headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (error instanceof ApplicationError) return json<ActionData>({ errors: { decision: error.message }, values }, { status: 409 });
    throw error;
  }
}

export default function ScreenApplication() {
  const { page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const e = result?.errors;
  const v = result?.values ?? { decision: "", question: "", reason: "" };
  return (
    <div className="max-w-3xl">
      <BackLink to="/coordinator/applications">Back to applications</BackLink>
      <ErrorSummary errors={e} />
      <h1 className="mb-2 text-3xl font-bold">Application {page.reference}</h1>
      <p className="mb-6">
        Status: <StatusTag status={page.status} />
      </p>
      <SummaryList
        testId="applicant"
        rows={[
          { key: "Young person", value: `${page.youngPerson.name} (${page.youngPerson.email})` },
          { key: "Personal adviser", value: page.adviser ? `${page.adviser.name} (${page.adviser.email})` : "None" },
          { key: "Sent", value: page.submittedAt ? formatDay(page.submittedAt) : "–" },
        ]}
      />

      {page.status === "submitted" ? (
        <section aria-labelledby="screen-heading" className="mb-8 border-l-8 border-brand py-2 pl-4" data-testid="screen">
          <h2 id="screen-heading" className="mb-4 text-2xl font-bold">
            Eligibility screen
          </h2>
          <Form method="post" noValidate>
            <Radios
              name="decision"
              legend="Is it something the fund can help with?"
              hint="Check it against the terms of reference, and that a statutory entitlement does not already cover it."
              error={e?.decision}
              defaultValue={v.decision}
              options={[
                { value: "eligible", label: "Eligible: send it to the panel" },
                { value: "more_info", label: "Ask the applicant for more information", hint: "Write the question below" },
                { value: "not_eligible", label: "Not eligible", hint: "Write the reason below" },
              ]}
            />
            <TextArea name="question" label="Question for the applicant (if asking for more)" hint="The young person and their adviser see this and answer it in the service." defaultValue={v.question} error={e?.question} />
            <TextArea name="reason" label="Why it is not eligible (if not eligible)" hint="The young person and their adviser see this. Use plain words." defaultValue={v.reason} error={e?.reason} />
            <Button>Save the screen</Button>
          </Form>
        </section>
      ) : page.status === "more_info_requested" ? (
        <Inset testId="waiting">
          <p>Waiting for the applicant to answer the question{page.moreInfoFrom === "panel" ? " the panel asked" : ""}.</p>
        </Inset>
      ) : null}

      {page.notEligibleReason ? (
        <>
          <h2 className="mb-2 text-2xl font-bold">Reason it is not eligible</h2>
          <Inset>
            <p className="whitespace-pre-line">{page.notEligibleReason}</p>
          </Inset>
        </>
      ) : null}

      {page.decisions.length ? (
        <>
          <h2 className="mb-2 text-2xl font-bold">Panel decisions</h2>
          {page.decisions.map((d) => (
            <DecisionNote key={d.at} decision={d} />
          ))}
        </>
      ) : null}

      <h2 className="mb-4 text-2xl font-bold">The application</h2>
      <AnswerList answers={page.answers} />
      <h2 className="mb-4 text-2xl font-bold">Questions and answers</h2>
      <Messages items={page.messages} />
      <h2 className="mb-4 text-2xl font-bold">Timeline</h2>
      <Timeline items={page.timeline} />
    </div>
  );
}
