import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findOutboxEmail, requireOutboxMode } from "~/integrations/mailer.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.subject ?? "Email"} – Outbox – Helping Hands` }];

const LONDON_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/London" });

// Public while emails go to the outbox (that is how the demo signs in); not found when real email is on.
export async function loader({ params }: LoaderFunctionArgs) {
  requireOutboxMode();
  const email = await findOutboxEmail(params.id ?? "");
  if (!email) throw new Response("Not found", { status: 404 });
  return { subject: email.subject, to: email.to, sent: LONDON_TIME.format(email.createdAt), text: email.text };
}

// The plain-text version: email HTML relies on inline styles, which this site's CSP (rightly) refuses.
export default function OutboxEmail() {
  const email = useLoaderData<typeof loader>();
  return (
    <>
      <p className="mb-4">
        <Link to="/dev/outbox" className="text-brand underline">
          Back to the outbox
        </Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">{email.subject}</h1>
      <dl className="mb-6 grid max-w-2xl grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-bold">To</dt>
        <dd className="break-all">{email.to}</dd>
        <dt className="font-bold">Sent</dt>
        <dd>{email.sent}</dd>
      </dl>
      <h2 className="mb-2 text-xl font-bold">Message</h2>
      <pre className="max-w-2xl whitespace-pre-wrap border-l-4 border-gray-300 bg-gray-50 p-4 font-sans" data-testid="email-text">
        {email.text}
      </pre>
    </>
  );
}
