// Step 3: check your answers, read the authorisation, confirm. Only now is anything written.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AuthoriseAndConfirm, CostTable, JourneyPage, SummaryList } from "~/components/pledge-ui";
import { formatPence } from "~/domain/money";
import { givingModeWords, pledgeCosts } from "~/domain/pledges/amounts";
import { createPledge, readDraft, wordingFor } from "~/services/pledges.server";
import { confirmChange, readShown, requirePledgeChange } from "~/utils/pledge-journey.server";

export const meta: MetaFunction = () => [{ title: "Check your answers – Helping Hands" }];

async function guard(request: Request) {
  const { user, ctx } = await requirePledgeChange(request, "create");
  const draft = await readDraft(request);
  const amountPence = draft.pledge?.amountPence;
  if (!amountPence) throw redirect("/giving/pledge/amount");
  return { user, ctx, amountPence, dedication: draft.pledge?.dedication ?? null };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, amountPence, dedication } = await guard(request);
  return {
    amountPence,
    dedication,
    costs: pledgeCosts(amountPence, ctx.frequency, ctx.givingMode),
    payGroupName: ctx.payGroupName,
    givingMode: ctx.givingMode,
    period: ctx.effective,
    termsVersion: ctx.terms?.version ?? null,
    wording: wordingFor(ctx, "create", amountPence),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, amountPence, dedication } = await guard(request);
  const shown = await readShown(request);
  return confirmChange(request, () => createPledge({ userId: user.id, amountPence, dedication, shown, now: new Date() }), {
    to: "/giving/pledge/done",
    clearAnswers: true,
  });
}

export default function PledgeCheck() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <JourneyPage back="/giving/pledge/message" errors={result?.errors}>
      <h1 className="mb-6 text-3xl font-bold">Check your answers before setting up your gift</h1>
      <SummaryList
        testId="check-answers"
        rows={[
          {
            key: "Amount each pay period",
            value: formatPence(data.amountPence),
            change: { to: "/giving/pledge/amount?change=check", label: "the amount" },
          },
          {
            key: "Message",
            value: data.dedication ?? "None",
            change: { to: "/giving/pledge/message", label: "the message" },
          },
          { key: "Pay group", value: data.payGroupName },
          { key: "Starts from", value: data.period ? `The ${data.period.label} pay period` : "No open pay period yet" },
          { key: "How it is taken", value: givingModeWords(data.givingMode) },
        ]}
      />
      <CostTable caption="What it costs" costs={data.costs} />
      <AuthoriseAndConfirm
        data={data}
        confirmLabel="Confirm and set up"
        unavailable="Gifts from pay cannot be set up just now because there is no open pay period. Try again later."
      />
    </JourneyPage>
  );
}
