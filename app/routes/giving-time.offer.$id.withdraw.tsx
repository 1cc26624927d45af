// Withdraw an offer (employee): a page to confirm. Refused while someone is being helped through it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/forms";
import { BackLink, Warning } from "~/components/pledge-ui";
import { GivingTimeError, changeOfferStatus, offerForOwner, orNotFound } from "~/services/time-offers.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Are you sure you want to withdraw your offer? – Helping Hands" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["employee"]);
  const { offer } = await orNotFound(offerForOwner(actorOf(user), params.id ?? ""));
  if (offer.status === "withdrawn") throw redirect(`/giving-time/offer/${offer.id}`);
  return { id: offer.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["employee"]);
  const id = params.id ?? "";
  try {
    await orNotFound(changeOfferStatus(actorOf(user), id, "withdraw"));
  } catch (error) {
    if (error instanceof GivingTimeError) return json({ message: error.message }, { status: 409 });
    throw error;
  }
  const cookie = await setFlash(request, { kind: "success", message: "Your offer is withdrawn. Thank you for offering your time." });
  return redirect("/giving-time", { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function WithdrawOffer() {
  const { id } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="max-w-3xl">
      <BackLink to={`/giving-time/offer/${id}`} />
      {result ? <ErrorSummary items={[{ href: "#withdraw", text: result.message }]} /> : null}
      <h1 className="mb-6 text-3xl font-bold">Are you sure you want to withdraw your offer?</h1>
      <Warning>Nobody will be linked with you through it any more. You cannot undo this, but you can make a new offer at any time. To stop for a while, pause it instead.</Warning>
      <Form method="post" className="flex flex-wrap items-center gap-6">
        <Button id="withdraw">Yes, withdraw the offer</Button>
        <Link to={`/giving-time/offer/${id}`} className="text-brand underline">
          No, keep it
        </Link>
      </Form>
    </div>
  );
}
