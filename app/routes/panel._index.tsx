// The panel's queue: applications with the panel (and recently decided), oldest first, paged on the server.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/forms";
import { ColumnHeads } from "~/components/finance-ui";
import { LinkRegion, Pager } from "~/components/layout";
import { PureMarkup } from "~/components/pure-markup";
import { QUEUE_FILTERS, QUEUE_FILTER_LABELS, queueQueryOf, type QueueFilter } from "~/domain/applications/panel-form";
import { panelQueue, type Queue, type QueueRow } from "~/services/panel.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Panel applications – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["panel"]);
  const query = queueQueryOf(new URL(request.url).searchParams);
  return await panelQueue({ userId: user.id, roles: user.roles }, query, new Date(), user.dataVersions);
}

function myPart(row: QueueRow): string {
  if (row.access === "must_declare") return "Declare a conflict or none";
  if (row.access === "conflicted") return "Conflict declared: no part";
  return row.reviewedByMe ? "Scored" : "To score";
}

const pageLink = (filter: QueueFilter, page: number) => `/panel?${new URLSearchParams({ ...(filter !== "all" ? { show: filter } : {}), page: String(page) })}`;

/**
 * The count, the table and the pages: plain links and text (the LinkRegion around it navigates the links
 * within the page), so the server keeps it as markup per page of rows (PureMarkup).
 */
function queueList({ rows, total, page, pageCount, filter }: Queue) {
  return (
    <>
      <p className="mb-4" data-testid="queue-total">
        {total === 0 ? "No applications." : `${total} ${total === 1 ? "application" : "applications"}, oldest first. Page ${page} of ${pageCount}.`}
      </p>
      {rows.length ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid="panel-queue">
            <caption className="sr-only">{QUEUE_FILTER_LABELS[filter]}</caption>
            <ColumnHeads headings={["Reference", "First name", "Status", "Scored (quorum)", "Your part", "Waiting"]} cellClassName="border-b-2 border-gray-900 py-2 pr-4" />
            {/* The cells' style is set once on the body, not on each of 150 cells: a lighter page to render and send. */}
            <tbody className="[&>tr>*]:border-b [&>tr>*]:border-gray-300 [&>tr>*]:py-2 [&>tr>*]:pr-4">
              {rows.map((r) => (
                <tr key={r.id} data-reference={r.reference}>
                  <th scope="row" className="font-normal">
                    <a href={`/panel/applications/${r.id}`} className="text-brand underline">
                      {r.reference}
                    </a>
                  </th>
                  <td>{r.firstName ?? <span className="text-gray-700">Not shown</span>}</td>
                  <td>{r.statusLabel}</td>
                  <td>{`${r.scored} of ${r.required}${r.quorumMet ? " (quorum reached)" : ""}`}</td>
                  <td>{myPart(r)}</td>
                  <td>{`${r.ageDays} ${r.ageDays === 1 ? "day" : "days"}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager page={page} pageCount={pageCount} to={(p) => pageLink(filter, p)} className="mt-6 flex gap-6" plain />
    </>
  );
}

export default function PanelQueue() {
  const queue = useLoaderData<typeof loader>();
  const { filter } = queue;
  return (
    // One region for the page: its links are plain (the list's are kept as markup), the region navigates them.
    <LinkRegion>
      <h1 className="mb-4 text-3xl font-bold">Applications with the panel</h1>
      <p className="mb-6">
        Before you see any detail of an application, say whether you have a conflict of interest. You see a reference and a first name, never
        anything else about the young person. <a href="/panel/meetings" className="text-brand underline">Panel meetings</a>
      </p>
      <Form method="get" className="mb-6">
        <div className="mb-4">
          <label htmlFor="show" className="mb-1 block font-bold">
            Show
          </label>
          <select id="show" name="show" defaultValue={filter} className="border-2 border-gray-900 p-2">
            {QUEUE_FILTERS.map((f) => (
              <option key={f} value={f}>
                {QUEUE_FILTER_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary">Show applications</Button>
      </Form>
      {/* The loader's own object: the service keeps it per view, so its markup is found by identity. */}
      <PureMarkup as="div" data={queue} render={queueList} />
    </LinkRegion>
  );
}
