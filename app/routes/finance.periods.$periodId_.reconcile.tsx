// Reconcile a pay period: upload what payroll deducted, explain each difference, confirm.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  MaxPartSizeExceededError,
  json,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, type ErrorSummaryItem } from "~/components/forms";
import { formatPence } from "~/domain/money";
import {
  LINE_KIND_LABELS,
  MAX_NOTE_LENGTH,
  MAX_UPLOAD_BYTES,
  REASONS,
  REASON_LABELS,
  UPLOAD_COLUMNS,
  decodeUpload,
  describeProblem,
  parseReasonsForm,
  type Reason,
  type UploadProblem,
} from "~/domain/payroll/reconciliation";
import {
  ReconciliationError,
  confirmReconciliation,
  draftDifferenceLines,
  reconciliationPage,
  recordAgencyPayment,
  saveReasons,
  uploadDeductions,
  type ReconciliationPage,
} from "~/services/reconciliation.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `Reconcile ${data.period.label}` : "Reconcile"} – Helping Hands` },
];

const SHOWN_PROBLEMS = 25;
const notFound = () => new Response("No such pay period.", { status: 404, statusText: "Not Found" });

// Finance only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["finance"]);
  const page = await reconciliationPage(params.periodId ?? "");
  if (!page) throw notFound();
  return page;
}

type ActionData = { problems: ErrorSummaryItem[]; more: number; values?: Record<string, string> };

const problemsFromUpload = (list: UploadProblem[], count: number): ActionData => ({
  problems: list.slice(0, SHOWN_PROBLEMS).map((p) => ({ href: "#file", text: describeProblem(p) })),
  more: count - Math.min(list.length, SHOWN_PROBLEMS),
});

// Finance only.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["finance"]);
  const actor = { userId: user.id, role: "finance" };
  const page = await reconciliationPage(params.periodId ?? "");
  if (!page) throw notFound();
  const periodId = page.period.id;
  const here = `/finance/periods/${periodId}/reconcile`;
  const done = async (message: string) =>
    redirect(here, { status: 303, headers: { "Set-Cookie": await setFlash(request, { kind: "success", message }) } });

  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }));
    } catch (error) {
      if (!(error instanceof MaxPartSizeExceededError)) throw error;
      const message = `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Upload only the columns Payroll number, Amount and Period`;
      return json<ActionData>({ problems: [{ href: "#file", text: message }], more: 0 }, { status: 400 });
    }
    const file = form.get("file");
    if (!(file instanceof File) || (file.size === 0 && file.name === "")) {
      return json<ActionData>({ problems: [{ href: "#file", text: "Choose the CSV file of what payroll deducted" }], more: 0 }, { status: 400 });
    }
    const text = decodeUpload(new Uint8Array(await file.arrayBuffer()));
    const outcome = await uploadDeductions({ periodId, text, fileName: file.name, actor });
    if (!outcome.ok) return json<ActionData>(problemsFromUpload(outcome.problems, outcome.problemCount), { status: 400 });
    const differences = outcome.differenceCount === 0 ? "no differences" : outcome.differenceCount === 1 ? "1 difference to explain" : `${outcome.differenceCount} differences to explain`;
    return done(`Read ${outcome.rows} ${outcome.rows === 1 ? "row" : "rows"} for ${page.period.label}: ${differences}.`);
  }

  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "agency") {
    try {
      await recordAgencyPayment({ periodId, actor });
    } catch (error) {
      if (!(error instanceof ReconciliationError)) throw error;
      return json<ActionData>({ problems: [{ href: "#agency", text: error.message }], more: 0 }, { status: 400 });
    }
    return done(`Recorded that the Payroll Giving Agency paid the fund for ${page.period.label}.`);
  }
  if (intent !== "save" && intent !== "confirm") throw new Response("Unknown action.", { status: 400 });

  const values = Object.fromEntries([...form.entries()].filter(([k, v]) => /^(reason|note)-/.test(k) && typeof v === "string")) as Record<string, string>;
  const lines = await draftDifferenceLines(periodId);
  const parsed = parseReasonsForm(form, lines);
  if (!parsed.ok) {
    return json<ActionData>({ problems: Object.entries(parsed.errors).map(([id, text]) => ({ href: `#${id}`, text })), more: 0, values }, { status: 400 });
  }
  try {
    if (parsed.updates.length) await saveReasons({ periodId, updates: parsed.updates, actor });
    if (intent === "save") return done("Reasons saved.");
    const confirmed = await confirmReconciliation({ periodId, actor });
    return done(
      confirmed.ledgerTransactionId
        ? `Reconciliation confirmed: ${formatPence(confirmed.deductedTotalPence)} posted to the fund ledger.`
        : "Reconciliation confirmed. Nothing was deducted, so nothing was posted to the ledger.",
    );
  } catch (error) {
    if (!(error instanceof ReconciliationError)) throw error;
    const problems = [
      { href: error.lines.length ? `#reason-${error.lines[0].id}-${REASONS[0]}` : "#review", text: error.message },
      ...error.lines.slice(0, SHOWN_PROBLEMS).map((l) => ({ href: `#reason-${l.id}-${REASONS[0]}`, text: l.message })),
    ];
    return json<ActionData>({ problems, more: Math.max(0, error.lines.length - SHOWN_PROBLEMS) }, { status: 400 });
  }
}

const MODE_LABELS = { net_pay: "Net pay deduction", payroll_giving: "Payroll Giving through an agency" } as const;

const differenceWords = (d: number) =>
  d === 0 ? "None" : d < 0 ? `${formatPence(-d)} less than expected` : `${formatPence(d)} more than expected`;

function Totals({ r }: { r: NonNullable<ReconciliationPage["reconciliation"]> }) {
  return (
    <dl className="mb-6 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
      <dt className="font-bold">Expected</dt>
      <dd>{formatPence(r.expectedTotalPence)}</dd>
      <dt className="font-bold">Deducted by payroll</dt>
      <dd>{formatPence(r.deductedTotalPence)}</dd>
      <dt className="font-bold">Difference</dt>
      <dd>{differenceWords(r.deductedTotalPence - r.expectedTotalPence)}</dd>
      <dt className="font-bold">Employees</dt>
      <dd>
        {r.lineCount} ({r.matchedCount} as expected, {r.differences.length} {r.differences.length === 1 ? "difference" : "differences"})
      </dd>
    </dl>
  );
}

function UploadForm({ periodId, label, replacing, hasError }: { periodId: string; label: string; replacing: boolean; hasError: boolean }) {
  return (
    <section aria-labelledby="upload-heading" className="mb-10">
      <h2 id="upload-heading" className="mb-2 text-2xl font-bold">
        {replacing ? "Upload a corrected file" : "Upload what payroll deducted"}
      </h2>
      {replacing ? <p className="mb-2">A new upload replaces this draft and the reasons given for it.</p> : null}
      <p className="mb-4">
        <a href={`/finance/periods/${periodId}/reconcile/expected.csv`} className="text-brand underline" download>
          Download the expected deductions (CSV, in this format)
        </a>
      </p>
      <Form method="post" encType="multipart/form-data" noValidate>
        <div className={`mb-6 ${hasError ? "border-l-4 border-error pl-4" : ""}`}>
          <label htmlFor="file" className="mb-1 block font-bold">
            CSV file from payroll
          </label>
          <div id="file-hint" className="mb-2 max-w-2xl text-gray-700">
            A header row naming the columns <strong>{UPLOAD_COLUMNS.payrollNumber}</strong>, <strong>{UPLOAD_COLUMNS.amount}</strong> and{" "}
            <strong>{UPLOAD_COLUMNS.period}</strong> (other columns are ignored), then one row per employee: the amount in pounds, like 5.00
            (0.00 if nothing was taken), and the period as &ldquo;{label}&rdquo; or its start date. Up to {MAX_UPLOAD_BYTES / 1024 / 1024} MB.
          </div>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="file-hint"
            aria-invalid={hasError ? true : undefined}
            className="block"
          />
        </div>
        <Button>Upload</Button>
      </Form>
    </section>
  );
}

type Difference = NonNullable<ReconciliationPage["reconciliation"]>["differences"][number];

function DifferenceFields({ line, values }: { line: Difference; values?: Record<string, string> }) {
  const chosen = values ? (values[`reason-${line.id}`] ?? "") : (line.reason ?? "");
  const note = values ? (values[`note-${line.id}`] ?? "") : (line.note ?? "");
  return (
    <fieldset className="mb-6 border-b border-gray-300 pb-4" aria-describedby={`amounts-${line.id}`}>
      <legend className="mb-1 text-lg font-bold">
        {line.payrollNumber} {line.name}
      </legend>
      <p id={`amounts-${line.id}`} className="mb-2">
        {LINE_KIND_LABELS[line.kind]}: expected {formatPence(line.expectedPence)}, deducted {formatPence(line.deductedPence)}.
      </p>
      <div className="mb-2 flex flex-wrap gap-x-6 gap-y-2">
        {REASONS.map((reason: Reason) => (
          <div key={reason} className="flex items-center gap-2">
            <input
              type="radio"
              id={`reason-${line.id}-${reason}`}
              name={`reason-${line.id}`}
              value={reason}
              defaultChecked={chosen === reason}
              className="h-5 w-5"
            />
            <label htmlFor={`reason-${line.id}-${reason}`}>{REASON_LABELS[reason]}</label>
          </div>
        ))}
      </div>
      <label htmlFor={`note-${line.id}`} className="block">
        Note <span className="text-gray-700">(needed for Other)</span>
      </label>
      <input
        id={`note-${line.id}`}
        name={`note-${line.id}`}
        type="text"
        maxLength={MAX_NOTE_LENGTH}
        defaultValue={note}
        className="block w-full max-w-xl border-2 border-gray-900 p-2"
      />
    </fieldset>
  );
}

export default function Reconcile() {
  const page = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { period, expected, reconciliation: r } = page;
  const uploadError = data?.problems.some((p) => p.href === "#file") ?? false;
  const posting =
    period.givingMode === "payroll_giving"
      ? "as payroll income held by the Payroll Giving Agency (debit payroll agency, credit payroll income)"
      : "as payroll income into the fund's bank (debit fund bank, credit payroll income)";
  return (
    <div className="max-w-3xl">
      <ErrorSummary items={data?.problems} more={data?.more} />
      <span className="text-lg text-gray-700">{period.payGroupName}</span>
      <h1 className="mb-4 text-3xl font-bold">Reconcile {period.label}</h1>
      <dl className="mb-6 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-bold">Period starts</dt>
        <dd>{period.startsOn}</dd>
        <dt className="font-bold">Giving mode</dt>
        <dd>{MODE_LABELS[period.givingMode]}</dd>
        <dt className="font-bold">Expected deductions</dt>
        <dd>
          {expected.employees} {expected.employees === 1 ? "employee" : "employees"}, {formatPence(expected.totalPence)}
        </dd>
      </dl>

      {r?.status === "confirmed" ? (
        <>
          <div className="mb-8 bg-success p-6 text-center text-white" data-testid="confirmation-panel">
            <h2 className="mb-2 text-3xl font-bold">Reconciliation confirmed</h2>
            <p className="text-xl">
              {formatPence(r.deductedTotalPence)} deducted by payroll
              {r.ledgerTransactionId ? " and posted to the fund ledger" : "; nothing was deducted, so nothing was posted to the ledger"}
            </p>
          </div>
          <Totals r={r} />
          {r.differences.length ? (
            <table className="mb-8 w-full text-left">
              <caption className="mb-2 text-left text-2xl font-bold">Differences explained</caption>
              <thead>
                <tr>
                  <th scope="col">Employee</th>
                  <th scope="col">Expected</th>
                  <th scope="col">Deducted</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {r.differences.map((d) => (
                  <tr key={d.id} className="border-t border-gray-300">
                    <td>
                      {d.payrollNumber} {d.name}
                    </td>
                    <td>{formatPence(d.expectedPence)}</td>
                    <td>{formatPence(d.deductedPence)}</td>
                    <td>
                      {REASON_LABELS[d.reason as Reason] ?? d.reason}
                      {d.note ? `: ${d.note}` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {period.givingMode === "payroll_giving" && r.deductedTotalPence > 0 ? (
            <section id="agency" aria-labelledby="agency-heading" className="mb-8">
              <h2 id="agency-heading" className="mb-2 text-2xl font-bold">
                Payment from the Payroll Giving Agency
              </h2>
              {r.agencyPaid ? (
                <p>The agency&rsquo;s payment of {formatPence(r.deductedTotalPence)} to the fund is recorded.</p>
              ) : (
                <Form method="post">
                  <p className="mb-4">When the agency has paid the fund {formatPence(r.deductedTotalPence)} for this period, record it here.</p>
                  <input type="hidden" name="intent" value="agency" />
                  <Button>Record that the agency paid the fund</Button>
                </Form>
              )}
            </section>
          ) : null}
        </>
      ) : (
        <>
          {r ? (
            <section id="review" aria-labelledby="review-heading" className="mb-10">
              <h2 id="review-heading" className="mb-2 text-2xl font-bold">
                Check what payroll deducted
              </h2>
              <Totals r={r} />
              <Form method="post" noValidate>
                {r.differences.length ? (
                  <>
                    <h3 className="mb-2 text-xl font-bold">Explain each difference</h3>
                    <p className="mb-4">Choose a reason for every employee whose deduction differs from what was expected.</p>
                    {r.differences.map((line) => (
                      <DifferenceFields key={line.id} line={line} values={data?.values} />
                    ))}
                  </>
                ) : (
                  <p className="mb-4">Payroll deducted exactly what was expected for every employee.</p>
                )}
                <p className="mb-4">
                  Confirming records each employee&rsquo;s deduction and{" "}
                  {r.deductedTotalPence > 0 ? `posts ${formatPence(r.deductedTotalPence)} to the fund ledger ${posting}` : "posts nothing to the ledger, as nothing was deducted"}. It cannot be
                  undone.
                </p>
                <div className="flex flex-wrap gap-4">
                  <Button name="intent" value="confirm">
                    Confirm reconciliation
                  </Button>
                  {r.differences.length ? (
                    <Button name="intent" value="save" variant="secondary">
                      Save reasons
                    </Button>
                  ) : null}
                </div>
              </Form>
            </section>
          ) : null}
          <UploadForm periodId={period.id} label={period.label} replacing={Boolean(r)} hasError={uploadError} />
        </>
      )}
      <p>
        <Link to={`/finance/periods/${period.id}`} className="text-brand underline">
          Back to {period.label}
        </Link>
      </p>
    </div>
  );
}
