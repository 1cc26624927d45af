// Withdraw an application: a page to confirm, then the status page says it is withdrawn.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/forms";
import { BackLink, Warning } from "~/components/pledge-ui";
import { canTake } from "~/domain/applications/workflow";
import { ApplicationError } from "~/services/applications.server";
import { applicantPage, orNotFound, withdrawApplication } from "~/services/application-journey.server";
import { requireSignedIn } from "~/utils/application-steps.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Are you sure you want to withdraw the application? – Helping Hands" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireSignedIn(request);
  const page = await orNotFound(applicantPage(actor, params.id ?? ""));
  if (!canTake(page.status, "withdraw", "applicant")) throw redirect(`/applications/${page.id}`);
  return { id: page.id, reference: page.reference };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireSignedIn(request);
  const id = params.id ?? "";
  try {
    await orNotFound(withdrawApplication(actor, id));
  } catch (error) {
    if (error instanceof ApplicationError) return json({ message: error.message }, { status: 409 });
    throw error;
  }
  const cookie = await setFlash(request, { kind: "success", message: "The application has been withdrawn." });
  return redirect(`/applications/${id}`, { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function Withdraw() {
  const { id, reference } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="max-w-3xl">
      <BackLink to={`/applications/${id}`} />
      {result ? <ErrorSummary items={[{ href: "#withdraw", text: result.message }]} /> : null}
      <h1 className="mb-6 text-3xl font-bold">Are you sure you want to withdraw application {reference}?</h1>
      <Warning>The fund will stop looking at it. You cannot undo this, but you can start a new application at any time.</Warning>
      <Form method="post" className="flex flex-wrap items-center gap-6">
        <Button id="withdraw">Yes, withdraw the application</Button>
        <Link to={`/applications/${id}`} className="text-brand underline">
          No, keep it
        </Link>
      </Form>
    </div>
  );
}
