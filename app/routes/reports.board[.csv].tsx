// The Corporate Parenting Board report as a CSV file (a resource route): the page's figures,
// suppressed the same way, for the same months (the default is the last full quarter). Audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseBoardQuery } from "~/domain/impact/figures";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { boardReportCsv } from "~/services/impact-figures.server";
import { requireRole } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["coordinator", "finance"]);
  const now = new Date();
  const url = new URL(request.url);
  const parsed = parseBoardQuery({ from: url.searchParams.get("from"), to: url.searchParams.get("to") }, ukDayKey(now));
  if (!parsed.ok) {
    const problems = Object.values(parsed.errors).join(". ");
    throw new Response(`${problems}.`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const role = user.roles.includes("coordinator") ? "coordinator" : "finance";
  const file = await boardReportCsv({ userId: user.id, role }, parsed.query, now);
  return new Response(file.text, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
