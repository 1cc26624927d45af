// An application's status page for the young person and their adviser: where it is, what happens
// next, any question to answer, the reasons for a decision, the timeline and the answers given.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, TextArea, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { Section } from "~/components/finance-ui";
import { BackLink, Inset } from "~/components/pledge-ui";
import { AnswerList, DecisionNote, Messages, StatusTag, Timeline, formatDay, formatWhen } from "~/components/application-ui";
import { answerSchema, firstIncompleteStep } from "~/domain/applications/form";
import { STATUS_NEXT, canTake } from "~/domain/applications/workflow";
import { ApplicationError } from "~/services/applications.server";
import { answerMoreInfo, applicantPage, orNotFound } from "~/services/application-journey.server";
import { currentTermsView } from "~/services/terms.server";
import { requireSignedIn } from "~/utils/application-steps.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Application ${data?.page.reference ?? ""} – Helping Hands` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireSignedIn(request);
  const page = await orNotFound(applicantPage(actor, params.id ?? ""));
  const terms = page.status === "draft" ? await currentTermsView() : null;
  const next = page.status === "draft" ? (firstIncompleteStep(page.answers, terms?.maxAwardPence ?? null) ?? "check") : null;
  return { page, continueTo: next ? `/applications/${page.id}/${next}` : null };
}

type ActionData = { errors: FieldErrors; answer: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireSignedIn(request);
  const id = params.id ?? "";
  const form = Object.fromEntries(await request.formData());
  const answer = typeof form.answer === "string" ? form.answer : "";
  const parsed = answerSchema.safeParse({ answer });
  if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), answer }, { status: 400 });
  try {
    await orNotFound(answerMoreInfo(actor, id, parsed.data.answer));
  } catch (error) {
    if (error instanceof ApplicationError) return json<ActionData>({ errors: { answer: error.message }, answer }, { status: 409 });
    throw error;
  }
  const cookie = await setFlash(request, { kind: "success", message: "Thank you. Your answer has been sent." });
  return redirect(`/applications/${id}`, { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function ApplicationStatusPage() {
  const { page, continueTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const reasons = page.decisions.filter((d) => d.reasons);
  return (
    <div className="max-w-3xl">
      <BackLink to="/applications">Back to applications</BackLink>
      <ErrorSummary errors={result?.errors} />
      <h1 className="mb-2 text-3xl font-bold">Application {page.reference}</h1>
      {!page.isYoungPerson ? <p className="mb-2">For {page.youngPersonName}</p> : null}
      {page.submittedAt ? <p className="mb-4 text-gray-700">Sent on {formatDay(page.submittedAt)}</p> : null}
      <p className="mb-2">
        Status: <StatusTag status={page.status} />
      </p>
      <p className="mb-6" data-testid="what-next">
        {STATUS_NEXT[page.status]}
      </p>

      {continueTo ? (
        <p className="mb-8">
          <Link to={continueTo} className="inline-block bg-success px-4 py-2 font-bold text-white no-underline">
            Continue the application
          </Link>
        </p>
      ) : null}

      {page.openQuestion ? (
        <Section id="question-heading" title="Please answer this question" className="mb-8" headingSpacing="mb-2">
          <Inset testId="open-question">
            <p className="text-gray-700">Asked on {formatWhen(page.openQuestion.at)}</p>
            <p className="whitespace-pre-line">{page.openQuestion.body}</p>
          </Inset>
          <Form method="post" noValidate>
            <TextArea name="answer" label="Your answer" rows={6} defaultValue={result?.answer ?? ""} error={result?.errors.answer} />
            <Button>Send answer</Button>
          </Form>
        </Section>
      ) : null}

      {page.status === "not_eligible" && page.notEligibleReason ? (
        <Section id="reason-heading" title="Why the fund cannot help" className="mb-8" headingSpacing="mb-2">
          <Inset testId="not-eligible-reason">
            <p className="whitespace-pre-line">{page.notEligibleReason}</p>
          </Inset>
        </Section>
      ) : null}

      {reasons.length ? (
        <Section id="decision-heading" title="The panel's decision" className="mb-8" headingSpacing="mb-2">
          {reasons.map((d) => (
            <DecisionNote key={d.at} decision={d} testId="decision" />
          ))}
        </Section>
      ) : null}

      <h2 className="mb-4 text-2xl font-bold">What has happened</h2>
      <Timeline items={page.timeline} />

      {page.messages.length ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Questions and answers</h2>
          <Messages items={page.messages} />
        </>
      ) : null}

      <h2 className="mb-4 text-2xl font-bold">{page.status === "draft" ? "Answers so far" : "Your answers"}</h2>
      <AnswerList answers={page.answers} />

      {canTake(page.status, "withdraw", "applicant") ? (
        <p className="mb-4">
          <Link to={`/applications/${page.id}/withdraw`} className="text-brand underline">
            Withdraw this application
          </Link>
        </p>
      ) : null}
    </div>
  );
}
