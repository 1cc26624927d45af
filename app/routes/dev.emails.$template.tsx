// One email template with sample data: subject, plain text, and its HTML version to download.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOutboxMode } from "~/integrations/mailer.server";
import { EMAIL_PREVIEWS } from "../../emails/previews";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.label ?? "Email"} – Email templates – Helping Hands` }];

export function loader({ params }: LoaderFunctionArgs) {
  requireOutboxMode();
  const preview = EMAIL_PREVIEWS[params.template ?? ""];
  if (!preview) throw new Response("Not found", { status: 404 });
  const email = preview.render();
  return { key: params.template!, label: preview.label, template: email.template, subject: email.subject, text: email.text };
}

// The HTML version is a download: it relies on inline styles, which this site's CSP (rightly) refuses.
export default function EmailTemplate() {
  const email = useLoaderData<typeof loader>();
  return (
    <>
      <p className="mb-4">
        <Link to="/dev/emails" className="text-brand underline">
          Back to email templates
        </Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">{email.label}</h1>
      <dl className="mb-6 grid max-w-2xl grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-bold">Template</dt>
        <dd>{email.template}</dd>
        <dt className="font-bold">Subject</dt>
        <dd>{email.subject}</dd>
      </dl>
      <h2 className="mb-2 text-xl font-bold">Plain text</h2>
      <pre className="mb-6 max-w-2xl whitespace-pre-wrap border-l-4 border-gray-300 bg-gray-50 p-4 font-sans" data-testid="email-text">
        {email.text}
      </pre>
      <p>
        <a href={`/dev/emails/${email.key}/html`} className="text-brand underline" download>
          Download the HTML version
        </a>
      </p>
    </>
  );
}
