// The coordinator's queue: sent applications by status, oldest first, searchable by reference, paged on the server.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/forms";
import { formatDay } from "~/components/application-ui";
import { Pager } from "~/components/layout";
import { CATEGORY_SHORT, QUEUE_STATUSES, isCategory, queueQueryOf } from "~/domain/applications/form";
import { STATUS_LABELS } from "~/domain/applications/workflow";
import { formatPence } from "~/domain/money";
import { coordinatorQueue } from "~/services/application-journey.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Applications – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["coordinator"]);
  const query = queueQueryOf(new URL(request.url).searchParams);
  return { query, queue: await coordinatorQueue(query) };
}

export default function CoordinatorApplications() {
  const { query, queue } = useLoaderData<typeof loader>();
  const href = (changes: Record<string, string | number | null>) => {
    const p = new URLSearchParams();
    const merged = { status: query.status, q: query.reference, sort: query.sort === "oldest" ? null : query.sort, page: null as number | null, ...changes };
    for (const [k, v] of Object.entries(merged)) if (v !== null && v !== "" && !(k === "page" && v === 1)) p.set(k, String(v));
    const s = p.toString();
    return s ? `?${s}` : "?";
  };
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">Applications</h1>
      <p className="mb-4">
        <Link to="/coordinator/terms" className="text-brand underline">
          Terms of reference
        </Link>
      </p>
      <nav aria-label="Applications by status" className="mb-6">
        <ul className="flex flex-wrap gap-x-6 gap-y-2" data-testid="status-counts">
          <li>
            <Link to={href({ status: null })} className="text-brand underline" aria-current={query.status === null ? "page" : undefined}>
              All sent
            </Link>
          </li>
          {QUEUE_STATUSES.map((s) => (
            <li key={s}>
              <Link to={href({ status: s })} className={`text-brand underline ${query.status === s ? "font-bold" : ""}`} aria-current={query.status === s ? "page" : undefined}>
                {STATUS_LABELS[s]} ({queue.counts[s]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="mb-6 flex flex-wrap items-end gap-4">
        {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
        <div>
          <label htmlFor="q" className="mb-1 block font-bold">
            Search by reference
          </label>
          <input id="q" name="q" defaultValue={query.reference} className="block w-48 border-2 border-gray-900 p-2" spellCheck={false} />
        </div>
        <div>
          <label htmlFor="sort" className="mb-1 block font-bold">
            Order
          </label>
          <select id="sort" name="sort" defaultValue={query.sort} className="block border-2 border-gray-900 p-2">
            <option value="oldest">Oldest first</option>
            <option value="newest">Newest first</option>
          </select>
        </div>
        <Button>Show</Button>
      </Form>
      <p className="mb-4" role="status">
        {queue.total === 0 ? "No applications match." : `${queue.total} ${queue.total === 1 ? "application" : "applications"}${query.status ? ` – ${STATUS_LABELS[query.status]}` : ""}. Page ${queue.page} of ${queue.pages}.`}
      </p>
      {queue.rows.length ? (
        <table className="mb-6 w-full border-collapse text-left" data-testid="queue">
          <caption className="sr-only">Applications, {query.sort === "oldest" ? "oldest" : "newest"} first</caption>
          <thead>
            <tr className="border-b-2 border-gray-900">
              <th scope="col" className="py-2 pr-4">Reference</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2 pr-4">For</th>
              <th scope="col" className="py-2 pr-4">Amount</th>
              <th scope="col" className="py-2 pr-4">Sent</th>
              <th scope="col" className="py-2">Age</th>
            </tr>
          </thead>
          <tbody>
            {queue.rows.map((r) => (
              <tr key={r.id} className="border-b border-gray-300">
                <td className="py-2 pr-4">
                  <Link to={`/coordinator/applications/${r.id}`} className="text-brand underline">
                    {r.reference}
                  </Link>
                </td>
                <td className="py-2 pr-4">{STATUS_LABELS[r.status]}</td>
                <td className="py-2 pr-4">{r.category && isCategory(r.category) ? CATEGORY_SHORT[r.category] : "–"}</td>
                <td className="py-2 pr-4">{r.amountPence ? formatPence(r.amountPence) : "–"}</td>
                <td className="py-2 pr-4">{r.submittedAt ? formatDay(r.submittedAt) : "–"}</td>
                <td className="py-2">{r.ageDays === 1 ? "1 day" : `${r.ageDays} days`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager page={queue.page} pageCount={queue.pages} to={(page) => href({ page })} />
    </>
  );
}
