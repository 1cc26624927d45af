// The audit log for administrators: filter by action, record, actor and UK days; newest first, paged on
// the server. Read only: there is no way to change or delete an entry anywhere in the app.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, TextField } from "~/components/forms";
import { ColumnHeads } from "~/components/finance-ui";
import { Pager } from "~/components/layout";
import { BackLink } from "~/components/pledge-ui";
import { auditLogPage, parseAuditQuery, type AuditFilterValues, type AuditPage } from "~/services/audit-viewer.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Audit log – Admin – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const parsed = parseAuditQuery(new URL(request.url).searchParams);
  if (!parsed.ok) {
    const empty: AuditPage = { rows: [], total: 0, page: 1, pageCount: 1, actions: [], entityTypes: [] };
    return json({ ...empty, values: parsed.values, errors: parsed.errors }, { status: 400 });
  }
  return { ...(await auditLogPage(parsed.query)), values: parsed.values, errors: {} as Record<string, string> };
}

function pageLink(values: AuditFilterValues, page: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) params.set(k, v);
  if (page > 1) params.set("page", String(page));
  const qs = params.toString();
  return qs ? `/admin/audit?${qs}` : "/admin/audit";
}

const WHEN = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/London" });

function Select({ name, label, options, value }: { name: string; label: string; options: string[]; value: string }) {
  // Keep a typed-in value selectable even when no entry has it (yet).
  const all = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <div className="mb-4">
      <label htmlFor={name} className="mb-1 block font-bold">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value} className="border-2 border-gray-900 p-2">
        <option value="">Any</option>
        {all.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function AuditLog() {
  const { rows, total, page, pageCount, actions, entityTypes, values, errors } = useLoaderData<typeof loader>();
  const cell = "border-b border-gray-300 py-2 pr-4 align-top";
  return (
    <>
      <BackLink to="/admin">Admin</BackLink>
      <ErrorSummary errors={errors} />
      <h1 className="mb-4 text-3xl font-bold">Audit log</h1>
      <p className="mb-6 max-w-3xl">Every entry the service has written, newest first. Entries cannot be changed or deleted.</p>
      <Form method="get" className="mb-6 grid max-w-3xl gap-x-6 sm:grid-cols-2">
        <Select name="action" label="Action" options={actions} value={values.action} />
        <Select name="entityType" label="Record type" options={entityTypes} value={values.entityType} />
        <TextField name="entityId" label="Record id" defaultValue={values.entityId} autoComplete="off" />
        <TextField name="actor" label="Who: email address or user id" defaultValue={values.actor} autoComplete="off" />
        <TextField name="from" label="From (UK day)" hint="For example, 2026-03-01" type="date" defaultValue={values.from} error={errors.from} />
        <TextField name="to" label="To (UK day)" hint="For example, 2026-03-31" type="date" defaultValue={values.to} error={errors.to} />
        <div className="flex items-center gap-6 sm:col-span-2">
          <Button variant="secondary">Show entries</Button>
          <Link to="/admin/audit" className="text-brand underline">
            Clear filters
          </Link>
        </div>
      </Form>
      <p className="mb-4" data-testid="audit-total">
        {total === 0 ? "No entries." : `${total} ${total === 1 ? "entry" : "entries"}, newest first. Page ${page} of ${pageCount}.`}
      </p>
      {rows.length ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm" data-testid="audit-log">
            <caption className="sr-only">Audit log entries</caption>
            <ColumnHeads headings={["When", "Who", "Action", "Record", "Detail"]} cellClassName="border-b-2 border-gray-900 py-2 pr-4" />
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-action={r.action}>
                  <th scope="row" className={`${cell} font-normal whitespace-nowrap`}>
                    {WHEN.format(new Date(r.at))}
                  </th>
                  <td className={cell}>
                    {r.actorEmail ?? r.actorUserId ?? <span className="text-gray-700">The service</span>}
                    {r.actorRole ? <span className="block text-gray-700">{r.actorRole}</span> : null}
                  </td>
                  <td className={cell}>{r.action}</td>
                  <td className={`${cell} break-all`}>
                    {r.entityType}
                    {r.entityId ? <span className="block text-gray-700">{r.entityId}</span> : null}
                  </td>
                  <td className={`${cell} break-all`}>{r.detail ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager page={page} pageCount={pageCount} to={(p) => pageLink(values, p)} className="mt-6 flex gap-6" />
    </>
  );
}
