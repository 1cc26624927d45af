// Export the Gift Aid claim schedule (a resource route: the answer is the CSV). Marks the gifts as claimed.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { parseClaimRange } from "~/domain/gift-aid/claim-range";
import { GiftAidClaimError, exportClaimSchedule, todayKey } from "~/services/gift-aid.server";
import { requireRole } from "~/utils/auth.server";

// Exports are POSTs; a GET goes back to the claim page.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["finance"]);
  return redirect("/finance/gift-aid");
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["finance"]);
  const values = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
  const back = new URLSearchParams(values);
  const now = new Date();
  const parsed = parseClaimRange(values, todayKey(now));
  if (!parsed.ok) return redirect(`/finance/gift-aid?${back}`, 303);
  try {
    const file = await exportClaimSchedule({ range: parsed.range, actor: { userId: user.id, role: "finance" }, now });
    return new Response(file.csv, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${file.filename}"`, "X-Gift-Aid-Claim": file.claimId },
    });
  } catch (error) {
    if (!(error instanceof GiftAidClaimError)) throw error;
    back.set("exportError", "none");
    return redirect(`/finance/gift-aid?${back}`, 303);
  }
}
