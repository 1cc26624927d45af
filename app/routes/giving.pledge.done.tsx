// Confirmation page after setting up a regular gift.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ChangeDonePage } from "~/components/pledge-ui";
import { changeSummary } from "~/domain/pledges/authorisation";
import { pledgeContextForPage } from "~/services/pledges.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Regular gift set up – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["employee"]);
  const ctx = await pledgeContextForPage(user.id, new Date());
  const created = ctx.changes.find((c) => c.type === "create");
  if (!ctx.pledge || !created) throw redirect("/giving");
  return { email: ctx.email, summary: changeSummary({ type: "create", amountPence: created.amountPence, periodLabel: created.periodLabel }) };
}

export default function PledgeDone() {
  const { email, summary } = useLoaderData<typeof loader>();
  return (
    <ChangeDonePage title="Regular gift set up" summary={summary} email={email}>
      <li>We tell payroll about your gift before the cut-off for that pay period.</li>
      <li>Your payslip will show the deduction from then on.</li>
      <li>You can change the amount, pause or stop your gift at any time. A change takes effect from the next pay period whose cut-off has not passed.</li>
    </ChangeDonePage>
  );
}
