// The payroll file downloads of a period (a resource route: the answer is the CSV itself).
// The period page's form posts here natively, so it works without JavaScript.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { downloadRequestSchema } from "~/domain/payroll/changefile";
import { LayoutError } from "~/domain/payroll/layouts";
import { PayrollFileError, downloadControlTotals, downloadPayrollFile } from "~/services/payroll-files.server";
import { requireRole } from "~/utils/auth.server";

const periodUrl = (periodId: string) => `/finance/periods/${encodeURIComponent(periodId)}`;

// Downloads are POSTs (they lock the period); a GET goes back to the period page.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["finance"]);
  return redirect(periodUrl(params.periodId ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["finance"]);
  const periodId = params.periodId ?? "";
  const parsed = downloadRequestSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0] === "kind" ? "kind" : "layout";
    return redirect(`${periodUrl(periodId)}?error=${field}`, 303);
  }
  const { kind, layoutId } = parsed.data;
  const actor = { userId: user.id, role: "finance" };
  try {
    const csv = (filename: string) => ({ "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"` });
    if (kind === "summary") {
      const totals = await downloadControlTotals({ periodId, kind: "change", layoutId, actor });
      return new Response(totals.stream, { headers: csv(totals.filename) });
    }
    const file = await downloadPayrollFile({ periodId, kind, layoutId, actor, now: new Date() });
    return new Response(file.stream, { headers: { ...csv(file.filename), "X-Content-SHA256": file.sha256 } });
  } catch (err) {
    if (err instanceof LayoutError) return redirect(`${periodUrl(periodId)}?error=layout`, 303);
    if (err instanceof PayrollFileError) throw new Response(err.message, { status: 404, statusText: "Not Found" });
    throw err;
  }
}
