// Awards for finance, by status (committed = approved by the panel, payment approved, paid,
// cancelled), oldest first and paged on the server, with the ledger's committed and paid totals.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ColumnHeads } from "~/components/finance-ui";
import { Pager } from "~/components/layout";
import { AWARD_STATUSES, isAwardStatus, type AwardStatus } from "~/domain/applications/award";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { formatPence } from "~/domain/money";
import { listAwards } from "~/services/awards.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Awards to pay – Helping Hands" }];

const TAB_LABELS: Record<AwardStatus, string> = { committed: "To approve", payment_approved: "To pay", paid: "Paid", cancelled: "Cancelled" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["finance"]);
  const url = new URL(request.url);
  const raw = url.searchParams.get("status") ?? "committed";
  const status: AwardStatus = isAwardStatus(raw) ? raw : "committed";
  const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
  const list = await listAwards(status, page);
  return { status, page, ...list };
}

const day = (iso: string | null) => (iso ? formatDayKey(ukDayKey(new Date(iso))) : "");

export default function FinanceAwards() {
  const { status, page, awards, total, pages, byStatus, totals } = useLoaderData<typeof loader>();
  const dateHeading = { committed: "Approved by the panel", payment_approved: "Payment approved", paid: "Paid on", cancelled: "Cancelled" }[status];
  return (
    <>
      <p className="mb-2">
        <Link to="/finance" className="text-brand underline">
          Finance dashboard
        </Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">Awards to pay</h1>
      <p className="mb-6 max-w-3xl">
        A panel decision commits the money but does not pay it. Payment takes two steps: approve the payment, then record it as paid. Someone
        who took part in the panel&apos;s decision cannot do either.
      </p>
      <dl className="mb-8 grid max-w-3xl grid-cols-1 gap-4 sm:grid-cols-3" data-testid="award-totals">
        <div className="border-l-8 border-brand bg-gray-100 p-4">
          <dt className="font-bold">Committed, not yet paid</dt>
          <dd className="text-2xl font-bold">{formatPence(totals.committedPence)}</dd>
        </div>
        <div className="border-l-8 border-brand bg-gray-100 p-4">
          <dt className="font-bold">Paid in grants</dt>
          <dd className="text-2xl font-bold">{formatPence(totals.paidPence)}</dd>
        </div>
        <div className="border-l-8 border-brand bg-gray-100 p-4">
          <dt className="font-bold">Available to allocate</dt>
          <dd className="text-2xl font-bold">{formatPence(totals.availablePence)}</dd>
        </div>
      </dl>
      <nav aria-label="Awards by status" className="mb-6">
        <ul className="flex flex-wrap gap-4">
          {AWARD_STATUSES.map((s) => (
            <li key={s}>
              <Link to={`?status=${s}`} className={`text-brand underline ${s === status ? "font-bold" : ""}`} aria-current={s === status ? "page" : undefined}>
                {TAB_LABELS[s]} ({byStatus[s]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="mb-4 text-2xl font-bold">{TAB_LABELS[status]}</h2>
      {awards.length ? (
        <table className="mb-6 w-full max-w-3xl border-collapse text-left" data-testid="awards">
          <caption className="sr-only">{TAB_LABELS[status]}, oldest first</caption>
          <ColumnHeads headings={["Application", "Amount", dateHeading]} cellClassName="border-b-2 border-gray-900 py-2 pr-4" />
          <tbody>
            {awards.map((a) => (
              <tr key={a.id}>
                <th scope="row" className="border-b border-gray-300 py-2 pr-4 font-normal">
                  <Link to={`/finance/awards/${a.id}`} className="text-brand underline">
                    {a.reference}
                  </Link>
                </th>
                <td className="border-b border-gray-300 py-2 pr-4">{formatPence(a.amountPence)}</td>
                <td className="border-b border-gray-300 py-2 pr-4">
                  {day(status === "committed" ? a.createdAt : status === "payment_approved" ? a.paymentApprovedAt : status === "paid" ? a.paidOn : a.cancelledAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mb-6">There are no awards here.</p>
      )}
      <Pager
        page={page}
        pageCount={pages}
        to={(p) => `?status=${status}&page=${p}`}
        between={
          <p>
            Page {page} of {pages} ({total} awards)
          </p>
        }
      />
    </>
  );
}
