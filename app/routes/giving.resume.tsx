// Restart a paused regular gift: what restarts and from when, then confirm.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/forms";
import { JourneyPage, SummaryList } from "~/components/pledge-ui";
import { formatPence } from "~/domain/money";
import { resumePledge } from "~/services/pledges.server";
import { confirmChange, readShown, requireChangeFromEffectivePeriod } from "~/utils/pledge-journey.server";

export const meta: MetaFunction = () => [{ title: "Restart your regular gift – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, effective } = await requireChangeFromEffectivePeriod(request, "resume");
  return { amountPence: ctx.current.amountPence, period: effective };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireChangeFromEffectivePeriod(request, "resume");
  const { periodId } = await readShown(request);
  return confirmChange(request, () => resumePledge({ userId: user.id, shown: { periodId }, now: new Date() }));
}

export default function Resume() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <JourneyPage back="/giving" errors={result?.errors}>
      <h1 className="mb-6 text-3xl font-bold">Restart your regular gift</h1>
      <SummaryList
        testId="check-answers"
        rows={[
          { key: "Amount each pay period", value: formatPence(data.amountPence) },
          { key: "Restarts from", value: `The ${data.period.label} pay period` },
        ]}
      />
      <p className="mb-6">
        To give a different amount, restart your gift and then{" "}
        <Link to="/giving/amend" className="text-brand underline">
          change the amount
        </Link>
        .
      </p>
      <Form method="post">
        <input type="hidden" name="periodId" value={data.period.id} />
        <Button id="confirm">Confirm and restart</Button>
      </Form>
    </JourneyPage>
  );
}
