// A meeting's minutes as a CSV file (a resource route). Every application listed is audited as exported.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/services/applications.server";
import { PanelNotFoundError, minutesCsv } from "~/services/panel.server";
import { requireRole } from "~/utils/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["panel"]);
  try {
    const file = await minutesCsv({ userId: user.id, roles: user.roles }, params.id ?? "");
    return new Response(file.text, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof PanelNotFoundError) throw notFound();
    throw error;
  }
}
