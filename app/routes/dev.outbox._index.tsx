import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listOutboxEmails, requireOutboxMode } from "~/integrations/mailer.server";

export const meta: MetaFunction = () => [{ title: "Outbox – Helping Hands" }];

const LONDON_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/London" });

// Public while emails go to the outbox (that is how the demo signs in); not found when real email is on.
export async function loader() {
  requireOutboxMode();
  const emails = await listOutboxEmails();
  // Times formatted on the server, so the page reads the same with or without JavaScript.
  return { emails: emails.map((e) => ({ id: e.id, to: e.to, subject: e.subject, sent: LONDON_TIME.format(e.createdAt) })) };
}

export default function Outbox() {
  const { emails } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">Outbox</h1>
      <p className="mb-6 max-w-2xl">
        This service is running in demo mode, so emails are not sent. They are kept here instead, newest first.
      </p>
      {emails.length === 0 ? (
        <p>No emails yet.</p>
      ) : (
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Emails in the outbox, newest first</caption>
          <thead>
            <tr className="border-b-2 border-gray-900">
              <th scope="col" className="py-2 pr-4">
                Sent
              </th>
              <th scope="col" className="py-2 pr-4">
                To
              </th>
              <th scope="col" className="py-2">
                Subject
              </th>
            </tr>
          </thead>
          <tbody>
            {emails.map((e) => (
              <tr key={e.id} className="border-b border-gray-300">
                <td className="py-2 pr-4 whitespace-nowrap">{e.sent}</td>
                <td className="py-2 pr-4 break-all">{e.to}</td>
                <td className="py-2">
                  <Link to={`/dev/outbox/${e.id}`} className="text-brand underline">
                    {e.subject}
                    <span className="sr-only"> to {e.to}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
