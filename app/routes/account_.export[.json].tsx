// Your own data as a JSON file (the right of access, self service). Audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportDownload, subjectAccessExport } from "~/services/subject-access.server";
import { requireUser } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const data = await subjectAccessExport({ userId: user.id, personId: user.personId, roles: user.roles }, user.personId, "json");
  if (!data) throw new Response("Not found", { status: 404 });
  return exportDownload(data);
}
