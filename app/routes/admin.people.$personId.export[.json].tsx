// Everything held about one person as a JSON file, for an administrator. Audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportDownload, subjectAccessExport } from "~/services/subject-access.server";
import { requireRole } from "~/utils/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const data = await subjectAccessExport({ userId: user.id, personId: user.personId, roles: user.roles }, params.personId ?? "", "json");
  if (!data) throw new Response("Not found", { status: 404 });
  return exportDownload(data);
}
