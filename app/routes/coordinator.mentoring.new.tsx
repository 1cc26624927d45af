// Set up a mentoring cohort (coordinator): name, start date, length in weeks, places for young people
// and the drop-in dates before matching. It starts recruiting.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Button, TextField, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { DateInput, JourneyPage } from "~/components/pledge-ui";
import { text } from "~/components/time-offer-ui";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { COHORT_LISTS, MAX_COHORT_CAPACITY, MAX_WEEKS, MIN_WEEKS, cohortSchema } from "~/domain/mentoring/cohort";
import { postedValues, type PostedValues } from "~/domain/talent/forms";
import { createCohort } from "~/services/mentoring.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Set up a cohort – Helping Hands" }];

/** How many drop-in date fields the form offers (blank ones are ignored). */
const DROP_IN_FIELDS = 3;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["coordinator"]);
  return null;
}

type ActionData = { errors: FieldErrors; values: PostedValues };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  const values = postedValues(await request.formData(), COHORT_LISTS);
  const parsed = cohortSchema(ukDayKey(new Date())).safeParse(values);
  if (!parsed.success) {
    // The schema reports the three date boxes as one value, "startsOn"; the boxes' first id is "start".
    // Listed in the order of the form, for the error summary.
    const e = fieldErrorsFrom(parsed.error.issues);
    return json<ActionData>({ errors: { name: e.name, start: e.startsOn, weeks: e.weeks, capacity: e.capacity, dropInDays: e.dropInDays }, values }, { status: 400 });
  }
  const { id } = await createCohort(actorOf(user), parsed.data);
  const cookie = await setFlash(request, { kind: "success", message: `${parsed.data.name} is set up and recruiting. Employees can now apply to mentor.` });
  return redirect(`/coordinator/mentoring/${id}`, { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function NewCohort() {
  const result = useActionData<typeof action>();
  const e = result?.errors;
  const v = result?.values ?? {};
  const dropIns = Array.isArray(v.dropInDays) ? v.dropInDays : [];
  const dropInError = e?.dropInDays;
  return (
    <JourneyPage back="/coordinator/mentoring" errors={e}>
      <h1 className="mb-4 text-3xl font-bold">Set up a cohort</h1>
      <p className="mb-6">The cohort starts recruiting mentors as soon as you set it up. You move it on to matching when you are ready.</p>
      <Form method="post" noValidate>
        <TextField name="name" label="Name of the cohort" hint="For example, Spring 2027" className="max-w-md" autoComplete="off" defaultValue={text(v, "name")} error={e?.name} />
        <DateInput
          name="start"
          legend="Start date"
          hint="The week of the first mentoring sessions. For example, 5 10 2026"
          error={e?.start}
          values={{ day: text(v, "startDay"), month: text(v, "startMonth"), year: text(v, "startYear") }}
        />
        <TextField
          name="weeks"
          label="How many weeks it runs"
          hint={`Between ${MIN_WEEKS} and ${MAX_WEEKS} weeks`}
          inputMode="numeric"
          className="max-w-24"
          autoComplete="off"
          defaultValue={text(v, "weeks")}
          error={e?.weeks}
        />
        <TextField
          name="capacity"
          label="Places for young people"
          hint={`How many young people the cohort can take, up to ${MAX_COHORT_CAPACITY}`}
          inputMode="numeric"
          className="max-w-24"
          autoComplete="off"
          defaultValue={text(v, "capacity")}
          error={e?.capacity}
        />
        <div className={`mb-6 ${dropInError ? "border-l-4 border-error pl-4" : ""}`}>
          <fieldset aria-describedby={`dropInDays-hint${dropInError ? " dropInDays-error" : ""}`}>
            <legend className="mb-1 font-bold">Drop-in sessions</legend>
            <p id="dropInDays-hint" className="mb-2 text-gray-700">
              Dates when mentors and young people can meet before matching, on or before the start date. Enter at least one, like 3/12/2026. Leave the other boxes
              empty.
            </p>
            {dropInError ? (
              <p id="dropInDays-error" className="mb-2 font-bold text-error">
                <span className="sr-only">Error:</span> {dropInError}
              </p>
            ) : null}
            {Array.from({ length: DROP_IN_FIELDS }, (_, i) => {
              const id = i === 0 ? "dropInDays" : `dropInDays-${i}`;
              return (
                <div key={id} className="mb-2">
                  <label htmlFor={id} className="block">
                    Drop-in date {i + 1}
                    {i > 0 ? " (optional)" : ""}
                  </label>
                  <input
                    id={id}
                    name="dropInDays"
                    autoComplete="off"
                    defaultValue={dropIns[i] ?? ""}
                    aria-invalid={dropInError ? true : undefined}
                    className={`block w-40 border-2 ${dropInError ? "border-error" : "border-gray-900"} p-2`}
                  />
                </div>
              );
            })}
          </fieldset>
        </div>
        <Button>Set up the cohort</Button>
      </Form>
    </JourneyPage>
  );
}
