// Step 3: check your answers, read the authorisation, confirm. Only now is anything written.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/forms";
import { BackLink, CostTable, Inset, SummaryList } from "~/components/pledge-ui";
import { formatPence } from "~/domain/money";
import { givingModeWords, pledgeCosts } from "~/domain/pledges/amounts";
import { PledgeError, clearDraft, createPledge, pledgeContextForPage, readDraft, wordingFor } from "~/services/pledges.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Check your answers – Helping Hands" }];

async function guard(request: Request) {
  const user = await requireRole(request, ["employee"]);
  const ctx = await pledgeContextForPage(user.id, new Date());
  if (!ctx.allowed.includes("create")) throw redirect("/giving");
  const draft = await readDraft(request);
  const amountPence = draft.pledge?.amountPence;
  if (!amountPence) throw redirect("/giving/pledge/amount");
  return { user, ctx, amountPence, dedication: draft.pledge?.dedication ?? null };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, amountPence, dedication } = await guard(request);
  return json({
    amountPence,
    dedication,
    costs: pledgeCosts(amountPence, ctx.frequency, ctx.givingMode),
    payGroupName: ctx.payGroupName,
    givingMode: ctx.givingMode,
    period: ctx.effective,
    termsVersion: ctx.terms?.version ?? null,
    wording: wordingFor(ctx, "create", amountPence),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, amountPence, dedication } = await guard(request);
  const form = Object.fromEntries(await request.formData());
  try {
    await createPledge({
      userId: user.id,
      amountPence,
      dedication,
      shown: { periodId: String(form.periodId ?? ""), termsVersion: Number(form.termsVersion) },
      now: new Date(),
    });
  } catch (err) {
    if (err instanceof PledgeError) return json({ errors: { confirm: err.message } }, { status: 409 });
    throw err;
  }
  return redirect("/giving/pledge/done", { status: 303, headers: { "Set-Cookie": await clearDraft(request) } });
}

export default function PledgeCheck() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="max-w-3xl">
      <BackLink to="/giving/pledge/message" />
      <ErrorSummary errors={result?.errors} />
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
            <Button id="confirm">Confirm and set up</Button>
          </Form>
        </>
      ) : (
        <p>Gifts from pay cannot be set up just now because there is no open pay period. Try again later.</p>
      )}
    </div>
  );
}
