// The confirmation after sending: the reference and what happens next.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Panel } from "~/components/pledge-ui";
import { applicantPage, orNotFound } from "~/services/application-journey.server";
import { requireSignedIn } from "~/utils/application-steps.server";

export const meta: MetaFunction = () => [{ title: "Application sent – Helping Hands" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireSignedIn(request);
  const page = await orNotFound(applicantPage(actor, params.id ?? ""));
  if (page.status === "draft") throw redirect(`/applications/${page.id}/check`);
  return { id: page.id, reference: page.reference };
}

export default function ApplicationSent() {
  const { id, reference } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <Panel title="Application sent">
        Your reference is <strong data-testid="reference">{reference}</strong>
      </Panel>
      <p className="mb-4">We have sent an email to say we have it. Everyone who follows the application gets an email each time its status changes.</p>
      <h2 className="mb-4 text-2xl font-bold">What happens next</h2>
      <ol className="mb-6 list-decimal space-y-2 pl-6">
        <li>The coordinator checks it is something the fund can help with, usually within 5 working days.</li>
        <li>If they need to know more, they ask a question on the application page.</li>
        <li>A panel of council staff then decides at its next meeting, and we tell you the decision and the reasons.</li>
      </ol>
      <p>
        <Link to={`/applications/${id}`} className="text-brand underline">
          Follow your application
        </Link>
      </p>
    </div>
  );
}
