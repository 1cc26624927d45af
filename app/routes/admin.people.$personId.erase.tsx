// Erase a person's data on request (admin only): what will be removed, replaced and kept (a dry run of the
// erasure itself), a reason and a confirmation; then a confirmation page with the stored summary.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Checkboxes, ErrorSummary, TextArea, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { BackLink, Panel, Warning } from "~/components/pledge-ui";
import { erasureFormSchema, REASON_MAX } from "~/domain/privacy/erasure-form";
import { formatDayKey } from "~/domain/privacy/retention";
import { ErasurePersonNotFound, ErasureRefused, eraseSubject, erasurePlan, erasureRecord, type ErasureSummary } from "~/services/erasure.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Erase a person's data – Admin – Helping Hands" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const personId = params.personId ?? "";
  const recordId = new URL(request.url).searchParams.get("record");
  if (recordId) {
    const record = await erasureRecord(recordId);
    if (!record || record.personId !== personId) throw new Response("Not found", { status: 404 });
    return { done: { erasedAt: record.erasedAt.toISOString(), summary: record.summary }, plan: null };
  }
  try {
    return json({ done: null, plan: await erasurePlan(personId) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof ErasurePersonNotFound) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const personId = params.personId ?? "";
  const form = await request.formData();
  const parsed = erasureFormSchema.safeParse({ reason: form.get("reason"), confirm: form.getAll("confirm") });
  if (!parsed.success) return json({ errors: fieldErrorsFrom(parsed.error.issues) as FieldErrors, refusal: null, reason: String(form.get("reason") ?? "") }, { status: 400 });
  try {
    const { erasureRecordId } = await eraseSubject({ userId: admin.id, role: "admin" }, personId, parsed.data.reason);
    return redirect(`/admin/people/${personId}/erase?record=${erasureRecordId}`, { status: 303 });
  } catch (error) {
    if (error instanceof ErasurePersonNotFound) throw new Response("Not found", { status: 404 });
    if (error instanceof ErasureRefused) return json({ errors: {} as FieldErrors, refusal: error.message, reason: parsed.data.reason }, { status: 409 });
    throw error;
  }
}

function SummaryLists({ summary }: { summary: ErasureSummary }) {
  return (
    <>
      <h2 className="mb-4 text-2xl font-bold">Removed</h2>
      <ul className="mb-8 list-disc pl-6" data-testid="erasure-removed">
        {summary.removed.length ? summary.removed.map((l) => <li key={l.model}>{`${l.what} (${l.count})`}</li>) : <li>Nothing to remove</li>}
      </ul>
      <h2 className="mb-4 text-2xl font-bold">Replaced or made anonymous</h2>
      <ul className="mb-8 list-disc pl-6" data-testid="erasure-replaced">
        {summary.replaced.map((l) => (
          <li key={l.model}>{`${l.what} (${l.count})`}</li>
        ))}
      </ul>
      <h2 className="mb-4 text-2xl font-bold">Kept</h2>
      <ul className="mb-8 list-disc space-y-2 pl-6" data-testid="erasure-kept">
        {summary.kept.map((l) => (
          <li key={l.model}>
            <span className="font-bold">{l.what}</span>
            {l.until ? ` — kept until ${formatDayKey(l.until)}, then made anonymous.` : "."} {l.why}.
          </li>
        ))}
      </ul>
    </>
  );
}

export default function ErasePerson() {
  const { done, plan } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (done) {
    return (
      <div className="max-w-3xl">
        <Panel title="The person's data has been erased">
          <p>The ledger is unchanged. They can no longer sign in.</p>
        </Panel>
        <SummaryLists summary={done.summary} />
        <p>
          <Link to="/admin/people" className="text-brand underline">
            Back to people
          </Link>
        </p>
      </div>
    );
  }
  const p = plan!;
  const errors = result?.errors ?? {};
  return (
    <div className="max-w-3xl">
      <BackLink to={`/admin/people/${p.personId}`}>Back to the person</BackLink>
      <ErrorSummary
        items={[
          ...(result?.refusal ? [{ href: "#reason", text: result.refusal }] : []),
          ...Object.entries(errors)
            .filter((e): e is [string, string] => Boolean(e[1]))
            .map(([field, text]) => ({ href: `#${field}`, text })),
        ]}
      />
      <h1 className="mb-6 text-3xl font-bold">{`Erase ${p.name}'s data`}</h1>
      {p.refusals.length ? (
        <div data-testid="erasure-refusals">
          <h2 className="mb-4 text-2xl font-bold">This person's data cannot be erased yet</h2>
          <ul className="mb-8 list-disc pl-6">
            {p.refusals.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="mb-6">The money stays: gifts, deductions and awards keep their amounts and dates, and the ledger still balances. The person's identity goes.</p>
      <SummaryLists summary={p} />
      {p.refusals.length ? null : (
        <Form method="post" noValidate>
          <TextArea
            name="reason"
            label="Why is the data being erased?"
            hint="For example, the date and way the person asked. Do not include personal details: this is kept with the record of the erasure."
            error={errors.reason}
            maxLength={REASON_MAX}
            defaultValue={result?.reason ?? ""}
          />
          <Warning>Erasing cannot be undone.</Warning>
          <Checkboxes name="confirm" legend="Confirm" error={errors.confirm} options={[{ value: "yes", label: "I understand that the erasure cannot be undone" }]} />
          <Button>Erase the data</Button>
        </Form>
      )}
    </div>
  );
}
