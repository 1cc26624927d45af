// Page pieces for the giving journeys, in the GOV.UK patterns: back link, summary list, panel,
// inset text, radios, date input, and the table of what a gift costs; and the parts the journeys'
// pages share: the page frame, the amount step, the authorisation to confirm, the confirmation page.
import { useState, type ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import { Button, ErrorSummary, FieldGroup, HintAndError, TextField, fieldIds, type FieldErrors } from "~/components/forms";
import { formatPence, parsePounds } from "~/domain/money";
import { payPeriodWords, pledgeCosts, type PledgeCosts, type PledgeLimits } from "~/domain/pledges/amounts";
import type { GivingMode, PayFrequency } from "~/domain/payroll/periods";

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
  const { hintId, errorId, describedBy } = fieldIds(name, hint, error);
  return (
    <FieldGroup error={error}>
      <fieldset aria-describedby={describedBy}>
        <legend className={legendIsHeading ? "mb-2" : "mb-1 font-bold"}>
          {legendIsHeading ? <h1 className="text-3xl font-bold">{legend}</h1> : legend}
        </legend>
        <HintAndError hint={hint} error={error} hintId={hintId} errorId={errorId} spacing="mb-2" />
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
    </FieldGroup>
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
  const { hintId, errorId, describedBy } = fieldIds(name, hint, error);
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
    <FieldGroup error={error}>
      <fieldset role="group" aria-describedby={describedBy}>
        <legend className="mb-1 font-bold">{legend}</legend>
        <HintAndError hint={hint} error={error} hintId={hintId} errorId={errorId} spacing="mb-2" />
        <div className="flex gap-4">
          {part("day", "Day", "w-16")}
          {part("month", "Month", "w-16")}
          {part("year", "Year", "w-24")}
        </div>
      </fieldset>
    </FieldGroup>
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

/** The frame of a journey page: the back link, the error summary (when there are errors), then the page. */
export function JourneyPage({ back, errors, children }: { back: string; errors?: FieldErrors; children: ReactNode }) {
  return (
    <div className="max-w-3xl">
      <BackLink to={back} />
      <ErrorSummary errors={errors} />
      {children}
    </div>
  );
}

/**
 * The amount step: the amount (its label the page's heading), what it costs as it is typed, and a
 * "Show what it costs" button for the same without JavaScript.
 */
export function AmountStep({
  label,
  hint,
  data: { amount, limits, frequency, givingMode },
  result,
}: {
  label: string;
  hint: ReactNode;
  /** from the loader: the amount already given at this step (as the field shows it), the limits, the pay group's frequency and mode */
  data: { amount: string; limits: PledgeLimits; frequency: PayFrequency; givingMode: GivingMode };
  /** from the action: the amount sent, and its errors */
  result?: { errors?: FieldErrors; amount: string };
}) {
  const [typed, setTyped] = useState<string | null>(null);
  const value = typed ?? result?.amount ?? amount;
  const pence = parsePounds(value);
  const inRange = pence !== null && pence >= limits.minPence && pence <= limits.maxPence;
  return (
    <Form method="post" noValidate>
      <TextField
        name="amount"
        labelIsHeading
        label={label}
        hint={hint}
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        className="max-w-40"
        value={value}
        onChange={(e) => setTyped(e.currentTarget.value)}
        error={result?.errors?.amount}
      />
      <div aria-live="polite">
        {inRange ? (
          <CostTable caption={`What ${formatPence(pence!)} each pay period costs`} costs={pledgeCosts(pence!, frequency, givingMode)} />
        ) : null}
      </div>
      <div className="flex flex-wrap gap-4">
        <Button>Continue</Button>
        <Button variant="secondary" name="intent" value="preview">
          Show what it costs
        </Button>
      </div>
    </Form>
  );
}

/**
 * The authorisation wording to agree to and the confirm button, carrying the pay period and terms the
 * page showed; or, when there is no open pay period (or no terms), why nothing can be confirmed.
 */
export function AuthoriseAndConfirm({
  data: { wording, period, termsVersion },
  confirmLabel,
  unavailable,
}: {
  /** from the loader: the wording, the effective pay period and the terms version (null when there are none) */
  data: { wording: string | null; period: { id: string } | null; termsVersion: number | null };
  confirmLabel: string;
  unavailable: string;
}) {
  return wording && period && termsVersion !== null ? (
    <>
      <h2 className="mb-4 text-2xl font-bold">Your authorisation</h2>
      <p className="mb-2">By confirming, you agree to this:</p>
      <Inset testId="authorisation-wording">
        <p>{wording}</p>
      </Inset>
      <Form method="post">
        <input type="hidden" name="periodId" value={period.id} />
        <input type="hidden" name="termsVersion" value={termsVersion} />
        <Button id="confirm">{confirmLabel}</Button>
      </Form>
    </>
  ) : (
    <p>{unavailable}</p>
  );
}

/** The confirmation page after a change: the panel, the email sent, what happens next (the list items), and the way back. */
export function ChangeDonePage({ title, summary, email, children }: { title: string; summary: ReactNode; email: string; children: ReactNode }) {
  return (
    <div className="max-w-3xl">
      <Panel title={title}>{summary}</Panel>
      <p className="mb-4">We have sent a confirmation email to {email}.</p>
      <h2 className="mb-4 text-2xl font-bold">What happens next</h2>
      <ul className="mb-6 list-disc space-y-2 pl-6">{children}</ul>
      <p>
        <Link to="/giving" className="text-brand underline">
          Go to My giving
        </Link>
      </p>
    </div>
  );
}
