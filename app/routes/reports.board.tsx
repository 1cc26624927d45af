// The Corporate Parenting Board report (coordinator and finance): a period's figures as plain tables
// that print well (the controls are hidden in print; the layout hides navigation and footer), every
// count of young people or awards suppressed. Months come from a GET form (works without JavaScript);
// the default is the last full quarter. The same figures download as CSV (reports.board[.csv].tsx).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button, ErrorSummary, FieldGroup, HintAndError, fieldIds } from "~/components/forms";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { monthChoices, monthsText, parseBoardQuery } from "~/domain/impact/figures";
import { formatShown, suppressionNote, type Shown, type SuppressedTable } from "~/domain/impact/suppression";
import { formatPence } from "~/domain/money";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { boardReport } from "~/services/impact-figures.server";
import { requireRole } from "~/utils/auth.server";
import { FIGURE_CELL, FIGURE_NUMBER, FigureTable } from "~/components/figure-table";

export const meta: MetaFunction = () => [{ title: "Corporate Parenting Board report – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["coordinator", "finance"]);
  const now = new Date();
  const todayKey = ukDayKey(now);
  const url = new URL(request.url);
  const parsed = parseBoardQuery({ from: url.searchParams.get("from"), to: url.searchParams.get("to") }, todayKey);
  const choices = monthChoices(todayKey);
  if (!parsed.ok) return json({ values: parsed.values, errors: parsed.errors, choices, report: null }, { status: 400 });
  const report = await boardReport(parsed.query, now);
  return { values: parsed.query, errors: {} as Partial<Record<"from" | "to", string>>, choices, report };
}

const th = "border-b-2 border-gray-900 py-2 pr-4";
const td = FIGURE_CELL;
const num = FIGURE_NUMBER;
const count = (v: Shown) => formatShown(v);
const money = (v: Shown) => formatShown(v, formatPence);

function MonthSelect({ name, label, value, error, choices }: { name: string; label: string; value: string; error?: string; choices: { value: string; label: string }[] }) {
  const { errorId, describedBy } = fieldIds(name, undefined, error);
  return (
    <FieldGroup error={error}>
      <label htmlFor={name} className="mb-1 block font-bold">
        {label}
      </label>
      <HintAndError error={error} errorId={errorId} />
      <select id={name} name={name} defaultValue={value} aria-describedby={describedBy} aria-invalid={error ? true : undefined} className="border-2 border-gray-900 p-2">
        {choices.some((c) => c.value === value) ? null : <option value={value}>{value || "Choose a month"}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </FieldGroup>
  );
}

/** A section with its heading, kept together on a printed page. */
function ReportSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-10 break-inside-avoid" data-testid={id}>
      <h2 id={id} className="mb-3 text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A suppressed table with its row and column totals. */
function GridTable({ caption, corner, rows, columns, table, cell }: { caption: string; corner: string; rows: string[]; columns: string[]; table: SuppressedTable; cell: (v: Shown) => string }) {
  return (
    <div className="overflow-x-auto">
      <table className="mb-6 w-full border-collapse text-left">
        <caption className="mb-2 text-left font-bold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>
              {corner}
            </th>
            {columns.map((c) => (
              <th key={c} scope="col" className={`${th} ${num}`}>
                {c}
              </th>
            ))}
            <th scope="col" className={`${th} ${num}`}>
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((label, r) => (
            <tr key={label}>
              <th scope="row" className={`${td} font-normal`}>
                {label}
              </th>
              {table.cells[r].map((v, c) => (
                <td key={c} className={`${td} ${num}`}>
                  {cell(v)}
                </td>
              ))}
              <td className={`${td} ${num} font-bold`}>{cell(table.rowTotals[r])}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" className={`${td} font-bold`}>
              Total
            </th>
            {table.columnTotals.map((v, c) => (
              <td key={c} className={`${td} ${num} font-bold`}>
                {cell(v)}
              </td>
            ))}
            <td className={`${td} ${num} font-bold`}>{cell(table.total)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}


export default function BoardReportPage() {
  const { values, errors, choices, report } = useLoaderData<typeof loader>();
  const income = (m: { payrollPence: number; cardPence: number; giftAidPence: number }) => m.payrollPence + m.cardPence + m.giftAidPence;
  return (
    <div className="max-w-5xl">
      <ErrorSummary errors={errors} />
      <span className="mb-1 block text-lg text-gray-700">Corporate Parenting Board report</span>
      <h1 className="mb-6 text-3xl font-bold">{report ? monthsText(report.fromKey, report.toKey) : "Choose the months"}</h1>

      <Form method="get" className="mb-8 flex flex-wrap items-end gap-x-6 print:hidden" aria-label="Months of the report" noValidate>
        <MonthSelect name="from" label="From the start of" value={values.from} error={errors.from} choices={choices} />
        <MonthSelect name="to" label="To the end of" value={values.to} error={errors.to} choices={choices} />
        <div className="mb-6">
          <Button variant="secondary">Show the report</Button>
        </div>
      </Form>

      {report ? (
        <>
          <p className="mb-4 max-w-3xl" data-testid="suppression-note">
            {suppressionNote(report.threshold)}
          </p>
          <p className="mb-8 max-w-3xl print:hidden">
            <a href={`/reports/board.csv?from=${report.fromKey}&to=${report.toKey}`} className="font-bold text-brand underline" data-testid="download-csv">
              Download CSV
            </a>{" "}
            (the same figures; the download is recorded). To make a PDF, use your browser&rsquo;s print command and choose &ldquo;Save as PDF&rdquo;.
          </p>

          <ReportSection id="income" title="Income and spending by month">
            <p className="mb-3 max-w-3xl">
              Money received, less refunds and corrections, in the month it was received. Card gifts are shown before card fees. Paid out is
              grants paid to or for young people.
            </p>
            <div className="overflow-x-auto">
              <table className="mb-6 w-full border-collapse text-left">
                <caption className="sr-only">Income by source and grants paid, by month</caption>
                <thead>
                  <tr>
                    {["Month", "Payroll giving", "Card gifts", "Gift Aid", "Total income", "Paid out in awards"].map((h, i) => (
                      <th key={h} scope="col" className={`${th} ${i ? num : ""}`}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[...report.money.months.map((m) => ({ ...m, key: m.month, bold: false })), { ...report.money.totals, key: "total", label: "Total", bold: true }].map((m) => (
                    <tr key={m.key} className={m.bold ? "font-bold" : undefined}>
                      <th scope="row" className={`${td} ${m.bold ? "" : "font-normal"}`}>
                        {m.label}
                      </th>
                      <td className={`${td} ${num}`}>{formatPence(m.payrollPence)}</td>
                      <td className={`${td} ${num}`}>{formatPence(m.cardPence)}</td>
                      <td className={`${td} ${num}`}>{formatPence(m.giftAidPence)}</td>
                      <td className={`${td} ${num}`}>{formatPence(income(m))}</td>
                      <td className={`${td} ${num}`}>{money(m.spentPence)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </ReportSection>

          <ReportSection id="awards" title="Awards made, by category and where they are now">
            <p className="mb-3 max-w-3xl">Awards the panel approved in these months.</p>
            <GridTable
              caption="Number of awards"
              corner="Category"
              rows={report.awards.categories.map((c) => c.label)}
              columns={report.awards.statuses.map((s) => s.label)}
              table={report.awards.counts}
              cell={count}
            />
            <GridTable
              caption="Amount of the awards"
              corner="Category"
              rows={report.awards.categories.map((c) => c.label)}
              columns={report.awards.statuses.map((s) => s.label)}
              table={report.awards.amounts}
              cell={money}
            />
          </ReportSection>

          <ReportSection id="time" title="Time given">
            <FigureTable className="mb-6 max-w-2xl" captionClassName="sr-only"
              caption="Time given by volunteers"
              rows={[
                { label: "Hours given by volunteers (approved)", value: report.time.hours.toLocaleString("en-GB") },
                { label: "Volunteers who gave time", value: report.time.volunteers.toLocaleString("en-GB") },
              ]}
            />
          </ReportSection>

          <ReportSection id="mentoring" title="Mentoring">
            <FigureTable className="mb-6 max-w-2xl" captionClassName="sr-only"
              caption="Mentoring pairs and sessions"
              rows={[
                { label: "Pairs mentoring in these months", value: count(report.mentoring.pairs) },
                { label: "Pairs where both said it is a good fit", value: count(report.mentoring.goodFit) },
                { label: "Pairs ended as not a good fit", value: count(report.mentoring.ended) },
                { label: "Pairs closed as planned", value: count(report.mentoring.closed) },
                { label: "Sessions", value: report.mentoring.sessions.toLocaleString("en-GB") },
                { label: "Hours of mentoring", value: report.mentoring.hours.toLocaleString("en-GB") },
              ]}
            />
          </ReportSection>

          <ReportSection id="applications" title="Open applications by stage">
            <p className="mb-3 max-w-3xl">Applications waiting for someone to act, on {formatDayKey(report.asAtKey)}, by how long they have been at their stage.</p>
            <GridTable caption="Number of applications" corner="Stage" rows={report.applications.stages} columns={report.applications.ageBands} table={report.applications.table} cell={count} />
          </ReportSection>

          <ReportSection id="give-back" title="Give something back">
            <p className="mb-3 max-w-3xl">
              What young people who answered their follow-up in these months said they would like to do. One person may choose several.
            </p>
            <FigureTable className="mb-6 max-w-2xl" captionClassName="sr-only"
              caption="Give something back answers"
              rows={[...report.giveBack.rows.map((g) => ({ label: g.label, value: count(g.count) })), { label: "Young people who answered", value: count(report.giveBack.total) }]}
            />
          </ReportSection>
        </>
      ) : null}
    </div>
  );
}
