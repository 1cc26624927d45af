// Give by card, step 3 (only while the fund is HMRC-recognised): would the donor like to add Gift Aid?
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { Inset, JourneyPage, Radios } from "~/components/pledge-ui";
import { giftAidChoiceSchema } from "~/domain/campaigns/donate";
import { giftAidValue } from "~/domain/gift-aid/declaration";
import { giftAidWording } from "~/domain/gift-aid/declaration";
import { formatPence } from "~/domain/money";
import { guardGiftAidStep, saveDonateDraft } from "~/services/campaigns.server";

export const meta: MetaFunction = () => [{ title: "Do you want to add Gift Aid? – Helping Hands" }];


export async function loader({ request }: LoaderFunctionArgs) {
  const { draft, settings, amountPence } = await guardGiftAidStep(request, "gift-aid");
  return {
    fundName: settings.fundName,
    wording: giftAidWording(settings.fundName),
    giftAid: draft.giftAid === undefined ? "" : draft.giftAid ? "yes" : "no",
    amountPence,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { draft } = await guardGiftAidStep(request, "gift-aid");
  const form = Object.fromEntries(await request.formData());
  const parsed = giftAidChoiceSchema.safeParse(form);
  if (!parsed.success) return json<{ errors: FieldErrors }>({ errors: fieldErrorsFrom(parsed.error.issues) }, { status: 400 });
  const yes = parsed.data.giftAid === "yes";
  const cookie = await saveDonateDraft(request, { ...draft, giftAid: yes, declaration: yes ? draft.declaration : undefined });
  return redirect(yes ? "/donate/declaration" : "/donate/check", { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function DonateGiftAid() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const extra = giftAidValue(data.amountPence);
  return (
    <JourneyPage back="/donate/details" errors={result?.errors}>
      <h1 className="mb-4 text-3xl font-bold">Do you want to add Gift Aid?</h1>
      <p className="mb-4">
        If you pay UK tax, Gift Aid lets {data.fundName} claim 25p from HMRC for every £1 you give, at no extra cost to you. Your gift of {formatPence(data.amountPence)} would be
        worth {formatPence(data.amountPence + extra)}.
      </p>
      <Inset testId="gift-aid-wording">
        <p className="mb-2">{data.wording.statement}</p>
        <p className="font-bold">{data.wording.taxWarning}</p>
      </Inset>
      <Form method="post" noValidate>
        <Radios
          name="giftAid"
          legend="Do you want to add Gift Aid to your gift?"
          error={result?.errors.giftAid}
          defaultValue={data.giftAid}
          options={[
            { value: "yes", label: "Yes, I am a UK taxpayer and want to add Gift Aid" },
            { value: "no", label: "No" },
          ]}
        />
        <Button>Continue</Button>
      </Form>
    </JourneyPage>
  );
}
