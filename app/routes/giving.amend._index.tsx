// Change the amount of a regular gift: the new amount (then check, then done).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { Button, ErrorSummary, TextField, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { BackLink, CostTable } from "~/components/pledge-ui";
import { formatPence, parsePounds } from "~/domain/money";
import { amountSchema, pledgeCosts } from "~/domain/pledges/amounts";
import { pledgeContextForPage, readDraft, saveDraft } from "~/services/pledges.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "What do you want to give each pay period instead? – Helping Hands" }];

async function guard(request: Request) {
  const user = await requireRole(request, ["employee"]);
  const ctx = await pledgeContextForPage(user.id, new Date());
  if (!ctx.allowed.includes("amend")) throw redirect("/giving");
  return ctx;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await guard(request);
  const draft = await readDraft(request);
  const amount = draft.amend?.amountPence;
  return json({
    amount: amount ? (amount / 100).toFixed(2).replace(/\.00$/, "") : "",
    currentPence: ctx.current.amountPence,
    limits: ctx.limits,
    frequency: ctx.frequency,
    givingMode: ctx.givingMode,
    periodLabel: ctx.effective?.label ?? null,
  });
}

type ActionData = { errors?: FieldErrors; amount: string };

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await guard(request);
  const form = Object.fromEntries(await request.formData());
  const amount = typeof form.amount === "string" ? form.amount : "";
  const parsed = amountSchema(ctx.limits)
    .refine((v) => v.amount !== ctx.current.amountPence, { message: "Enter a different amount from the one you give now", path: ["amount"] })
    .safeParse({ amount });
  if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), amount }, { status: 400 });
  if (form.intent === "preview") return json<ActionData>({ amount });
  const draft = await readDraft(request);
  const cookie = await saveDraft(request, { ...draft, amend: { amountPence: parsed.data.amount } });
  return redirect("/giving/amend/check", { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function AmendAmount() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [typed, setTyped] = useState<string | null>(null);
  const value = typed ?? result?.amount ?? data.amount;
  const pence = parsePounds(value);
  const inRange = pence !== null && pence >= data.limits.minPence && pence <= data.limits.maxPence;
  return (
    <div className="max-w-3xl">
      <BackLink to="/giving" />
      <ErrorSummary errors={result?.errors} />
      <Form method="post" noValidate>
        <TextField
          name="amount"
          labelIsHeading
          label="What do you want to give each pay period instead?"
          hint={
            <>
              You give {formatPence(data.currentPence)} each pay period now.
              {data.periodLabel ? ` The new amount takes effect from the ${data.periodLabel} pay period.` : ""} Enter an amount in
              pounds between {formatPence(data.limits.minPence)} and {formatPence(data.limits.maxPence)}.
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
