// Change the amount of a regular gift: the new amount (then check, then done).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AmountStep, JourneyPage } from "~/components/pledge-ui";
import { formatPence } from "~/domain/money";
import { amountSchema } from "~/domain/pledges/amount-forms";
import { readDraft, saveDraft } from "~/services/pledges.server";
import { amountFieldValue, readAmountStep, requirePledgeChange } from "~/utils/pledge-journey.server";

export const meta: MetaFunction = () => [{ title: "What do you want to give each pay period instead? – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requirePledgeChange(request, "amend");
  const draft = await readDraft(request);
  return {
    amount: amountFieldValue(draft.amend?.amountPence),
    currentPence: ctx.current.amountPence,
    limits: ctx.limits,
    frequency: ctx.frequency,
    givingMode: ctx.givingMode,
    periodLabel: ctx.effective?.label ?? null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await requirePledgeChange(request, "amend");
  const step = await readAmountStep(
    request,
    amountSchema(ctx.limits).refine((v) => v.amount !== ctx.current.amountPence, {
      message: "Enter a different amount from the one you give now",
      path: ["amount"],
    }),
  );
  if ("reply" in step) return step.reply;
  const draft = await readDraft(request);
  const cookie = await saveDraft(request, { ...draft, amend: { amountPence: step.amountPence } });
  return redirect("/giving/amend/check", { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function AmendAmount() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <JourneyPage back="/giving" errors={result?.errors}>
      <AmountStep
        label="What do you want to give each pay period instead?"
        hint={
          <>
            You give {formatPence(data.currentPence)} each pay period now.
            {data.periodLabel ? ` The new amount takes effect from the ${data.periodLabel} pay period.` : ""} Enter an amount in
            pounds between {formatPence(data.limits.minPence)} and {formatPence(data.limits.maxPence)}.
          </>
        }
        data={data}
        result={result}
      />
    </JourneyPage>
  );
}
