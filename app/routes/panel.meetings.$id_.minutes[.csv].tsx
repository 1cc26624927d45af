// A meeting's minutes as a CSV file (a resource route). Every application listed is audited as exported.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { orNotFound } from "~/services/applications.server";
import { minutesCsv } from "~/services/panel.server";
import { requireRole } from "~/utils/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["panel"]);
  const file = await orNotFound(minutesCsv({ userId: user.id, roles: user.roles }, params.id ?? ""));
  return new Response(file.text, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
