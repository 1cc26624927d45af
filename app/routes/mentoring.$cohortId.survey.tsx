// The closure survey of a mentoring cohort: fixed questions answered 1–5 and an optional comment,
// once, by each mentor and each young person who was in a pair (or their personal adviser for them,
// ?for=<youngPersonId>; an adviser without it picks from their caseload). Open while the cohort is
// closing or evaluated. Anyone who was not in a pair of the cohort: 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, TextArea, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { BackLink, Inset, Panel, Radios } from "~/components/pledge-ui";
import { SCALE, SCALE_LABELS, SURVEY_COMMENT_MAX, SURVEY_QUESTIONS, surveySchema } from "~/domain/mentoring/survey";
import { submitSurvey, surveyPageFor } from "~/services/mentoring-sessions.server";
import { MentoringError, orNotFound } from "~/services/mentoring.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Closure survey – Mentoring – Helping Hands" }];

const SURVEY_ROLES = ["employee", "young_person", "personal_adviser"] as const;
const forOf = (request: Request) => new URL(request.url).searchParams.get("for") || null;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = actorOf(await requireRole(request, SURVEY_ROLES));
  const page = await orNotFound(surveyPageFor(actor, params.cohortId ?? "", forOf(request)));
  return { page };
}

type ActionData = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireRole(request, SURVEY_ROLES));
  const cohortId = params.cohortId ?? "";
  const form = await request.formData();
  const values = Object.fromEntries([...form].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const forId = values.for || null;
  // Which questions are asked depends on who is answering: the service says, as it does for the page.
  const page = await orNotFound(surveyPageFor(actor, cohortId, forId));
  if (page.kind !== "survey") throw new Response("Not found", { status: 404, statusText: "Not Found" });
  const parsed = surveySchema(page.side).safeParse(values);
  if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
  try {
    await orNotFound(submitSurvey(actor, cohortId, parsed.data));
  } catch (error) {
    if (error instanceof MentoringError) return json<ActionData>({ errors: { form: error.message }, values }, { status: 409 });
    throw error;
  }
  const cookie = await setFlash(request, { kind: "success", message: "Thank you. Your answers have been sent to the programme coordinator." });
  return redirect(`/mentoring/${cohortId}/survey${forId ? `?for=${encodeURIComponent(forId)}` : ""}`, { status: 303, headers: { "Set-Cookie": cookie } });
}

const SCALE_OPTIONS = SCALE.map((n) => ({ value: String(n), label: `${n} – ${SCALE_LABELS[n]}` }));

export default function SurveyPage() {
  const { page } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  const v = data?.values;

  if (page.kind === "choose") {
    return (
      <div className="max-w-3xl">
        <BackLink to="/mentoring">Back to mentoring</BackLink>
        <span className="mb-1 block text-lg text-gray-700">{page.cohort.name}</span>
        <h1 className="mb-6 text-3xl font-bold">Closure survey</h1>
        <p className="mb-4">Choose the young person you are answering the survey with.</p>
        <ul className="mb-8 list-disc pl-6" data-testid="survey-choose">
          {page.youngPeople.map((yp) => (
            <li key={yp.id} className="mb-2">
              {yp.answered ? (
                `${yp.firstName}: answered`
              ) : (
                <Link to={`?for=${encodeURIComponent(yp.id)}`} className="text-brand underline">
                  Answer with {yp.firstName}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </div>
    );
  }

  const yp = page.forYoungPerson;
  const back = <BackLink to={yp ? `/mentoring/${page.cohort.id}/survey` : "/mentoring"}>{yp ? "Back to choose a young person" : "Back to mentoring"}</BackLink>;
  if (page.answered) {
    return (
      <div className="max-w-3xl">
        {back}
        <Panel title="Survey answered">{page.cohort.name}</Panel>
        <p className="mb-4" data-testid="survey-answered">
          {yp ? `${yp.firstName}'s answers have` : "Your answers have"} been sent to the programme coordinator. Thank you. The survey can be answered once.
        </p>
        <p>The coordinator sees everyone&rsquo;s answers added up, never who said what.</p>
      </div>
    );
  }
  if (page.closedBecause) {
    return (
      <div className="max-w-3xl">
        {back}
        <span className="mb-1 block text-lg text-gray-700">{page.cohort.name}</span>
        <h1 className="mb-6 text-3xl font-bold">Closure survey</h1>
        <p data-testid="survey-closed">{page.closedBecause}</p>
      </div>
    );
  }

  const intro = page.side === "mentor" ? "How did mentoring go for you?" : yp ? `How did mentoring go for ${yp.firstName}?` : "How did mentoring go for you?";
  return (
    <div className="max-w-3xl">
      {back}
      <ErrorSummary errors={errors} />
      <span className="mb-1 block text-lg text-gray-700">{page.cohort.name}</span>
      <h1 className="mb-4 text-3xl font-bold">Closure survey</h1>
      <p className="mb-4">{intro} For each statement, choose how much you agree, from 1 (strongly disagree) to 5 (strongly agree).</p>
      {yp ? <Inset>Answer with {yp.firstName}, in their words. It counts as their survey, so they will not be asked again.</Inset> : null}
      <p className="mb-6">The programme coordinator sees the answers added up with everyone else&rsquo;s, never who said what. You can answer once.</p>
      <Form method="post" noValidate>
        {yp ? <input type="hidden" name="for" value={yp.id} /> : null}
        {errors.form ? (
          <p id="form" className="mb-6 font-bold text-error">
            {errors.form}
          </p>
        ) : null}
        {SURVEY_QUESTIONS[page.side].map((q) => (
          <Radios key={q.key} name={q.key} legend={q.text} options={SCALE_OPTIONS} defaultValue={v?.[q.key]} error={errors[q.key]} />
        ))}
        <TextArea
          name="comment"
          label="Anything else you would like to say? (optional)"
          hint={`Up to ${SURVEY_COMMENT_MAX.toLocaleString("en-GB")} characters. Please do not name anyone.`}
          rows={4}
          defaultValue={v?.comment}
          error={errors.comment}
        />
        <Button>Send answers</Button>
      </Form>
    </div>
  );
}
