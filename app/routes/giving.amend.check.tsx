// Check a new amount, read the authorisation for it, confirm.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/forms";
import { BackLink, CostTable, Inset, SummaryList } from "~/components/pledge-ui";
import { formatPence } from "~/domain/money";
import { pledgeCosts } from "~/domain/pledges/amounts";
import { PledgeError, amendPledge, clearDraft, pledgeContextForPage, readDraft, wordingFor } from "~/services/pledges.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Check your new amount – Helping Hands" }];

async function guard(request: Request) {
  const user = await requireRole(request, ["employee"]);
  const ctx = await pledgeContextForPage(user.id, new Date());
  if (!ctx.allowed.includes("amend")) throw redirect("/giving");
  const amountPence = (await readDraft(request)).amend?.amountPence;
  if (!amountPence) throw redirect("/giving/amend");
  return { user, ctx, amountPence };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, amountPence } = await guard(request);
  return json({
    amountPence,
    currentPence: ctx.current.amountPence,
    costs: pledgeCosts(amountPence, ctx.frequency, ctx.givingMode),
    period: ctx.effective,
    termsVersion: ctx.terms?.version ?? null,
    wording: wordingFor(ctx, "amend", amountPence),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, amountPence } = await guard(request);
  const form = Object.fromEntries(await request.formData());
  try {
    await amendPledge({
      userId: user.id,
      amountPence,
      shown: { periodId: String(form.periodId ?? ""), termsVersion: Number(form.termsVersion) },
      now: new Date(),
    });
  } catch (err) {
    if (err instanceof PledgeError) return json({ errors: { confirm: err.message } }, { status: 409 });
    throw err;
  }
  return redirect("/giving/done", { status: 303, headers: { "Set-Cookie": await clearDraft(request) } });
}

export default function AmendCheck() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="max-w-3xl">
      <BackLink to="/giving/amend" />
      <ErrorSummary errors={result?.errors} />
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
      {data.wording && data.period && data.termsVersion !== null ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Your authorisation</h2>
          <p className="mb-2">By confirming, you agree to this:</p>
          <Inset testId="authorisation-wording">
            <p>{data.wording}</p>
          </Inset>
          <Form method="post">
            <input type="hidden" name="periodId" value={data.period.id} />
            <input type="hidden" name="termsVersion" value={data.termsVersion} />
            <Button id="confirm">Confirm new amount</Button>
          </Form>
        </>
      ) : (
        <p>Changes cannot be made just now because there is no open pay period. Try again later.</p>
      )}
    </div>
  );
}
