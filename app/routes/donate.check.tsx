// Give by card, step 4: check your answers, then on to the payment page. Only now is anything written.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/forms";
import { JourneyPage, SummaryList, type SummaryRow } from "~/components/pledge-ui";
import { formatPence } from "~/domain/money";
import { campaignForGift, clearDonateDraft, donateSettings, missingStep, readDonateDraft } from "~/services/campaigns.server";
import { DonationError, startDonation } from "~/services/donations.server";
import { recordDeclaration } from "~/services/gift-aid.server";
import { getOptionalUser } from "~/utils/auth.server";
import { loadEnv } from "~/utils/env.server";

export const meta: MetaFunction = () => [{ title: "Check your answers before you pay – Helping Hands" }];

// Public; every earlier step must be answered.
async function guard(request: Request, now: Date) {
  const draft = await readDonateDraft(request);
  const settings = await donateSettings(now);
  const missing = missingStep(draft, settings.giftAidOffered);
  if (missing) throw redirect(missing);
  const campaign = draft.campaignId ? await campaignForGift({ id: draft.campaignId }, now) : null;
  if (draft.campaignId && !campaign) throw redirect("/donate");
  return {
    draft: { ...draft, amountPence: draft.amountPence!, donorName: draft.donorName!, donorEmail: draft.donorEmail! },
    settings,
    campaign,
    // Gift Aid rides along only while it is offered (a change of settings mid-journey drops it).
    declaration: settings.giftAidOffered && draft.giftAid ? draft.declaration ?? null : null,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { draft, settings, campaign, declaration } = await guard(request, new Date());
  return { draft, fundName: settings.fundName, giftAidOffered: settings.giftAidOffered, campaign, declaration };
}

export async function action({ request }: ActionFunctionArgs) {
  const now = new Date();
  const { draft, settings, campaign, declaration } = await guard(request, now);
  if (campaign && !campaign.takingGifts) {
    return json({ error: `${campaign.title} is closed and is not taking gifts. Change where your gift goes.` }, { status: 409 });
  }
  const user = await getOptionalUser(request);
  try {
    const giftAidDeclarationId = declaration
      ? (await recordDeclaration({ ...declaration, title: declaration.title ?? null, email: draft.donorEmail, fundName: settings.fundName }, now)).id
      : null;
    const { checkoutUrl } = await startDonation(
      {
        amountPence: draft.amountPence,
        campaignId: campaign?.id ?? null,
        donorName: draft.donorName,
        donorEmail: draft.donorEmail,
        anonymous: draft.anonymous ?? false,
        userId: user?.id ?? null,
        giftAidDeclarationId,
        appUrl: loadEnv().APP_URL ?? new URL(request.url).origin,
      },
      now,
    );
    return redirect(checkoutUrl, { status: 303, headers: { "Set-Cookie": await clearDonateDraft(request) } });
  } catch (err) {
    if (err instanceof DonationError) return json({ error: err.message }, { status: 409 });
    throw err;
  }
}

export default function DonateCheck() {
  const { draft, fundName, giftAidOffered, campaign, declaration } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const rows: SummaryRow[] = [
    { key: "Amount", value: formatPence(draft.amountPence), change: { to: "/donate?change=check", label: "the amount" } },
    { key: "Your gift goes to", value: campaign ? campaign.title : fundName, change: { to: "/donate?change=check", label: "where your gift goes" } },
    { key: "Full name", value: draft.donorName, change: { to: "/donate/details?change=check", label: "your name" } },
    { key: "Email address", value: draft.donorEmail, change: { to: "/donate/details?change=check", label: "your email address" } },
    {
      key: "Your name on public pages",
      value: draft.anonymous ? "Not shown" : "Shown",
      change: { to: "/donate/details?change=check", label: "whether your name is shown" },
    },
  ];
  if (giftAidOffered) {
    rows.push({
      key: "Gift Aid",
      value: declaration ? `Yes: ${[declaration.title, declaration.firstName, declaration.lastName].filter(Boolean).join(" ")}, ${declaration.houseNameOrNumber}, ${declaration.postcode}` : "No",
      change: { to: "/donate/gift-aid", label: "Gift Aid" },
    });
  }
  const errors = result?.error ? { confirm: result.error } : undefined;
  return (
    <JourneyPage back={giftAidOffered ? (declaration ? "/donate/declaration" : "/donate/gift-aid") : "/donate/details"} errors={errors}>
      <h1 className="mb-6 text-3xl font-bold">Check your answers before you pay</h1>
      <SummaryList rows={rows} testId="check-answers" />
      <p className="mb-6 max-w-2xl">
        Next you pay by card on a secure payment page. We never see your card details. We email your receipt to {draft.donorEmail}.
      </p>
      <Form method="post">
        {errors ? (
          <p className="mb-2 font-bold text-error">
            <span className="sr-only">Error:</span> {errors.confirm}
          </p>
        ) : null}
        <Button id="confirm">Continue to payment</Button>
      </Form>
    </JourneyPage>
  );
}
