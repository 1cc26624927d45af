// The Gift Aid claim schedule: choose a date range (a GET form, so it works without JavaScript), see what would
// be claimed, then export the schedule (a POST to the export route, which returns the CSV).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/forms";
import { Section } from "~/components/finance-ui";
import { DateInput } from "~/components/pledge-ui";
import { formatDayKey, parseClaimRange, type RangeErrors } from "~/domain/gift-aid/claim-range";
import { ROWS_PER_SHEET } from "~/domain/gift-aid/schedule";
import { formatDay } from "~/domain/payroll/periods";
import { formatPence } from "~/domain/money";
import { previewClaim, recentClaims, todayKey } from "~/services/gift-aid.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Gift Aid claim schedule – Helping Hands" }];

const FIELDS = ["fromDay", "fromMonth", "fromYear", "toDay", "toMonth", "toYear", "aggregate"] as const;
const EXCLUDED_LABELS: Record<string, string> = {
  not_recognised: "the fund is not recognised by HMRC as a charity",
  before_recognition: "paid before the fund was recognised by HMRC",
  refunded: "refunded",
  disputed: "disputed by the card holder",
  already_claimed: "already claimed",
  no_declaration: "the Gift Aid declaration was cancelled or does not cover the gift",
  not_paid: "not paid",
};
const ADJUSTMENT_REASONS: Record<string, string> = {
  refunded: "Refunded",
  partially_refunded: "Partly refunded",
  dispute_lost: "Dispute lost",
};

// Finance only.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["finance"]);
  const url = new URL(request.url);
  const values = Object.fromEntries(FIELDS.map((f) => [f, url.searchParams.get(f) ?? ""])) as Record<(typeof FIELDS)[number], string>;
  const claims = (await recentClaims()).map((c) => ({
    ...c,
    fromDate: formatDay(c.fromDate),
    toDate: formatDay(c.toDate),
    createdAt: formatDay(c.createdAt),
    paidOn: c.ledger.paid ? formatDay(c.ledger.paid.on) : null,
  }));
  const exportError = url.searchParams.get("exportError") === "none" ? "There are no gifts to claim Gift Aid on between these dates" : null;
  if (!url.searchParams.has("fromDay")) return { values, errors: {} as RangeErrors, preview: null, range: null, claims, exportError };
  const parsed = parseClaimRange(values, todayKey(new Date()));
  if (!parsed.ok) return json({ values, errors: parsed.errors, preview: null, range: null, claims, exportError }, { status: 400 });
  const preview = await previewClaim(parsed.range);
  return { values, errors: {} as RangeErrors, preview, range: parsed.range, claims, exportError };
}

export default function GiftAidClaimPage() {
  const { values, errors, preview, range, claims, exportError } = useLoaderData<typeof loader>();
  const problems = [
    ...(errors.from ? [{ href: "#from", text: errors.from }] : []),
    ...(errors.to ? [{ href: "#to", text: errors.to }] : []),
    ...(exportError ? [{ href: "#export", text: exportError }] : []),
  ];
  return (
    <>
      <ErrorSummary items={problems} />
      <h1 className="mb-6 text-3xl font-bold">Gift Aid claim schedule</h1>
      <p className="mb-6 max-w-3xl">
        Export the gifts to claim Gift Aid on, in the columns of HMRC&rsquo;s Charities Online schedule. Only paid card gifts with a Gift Aid
        declaration that covers them are included. Refunded, disputed and already claimed gifts are left out, and exported gifts are marked so
        they are never claimed twice. If a gift already claimed is later refunded or lost in a dispute, the Gift Aid on it is deducted from
        the next claim you export, whatever its dates, as far as that claim&rsquo;s Gift Aid allows.
      </p>
      <Form method="get" className="mb-10 max-w-3xl" noValidate>
        <DateInput name="from" legend="From" hint="For example, 6 4 2026" error={errors.from} values={{ day: values.fromDay, month: values.fromMonth, year: values.fromYear }} />
        <DateInput name="to" legend="To" hint="Gifts paid on this day are included" error={errors.to} values={{ day: values.toDay, month: values.toMonth, year: values.toYear }} />
        <div className="mb-6 flex items-start gap-3">
          <input id="aggregate" name="aggregate" type="checkbox" value="yes" defaultChecked={values.aggregate === "yes"} className="mt-1 h-6 w-6" aria-describedby="aggregate-hint" />
          <div>
            <label htmlFor="aggregate" className="font-bold">
              Aggregate small donations
            </label>
            <p id="aggregate-hint" className="text-gray-700">
              Gifts of £30 or less are added together into lines of up to £1,000, without donor details.
            </p>
          </div>
        </div>
        <Button variant="secondary">Show what would be claimed</Button>
      </Form>
      {preview && range ? (
        <Section id="preview" title={`Gifts from ${formatDayKey(range.fromKey)} to ${formatDayKey(range.toKey)}`} className="mb-10">
          <dl className="mb-6 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-1" data-testid="claim-preview">
            <dt className="font-bold">Gifts to claim on</dt>
            <dd>{preview.gifts}</dd>
            <dt className="font-bold">Rows in the schedule</dt>
            <dd>{preview.lines}</dd>
            <dt className="font-bold">Total of the gifts</dt>
            <dd>{formatPence(preview.totalPence)}</dd>
            <dt className="font-bold">Adjustment for earlier overclaims</dt>
            <dd data-testid="adjustment-total">{formatPence(preview.adjustments.taxPence)}</dd>
          </dl>
          {preview.adjustments.gifts > 0 ? (
            <>
              <h3 className="mb-2 text-xl font-bold">Adjustment for earlier overclaims</h3>
              <p className="mb-4 max-w-3xl">
                {preview.adjustments.gifts === 1 ? "1 gift" : `${preview.adjustments.gifts} gifts`} already claimed{" "}
                {preview.adjustments.gifts === 1 ? "was" : "were"} refunded or lost in a dispute, so Gift Aid of{" "}
                <strong>{formatPence(preview.adjustments.taxPence)}</strong> was overclaimed. Exporting records it on this claim: enter{" "}
                {formatPence(preview.adjustments.taxPence)} in &ldquo;Adjustment for earlier overclaims&rdquo; in HMRC&rsquo;s Charities Online
                form when you submit the schedule. These gifts are not in the schedule file.
              </p>
              <table className="mb-6 w-full max-w-3xl border-collapse text-left" data-testid="adjustments">
                <caption className="sr-only">Gifts claimed earlier whose Gift Aid is given back on this claim</caption>
                <thead>
                  <tr className="border-b-2 border-gray-900">
                    <th scope="col" className="py-2 pr-4">Reference</th>
                    <th scope="col" className="py-2 pr-4">What happened</th>
                    <th scope="col" className="py-2 pr-4 text-right">Amount claimed on</th>
                    <th scope="col" className="py-2 pr-4 text-right">No longer kept</th>
                    <th scope="col" className="py-2 text-right">Gift Aid to give back</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.adjustments.lines.map((a) => (
                    <tr key={a.reference} className="border-b border-gray-300">
                      <th scope="row" className="py-2 pr-4 font-normal">{a.reference}</th>
                      <td className="py-2 pr-4">{ADJUSTMENT_REASONS[a.reason] ?? a.reason}</td>
                      <td className="py-2 pr-4 text-right">{formatPence(a.claimedPence)}</td>
                      <td className="py-2 pr-4 text-right">{formatPence(a.donationPence)}</td>
                      <td className="py-2 text-right">{formatPence(a.taxPence)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          {preview.adjustments.waiting.gifts > 0 ? (
            <p className="mb-6 max-w-3xl" data-testid="adjustments-waiting">
              {formatPence(preview.adjustments.waiting.taxPence)} of Gift Aid overclaimed on{" "}
              {preview.adjustments.waiting.gifts === 1 ? "1 gift" : `${preview.adjustments.waiting.gifts} gifts`} claimed earlier is more than{" "}
              {preview.gifts > 0 ? "this claim can take" : "a claim with no new gifts can take"} (an adjustment cannot be more than the Gift Aid
              claimed with it). It waits for the next claim. If no claim is coming, contact HMRC&rsquo;s charities helpline to pay it back.
            </p>
          ) : null}
          {Object.keys(preview.excluded).length ? (
            <>
              <h3 className="mb-2 text-xl font-bold">Gifts left out</h3>
              <ul className="mb-6 list-disc pl-6">
                {Object.entries(preview.excluded).map(([reason, count]) => (
                  <li key={reason}>
                    {count} {count === 1 ? "gift" : "gifts"}: {EXCLUDED_LABELS[reason] ?? reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {preview.overSheetLimit ? (
            <p className="mb-6 font-bold">
              This schedule has {preview.lines} rows and an HMRC sheet takes {ROWS_PER_SHEET}. Each export claims one sheet: export{" "}
              {preview.sheets} times to claim every gift in this range.
            </p>
          ) : null}
          {preview.gifts > 0 ? (
            <form method="post" action="/finance/gift-aid/export" id="export">
              {FIELDS.map((f) => (
                <input key={f} type="hidden" name={f} value={values[f]} />
              ))}
              <Button>Export claim schedule</Button>
            </form>
          ) : (
            <p id="export">There are no gifts to claim Gift Aid on between these dates.</p>
          )}
        </Section>
      ) : exportError ? (
        <p id="export" className="mb-10">
          {exportError}.
        </p>
      ) : null}
      <Section id="claims" title="Claims already exported">
        {claims.length ? (
          <>
            <p className="mb-4 max-w-3xl">Open a claim to record HMRC&rsquo;s payment of it when it reaches the fund&rsquo;s bank account.</p>
            <table className="w-full max-w-5xl border-collapse text-left">
              <thead>
                <tr className="border-b-2 border-gray-900">
                  <th scope="col" className="py-2 pr-4">Exported</th>
                  <th scope="col" className="py-2 pr-4">Gifts paid</th>
                  <th scope="col" className="py-2 pr-4 text-right">Rows</th>
                  <th scope="col" className="py-2 pr-4 text-right">Total</th>
                  <th scope="col" className="py-2 pr-4 text-right">Adjustment for earlier overclaims</th>
                  <th scope="col" className="py-2 pr-4 text-right">Due from HMRC</th>
                  <th scope="col" className="py-2">Paid by HMRC</th>
                </tr>
              </thead>
              <tbody>
                {claims.map((c) => (
                  <tr key={c.id} className="border-b border-gray-300">
                    <td className="py-2 pr-4">{c.createdAt}</td>
                    <td className="py-2 pr-4">
                      <Link to={`/finance/gift-aid/claims/${c.id}`} className="text-brand underline">
                        {c.fromDate} to {c.toDate}
                      </Link>
                    </td>
                    <td className="py-2 pr-4 text-right">{c.rowCount}</td>
                    <td className="py-2 pr-4 text-right">{formatPence(c.totalPence)}</td>
                    <td className="py-2 pr-4 text-right">{c.adjustmentPence ? formatPence(c.adjustmentPence) : "None"}</td>
                    <td className="py-2 pr-4 text-right">{formatPence(c.ledger.duePence)}</td>
                    <td className="py-2" data-testid="claim-paid">
                      {c.ledger.paid ? `${formatPence(c.ledger.paid.receivedPence)} on ${c.paidOn}` : c.ledger.duePence ? "Not yet" : "Nothing due"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p>No claims have been exported yet.</p>
        )}
      </Section>
    </>
  );
}
