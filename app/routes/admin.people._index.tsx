// Administrators find a person by name or email address, to answer a subject access request.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, TextField } from "~/components/forms";
import { ColumnHeads } from "~/components/finance-ui";
import { Pager } from "~/components/layout";
import { BackLink } from "~/components/pledge-ui";
import { searchPeople } from "~/services/subject-access.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "People – Admin – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1;
  return { q, ...(await searchPeople(q, page)) };
}

const pageLink = (q: string, page: number) => `/admin/people?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page) })}`;

export default function People() {
  const { q, rows, total, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/admin">Admin</BackLink>
      <h1 className="mb-4 text-3xl font-bold">People</h1>
      <Form method="get" className="mb-6">
        <TextField name="q" label="Name or email address" hint="Part of a name or address is enough" defaultValue={q} type="search" autoComplete="off" />
        <Button variant="secondary">Search</Button>
      </Form>
      <p className="mb-4" data-testid="people-total">
        {total === 0 ? "Nobody found." : `${total} ${total === 1 ? "person" : "people"}. Page ${page} of ${pageCount}.`}
      </p>
      {rows.length ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid="people">
            <caption className="sr-only">People</caption>
            <ColumnHeads headings={["Name", "Email address", "Status"]} cellClassName="border-b-2 border-gray-900 py-2 pr-4" />
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <th scope="row" className="border-b border-gray-300 py-2 pr-4 font-normal">
                    <Link to={`/admin/people/${p.id}`} className="text-brand underline">
                      {p.firstName} {p.lastName}
                    </Link>
                  </th>
                  <td className="border-b border-gray-300 py-2 pr-4">{p.email ?? <span className="text-gray-700">None</span>}</td>
                  <td className="border-b border-gray-300 py-2 pr-4">{p.erased ? "Erased on request" : "Current"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager page={page} pageCount={pageCount} to={(p) => pageLink(q, p)} className="mt-6 flex gap-6" />
    </>
  );
}
