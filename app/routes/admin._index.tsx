// The administrator's home: people (subject access) and the audit log.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Admin – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return null;
}

export default function AdminHome() {
  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-3xl font-bold">Admin</h1>
      <ul className="space-y-4">
        <li>
          <Link to="/admin/people" className="text-xl text-brand underline">
            People
          </Link>
          <p>Find a person and download everything the service holds about them (a subject access request).</p>
        </li>
        <li>
          <Link to="/admin/audit" className="text-xl text-brand underline">
            Audit log
          </Link>
          <p>Who did what to which record, and when. Read only: nobody can change or delete an entry.</p>
        </li>
      </ul>
    </div>
  );
}
