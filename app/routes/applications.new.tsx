// Start an application. A young person applies for themselves (and may share it with their personal
// adviser); a personal adviser applies for a young person on their caseload.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, type FieldErrors } from "~/components/forms";
import { JourneyPage, Radios } from "~/components/pledge-ui";
import { ApplicationError } from "~/services/applications.server";
import { advisersOf, caseloadOf, orNotFound, startApplication } from "~/services/application-journey.server";
import { currentTermsView } from "~/services/terms.server";
import { requireApplicant } from "~/utils/application-steps.server";
import { formatPence } from "~/domain/money";

export const meta: MetaFunction = () => [{ title: "Start an application – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireApplicant(request);
  const terms = await currentTermsView();
  if (actor.roles.includes("personal_adviser")) {
    return { as: "adviser" as const, people: await caseloadOf(actor.userId), maxAwardPence: terms?.maxAwardPence ?? null };
  }
  return { as: "young_person" as const, people: await advisersOf(actor.userId), maxAwardPence: terms?.maxAwardPence ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireApplicant(request);
  const form = Object.fromEntries(await request.formData());
  const choice = typeof form.person === "string" ? form.person : "";
  const isAdviser = actor.roles.includes("personal_adviser");
  if (!choice && (isAdviser || form.hasAdvisers === "yes")) {
    return json<{ errors: FieldErrors }>({ errors: { person: isAdviser ? "Choose the young person the application is for" : "Choose whether to share the application with your personal adviser" } }, { status: 400 });
  }
  try {
    const { id } = await orNotFound(
      startApplication(actor, isAdviser ? { for: "young_person", youngPersonId: choice } : { for: "self", adviserId: choice && choice !== "none" ? choice : null }),
    );
    return redirect(`/applications/${id}/purpose`, { status: 303 });
  } catch (error) {
    if (error instanceof ApplicationError) return json<{ errors: FieldErrors }>({ errors: { person: error.message } }, { status: 409 });
    throw error;
  }
}

export default function NewApplication() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result?.errors.person;
  const limit = data.maxAwardPence ? ` The fund gives at most ${formatPence(data.maxAwardPence)} for one application.` : "";
  if (data.maxAwardPence === null) {
    return (
      <JourneyPage back="/applications">
        <h1 className="mb-4 text-3xl font-bold">Start an application</h1>
        <p>The fund is not taking applications yet: its terms have not been published.</p>
      </JourneyPage>
    );
  }
  return (
    <JourneyPage back="/applications" errors={result?.errors}>
      <Form method="post" noValidate>
        {data.as === "adviser" ? (
          data.people.length ? (
            <Radios
              name="person"
              legendIsHeading
              legend="Who is the application for?"
              hint={`You and the young person will both see the application and can both change it until it is sent.${limit}`}
              error={error}
              options={data.people.map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName}` }))}
            />
          ) : (
            <>
              <h1 className="mb-4 text-3xl font-bold">Start an application</h1>
              <p className="mb-6">No young people are linked to you yet. Ask the programme coordinator to link you to the young people you work with.</p>
            </>
          )
        ) : data.people.length ? (
          <>
            <input type="hidden" name="hasAdvisers" value="yes" />
            <Radios
              name="person"
              legendIsHeading
              legend="Do you want your personal adviser to see and help with this application?"
              hint={`They can help you answer the questions, and will get the same updates as you.${limit}`}
              error={error}
              options={[...data.people.map((p) => ({ value: p.id, label: `Yes, share it with ${p.firstName} ${p.lastName}` })), { value: "none", label: "No, I will do it on my own" }]}
            />
          </>
        ) : (
          <>
            <h1 className="mb-4 text-3xl font-bold">Start an application</h1>
            <p className="mb-6">It takes about 10 minutes. You can save your answers and come back later.{limit}</p>
          </>
        )}
        {data.as === "adviser" && !data.people.length ? (
          <Link to="/applications" className="text-brand underline">
            Back to applications
          </Link>
        ) : (
          <Button>Start</Button>
        )}
      </Form>
    </JourneyPage>
  );
}
