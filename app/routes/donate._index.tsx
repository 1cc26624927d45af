// Give by card, step 1: how much, and to what (the fund, or a campaign from ?campaign=<slug> or chosen here).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, FieldGroup, HintAndError, fieldErrorsFrom, fieldIds, type FieldErrors } from "~/components/forms";
import { Radios } from "~/components/pledge-ui";
import { donationAmountSchema, presetsWithin } from "~/domain/campaigns/donate";
import { toPoundsInput } from "~/domain/money";
import { formatPence } from "~/domain/money";
import { campaignForGift, campaignsTakingGifts, donateSettings, readDonateDraft, saveDonateDraft } from "~/services/campaigns.server";

export const meta: MetaFunction = () => [{ title: "How much would you like to give? – Helping Hands" }];

const FUND = "fund";

// Public: anyone may give; no account needed.
export async function loader({ request }: LoaderFunctionArgs) {
  const now = new Date();
  const url = new URL(request.url);
  const [settings, draft, campaigns] = await Promise.all([donateSettings(now), readDonateDraft(request), campaignsTakingGifts(now)]);
  const slug = url.searchParams.get("campaign");
  const named = slug ? await campaignForGift({ slug }, now) : null;
  if (slug && !named) throw new Response("Campaign not found", { status: 404 });
  const presets = presetsWithin(settings.limits);
  const savedPreset = draft.amountPence && presets.includes(draft.amountPence);
  return {
    fundName: settings.fundName,
    limits: settings.limits,
    presets,
    campaigns,
    named,
    amount: draft.amountPence ? (savedPreset ? String(draft.amountPence) : "other") : "",
    otherAmount: draft.amountPence && !savedPreset ? toPoundsInput(draft.amountPence) : "",
    campaign: named ? named.id : draft.campaignId ?? "",
    back: url.searchParams.get("change") === "check" ? "/donate/check" : null,
  };
}

type ActionData = { errors: FieldErrors; amount: string; otherAmount: string; campaign: string };

export async function action({ request }: ActionFunctionArgs) {
  const now = new Date();
  const settings = await donateSettings(now);
  const form = Object.fromEntries(await request.formData());
  const str = (k: string) => (typeof form[k] === "string" ? String(form[k]) : "");
  const values = { amount: str("amount"), otherAmount: str("otherAmount"), campaign: str("campaign") };
  const errors: FieldErrors = {};
  const parsed = donationAmountSchema(settings.limits).safeParse(values);
  if (!parsed.success) Object.assign(errors, fieldErrorsFrom(parsed.error.issues));
  let campaignId: string | null = null;
  if (values.campaign && values.campaign !== FUND) {
    const campaign = await campaignForGift({ id: values.campaign }, now);
    if (!campaign) errors.campaign = "Choose where your gift goes";
    else if (!campaign.takingGifts) errors.campaign = `${campaign.title} is closed and is not taking gifts. Choose the fund or another campaign.`;
    else campaignId = campaign.id;
  } else if (!values.campaign) {
    errors.campaign = "Choose where your gift goes";
  }
  if (!parsed.success || Object.keys(errors).length) return json<ActionData>({ errors, ...values }, { status: 400 });
  const draft = await readDonateDraft(request);
  const cookie = await saveDonateDraft(request, { ...draft, amountPence: parsed.data, campaignId });
  const next = new URL(request.url).searchParams.get("change") === "check" ? "/donate/check" : "/donate/details";
  return redirect(next, { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function DonateAmount() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const amount = result?.amount ?? data.amount;
  const otherAmount = result?.otherAmount ?? data.otherAmount;
  const campaign = result?.campaign ?? data.campaign;

  if (data.named && !data.named.takingGifts) {
    return (
      <div className="max-w-3xl">
        <h1 className="mb-4 text-3xl font-bold">{data.named.title} is closed</h1>
        <p className="mb-4">This campaign is not taking gifts. Thank you to everyone who gave.</p>
        <p>
          <Link to="/donate" className="text-brand underline">
            Give to {data.fundName} instead
          </Link>
        </p>
      </div>
    );
  }

  const other = fieldIds("otherAmount", "In pounds, like 12 or 12.50", errors?.otherAmount);
  const amountIds = fieldIds("amount", null, errors?.amount);
  return (
    <div className="max-w-3xl">
      {data.back ? (
        <p className="mb-6">
          <Link to={data.back} className="text-brand underline">
            Back
          </Link>
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <FieldGroup error={errors?.amount}>
          <fieldset aria-describedby={amountIds.describedBy}>
            <legend className="mb-2">
              <h1 className="text-3xl font-bold">How much would you like to give?</h1>
            </legend>
            <p className="mb-2 text-gray-700">
              A one-off gift by card, between {formatPence(data.limits.minPence)} and {formatPence(data.limits.maxPence)}. You pay on a secure payment page; we never see your card details.
            </p>
            <HintAndError error={errors?.amount} errorId={amountIds.errorId} spacing="mb-2" />
            {data.presets.map((p, i) => (
              <div key={p} className="mb-2 flex items-start gap-3">
                <input id={i === 0 ? "amount" : `amount-${i}`} type="radio" name="amount" value={String(p)} defaultChecked={amount === String(p)} className="mt-1 h-6 w-6" />
                <label htmlFor={i === 0 ? "amount" : `amount-${i}`}>{formatPence(p)}</label>
              </div>
            ))}
            <div className="mb-2 flex items-start gap-3">
              <input id="amount-other" type="radio" name="amount" value="other" defaultChecked={amount === "other"} className="mt-1 h-6 w-6" />
              <label htmlFor="amount-other">Other amount</label>
            </div>
            <div className={`ml-9 mt-2 ${errors?.otherAmount ? "border-l-4 border-error pl-4" : "border-l-4 border-gray-400 pl-4"}`}>
              <label htmlFor="otherAmount" className="mb-1 block font-bold">
                Other amount in pounds
              </label>
              <HintAndError hint="In pounds, like 12 or 12.50" error={errors?.otherAmount} hintId={other.hintId} errorId={other.errorId} />
              <div className="flex items-center gap-1">
                <span aria-hidden="true" className="font-bold">
                  £
                </span>
                <input
                  id="otherAmount"
                  name="otherAmount"
                  inputMode="decimal"
                  autoComplete="off"
                  spellCheck={false}
                  defaultValue={otherAmount}
                  aria-describedby={other.describedBy}
                  aria-invalid={errors?.otherAmount ? true : undefined}
                  className={`block w-40 border-2 ${errors?.otherAmount ? "border-error" : "border-gray-900"} p-2`}
                />
              </div>
            </div>
          </fieldset>
        </FieldGroup>
        {data.named ? (
          <div className="mb-6">
            <input type="hidden" name="campaign" value={data.named.id} />
            <p>
              Your gift goes to the campaign <strong>{data.named.title}</strong>.
            </p>
          </div>
        ) : (
          <Radios
            name="campaign"
            legend="Where should your gift go?"
            error={errors?.campaign}
            defaultValue={campaign || FUND}
            options={[
              { value: FUND, label: data.fundName, hint: "Where it is needed most" },
              ...data.campaigns.map((c) => ({ value: c.id, label: c.title, hint: "Campaign" })),
            ]}
          />
        )}
        <Button>Continue</Button>
      </Form>
    </div>
  );
}
