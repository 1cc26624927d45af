// Check your answers, then send the application. Sending is refused while anything is missing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/forms";
import { BackLink } from "~/components/pledge-ui";
import { AnswerList } from "~/components/application-ui";
import { STEPS, missingAnswers, type MissingAnswer } from "~/domain/applications/form";
import { ApplicationError } from "~/services/applications.server";
import { MissingAnswersError, orNotFound, submitApplication } from "~/services/application-journey.server";
import { loadStep, requireSignedIn } from "~/utils/application-steps.server";

export const meta: MetaFunction = () => [{ title: "Check your answers before sending your application – Helping Hands" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const data = await loadStep(request, params.id ?? "", "entitlement");
  return { ...data, back: `/applications/${data.id}/${STEPS[STEPS.length - 1]}`, missing: missingAnswers(data.answers, data.maxAwardPence) };
}

type ActionData = { missing: MissingAnswer[]; message: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireSignedIn(request);
  const id = params.id ?? "";
  try {
    await orNotFound(submitApplication(actor, id));
  } catch (error) {
    if (error instanceof MissingAnswersError) return json<ActionData>({ missing: error.problems, message: error.message }, { status: 400 });
    if (error instanceof ApplicationError) return json<ActionData>({ missing: [], message: error.message }, { status: 409 });
    throw error;
  }
  return redirect(`/applications/${id}/sent`, { status: 303 });
}

export default function CheckAnswers() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const missing = result?.missing ?? data.missing;
  const link = (m: MissingAnswer) => (m.field === "terms" ? "/support" : `/applications/${data.id}/${m.step}?change=check#${m.field}`);
  return (
    <div className="max-w-3xl">
      <BackLink to={data.back} />
      {result ? (
        <ErrorSummary
          title={result.missing.length ? "You cannot send the application yet" : "There is a problem"}
          items={result.missing.length ? result.missing.map((m) => ({ href: link(m), text: m.message })) : [{ href: "#send", text: result.message }]}
        />
      ) : null}
      <p className="mb-2 text-gray-700">Application {data.reference}</p>
      <h1 className="mb-6 text-3xl font-bold">Check your answers before sending your application</h1>
      <AnswerList answers={data.answers} changeBase={`/applications/${data.id}`} />
      {missing.length && !result ? (
        <div className="mb-6 border-l-8 border-error py-2 pl-4" data-testid="missing">
          <h2 className="mb-2 text-xl font-bold">Still to answer</h2>
          <ul className="list-disc pl-6">
            {missing.map((m) => (
              <li key={`${m.step}-${m.field}`}>
                <Link to={link(m)} className="text-brand underline">
                  {m.message}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h2 className="mb-4 text-2xl font-bold">Now send your application</h2>
      <p className="mb-6">
        By sending it you confirm that the answers are true as far as you know. The coordinator will check it first. If the fund can help, a
        panel of council staff will decide. They will see the reference and {data.isYoungPerson ? "your" : `${data.youngPersonName}'s`} first
        name only.
      </p>
      <Form method="post">
        <Button id="send">Send application</Button>
      </Form>
    </div>
  );
}
