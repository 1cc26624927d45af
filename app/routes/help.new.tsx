// Ask for help (young person for themselves; personal adviser for a young person on their caseload):
// what help, when, where, how many hours, preferences, and whether they are under 18. Only what a match needs.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Checkboxes, TextArea, TextField, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { JourneyPage, Radios } from "~/components/pledge-ui";
import { MODE_OPTIONS, SKILL_OPTIONS, SLOT_OPTIONS, YES_NO, many, text } from "~/components/time-offer-ui";
import { GENDERS, MAX_REQUEST_HOURS, REQUEST_LISTS, postedValues, requestSchema, type PostedValues } from "~/domain/talent/forms";
import { caseloadFor, createRequest } from "~/services/help-requests.server";
import { GivingTimeError, orNotFound } from "~/services/time-offers.server";
import { requireApplicant } from "~/utils/application-steps.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Ask for help – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireApplicant(request);
  const isAdviser = actor.roles.includes("personal_adviser");
  return { isAdviser, caseload: isAdviser ? await caseloadFor(actor.userId) : [] };
}

type ActionData = { errors: FieldErrors; values: PostedValues };

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireApplicant(request);
  const values = postedValues(await request.formData(), REQUEST_LISTS);
  const parsed = requestSchema.safeParse(values);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error.issues);
  // An adviser always says who the request is for (and a young person never does).
  if (actor.roles.includes("personal_adviser") && !actor.roles.includes("young_person") && !text(values, "youngPersonId")) {
    errors.youngPersonId = "Choose the young person the request is for";
  }
  if (!parsed.success || errors.youngPersonId) return json<ActionData>({ errors: { youngPersonId: errors.youngPersonId, ...errors }, values }, { status: 400 });
  try {
    const { id } = await orNotFound(createRequest(actor, parsed.data));
    const cookie = await setFlash(request, { kind: "success", message: "Your request is sent. The programme coordinator will look for a volunteer and email you when they find one." });
    return redirect(`/help/${id}`, { status: 303, headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (error instanceof GivingTimeError) return json<ActionData>({ errors: { youngPersonId: error.message }, values }, { status: 409 });
    throw error;
  }
}

export default function NewRequest() {
  const { isAdviser, caseload } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result?.values ?? {};
  const e = result?.errors;
  const they = isAdviser ? "they" : "you";
  if (isAdviser && caseload.length === 0) {
    return (
      <JourneyPage back="/help">
        <h1 className="mb-4 text-3xl font-bold">Ask for help</h1>
        <p className="mb-6">No young people are linked to you yet. Ask the programme coordinator to link you to the young people you work with.</p>
        <Link to="/help" className="text-brand underline">
          Back to requests for help
        </Link>
      </JourneyPage>
    );
  }
  return (
    <JourneyPage back="/help" errors={e}>
      <h1 className="mb-4 text-3xl font-bold">Ask for help</h1>
      <p className="mb-6">
        We only ask what the coordinator needs to find the right volunteer. The volunteer sees {isAdviser ? "the young person's" : "your"} first name and
        what help is wanted; contact details are shared only when the coordinator arranges a first meeting.
      </p>
      <Form method="post" noValidate>
        {isAdviser ? (
          <Radios
            name="youngPersonId"
            legend="Who is the request for?"
            error={e?.youngPersonId}
            defaultValue={text(v, "youngPersonId")}
            options={caseload.map((p) => ({ value: p.id, label: p.name }))}
          />
        ) : null}
        <Checkboxes name="skills" legend="What help is wanted?" hint="Choose all that apply." error={e?.skills} options={SKILL_OPTIONS} checked={many(v, "skills")} />
        <TextArea
          name="details"
          label="Tell us more about the help wanted"
          hint="For example: “A first CV for jobs in retail”, or “Practice for a college interview in March”."
          defaultValue={text(v, "details")}
          error={e?.details}
        />
        <Checkboxes name="availability" legend="When suits?" hint="Choose all that apply." error={e?.availability} options={SLOT_OPTIONS} checked={many(v, "availability")} />
        <Radios name="mode" legend="In person or online?" error={e?.mode} defaultValue={text(v, "mode")} options={MODE_OPTIONS} />
        <TextField name="location" label={`Town or area where ${they} can meet`} hint="Only needed for help in person. For example, Stockton or Thornaby." defaultValue={text(v, "location")} error={e?.location} />
        <TextField
          name="hoursPerMonth"
          label="About how many hours a month of help?"
          hint={`A whole number, up to ${MAX_REQUEST_HOURS}. For example, 2 for a CV.`}
          inputMode="numeric"
          className="max-w-24"
          defaultValue={text(v, "hoursPerMonth")}
          error={e?.hoursPerMonth}
        />
        <Radios
          name="preferredGender"
          legend="Would a woman or a man volunteer be better?"
          error={e?.preferredGender}
          defaultValue={text(v, "preferredGender")}
          options={[...Object.entries(GENDERS).map(([value, label]) => ({ value, label: `${label} volunteer` })), { value: "none", label: "It does not matter" }]}
        />
        <TextField name="otherPreferences" label="Anything else the coordinator should know? (optional)" hint="For example, access needs or a language." defaultValue={text(v, "otherPreferences")} error={e?.otherPreferences} />
        <Radios
          name="under18"
          legend={isAdviser ? "Is the young person under 18?" : "Are you under 18?"}
          hint="We ask because a volunteer who helps someone under 18 must have a DBS check first. We do not keep a date of birth."
          error={e?.under18}
          defaultValue={text(v, "under18")}
          options={YES_NO}
        />
        <Button>Send the request</Button>
      </Form>
    </JourneyPage>
  );
}
