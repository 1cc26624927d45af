// Check a new amount, read the authorisation for it, confirm.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AuthoriseAndConfirm, CostTable, JourneyPage, SummaryList } from "~/components/pledge-ui";
import { formatPence } from "~/domain/money";
import { pledgeCosts } from "~/domain/pledges/amounts";
import { amendPledge, readDraft, wordingFor } from "~/services/pledges.server";
import { confirmChange, readShown, requirePledgeChange } from "~/utils/pledge-journey.server";

export const meta: MetaFunction = () => [{ title: "Check your new amount – Helping Hands" }];

async function guard(request: Request) {
  const { user, ctx } = await requirePledgeChange(request, "amend");
  const amountPence = (await readDraft(request)).amend?.amountPence;
  if (!amountPence) throw redirect("/giving/amend");
  return { user, ctx, amountPence };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, amountPence } = await guard(request);
  return {
    amountPence,
    currentPence: ctx.current.amountPence,
    costs: pledgeCosts(amountPence, ctx.frequency, ctx.givingMode),
    period: ctx.effective,
    termsVersion: ctx.terms?.version ?? null,
    wording: wordingFor(ctx, "amend", amountPence),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, amountPence } = await guard(request);
  const shown = await readShown(request);
  return confirmChange(request, () => amendPledge({ userId: user.id, amountPence, shown, now: new Date() }), { clearAnswers: true });
}

export default function AmendCheck() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <JourneyPage back="/giving/amend" errors={result?.errors}>
      <h1 className="mb-6 text-3xl font-bold">Check your new amount</h1>
      <SummaryList
        testId="check-answers"
        rows={[
          { key: "Amount now", value: formatPence(data.currentPence) },
          { key: "New amount each pay period", value: formatPence(data.amountPence), change: { to: "/giving/amend", label: "the new amount" } },
          { key: "Takes effect from", value: data.period ? `The ${data.period.label} pay period` : "No open pay period yet" },
        ]}
      />
      <CostTable caption="What the new amount costs" costs={data.costs} />
      <AuthoriseAndConfirm
        data={data}
        confirmLabel="Confirm new amount"
        unavailable="Changes cannot be made just now because there is no open pay period. Try again later."
      />
    </JourneyPage>
  );
}
