// One person, for an administrator answering a subject access request: who they are, how much each table
// holds about them, and the two exports. Opening it is audited.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BackLink, SummaryList } from "~/components/pledge-ui";
import { isRole, ROLE_LABELS } from "~/domain/roles";
import { personSummary } from "~/services/subject-access.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Person – Admin – Helping Hands" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const summary = await personSummary({ userId: user.id, personId: user.personId, roles: user.roles }, params.personId ?? "");
  if (!summary) throw new Response("Not found", { status: 404 });
  return summary;
}

const DAY = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/London" });

export default function PersonPage() {
  const p = useLoaderData<typeof loader>();
  const rows = p.tables.reduce((n, t) => n + t.rows, 0);
  return (
    <div className="max-w-3xl">
      <BackLink to="/admin/people">People</BackLink>
      <h1 className="mb-6 text-3xl font-bold">
        {p.firstName} {p.lastName}
      </h1>
      <SummaryList
        testId="person-summary"
        rows={[
          { key: "Email address", value: p.email ?? "None" },
          { key: "Roles", value: p.roles.map((r) => (isRole(r) ? ROLE_LABELS[r] : r)).join(", ") || "None (does not sign in)" },
          { key: "Payroll number", value: p.payrollNumber ?? "Not an employee" },
          { key: "Known since", value: DAY.format(new Date(p.createdAt)) },
          ...(p.erasedAt ? [{ key: "Erased on request", value: DAY.format(new Date(p.erasedAt)) }] : []),
        ]}
      />
      <h2 className="mb-4 text-2xl font-bold">What we hold</h2>
      <p className="mb-4">
        {rows} {rows === 1 ? "record" : "records"} in {p.tables.length} {p.tables.length === 1 ? "table" : "tables"}.
      </p>
      {p.tables.length ? (
        <ul className="mb-8 list-disc pl-6" data-testid="person-tables">
          {p.tables.map((t) => (
            <li key={t.model}>
              {t.model}: {t.rows}
            </li>
          ))}
        </ul>
      ) : null}
      <h2 className="mb-4 text-2xl font-bold">Subject access request</h2>
      <p className="mb-4">Each copy you make is recorded in the audit log with your name.</p>
      <ul className="space-y-2">
        <li>
          <a href={`/admin/people/${p.id}/export.json`} className="text-brand underline" download>
            Download everything we hold (JSON)
          </a>
        </li>
        <li>
          <Link to={`/admin/people/${p.id}/export`} className="text-brand underline">
            Readable copy (print)
          </Link>
        </li>
      </ul>
      <h2 className="mt-8 mb-4 text-2xl font-bold">Erasure on request</h2>
      <p className="mb-4">See what would be removed, what is kept and why, before anything changes.</p>
      <p>
        <Link to={`/admin/people/${p.id}/erase`} className="text-brand underline">
          Erase this person&apos;s data
        </Link>
      </p>
    </div>
  );
}
