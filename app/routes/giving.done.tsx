// Confirmation page after changing, pausing, restarting or stopping a regular gift.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ChangeDonePage } from "~/components/pledge-ui";
import { formatDay } from "~/domain/payroll/periods";
import { changeSummary } from "~/domain/pledges/authorisation";
import type { ChangeType } from "~/domain/pledges/pledge";
import { latestChangeFor } from "~/services/pledges.server";
import { requireRole } from "~/utils/auth.server";

const TITLES: Record<ChangeType, string> = {
  create: "Regular gift set up",
  amend: "Amount changed",
  pause: "Gift paused",
  resume: "Gift restarted",
  stop: "Gift stopped",
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? TITLES[data.type] : "Change made"} – Helping Hands` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["employee"]);
  const latest = await latestChangeFor(user.id);
  if (!latest) throw redirect("/giving");
  return {
    type: latest.type,
    email: user.email,
    summary: changeSummary(latest),
    madeOn: formatDay(latest.createdAt),
  };
}

export default function ChangeDone() {
  const data = useLoaderData<typeof loader>();
  return (
    <ChangeDonePage title={TITLES[data.type]} summary={data.summary} email={data.email}>
      <li>We tell payroll about the change before the cut-off for that pay period.</li>
      <li>Your payslip shows the change from that pay period.</li>
      {data.type === "stop" ? (
        <li>You can set up a new regular gift whenever you like.</li>
      ) : (
        <li>You can change, pause or stop your gift again at any time.</li>
      )}
    </ChangeDonePage>
  );
}
