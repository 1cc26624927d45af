// A young person's applications, and a personal adviser's caseload's: each with its status.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CATEGORY_SHORT, isCategory } from "~/domain/applications/form";
import { formatPence } from "~/domain/money";
import { myApplications } from "~/services/application-journey.server";
import { currentTermsView } from "~/services/terms.server";
import { requireApplicant } from "~/utils/application-steps.server";
import { formatDay } from "~/components/application-ui";
import { followUpsDueFor } from "~/services/follow-ups.server";
import { FollowUpBanner } from "~/components/follow-up-banner";

export const meta: MetaFunction = () => [{ title: "Applications – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireApplicant(request);
  const [applications, terms, followUps] = await Promise.all([myApplications(actor), currentTermsView(), followUpsDueFor(actor.userId)]);
  return { applications, isAdviser: actor.roles.includes("personal_adviser"), open: terms !== null, followUps };
}

export default function Applications() {
  const { applications, isAdviser, open, followUps } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{isAdviser ? "Applications" : "Your applications"}</h1>
      <FollowUpBanner items={followUps} />
      <p className="mb-4 max-w-3xl">
        The Helping Hands Fund can help care leavers with things like equipment for study, driving lessons, setting up home, and training or job
        costs. <Link to="/support" className="text-brand underline">Read what the fund pays for</Link>.
      </p>
      {open ? (
        <p className="mb-8">
          <Link to="/applications/new" className="inline-block bg-success px-4 py-2 font-bold text-white no-underline">
            Start a new application
          </Link>
        </p>
      ) : (
        <p className="mb-8">The fund is not taking applications yet.</p>
      )}
      {applications.length === 0 ? (
        <p>{isAdviser ? "There are no applications for the young people you work with yet." : "You have not started an application yet."}</p>
      ) : (
        <table className="w-full border-collapse text-left" data-testid="applications-table">
          <caption className="sr-only">Applications, newest first</caption>
          <thead>
            <tr className="border-b-2 border-gray-900">
              <th scope="col" className="py-2 pr-4">Reference</th>
              {isAdviser ? <th scope="col" className="py-2 pr-4">Young person</th> : null}
              <th scope="col" className="py-2 pr-4">For</th>
              <th scope="col" className="py-2 pr-4">Amount</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2">Last change</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((a) => (
              <tr key={a.id} className="border-b border-gray-300">
                <td className="py-2 pr-4">
                  <Link to={`/applications/${a.id}`} className="text-brand underline">
                    {a.reference}
                  </Link>
                </td>
                {isAdviser ? <td className="py-2 pr-4">{a.mine ? "You" : a.youngPersonName}</td> : null}
                <td className="py-2 pr-4">{a.category && isCategory(a.category) ? CATEGORY_SHORT[a.category] : "Not answered yet"}</td>
                <td className="py-2 pr-4">{a.amountPence ? formatPence(a.amountPence) : "–"}</td>
                <td className="py-2 pr-4">{a.statusLabel}</td>
                <td className="py-2">{formatDay(a.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
