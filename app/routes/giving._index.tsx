// "My giving": the employee's regular gift from pay, its history, what payroll has taken, and card gifts.
import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LinkRegion } from "~/components/layout";
import { CostTable, SummaryList, type SummaryRow } from "~/components/pledge-ui";
import { PureMarkup } from "~/components/pure-markup";
import { formatPence } from "~/domain/money";
import { givingModeWords } from "~/domain/pledges/amounts";
import { myGiving } from "~/services/my-giving.server";
import { PledgeError } from "~/services/pledges.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "My giving – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["employee"]);
  try {
    return await myGiving(user.id, new Date(), user.dataVersions);
  } catch (err) {
    if (err instanceof PledgeError) throw new Response(err.message, { status: 403, statusText: "Forbidden" });
    throw err;
  }
}

const STATUS_WORDS = { active: "Active", paused: "Paused", stopped: "Stopped", none: "Not set up" } as const;

const ACTION_LINKS = [
  { type: "amend", to: "/giving/amend", label: "Change the amount" },
  { type: "pause", to: "/giving/pause", label: "Pause your gift" },
  { type: "resume", to: "/giving/resume", label: "Restart your gift" },
  { type: "stop", to: "/giving/stop", label: "Stop your gift" },
] as const;

/**
 * What has happened: the changes made, what payroll has taken and the card gifts. Plain markup from this
 * data alone, so the server keeps it as markup per data (PureMarkup).
 */
function givingRecord(data: Pick<SerializeFrom<typeof loader>, "history" | "deductions" | "cardGifts">) {
  return (
    <>
      <section aria-labelledby="history" className="mb-10">
        <h2 id="history" className="mb-4 text-2xl font-bold">
          Changes you have made
        </h2>
        {data.history.length ? (
          <table className="w-full border-collapse text-left" data-testid="pledge-history">
            <caption className="sr-only">Changes to your regular gift, newest first</caption>
            <thead>
              <tr className="border-b-2 border-gray-900">
                <th scope="col" className="py-2 pr-4">Change</th>
                <th scope="col" className="py-2 pr-4">Amount each pay period</th>
                <th scope="col" className="py-2 pr-4">Takes effect from</th>
                <th scope="col" className="py-2">Made on</th>
              </tr>
            </thead>
            <tbody>
              {data.history.map((h) => (
                <tr key={h.id} className="border-b border-gray-300">
                  <td className="py-2 pr-4">
                    {h.label}
                    {h.pauseUntil ? ` until ${h.pauseUntil}` : ""}
                  </td>
                  <td className="py-2 pr-4">{formatPence(h.amountPence)}</td>
                  <td className="py-2 pr-4">{h.periodLabel}</td>
                  <td className="py-2">{h.madeAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>You have not made any changes yet.</p>
        )}
      </section>

      <section aria-labelledby="deducted" className="mb-10">
        <h2 id="deducted" className="mb-4 text-2xl font-bold">
          Taken from your pay so far
        </h2>
        {data.deductions.rows.length ? (
          <table className="w-full border-collapse text-left" data-testid="deductions">
            <caption className="sr-only">What payroll has taken from your pay, newest first</caption>
            <thead>
              <tr className="border-b-2 border-gray-900">
                <th scope="col" className="py-2 pr-4">Pay period</th>
                <th scope="col" className="py-2 pr-4">Pay day</th>
                <th scope="col" className="py-2">Amount</th>
              </tr>
            </thead>
            <tbody>
              {data.deductions.rows.map((d) => (
                <tr key={d.id} className="border-b border-gray-300">
                  <td className="py-2 pr-4">{d.periodLabel}</td>
                  <td className="py-2 pr-4">{d.payDate}</td>
                  <td className="py-2">{formatPence(d.amountPence)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2} className="py-2 pr-4 text-left">Total</th>
                <td className="py-2 font-bold">{formatPence(data.deductions.totalPence)}</td>
              </tr>
            </tfoot>
          </table>
        ) : (
          <p>Nothing has been taken from your pay yet. Deductions appear here once payroll has confirmed them.</p>
        )}
      </section>

      <section aria-labelledby="card-gifts">
        <h2 id="card-gifts" className="mb-4 text-2xl font-bold">
          Gifts by card
        </h2>
        {data.cardGifts.length ? (
          <ul className="list-disc pl-6">
            {data.cardGifts.map((g) => (
              <li key={g.id}>
                {formatPence(g.amountPence)} on {g.date}
              </li>
            ))}
          </ul>
        ) : (
          <p>You have not given by card yet.</p>
        )}
      </section>
    </>
  );
}

export default function MyGivingPage() {
  const data = useLoaderData<typeof loader>();
  const { pledge } = data;
  const rows: SummaryRow[] = pledge
    ? [
        {
          key: "Status",
          value: pledge.pausedUntil ? `${STATUS_WORDS[pledge.status]} until ${pledge.pausedUntil}` : STATUS_WORDS[pledge.status],
        },
        { key: "Amount each pay period", value: formatPence(pledge.amountPence) },
        {
          key: "Next taken from your pay",
          value: pledge.nextDeduction
            ? `${formatPence(pledge.nextDeduction.amountPence)} in the ${pledge.nextDeduction.periodLabel} pay period`
            : "Nothing is due to be taken",
        },
        ...(pledge.scheduled ? [{ key: "Change already made", value: pledge.scheduled }] : []),
        ...(pledge.dedication ? [{ key: "Message", value: pledge.dedication }] : []),
        { key: "Pay group", value: `${data.payGroupName} (paid ${data.periodWords})` },
        { key: "How it is taken", value: givingModeWords(data.givingMode) },
      ]
    : [];
  return (
    // One region for the page: its links are plain <a>s, which the region navigates within the page.
    <LinkRegion>
      <h1 className="mb-4 text-3xl font-bold">My giving</h1>
      <p className="mb-6">
        <a href="/giving/impact" className="text-brand underline">
          My impact: what your giving added up to this year, and what the fund paid for
        </a>
      </p>

      <section aria-labelledby="regular-gift" className="mb-10">
        <h2 id="regular-gift" className="mb-4 text-2xl font-bold">
          Your regular gift from pay
        </h2>
        {pledge ? (
          <>
            <SummaryList rows={rows} testId="current-pledge" />
            {pledge.status !== "stopped" ? <CostTable caption="What your gift costs" costs={pledge.costs} /> : null}
          </>
        ) : (
          <p className="mb-4">You do not give from your pay at the moment.</p>
        )}
        {data.effectivePeriodLabel ? (
          <p className="mb-4">Any change you make now takes effect from the {data.effectivePeriodLabel} pay period.</p>
        ) : null}
        {data.actions.includes("create") ? (
          <p>
            <a href="/giving/pledge/amount" className="inline-block bg-success px-4 py-2 font-bold text-white">
              Give from your pay
            </a>
          </p>
        ) : (
          <ul className="flex flex-wrap gap-6" aria-label="What you can do">
            {ACTION_LINKS.filter((a) => data.actions.includes(a.type)).map((a) => (
              <li key={a.type}>
                <a href={a.to} className="text-brand underline">
                  {a.label}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <PureMarkup as="div" data={{ history: data.history, deductions: data.deductions, cardGifts: data.cardGifts }} render={givingRecord} />
    </LinkRegion>
  );
}
