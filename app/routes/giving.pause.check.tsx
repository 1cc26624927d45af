// Check a pause, confirm.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/forms";
import { JourneyPage, SummaryList } from "~/components/pledge-ui";
import { formatPence } from "~/domain/money";
import { formatDay } from "~/domain/payroll/periods";
import { PAUSE_CHOICES, pausePledge, readDraft } from "~/services/pledges.server";
import { confirmChange, requirePledgeChange } from "~/utils/pledge-journey.server";

export const meta: MetaFunction = () => [{ title: "Check your pause – Helping Hands" }];

async function guard(request: Request) {
  const { user, ctx } = await requirePledgeChange(request, "pause");
  const pause = (await readDraft(request)).pause;
  const from = pause ? ctx.open.slice(0, PAUSE_CHOICES).find((p) => p.id === pause.fromPeriodId) : undefined;
  // No answers yet, or the chosen period has closed since: choose again.
  if (!pause || !from) throw redirect("/giving/pause");
  return { user, ctx, from, pauseUntil: pause.pauseUntil ? new Date(pause.pauseUntil) : null };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, from, pauseUntil } = await guard(request);
  return { fromLabel: from.label, until: pauseUntil ? formatDay(pauseUntil) : null, amountPence: ctx.current.amountPence };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, from, pauseUntil } = await guard(request);
  return confirmChange(request, () => pausePledge({ userId: user.id, fromPeriodId: from.id, pauseUntil, now: new Date() }), {
    clearAnswers: true,
  });
}

export default function PauseCheck() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <JourneyPage back="/giving/pause" errors={result?.errors}>
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
    </JourneyPage>
  );
}
