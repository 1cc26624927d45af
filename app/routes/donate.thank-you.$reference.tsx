// After the payment page: thank the donor, and say whether the payment has been confirmed yet.
// Until the webhook has fulfilled it, the page checks again every few seconds (with or without JavaScript).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { Panel } from "~/components/pledge-ui";
import { formatPence } from "~/domain/money";
import { donationByReference } from "~/services/donations.server";

const STATES = { pending: "Thank you — we are confirming your payment", failed: "Your payment did not go through" } as const;

function stateOf(status: string): "pending" | "received" | "failed" {
  if (status === "pending") return "pending";
  if (status === "failed") return "failed";
  return "received";
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const title = !data ? "Gift not found" : data.state === "pending" ? STATES.pending : data.state === "failed" ? STATES.failed : "Thank you, your gift has been received";
  return [{ title: `${title} – Helping Hands` }];
};

// Public: the reference is the donor's (long and random); an unknown one is not found.
export async function loader({ params }: LoaderFunctionArgs) {
  const donation = await donationByReference(params.reference ?? "");
  if (!donation) throw new Response("Gift not found", { status: 404 });
  return json(
    {
      reference: donation.reference,
      amountPence: donation.amountPence,
      campaignTitle: donation.campaignTitle,
      campaignSlug: donation.campaignSlug,
      giftAid: donation.giftAid,
      state: stateOf(donation.status),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function ThankYou() {
  const d = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  useEffect(() => {
    if (d.state !== "pending") return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [d.state, revalidator]);

  if (d.state === "pending") {
    return (
      <div className="max-w-3xl" data-testid="thank-you-pending">
        {/* Without JavaScript the page reloads itself; with it, the effect above checks again instead. */}
        <noscript>
          <meta httpEquiv="refresh" content="3" />
        </noscript>
        <h1 className="mb-4 text-3xl font-bold">{STATES.pending}</h1>
        <p className="mb-4" role="status">
          We are waiting for the payment provider to confirm your gift of {formatPence(d.amountPence)}. This usually takes a few seconds. This page updates by itself.
        </p>
        <p>Your reference is {d.reference}.</p>
      </div>
    );
  }
  if (d.state === "failed") {
    return (
      <div className="max-w-3xl" data-testid="thank-you-failed">
        <h1 className="mb-4 text-3xl font-bold">{STATES.failed}</h1>
        <p className="mb-4">Your card payment of {formatPence(d.amountPence)} failed, so no money was taken. Your reference is {d.reference}.</p>
        <p>
          <Link to={d.campaignSlug ? `/donate?campaign=${encodeURIComponent(d.campaignSlug)}` : "/donate"} className="text-brand underline">
            Try again
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-3xl" data-testid="thank-you-received">
      <Panel title={`Thank you, your gift of ${formatPence(d.amountPence)} has been received`}>
        Your reference is <strong>{d.reference}</strong>
      </Panel>
      <p className="mb-4">We have emailed you a receipt.{d.giftAid ? " We will claim Gift Aid on your gift." : ""}</p>
      {d.campaignTitle && d.campaignSlug ? (
        <p className="mb-4">
          Your gift goes to{" "}
          <Link to={`/campaigns/${d.campaignSlug}`} className="text-brand underline">
            {d.campaignTitle}
          </Link>
          .
        </p>
      ) : null}
      <p>
        <Link to="/campaigns" className="text-brand underline">
          See all campaigns
        </Link>
      </p>
    </div>
  );
}
