// Form building blocks in the GOV.UK pattern: label, hint, error message tied to the input,
// and an error summary that lists links to the fields at fault and takes focus.
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";

export type FieldErrors = Record<string, string | undefined>;

/** One line of an error summary: a link to the place at fault and what is wrong there. */
export type ErrorSummaryItem = { href: string; text: string };

/**
 * The error summary. Give it `errors` (one message per field, linked to `#field`) or `items` (each with its
 * own link); `more` adds an "and N more problems" line for a list that was cut short.
 */
export function ErrorSummary({
  errors,
  items,
  more = 0,
  title = "There is a problem",
}: {
  errors?: FieldErrors;
  items?: ErrorSummaryItem[];
  more?: number;
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const list =
    items ??
    Object.entries(errors ?? {})
      .filter((e): e is [string, string] => Boolean(e[1]))
      .map(([field, message]) => ({ href: `#${field}`, text: message }));
  useEffect(() => {
    if (list.length) ref.current?.focus();
  }, [list.length, errors, items]);
  if (!list.length) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-8 border-4 border-error p-4 focus:outline-[3px] focus:outline-focus"
      data-testid="error-summary"
      // Without JavaScript, autofocus still moves focus to the summary on page load.
      autoFocus
    >
      <h2 id="error-summary-title" className="mb-2 text-xl font-bold">
        {title}
      </h2>
      <ul className="list-none space-y-1">
        {list.map((item, i) => (
          <li key={i}>
            <a className="font-bold text-error underline" href={item.href}>
              {item.text}
            </a>
          </li>
        ))}
      </ul>
      {more > 0 ? <p className="mt-2">and {more} more {more === 1 ? "problem" : "problems"}. Nothing was changed.</p> : null}
    </div>
  );
}

/** The ids a field's hint and error message carry, and the aria-describedby that points at them. */
export function fieldIds(name: string, hint: ReactNode, error: string | undefined) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

/** The outer box of a form group: a red bar down its side when it has an error. */
export function FieldGroup({ error, children }: { error?: string; children: ReactNode }) {
  return <div className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}>{children}</div>;
}

/** A field's hint and error message, with the ids its aria-describedby names. */
export function HintAndError({
  hint,
  error,
  hintId,
  errorId,
  spacing = "mb-1",
}: {
  hint?: ReactNode;
  error?: string;
  hintId?: string;
  errorId?: string;
  spacing?: "mb-1" | "mb-2";
}) {
  return (
    <>
      {hint ? (
        <div id={hintId} className={`${spacing} text-gray-700`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className={`${spacing} font-bold text-error`}>
          <span className="sr-only">Error:</span> {error}
        </p>
      ) : null}
    </>
  );
}

type FrameProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  labelIsHeading?: boolean;
};

type ControlAria = { "aria-describedby": string | undefined; "aria-invalid": true | undefined };

/** Label (or a heading holding the label), hint and error message around one control. */
function FieldFrame({ name, label, hint, error, labelIsHeading, children }: FrameProps & { children: (aria: ControlAria) => ReactNode }) {
  const { hintId, errorId, describedBy } = fieldIds(name, hint, error);
  const labelEl = (
    <label htmlFor={name} className={labelIsHeading ? "text-3xl font-bold" : "font-bold"}>
      {label}
    </label>
  );
  return (
    <FieldGroup error={error}>
      {labelIsHeading ? <h1 className="mb-2">{labelEl}</h1> : <div className="mb-1">{labelEl}</div>}
      <HintAndError hint={hint} error={error} hintId={hintId} errorId={errorId} />
      {children({ "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
    </FieldGroup>
  );
}

type FieldProps = FrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

export function TextField({ name, label, hint, error, labelIsHeading, className, ...input }: FieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error} labelIsHeading={labelIsHeading}>
      {(aria) => (
        <input
          id={name}
          name={name}
          {...aria}
          className={`block w-full max-w-md border-2 ${error ? "border-error" : "border-gray-900"} p-2 ${className ?? ""}`}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

type TextAreaProps = FrameProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">;

export function TextArea({ name, label, hint, error, labelIsHeading, ...rest }: TextAreaProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error} labelIsHeading={labelIsHeading}>
      {(aria) => (
        <textarea
          id={name}
          name={name}
          rows={4}
          {...aria}
          className={`block w-full max-w-xl border-2 ${error ? "border-error" : "border-gray-900"} p-2`}
          {...rest}
        />
      )}
    </FieldFrame>
  );
}

export function Button({ children, variant = "primary", ...rest }: { children: ReactNode; variant?: "primary" | "secondary" } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const style =
    variant === "primary"
      ? "bg-success text-white hover:bg-green-900"
      : "bg-gray-200 text-gray-900 hover:bg-gray-300";
  return (
    <button type="submit" className={`px-4 py-2 font-bold shadow-[0_2px_0_#002d18] ${style}`} {...rest}>
      {children}
    </button>
  );
}

/** Zod issues → one message per field (the first), keyed by field name, for ErrorSummary and fields. */
export function fieldErrorsFrom(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

/** GOV.UK checkboxes: a fieldset with a legend, each box labelled; the first box carries the field's id for the error summary. */
export function Checkboxes({
  name,
  legend,
  hint,
  error,
  options,
  checked = [],
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: { value: string; label: ReactNode }[];
  checked?: readonly string[];
}) {
  const { hintId, errorId, describedBy } = fieldIds(name, hint, error);
  return (
    <FieldGroup error={error}>
      <fieldset aria-describedby={describedBy}>
        <legend className="mb-1 font-bold">{legend}</legend>
        <HintAndError hint={hint} error={error} hintId={hintId} errorId={errorId} spacing="mb-2" />
        {options.map((o, i) => {
          const id = i === 0 ? name : `${name}-${i}`;
          return (
            <div key={o.value} className="mb-2 flex items-start gap-3">
              <input id={id} type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} className="mt-1 h-6 w-6" />
              <label htmlFor={id}>{o.label}</label>
            </div>
          );
        })}
      </fieldset>
    </FieldGroup>
  );
}
