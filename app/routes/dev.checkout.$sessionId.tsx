// The local test checkout, in place of Stripe's hosted page when no STRIPE_SECRET_KEY is set.
// Its buttons make the app send itself a signed webhook event, as Stripe would. With keys: 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/forms";
import { formatPence } from "~/domain/money";
import { localCheckoutSession } from "~/services/donations.server";
import { completeLocalCheckout } from "~/services/stripe-webhook.server";

export const meta: MetaFunction = () => [{ title: "Test checkout – no real payment – Helping Hands" }];

async function sessionOr404(sessionId: string | undefined) {
  const donation = await localCheckoutSession(sessionId ?? "");
  if (!donation?.checkoutSessionId) throw new Response("Not found", { status: 404 });
  return { ...donation, checkoutSessionId: donation.checkoutSessionId };
}

// Public in no-key mode (a donor needs no account); 404 for an unknown session or with real keys.
export async function loader({ params }: LoaderFunctionArgs) {
  const d = await sessionOr404(params.sessionId);
  return { amount: formatPence(d.amountPence), reference: d.reference, campaignTitle: d.campaign?.title ?? null, status: d.status };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const d = await sessionOr404(params.sessionId);
  const outcome = (await request.formData()).get("outcome");
  if (outcome !== "paid" && outcome !== "failed") throw new Response("Choose a test outcome", { status: 400 });
  if (d.status === "pending") {
    const result = await completeLocalCheckout(d, outcome);
    if (result.status !== 200) throw new Response(result.message, { status: 500 });
  }
  return redirect(`/donate/thank-you/${d.reference}`, 303);
}

export default function TestCheckout() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">Test checkout — no real payment</h1>
      <p className="mb-4 border-l-4 border-yellow-600 bg-yellow-50 p-4">
        This is the local test checkout. Stripe keys are not set, so no card is asked for and no money moves. The buttons
        send this app the same signed event Stripe would.
      </p>
      <dl className="mb-6 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-bold">Amount</dt>
        <dd>{d.amount}</dd>
        <dt className="font-bold">Reference</dt>
        <dd>{d.reference}</dd>
        {d.campaignTitle ? (
          <>
            <dt className="font-bold">Campaign</dt>
            <dd>{d.campaignTitle}</dd>
          </>
        ) : null}
      </dl>
      {d.status === "pending" ? (
        <Form method="post" className="flex flex-wrap gap-4">
          <Button name="outcome" value="paid">
            Pay (test)
          </Button>
          <Button name="outcome" value="failed" variant="secondary">
            Payment fails (test)
          </Button>
        </Form>
      ) : (
        <p>This test payment has already been completed ({d.status.replace("_", " ")}).</p>
      )}
    </div>
  );
}
