// One pay period for finance: the mode in force, what payroll should deduct, the changes since the
// previous period, the file downloads (in a chosen layout) and the lock.
// No <Outlet/>: the reconciliation pages (finance.periods.$periodId_.reconcile*) are not nested here.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { formatWhen } from "~/components/application-ui";
import { ColumnHeads, Section } from "~/components/finance-ui";
import { LinkRegion } from "~/components/layout";
import { Button, ErrorSummary } from "~/components/forms";
import { PureMarkup } from "~/components/pure-markup";
import { formatPence } from "~/domain/money";
import { CHANGE_KINDS } from "~/domain/payroll/changefile";
import { formatDay, type GivingMode } from "~/domain/payroll/periods";
import { periodPage, type PeriodStatus } from "~/services/payroll-files.server";
import { lockPeriodById } from "~/services/pay-periods.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.period.label}, ${data.period.payGroupName}` : "Pay period"} – Helping Hands` },
];

const DOWNLOAD_ERRORS: Record<string, { field: string; message: string }> = {
  layout: { field: "layoutId", message: "Choose a layout from the list" },
  kind: { field: "kind", message: "Choose the change file, the full file or the control totals" },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["finance"]);
  const page = await periodPage(params.periodId ?? "", new Date(), user.dataVersions);
  if (!page) throw new Response("There is no such pay period.", { status: 404, statusText: "Not Found" });
  const error = DOWNLOAD_ERRORS[new URL(request.url).searchParams.get("error") ?? ""] ?? null;
  return { ...page, error };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["finance"]);
  const form = await request.formData();
  const periodId = params.periodId ?? "";
  if (form.get("intent") !== "lock") throw new Response("Unknown action.", { status: 400 });
  const locked = await lockPeriodById(periodId, { userId: user.id, role: "finance" }, new Date());
  if (!locked) throw new Response("There is no such pay period.", { status: 404, statusText: "Not Found" });
  const message = `${locked.label} (${locked.payGroupName}) is locked. Pledge changes now take effect from a later period.`;
  return redirect(`/finance/periods/${periodId}`, { status: 303, headers: { "Set-Cookie": await setFlash(request, { kind: "success", message }) } });
}

const MODE_WORDS: Record<GivingMode, string> = {
  payroll_giving: "Payroll Giving through an agency (taken before income tax, after National Insurance)",
  net_pay: "Net pay deduction (taken after tax and National Insurance)",
};

const STATUS_WORDS: Record<PeriodStatus, string> = {
  locked: "Locked",
  cut_off_passed: "Cut-off passed, not locked",
  open: "Open for changes",
};

/** A cut-off instant is the end of the day before it: "changes in by the end of 10 November 2026". */
const cutOffDay = (iso: string) => formatDay(new Date(new Date(iso).getTime() - 86_400_000));
const day = (iso: string) => formatDay(new Date(iso));

/**
 * The period's facts, totals, download form and files: plain markup and a native form, a function of the
 * page's data alone, so the server keeps it as markup per data (PureMarkup).
 */
function periodDetails({ period, previousLabel, totals, layouts, defaultLayoutId, files, deductionCode, error }: SerializeFrom<typeof loader>) {
  const rows: [string, string][] = [
    ["Pay group", `${period.payGroupName} (${period.frequency.replace("_", "-")})`],
    ["Period", `${day(period.startsOn)} to ${day(period.endsOn)}`],
    ["Pay date", day(period.payDate)],
    ["Cut-off", `Changes in by the end of ${cutOffDay(period.cutOffAt)}`],
    ["Giving mode in force", MODE_WORDS[period.givingMode]],
    ["Deduction code", deductionCode],
    [
      "Status",
      period.lockedAt
        ? `Locked on ${formatWhen(period.lockedAt)}${period.lockedBy ? ` by ${period.lockedBy}` : ""}`
        : STATUS_WORDS[period.status],
    ],
  ];
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">
        {period.label}
        <span className="block text-xl font-normal text-gray-700">{period.payGroupName}</span>
      </h1>

      <dl className="mb-8 grid grid-cols-1 border-t border-gray-300 sm:grid-cols-[14rem_1fr]" data-testid="period-summary">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="border-b border-gray-300 py-2 font-bold">{k}</dt>
            <dd className="border-b border-gray-300 py-2" data-testid={k === "Status" ? "period-status" : undefined}>
              {v}
            </dd>
          </div>
        ))}
      </dl>

      <Section id="expected" title="What payroll should deduct" className="mb-8">
        <p className="mb-4">
          <strong>{totals.participants}</strong> {totals.participants === 1 ? "employee gives" : "employees give"} a total of{" "}
          <strong>{formatPence(totals.totalPence)}</strong> in this period.
        </p>
        <table className="mb-2 w-full max-w-xl border-collapse text-left">
          <caption className="mb-2 text-left font-bold">
            Changes {previousLabel ? `since ${previousLabel}` : "(the pay group's first period: every deduction is new)"}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="border-b-2 border-gray-900 py-2">Change</th>
              <th scope="col" className="border-b-2 border-gray-900 py-2 text-right">Employees</th>
              <th scope="col" className="border-b-2 border-gray-900 py-2 text-right">Amount per period</th>
            </tr>
          </thead>
          <tbody>
            {CHANGE_KINDS.map((k) => (
              <tr key={k}>
                <th scope="row" className="border-b border-gray-300 py-2 font-normal">
                  {k === "NEW" ? "NEW (starting)" : k === "CHANGE" ? "CHANGE (new amount)" : "STOP (stopping or pausing)"}
                </th>
                <td className="border-b border-gray-300 py-2 text-right" data-testid={`count-${k}`}>{totals.byKind[k].rows}</td>
                <td className="border-b border-gray-300 py-2 text-right">{formatPence(totals.byKind[k].amountPence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-gray-700">A STOP counts the amount that stops.</p>
      </Section>

      <Section id="files" title="Files for payroll" className="mb-8">
        <div className="mb-4 border-l-8 border-gray-900 bg-gray-100 p-4">
          <strong>Downloading the change file or the full file locks this period.</strong> After that, changes employees make take
          effect from the next period.
        </div>
        {/* A native form post: the answer is the file itself, which the browser saves. */}
        <form method="post" action={`/finance/periods/${period.id}/download`}>
          <fieldset className={`mb-6 ${error?.field === "layoutId" ? "border-l-4 border-error pl-4" : ""}`}>
            <legend className="mb-2 text-xl font-bold">Layout</legend>
            <p id="layoutId-hint" className="mb-2 text-gray-700">The column layout your payroll package imports.</p>
            {layouts.map((l, i) => (
              <div key={l.id} className="mb-3 flex items-start gap-3">
                <input
                  type="radio"
                  name="layoutId"
                  id={i === 0 ? "layoutId" : `layoutId-${l.id}`}
                  value={l.id}
                  defaultChecked={l.id === defaultLayoutId}
                  aria-describedby={`layout-${l.id}-hint`}
                  className="mt-1 h-6 w-6 shrink-0"
                />
                <div>
                  <label htmlFor={i === 0 ? "layoutId" : `layoutId-${l.id}`} className="font-bold">
                    {l.name}
                  </label>
                  <p id={`layout-${l.id}-hint`} className="text-gray-700">
                    {l.description || (l.controlTotals === "trailer" ? "Control totals at the end of the file." : "Control totals as a separate file.")}
                  </p>
                </div>
              </div>
            ))}
          </fieldset>
          <div className="flex flex-wrap gap-4">
            <Button name="kind" value="change">
              Download the change file
            </Button>
            <Button name="kind" value="full" variant="secondary">
              Download the full file
            </Button>
            <Button name="kind" value="summary" variant="secondary">
              Download the control totals
            </Button>
          </div>
        </form>
      </Section>

      <Section id="downloaded" title="Files already downloaded" className="mb-8">
        {files.length ? (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left" data-testid="files">
              <ColumnHeads
                headings={["When", "By", "File", "Layout", "Rows", "Participants", "Total", "Mode", "SHA-256"]}
                cellClassName="border-b-2 border-gray-900 py-2 pr-3"
              />
              <tbody>
                {files.map((f) => (
                  <tr key={f.id}>
                    <td className="border-b border-gray-300 py-2 pr-3">{formatWhen(f.createdAt)}</td>
                    <td className="border-b border-gray-300 py-2 pr-3">{f.createdBy ?? "Unknown"}</td>
                    <td className="border-b border-gray-300 py-2 pr-3">{f.kind === "change" ? "Change file" : "Full file"}</td>
                    <td className="border-b border-gray-300 py-2 pr-3">{f.layoutId}</td>
                    <td className="border-b border-gray-300 py-2 pr-3 text-right">{f.rowCount}</td>
                    <td className="border-b border-gray-300 py-2 pr-3 text-right">{f.participants}</td>
                    <td className="border-b border-gray-300 py-2 pr-3 text-right">{formatPence(f.totalPence)}</td>
                    <td className="border-b border-gray-300 py-2 pr-3">{f.givingMode === "payroll_giving" ? "Payroll Giving" : "Net pay"}</td>
                    <td className="border-b border-gray-300 py-2 pr-3 font-mono text-sm">
                      <abbr title={f.sha256}>{f.sha256.slice(0, 12)}…</abbr>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>No file has been downloaded for this period yet.</p>
        )}
      </Section>
    </>
  );
}

export default function PeriodPage() {
  const data = useLoaderData<typeof loader>();
  const { period, error } = data;
  return (
    // One region for the page: its links are plain <a>s, which the region navigates within the page.
    <LinkRegion>
      <ErrorSummary errors={error ? { [error.field]: error.message } : undefined} />
      <p className="mb-2">
        <a href="/finance/periods" className="text-brand underline">
          All pay periods
        </a>
      </p>
      <PureMarkup as="div" data={data} render={periodDetails} />

      {period.lockedAt ? null : (
        <Section id="lock" title="Lock the period" className="mb-8">
          <p className="mb-4">Lock the period when payroll has what it needs. Later changes then take effect from the next period.</p>
          <Form method="post">
            <input type="hidden" name="intent" value="lock" />
            <Button variant="secondary">Lock period</Button>
          </Form>
        </Section>
      )}

      <Section id="after-payroll" title="After payroll has run">
        <p>
          <a href={`/finance/periods/${period.id}/reconcile`} className="text-brand underline">
            Reconcile what payroll deducted
          </a>
        </p>
      </Section>
    </LinkRegion>
  );
}
