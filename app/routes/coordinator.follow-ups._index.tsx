// The coordinator's follow-ups: who has been asked, who answered, who agreed to share a story;
// filtered and paged on the server.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ColumnHeads } from "~/components/finance-ui";
import { Pager } from "~/components/layout";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { listFollowUps, type FollowUpFilter } from "~/services/follow-ups.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Follow-ups – Helping Hands" }];

const FILTERS: Record<FollowUpFilter, string> = { all: "All", waiting: "Not answered yet", answered: "Answered", consented: "Agreed to share a story" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["coordinator"]);
  const url = new URL(request.url);
  const raw = url.searchParams.get("show") ?? "all";
  const filter = (raw in FILTERS ? raw : "all") as FollowUpFilter;
  const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
  return { filter, page, ...(await listFollowUps(filter, page)) };
}

const day = (iso: string | null) => (iso ? formatDayKey(ukDayKey(new Date(iso))) : "");

export default function FollowUps() {
  const { filter, page, followUps, total, pages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">Follow-ups</h1>
      <p className="mb-6 max-w-3xl">
        Some weeks after an award is paid, the young person is asked how it helped and what they might give back. A story can be published on
        the{" "}
        <Link to="/impact" className="text-brand underline">
          impact page
        </Link>{" "}
        only when they agreed to share it.
      </p>
      <nav aria-label="Show follow-ups" className="mb-6">
        <ul className="flex flex-wrap gap-4">
          {(Object.keys(FILTERS) as FollowUpFilter[]).map((f) => (
            <li key={f}>
              <Link to={`?show=${f}`} className={`text-brand underline ${f === filter ? "font-bold" : ""}`} aria-current={f === filter ? "page" : undefined}>
                {FILTERS[f]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {followUps.length ? (
        <table className="mb-6 w-full max-w-4xl border-collapse text-left" data-testid="follow-ups">
          <caption className="sr-only">{FILTERS[filter]}, oldest due first</caption>
          <ColumnHeads headings={["Application", "Due", "Asked", "Answered", "Share a story", "Story"]} cellClassName="border-b-2 border-gray-900 py-2 pr-4" />
          <tbody>
            {followUps.map((f) => (
              <tr key={f.id}>
                <th scope="row" className="border-b border-gray-300 py-2 pr-4 font-normal">
                  <Link to={`/coordinator/follow-ups/${f.id}`} className="text-brand underline">
                    {f.reference}
                  </Link>
                </th>
                <td className="border-b border-gray-300 py-2 pr-4">{day(f.dueAt)}</td>
                <td className="border-b border-gray-300 py-2 pr-4">{f.sentAt ? day(f.sentAt) : "Not yet"}</td>
                <td className="border-b border-gray-300 py-2 pr-4">{f.answeredAt ? day(f.answeredAt) : "Not yet"}</td>
                <td className="border-b border-gray-300 py-2 pr-4">{f.consentToShare === null ? "" : f.consentToShare ? "Yes" : "No"}</td>
                <td className="border-b border-gray-300 py-2 pr-4">{f.story === "published" ? "Published" : f.story === "withdrawn" ? "Withdrawn" : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mb-6">There are no follow-ups here.</p>
      )}
      <Pager
        page={page}
        pageCount={pages}
        to={(p) => `?show=${filter}&page=${p}`}
        between={
          <p>
            Page {page} of {pages} ({total} follow-ups)
          </p>
        }
      />
    </>
  );
}
