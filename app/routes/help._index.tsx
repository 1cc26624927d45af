// Ask for help (young person, personal adviser): the requests for help, newest first, with their status.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDay } from "~/components/application-ui";
import { myRequests } from "~/services/help-requests.server";
import { requireApplicant } from "~/utils/application-steps.server";

export const meta: MetaFunction = () => [{ title: "Ask for help – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireApplicant(request);
  return { requests: await myRequests(actor), isAdviser: actor.roles.includes("personal_adviser") };
}

export default function Help() {
  const { requests, isAdviser } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">Ask for help</h1>
      <p className="mb-4 max-w-3xl">
        Council staff give their time to help care leavers: with a CV, interview practice, driving practice, cooking, budgeting, IT and more. Tell us
        what help {isAdviser ? "a young person wants" : "you want"}, and the programme coordinator will look for a volunteer.
      </p>
      <p className="mb-8">
        <Link to="/help/new" className="inline-block bg-success px-4 py-2 font-bold text-white no-underline">
          Ask for help
        </Link>
      </p>
      {requests.length === 0 ? (
        <p>{isAdviser ? "There are no requests for the young people you work with yet." : "You have not asked for help yet."}</p>
      ) : (
        <table className="w-full border-collapse text-left" data-testid="requests-table">
          <caption className="sr-only">Requests for help, newest first</caption>
          <thead>
            <tr className="border-b-2 border-gray-900">
              <th scope="col" className="py-2 pr-4">Help with</th>
              {isAdviser ? <th scope="col" className="py-2 pr-4">Young person</th> : null}
              <th scope="col" className="py-2 pr-4">Asked on</th>
              <th scope="col" className="py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id} className="border-b border-gray-300">
                <td className="py-2 pr-4">
                  <Link to={`/help/${r.id}`} className="text-brand underline">
                    {r.help}
                  </Link>
                </td>
                {isAdviser ? <td className="py-2 pr-4">{r.mine ? "You" : r.youngPersonName}</td> : null}
                <td className="py-2 pr-4">{formatDay(r.createdAt)}</td>
                <td className="py-2">{r.statusLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
