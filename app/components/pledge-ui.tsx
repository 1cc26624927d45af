// Page pieces for the giving journeys, in the GOV.UK patterns: back link, summary list, panel,
// inset text, textarea, radios, date input, and the table of what a gift costs.
import type { ReactNode, TextareaHTMLAttributes } from "react";
import { Link } from "@remix-run/react";
import { formatPence } from "~/domain/money";
import { payPeriodWords, type PledgeCosts } from "~/domain/pledges/amounts";

export function BackLink({ to, children = "Back" }: { to: string; children?: ReactNode }) {
  return (
    <p className="mb-6">
      <Link to={to} className="text-brand underline">
        {children}
      </Link>
    </p>
  );
}

export type SummaryRow = { key: string; value: ReactNode; change?: { to: string; label: string } };

export function SummaryList({ rows, testId }: { rows: SummaryRow[]; testId?: string }) {
  return (
    <dl className="mb-8 max-w-3xl border-t border-gray-300" data-testid={testId}>
      {rows.map((row) => (
        <div key={row.key} className="flex flex-wrap gap-x-6 border-b border-gray-300 py-3">
          <dt className="w-full font-bold sm:w-1/3">{row.key}</dt>
          <dd className="flex-1">{row.value}</dd>
          {row.change ? (
            <dd>
              <Link to={row.change.to} className="text-brand underline">
                Change<span className="sr-only"> {row.change.label}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

export function Panel({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-8 bg-success p-6 text-center text-white" data-testid="confirmation-panel">
      <h1 className="mb-4 text-4xl font-bold">{title}</h1>
      {children ? <div className="text-xl">{children}</div> : null}
    </div>
  );
}

export function Inset({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="mb-6 max-w-3xl border-l-8 border-gray-400 py-2 pl-4" data-testid={testId}>
      {children}
    </div>
  );
}

export function Warning({ children }: { children: ReactNode }) {
  return (
    <p className="mb-6 flex max-w-3xl items-start gap-3 font-bold">
      <span aria-hidden="true" className="inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-gray-900 text-white">
        !
      </span>
      <span>
        <span className="sr-only">Warning: </span>
        {children}
      </span>
    </p>
  );
}

type TextAreaProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  labelIsHeading?: boolean;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">;

export function TextArea({ name, label, hint, error, labelIsHeading, ...rest }: TextAreaProps) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const labelEl = (
    <label htmlFor={name} className={labelIsHeading ? "text-3xl font-bold" : "font-bold"}>
      {label}
    </label>
  );
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}>
      {labelIsHeading ? <h1 className="mb-2">{labelEl}</h1> : <div className="mb-1">{labelEl}</div>}
      {hint ? (
        <div id={hintId} className="mb-1 text-gray-700">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="mb-1 font-bold text-error">
          <span className="sr-only">Error:</span> {error}
        </p>
      ) : null}
      <textarea
        id={name}
        name={name}
        rows={4}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        aria-invalid={error ? true : undefined}
        className={`block w-full max-w-xl border-2 ${error ? "border-error" : "border-gray-900"} p-2`}
        {...rest}
      />
    </div>
  );
}

export function Radios({
  name,
  legend,
  hint,
  error,
  options,
  defaultValue,
  legendIsHeading,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: { value: string; label: ReactNode; hint?: ReactNode }[];
  defaultValue?: string;
  legendIsHeading?: boolean;
}) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}>
      <fieldset aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
        <legend className={legendIsHeading ? "mb-2" : "mb-1 font-bold"}>
          {legendIsHeading ? <h1 className="text-3xl font-bold">{legend}</h1> : legend}
        </legend>
        {hint ? (
          <div id={hintId} className="mb-2 text-gray-700">
            {hint}
          </div>
        ) : null}
        {error ? (
          <p id={errorId} className="mb-2 font-bold text-error">
            <span className="sr-only">Error:</span> {error}
          </p>
        ) : null}
        {options.map((o, i) => {
          const id = i === 0 ? name : `${name}-${i}`;
          return (
            <div key={o.value} className="mb-2 flex items-start gap-3">
              <input id={id} type="radio" name={name} value={o.value} defaultChecked={o.value === defaultValue} className="mt-1 h-6 w-6" />
              <label htmlFor={id}>
                {o.label}
                {o.hint ? <span className="block text-gray-700">{o.hint}</span> : null}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

export function DateInput({
  name,
  legend,
  hint,
  error,
  values,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  values?: { day?: string; month?: string; year?: string };
}) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const part = (key: "day" | "month" | "year", label: string, width: string) => {
    const id = key === "day" ? name : `${name}-${key}`;
    return (
      <div>
        <label htmlFor={id} className="block">
          {label}
        </label>
        <input
          id={id}
          name={`${name}${key[0].toUpperCase()}${key.slice(1)}`}
          inputMode="numeric"
          defaultValue={values?.[key] ?? ""}
          aria-invalid={error ? true : undefined}
          className={`block ${width} border-2 ${error ? "border-error" : "border-gray-900"} p-2`}
        />
      </div>
    );
  };
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}>
      <fieldset role="group" aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
        <legend className="mb-1 font-bold">{legend}</legend>
        {hint ? (
          <div id={hintId} className="mb-2 text-gray-700">
            {hint}
          </div>
        ) : null}
        {error ? (
          <p id={errorId} className="mb-2 font-bold text-error">
            <span className="sr-only">Error:</span> {error}
          </p>
        ) : null}
        <div className="flex gap-4">
          {part("day", "Day", "w-16")}
          {part("month", "Month", "w-16")}
          {part("year", "Year", "w-24")}
        </div>
      </fieldset>
    </div>
  );
}

/** What a gift costs: per pay period, per month and per year; the tax-relief figures labelled as an estimate. */
export function CostTable({ costs, caption }: { costs: PledgeCosts; caption: string }) {
  const relief = costs.estimatedAfterBasicRateRelief;
  return (
    <table className="mb-6 w-full max-w-2xl border-collapse text-left" data-testid="cost-table">
      <caption className="mb-2 text-left text-xl font-bold">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-gray-900">
          <th scope="col" className="py-2 pr-4">
            <span className="sr-only">Period</span>
          </th>
          <th scope="col" className="py-2 pr-4">
            Taken from your pay
          </th>
          {relief ? (
            <th scope="col" className="py-2">
              Estimated cost to you after basic-rate tax relief
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {(
          [
            ["perPeriod", `Each pay period (${payPeriodWords(costs.frequency)})`],
            ["perMonth", costs.frequency === "monthly" ? "Each month" : "Each month (on average)"],
            ["perYear", `Each year (${costs.periodsPerYear} pay periods)`],
          ] as const
        ).map(([key, label]) => (
          <tr key={key} className="border-b border-gray-300">
            <th scope="row" className="py-2 pr-4 font-normal">
              {label}
            </th>
            <td className="py-2 pr-4">{formatPence(costs.gross[key])}</td>
            {relief ? <td className="py-2">{formatPence(relief[key])} (estimate)</td> : null}
          </tr>
        ))}
      </tbody>
      {relief ? (
        <tfoot>
          <tr>
            <td colSpan={3} className="pt-2 text-gray-700">
              The estimate assumes you pay income tax at the basic rate (20%). Payroll Giving is taken before tax, so it
              costs a basic-rate taxpayer less than the gift. What it costs you depends on your own tax.
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
