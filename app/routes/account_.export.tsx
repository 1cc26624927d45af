// Your own data as a readable page to print (the right of access, self service). Audited.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/pledge-ui";
import { ReadableCopy } from "~/components/subject-access-ui";
import { subjectAccessExport } from "~/services/subject-access.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Everything we hold about you – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const data = await subjectAccessExport({ userId: user.id, personId: user.personId, roles: user.roles }, user.personId, "html");
  if (!data) throw new Response("Not found", { status: 404 });
  return json(data, { headers: { "Cache-Control": "no-store" } });
}

export default function MyReadableCopy() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <div className="print:hidden">
        <BackLink to="/account">Your account</BackLink>
      </div>
      <ReadableCopy
        data={data}
        intro={
          <p className="mb-2">
            This is every record the service holds about you, including things you did for the service as part of your job. If something is
            wrong, ask the programme coordinator to correct it.{" "}
            <a href="/account/export.json" className="text-brand underline print:hidden" download>
              Download it as a file (JSON)
            </a>
          </p>
        }
      />
    </>
  );
}
