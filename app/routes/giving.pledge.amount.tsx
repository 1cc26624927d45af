// Step 1 of setting up a regular gift: how much each pay period, and what that costs.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { Button, ErrorSummary, TextField, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { BackLink, CostTable } from "~/components/pledge-ui";
import { formatPence, parsePounds } from "~/domain/money";
import { amountSchema, payPeriodWords, pledgeCosts } from "~/domain/pledges/amounts";
import { pledgeContextForPage, readDraft, saveDraft } from "~/services/pledges.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "How much do you want to give each pay period? – Helping Hands" }];

const fromCheck = (request: Request) => new URL(request.url).searchParams.get("change") === "check";

async function guard(request: Request) {
  const user = await requireRole(request, ["employee"]);
  const ctx = await pledgeContextForPage(user.id, new Date());
  if (!ctx.allowed.includes("create")) {
    const message = ctx.pledge ? "You already give from your pay. You can change, pause or stop your gift here." : "You cannot set up a gift from pay just now.";
    throw redirect("/giving", { headers: { "Set-Cookie": await setFlash(request, { kind: "info", message }) } });
  }
  return ctx;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await guard(request);
  const draft = await readDraft(request);
  const amount = draft.pledge?.amountPence;
  return json({
    amount: amount ? (amount / 100).toFixed(2).replace(/\.00$/, "") : "",
    limits: ctx.limits,
    frequency: ctx.frequency,
    givingMode: ctx.givingMode,
    payGroupName: ctx.payGroupName,
    back: fromCheck(request) ? "/giving/pledge/check" : "/giving",
  });
}

type ActionData = { errors?: FieldErrors; amount: string };

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await guard(request);
  const form = Object.fromEntries(await request.formData());
  const amount = typeof form.amount === "string" ? form.amount : "";
  const parsed = amountSchema(ctx.limits).safeParse({ amount });
  if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), amount }, { status: 400 });
  // Without JavaScript, "Show what it costs" comes back to this page with the figures.
  if (form.intent === "preview") return json<ActionData>({ amount });
  const draft = await readDraft(request);
  const cookie = await saveDraft(request, { ...draft, pledge: { ...draft.pledge, amountPence: parsed.data.amount } });
  const next = fromCheck(request) ? "/giving/pledge/check" : "/giving/pledge/message";
  return redirect(next, { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function PledgeAmount() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [typed, setTyped] = useState<string | null>(null);
  const value = typed ?? result?.amount ?? data.amount;
  const pence = parsePounds(value);
  const inRange = pence !== null && pence >= data.limits.minPence && pence <= data.limits.maxPence;
  return (
    <div className="max-w-3xl">
      <BackLink to={data.back} />
      <ErrorSummary errors={result?.errors} />
      <Form method="post" noValidate>
        <TextField
          name="amount"
          labelIsHeading
          label="How much do you want to give each pay period?"
          hint={
            <>
              You are in the {data.payGroupName} pay group, paid {payPeriodWords(data.frequency)}. Enter an amount in pounds
              between {formatPence(data.limits.minPence)} and {formatPence(data.limits.maxPence)}.
            </>
          }
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          className="max-w-40"
          value={value}
          onChange={(e) => setTyped(e.currentTarget.value)}
          error={result?.errors?.amount}
        />
        <div aria-live="polite">
          {inRange ? (
            <CostTable caption={`What ${formatPence(pence!)} each pay period costs`} costs={pledgeCosts(pence!, data.frequency, data.givingMode)} />
          ) : null}
        </div>
        <div className="flex flex-wrap gap-4">
          <Button>Continue</Button>
          <Button variant="secondary" name="intent" value="preview">
            Show what it costs
          </Button>
        </div>
      </Form>
    </div>
  );
}
