// Form building blocks in the GOV.UK pattern: label, hint, error message tied to the input,
// and an error summary that lists links to the fields at fault and takes focus.
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode } from "react";

export type FieldErrors = Record<string, string | undefined>;

export function ErrorSummary({ errors, title = "There is a problem" }: { errors: FieldErrors | undefined; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {}).filter((e): e is [string, string] => Boolean(e[1]));
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [entries.length, errors]);
  if (!entries.length) return null;
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
        {entries.map(([field, message]) => (
          <li key={field}>
            <a className="font-bold text-error underline" href={`#${field}`}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  labelIsHeading?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

export function TextField({ name, label, hint, error, labelIsHeading, className, ...input }: FieldProps) {
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
      <input
        id={name}
        name={name}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        aria-invalid={error ? true : undefined}
        className={`block w-full max-w-md border-2 ${error ? "border-error" : "border-gray-900"} p-2 ${className ?? ""}`}
        {...input}
      />
    </div>
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
