// Page pieces the coordinator's mentoring pages share: the cohort's and an application's status tags,
// a gate's tick or cross (with words for screen readers), and the check question asked before a
// change that cannot be undone (a plain form: works without JavaScript).
import type { ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/forms";
import { APPLICATION_STATUSES, COHORT_STATUSES, type ApplicationStatus, type CohortStatus } from "~/domain/mentoring/cohort";

export function CohortStatusTag({ status }: { status: CohortStatus }) {
  return (
    <strong className="inline-block bg-gray-200 px-2 py-1 font-bold text-gray-900" data-testid="cohort-status">
      {COHORT_STATUSES[status]}
    </strong>
  );
}

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const style = status === "selected" ? "bg-success text-white" : status === "not_selected" || status === "withdrawn" ? "bg-gray-300 text-gray-900" : "bg-gray-200 text-gray-900";
  return <strong className={`inline-block px-2 py-1 font-bold ${style}`}>{APPLICATION_STATUSES[status]}</strong>;
}

/** ✓ or ✗ with the words a screen reader reads instead ("Training: done"). */
export function Mark({ ok, what, yes = "done", no = "not done" }: { ok: boolean; what: string; yes?: string; no?: string }) {
  return (
    <>
      <span aria-hidden="true" className={ok ? "font-bold text-success" : "font-bold text-error"}>
        {ok ? "✓" : "✗"}
      </span>
      <span className="sr-only">
        {what}: {ok ? yes : no}
      </span>
    </>
  );
}

/**
 * The check question before a hard-to-undo change: what will happen, a button that posts `fields`,
 * and a way back that changes nothing.
 */
export function ConfirmBox({
  question,
  children,
  fields,
  confirmLabel,
  cancelTo,
  testId,
}: {
  question: string;
  children: ReactNode;
  fields: Record<string, string>;
  confirmLabel: string;
  cancelTo: string;
  testId?: string;
}) {
  return (
    <section aria-labelledby="confirm-heading" className="mb-8 max-w-3xl border-4 border-gray-900 p-4" data-testid={testId}>
      <h2 id="confirm-heading" className="mb-2 text-2xl font-bold">
        {question}
      </h2>
      <div className="mb-4">{children}</div>
      <Form method="post" className="flex flex-wrap items-center gap-6">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Button>{confirmLabel}</Button>
        <Link to={cancelTo} className="text-brand underline">
          No, go back
        </Link>
      </Form>
    </section>
  );
}
