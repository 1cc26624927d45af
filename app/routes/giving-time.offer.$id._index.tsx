// One of my offers (employee): change its answers, pause or resume it, or go on to withdraw it.
// A withdrawn offer is shown, not changed. Anyone else's offer is 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { Inset, JourneyPage } from "~/components/pledge-ui";
import { OfferFields } from "~/components/time-offer-ui";
import { OFFER_LISTS, OFFER_STATUSES, isOfferStatus, modeText, offerFormValues, offerSchema, postedValues, skillsText, storedSkills, type PostedValues } from "~/domain/talent/forms";
import { GivingTimeError, changeOfferStatus, offerForOwner, orNotFound, updateOffer } from "~/services/time-offers.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Your offer – Helping Hands" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["employee"]);
  const { offer, groupName, hoursLinked, managerApprovalRequired } = await orNotFound(offerForOwner(actorOf(user), params.id ?? ""));
  return {
    id: offer.id,
    status: isOfferStatus(offer.status) ? offer.status : "withdrawn",
    values: offerFormValues(offer),
    summary: skillsText(storedSkills(offer.skills), offer.otherSkills),
    where: modeText(offer.mode, offer.location),
    hoursPerMonth: offer.hoursPerMonth,
    groupName,
    hoursLinked,
    managerApprovalRequired,
  };
}

type ActionData = { errors: FieldErrors; values?: PostedValues };

const DONE = { pause: "Your offer is paused. Nobody new will be linked with you until you resume it.", resume: "Your offer is active again." } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["employee"]);
  const id = params.id ?? "";
  const form = await request.formData();
  const intent = form.get("intent");
  try {
    if (intent === "pause" || intent === "resume") {
      await orNotFound(changeOfferStatus(actorOf(user), id, intent));
      const cookie = await setFlash(request, { kind: "success", message: DONE[intent] });
      return redirect(`/giving-time/offer/${id}`, { status: 303, headers: { "Set-Cookie": cookie } });
    }
    const values = postedValues(form, OFFER_LISTS);
    const parsed = offerSchema.safeParse(values);
    if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
    try {
      await orNotFound(updateOffer(actorOf(user), id, parsed.data));
    } catch (error) {
      if (error instanceof GivingTimeError) return json<ActionData>({ errors: { [error.field ?? "status"]: error.message }, values }, { status: 409 });
      throw error;
    }
    const cookie = await setFlash(request, { kind: "success", message: "Your offer is changed." });
    return redirect("/giving-time", { status: 303, headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (error instanceof GivingTimeError) return json<ActionData>({ errors: { status: error.message } }, { status: 409 });
    throw error;
  }
}

export default function Offer() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <JourneyPage back="/giving-time" errors={errors}>
      <h1 className="mb-4 text-3xl font-bold">Your offer{data.groupName ? ` for ${data.groupName}` : ""}</h1>
      <p className="mb-2" id="status">
        Status: <strong data-testid="offer-status">{OFFER_STATUSES[data.status]}</strong>
      </p>
      <p className="mb-6">
        {data.summary}. {data.hoursPerMonth} hours a month, {data.hoursLinked} of them linked with young people. {data.where}.
      </p>
      {data.status === "withdrawn" ? (
        <Inset>
          <p>You withdrew this offer, so it cannot be changed. You can <Link to="/giving-time/offer/new" className="text-brand underline">make a new offer</Link> at any time.</p>
        </Inset>
      ) : (
        <>
          <Form method="post" className="mb-8 flex flex-wrap items-center gap-6">
            {data.status === "active" ? (
              <Button variant="secondary" name="intent" value="pause">
                Pause the offer
              </Button>
            ) : (
              <Button variant="secondary" name="intent" value="resume">
                Resume the offer
              </Button>
            )}
            <Link to={`/giving-time/offer/${data.id}/withdraw`} className="text-brand underline">
              Withdraw the offer
            </Link>
          </Form>
          <h2 className="mb-4 text-2xl font-bold">Change your offer</h2>
          <Form method="post" noValidate>
            <OfferFields values={result?.values ?? data.values} errors={errors} managerApprovalRequired={data.managerApprovalRequired} />
            <Button name="intent" value="save">
              Save the changes
            </Button>
          </Form>
        </>
      )}
    </JourneyPage>
  );
}
