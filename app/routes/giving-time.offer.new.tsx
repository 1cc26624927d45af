// Offer time (employee): skills, hours, when, where, one-off or regular, mentoring, the manager's yes;
// for oneself or for a group the employee is the contact of.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { JourneyPage } from "~/components/pledge-ui";
import { OfferFields } from "~/components/time-offer-ui";
import { OFFER_LISTS, offerSchema, postedValues, type PostedValues } from "~/domain/talent/forms";
import { GivingTimeError, createOffer, groupsOf, managerApprovalRequired } from "~/services/time-offers.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Offer your time – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["employee"]);
  const groups = await groupsOf(user.id);
  const chosen = new URL(request.url).searchParams.get("group");
  return { groups, group: groups.some((g) => g.id === chosen) ? chosen : null, managerApprovalRequired: await managerApprovalRequired() };
}

type ActionData = { errors: FieldErrors; values: PostedValues };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["employee"]);
  const values = postedValues(await request.formData(), OFFER_LISTS);
  const parsed = offerSchema.safeParse(values);
  if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
  try {
    await createOffer(actorOf(user), parsed.data);
  } catch (error) {
    if (error instanceof GivingTimeError) return json<ActionData>({ errors: { groupId: error.message }, values }, { status: 409 });
    throw error;
  }
  const cookie = await setFlash(request, { kind: "success", message: "Thank you. Your offer is on the Talent Network. The coordinator will email you when they link you with a young person." });
  return redirect("/giving-time", { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function NewOffer() {
  const { groups, group, managerApprovalRequired } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <JourneyPage back="/giving-time" errors={result?.errors}>
      <h1 className="mb-4 text-3xl font-bold">Offer your time</h1>
      <p className="mb-6">Tell us what you can help with and when. You can change, pause or withdraw your offer at any time.</p>
      <Form method="post" noValidate>
        <OfferFields values={result?.values ?? { groupId: group ?? "me" }} errors={result?.errors} groups={groups} managerApprovalRequired={managerApprovalRequired} />
        <Button>Make the offer</Button>
      </Form>
    </JourneyPage>
  );
}
