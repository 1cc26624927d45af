// The period's expected deductions as a CSV in the upload's format (a resource route: the answer is the file).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { PeriodNotFoundError, expectedDeductionsCsv } from "~/services/reconciliation.server";
import { requireRole } from "~/utils/auth.server";

// Finance only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["finance"]);
  try {
    const file = await expectedDeductionsCsv(params.periodId ?? "", { userId: user.id, role: "finance" });
    return new Response(file.text, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof PeriodNotFoundError) throw new Response("No such pay period.", { status: 404, statusText: "Not Found" });
    throw error;
  }
}
