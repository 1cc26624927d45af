// Application step 2: how much (in pounds, at most the terms' most per award), with a link or a quote.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TextArea, TextField } from "~/components/forms";
import { StepPage } from "~/components/application-ui";
import { amountSchema } from "~/domain/applications/form";
import { formatPence, toPoundsInput } from "~/domain/money";
import { loadStep, saveStepAction } from "~/utils/application-steps.server";

export const meta: MetaFunction = () => [{ title: "How much do you need? – Helping Hands" }];

// No terms published: nothing can be sent (the check page says so); the field still takes a sane amount.
const NO_TERMS_LIMIT = 10_000_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  return await loadStep(request, params.id ?? "", "amount");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return saveStepAction(request, params.id ?? "", "amount", (max) => amountSchema(max ?? NO_TERMS_LIMIT));
}

export default function AmountStep() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result?.values ?? { amount: toPoundsInput(data.answers.amountPence), quoteUrl: data.answers.quoteUrl ?? "", quoteDetails: data.answers.quoteDetails ?? "" };
  const e = result?.errors;
  return (
    <StepPage back={data.back} errors={e} reference={data.reference}>
      <TextField
        name="amount"
        labelIsHeading
        label="How much do you need?"
        hint={
          <>
            Enter the amount in pounds.{data.maxAwardPence ? ` The fund gives at most ${formatPence(data.maxAwardPence)} for one application.` : ""}
          </>
        }
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        className="max-w-40"
        defaultValue={v.amount}
        error={e?.amount}
      />
      <h2 className="mb-2 text-2xl font-bold">Where the price comes from</h2>
      <p className="mb-4">Give a link to the item, or the details of a quote (or both).</p>
      <TextField name="quoteUrl" label="Link to the item or quote (optional)" hint="For example https://www.example.com/laptop" type="url" inputMode="url" spellCheck={false} defaultValue={v.quoteUrl} error={e?.quoteUrl} />
      <TextArea name="quoteDetails" label="Details of the quote (optional)" hint="For example: the shop or company, what it includes, and the price." defaultValue={v.quoteDetails} error={e?.quoteDetails} />
    </StepPage>
  );
}
