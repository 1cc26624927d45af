// Step 1 of setting up a regular gift: how much each pay period, and what that costs.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AmountStep, JourneyPage } from "~/components/pledge-ui";
import { formatPence } from "~/domain/money";
import { payPeriodWords } from "~/domain/pledges/amounts";
import { amountSchema } from "~/domain/pledges/amount-forms";
import { readDraft, saveDraft } from "~/services/pledges.server";
import { amountFieldValue, readAmountStep, requirePledgeChange } from "~/utils/pledge-journey.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "How much do you want to give each pay period? – Helping Hands" }];

const fromCheck = (request: Request) => new URL(request.url).searchParams.get("change") === "check";

const guard = (request: Request) =>
  requirePledgeChange(request, "create", async (ctx) => {
    const message = ctx.pledge ? "You already give from your pay. You can change, pause or stop your gift here." : "You cannot set up a gift from pay just now.";
    return redirect("/giving", { headers: { "Set-Cookie": await setFlash(request, { kind: "info", message }) } });
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await guard(request);
  const draft = await readDraft(request);
  return {
    amount: amountFieldValue(draft.pledge?.amountPence),
    limits: ctx.limits,
    frequency: ctx.frequency,
    givingMode: ctx.givingMode,
    payGroupName: ctx.payGroupName,
    back: fromCheck(request) ? "/giving/pledge/check" : "/giving",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await guard(request);
  const step = await readAmountStep(request, amountSchema(ctx.limits));
  if ("reply" in step) return step.reply;
  const draft = await readDraft(request);
  const cookie = await saveDraft(request, { ...draft, pledge: { ...draft.pledge, amountPence: step.amountPence } });
  const next = fromCheck(request) ? "/giving/pledge/check" : "/giving/pledge/message";
  return redirect(next, { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function PledgeAmount() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <JourneyPage back={data.back} errors={result?.errors}>
      <AmountStep
        label="How much do you want to give each pay period?"
        hint={
          <>
            You are in the {data.payGroupName} pay group, paid {payPeriodWords(data.frequency)}. Enter an amount in pounds
            between {formatPence(data.limits.minPence)} and {formatPence(data.limits.maxPence)}.
          </>
        }
        data={data}
        result={result}
      />
    </JourneyPage>
  );
}
