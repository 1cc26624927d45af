// Check a pause, confirm.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/forms";
import { BackLink, SummaryList } from "~/components/pledge-ui";
import { formatPence } from "~/domain/money";
import { formatDay } from "~/domain/payroll/periods";
import { PAUSE_CHOICES, PledgeError, clearDraft, pausePledge, pledgeContextForPage, readDraft } from "~/services/pledges.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Check your pause – Helping Hands" }];

async function guard(request: Request) {
  const user = await requireRole(request, ["employee"]);
  const ctx = await pledgeContextForPage(user.id, new Date());
  if (!ctx.allowed.includes("pause")) throw redirect("/giving");
  const pause = (await readDraft(request)).pause;
  const from = pause ? ctx.open.slice(0, PAUSE_CHOICES).find((p) => p.id === pause.fromPeriodId) : undefined;
  // No answers yet, or the chosen period has closed since: choose again.
  if (!pause || !from) throw redirect("/giving/pause");
  return { user, ctx, from, pauseUntil: pause.pauseUntil ? new Date(pause.pauseUntil) : null };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, from, pauseUntil } = await guard(request);
  return json({ fromLabel: from.label, until: pauseUntil ? formatDay(pauseUntil) : null, amountPence: ctx.current.amountPence });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, from, pauseUntil } = await guard(request);
  try {
    await pausePledge({ userId: user.id, fromPeriodId: from.id, pauseUntil, now: new Date() });
  } catch (err) {
    if (err instanceof PledgeError) return json({ errors: { confirm: err.message } }, { status: 409 });
    throw err;
  }
  return redirect("/giving/done", { status: 303, headers: { "Set-Cookie": await clearDraft(request) } });
}

export default function PauseCheck() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="max-w-3xl">
      <BackLink to="/giving/pause" />
      <ErrorSummary errors={result?.errors} />
      <h1 className="mb-6 text-3xl font-bold">Check your pause</h1>
      <SummaryList
        testId="check-answers"
        rows={[
          { key: "Pause from", value: `The ${data.fromLabel} pay period`, change: { to: "/giving/pause", label: "when the pause starts" } },
          {
            key: "Restarts",
            value: data.until ? `In the first pay period starting on or after ${data.until}` : "When you restart it",
            change: { to: "/giving/pause", label: "when the pause ends" },
          },
          { key: "Amount when it restarts", value: `${formatPence(data.amountPence)} each pay period` },
        ]}
      />
      <Form method="post">
        <Button id="confirm">Confirm pause</Button>
      </Form>
    </div>
  );
}
