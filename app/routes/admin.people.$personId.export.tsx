// Everything held about one person as a readable page to print, for an administrator. Audited.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/pledge-ui";
import { ReadableCopy } from "~/components/subject-access-ui";
import { subjectAccessExport } from "~/services/subject-access.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Readable copy – Admin – Helping Hands" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const data = await subjectAccessExport({ userId: user.id, personId: user.personId, roles: user.roles }, params.personId ?? "", "html");
  if (!data) throw new Response("Not found", { status: 404 });
  return json(data, { headers: { "Cache-Control": "no-store" } });
}

export default function AdminReadableCopy() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <div className="print:hidden">
        <BackLink to={`/admin/people/${data.person.id}`}>Back to the person</BackLink>
      </div>
      <ReadableCopy data={data} intro={<p className="mb-2">Produced for a subject access request. This copy has been recorded in the audit log.</p>} />
    </>
  );
}
