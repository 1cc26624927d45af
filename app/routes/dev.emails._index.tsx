// Development preview of every email template with sample data. Not found when real email is on.
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOutboxMode } from "~/integrations/mailer.server";
import { EMAIL_PREVIEWS } from "../../emails/previews";

export const meta: MetaFunction = () => [{ title: "Email templates – Helping Hands" }];

export function loader() {
  requireOutboxMode();
  return { templates: Object.entries(EMAIL_PREVIEWS).map(([key, p]) => ({ key, label: p.label })) };
}

export default function EmailTemplates() {
  const { templates } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">Email templates</h1>
      <p className="mb-6 max-w-2xl">
        Every email the service sends, filled with made-up sample data. Emails actually sent in this demo are in the{" "}
        <Link to="/dev/outbox" className="text-brand underline">
          outbox
        </Link>
        .
      </p>
      <ul className="list-disc pl-6">
        {templates.map((t) => (
          <li key={t.key} className="mb-2">
            <Link to={`/dev/emails/${t.key}`} className="text-brand underline">
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
