// A mentoring cohort's report as a CSV file (a resource route): the results page's suppressed
// figures, no comments. The download is audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { cohortReportCsv } from "~/services/mentoring-sessions.server";
import { orNotFound } from "~/services/mentoring.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  const file = await orNotFound(cohortReportCsv(actorOf(user), params.id ?? ""));
  return new Response(file.text, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
