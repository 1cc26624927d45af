// Requests for help (coordinator): the open ones by default, oldest first, paged on the server.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDay } from "~/components/application-ui";
import { Pager } from "~/components/layout";
import { BackLink } from "~/components/pledge-ui";
import { REQUEST_STATUSES, isRequestStatus, type RequestStatus } from "~/domain/talent/forms";
import { listRequests } from "~/services/talent.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Requests for help – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["coordinator"]);
  const params = new URL(request.url).searchParams;
  const raw = params.get("status") ?? "";
  const status: RequestStatus = isRequestStatus(raw) ? raw : "open";
  const page = Number(params.get("page") ?? "1");
  return { status, list: await listRequests(status, Number.isSafeInteger(page) && page >= 1 ? page : 1) };
}

const hrefOf = (status: RequestStatus, page = 1) => {
  const p = new URLSearchParams();
  if (status !== "open") p.set("status", status);
  if (page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `?${s}` : "?";
};

export default function TalentRequests() {
  const { status, list } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/coordinator/talent">Back to the Talent Network</BackLink>
      <h1 className="mb-4 text-3xl font-bold">Requests for help</h1>
      <nav aria-label="Requests by status" className="mb-6">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {(Object.keys(REQUEST_STATUSES) as RequestStatus[]).map((s) => (
            <li key={s}>
              <Link to={hrefOf(s)} className={`text-brand underline ${s === status ? "font-bold" : ""}`} aria-current={s === status ? "page" : undefined}>
                {REQUEST_STATUSES[s]} ({list.counts[s]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="mb-4" role="status">
        {list.total === 0 ? `No requests: ${REQUEST_STATUSES[status].toLowerCase()}.` : `${list.total} ${list.total === 1 ? "request" : "requests"}, oldest first. Page ${list.page} of ${list.pages}.`}
      </p>
      {list.rows.length ? (
        <table className="mb-6 w-full border-collapse text-left" data-testid="requests">
          <caption className="sr-only">Requests for help: {REQUEST_STATUSES[status].toLowerCase()}, oldest first</caption>
          <thead>
            <tr className="border-b-2 border-gray-900">
              <th scope="col" className="py-2 pr-4">Young person</th>
              <th scope="col" className="py-2 pr-4">Help with</th>
              <th scope="col" className="py-2 pr-4">Where</th>
              <th scope="col" className="py-2 pr-4">Hours a month</th>
              <th scope="col" className="py-2 pr-4">Under 18</th>
              <th scope="col" className="py-2">Asked</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.id} className="border-b border-gray-300">
                <td className="py-2 pr-4">
                  <Link to={`/coordinator/talent/requests/${r.id}`} className="text-brand underline">
                    {r.youngPerson}
                  </Link>
                </td>
                <td className="py-2 pr-4">{r.skills}</td>
                <td className="py-2 pr-4">{r.where}</td>
                <td className="py-2 pr-4">{r.hoursPerMonth}</td>
                <td className="py-2 pr-4">{r.under18 ? "Yes" : "No"}</td>
                <td className="py-2">{formatDay(r.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager page={list.page} pageCount={list.pages} to={(page) => hrefOf(status, page)} />
    </>
  );
}
