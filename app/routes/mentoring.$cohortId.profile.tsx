// A young person's profile for matching in a cohort: entered or corrected by the young person, or by
// their personal adviser (?for=<youngPersonId>; an adviser without it chooses from their caseload).
// Only what matching needs. An optional social worker's work email keeps that worker from being the
// mentor; only their ids are kept, and whether the address is known is never shown.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Checkboxes, TextField, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { JourneyPage, Radios, SummaryList } from "~/components/pledge-ui";
import { MODE_OPTIONS, SLOT_OPTIONS, many, text } from "~/components/time-offer-ui";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { PROFILE_LISTS, menteeProfileSchema } from "~/domain/mentoring/cohort";
import { AGE_BANDS, GOALS, INTERESTS } from "~/domain/mentoring/matching";
import { postedValues, type PostedValues } from "~/domain/talent/forms";
import { MODES, slotLabel, type Slot } from "~/domain/talent/skills";
import { profilePageFor } from "~/services/mentoring-views.server";
import { MentoringError, orNotFound, saveMenteeProfile } from "~/services/mentoring.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Tell us about yourself – Mentoring – Helping Hands" }];

const ROLES = ["young_person", "personal_adviser"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES);
  const forId = new URL(request.url).searchParams.get("for");
  return await orNotFound(profilePageFor(actorOf(user), params.cohortId!, forId));
}

type ActionData = { errors: FieldErrors; values: PostedValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES);
  const values = postedValues(await request.formData(), PROFILE_LISTS);
  const parsed = menteeProfileSchema.safeParse(values);
  if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
  try {
    await orNotFound(saveMenteeProfile(actorOf(user), params.cohortId!, parsed.data));
  } catch (error) {
    if (error instanceof MentoringError) return json<ActionData>({ errors: { form: error.message }, values }, { status: 409 });
    throw error;
  }
  // The same words whether or not a social worker's email matched anyone.
  const own = !parsed.data.youngPersonId || parsed.data.youngPersonId === user.id;
  const message = own
    ? "Thank you. Your answers are saved. You can change them until matching ends."
    : "The young person's answers are saved. You or they can change them until matching ends.";
  const cookie = await setFlash(request, { kind: "success", message });
  return redirect("/mentoring", { status: 303, headers: { "Set-Cookie": cookie } });
}

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const GOAL_LABELS = Object.fromEntries(Object.entries(GOALS).map(([k, g]) => [k, g.label]));

export default function Profile() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { cohort } = data;

  if ("chooseFrom" in data) {
    return (
      <JourneyPage back="/mentoring">
        <h1 className="mb-4 text-3xl font-bold">Who is the profile for?</h1>
        {data.chooseFrom.length === 0 ? (
          <p>No young people are linked to you yet. Ask the programme coordinator to link you to the young people you work with.</p>
        ) : (
          <ul className="list-disc space-y-2 pl-6" data-testid="caseload">
            {data.chooseFrom.map((p) => (
              <li key={p.id}>
                <Link to={`/mentoring/${cohort.id}/profile?for=${p.id}`} className="text-brand underline">
                  {p.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </JourneyPage>
    );
  }

  const { youngPerson, isYoungPerson: you, profile } = data;
  const name = youngPerson.firstName;

  if (!cohort.open) {
    return (
      <JourneyPage back="/mentoring">
        <h1 className="mb-4 text-3xl font-bold">{you ? "Your answers" : `${name}'s answers`} for {cohort.name}</h1>
        <p className="mb-6">
          This cohort is {cohort.statusLabel.toLowerCase()}, so the answers can no longer be changed here. If something is wrong, ask the programme
          coordinator.
        </p>
        {profile ? (
          <SummaryList
            testId="profile-answers"
            rows={[
              { key: "Age", value: AGE_BANDS[profile.ageBand as keyof typeof AGE_BANDS] ?? profile.ageBand },
              { key: "Into", value: profile.interests.map((k) => INTERESTS[k as keyof typeof INTERESTS] ?? k).join(", ") },
              { key: "Help wanted with", value: profile.goals.map((k) => GOAL_LABELS[k] ?? k).join(", ") },
              { key: "Free to meet", value: profile.availability.map((s) => slotLabel(s as Slot)).join(", ") },
              { key: "In person or online", value: MODES[profile.mode as keyof typeof MODES] ?? profile.mode },
              { key: "Where", value: profile.location ?? "Online only" },
              { key: "Mentor a woman or a man", value: profile.preferredMentorGender === "woman" ? "A woman" : profile.preferredMentorGender === "man" ? "A man" : "It does not matter" },
            ]}
          />
        ) : (
          <p>There is no profile for this cohort.</p>
        )}
      </JourneyPage>
    );
  }

  const v: PostedValues = result?.values ?? profile?.formValues ?? { youngPersonId: you ? "" : youngPerson.id };
  const e = result?.errors;
  return (
    <JourneyPage back="/mentoring" errors={e}>
      <h1 className="mb-4 text-3xl font-bold">{you ? "Tell us about yourself" : `Tell us about ${name}`}</h1>
      <p className="mb-2">
        For {cohort.name}: {cohort.weeks} weeks from {formatDayKey(cohort.startsOn)}.
      </p>
      <p className="mb-6">
        {you
          ? "We use this only to find a mentor who fits you. Your mentor sees your first name and what you want help with, never anything else about you. You can come back and change your answers."
          : `We use this only to find a mentor who fits ${name}. The mentor sees ${name}'s first name and what they want help with, never anything else. ${name} can see and change these answers too.`}
      </p>
      {e?.form ? (
        <p id="form" className="mb-6 font-bold text-error">
          <span className="sr-only">Error:</span> {e.form}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <input type="hidden" name="youngPersonId" value={you ? "" : youngPerson.id} />
        <Radios name="ageBand" legend={you ? "How old are you?" : `How old is ${name}?`} error={e?.ageBand} defaultValue={text(v, "ageBand")} options={options(AGE_BANDS)} />
        <Checkboxes
          name="interests"
          legend={you ? "What are you into?" : `What is ${name} into?`}
          hint="Choose all that apply. It helps to find someone you get on with."
          error={e?.interests}
          options={options(INTERESTS)}
          checked={many(v, "interests")}
        />
        <Checkboxes
          name="goals"
          legend={you ? "What would you like help with?" : `What would ${name} like help with?`}
          hint="Choose all that apply."
          error={e?.goals}
          options={options(GOAL_LABELS)}
          checked={many(v, "goals")}
        />
        <Checkboxes name="availability" legend={you ? "When are you free to meet?" : `When is ${name} free to meet?`} hint="Choose all that apply." error={e?.availability} options={SLOT_OPTIONS} checked={many(v, "availability")} />
        <Radios name="mode" legend="Meet in person or online?" error={e?.mode} defaultValue={text(v, "mode")} options={MODE_OPTIONS} />
        <TextField name="location" label="Town or area to meet in" hint="Only needed to meet in person. For example, Stockton or Thornaby." defaultValue={text(v, "location")} error={e?.location} />
        <Radios
          name="preferredMentorGender"
          legend={you ? "Would you like your mentor to be a woman or a man?" : `Would ${name} like their mentor to be a woman or a man?`}
          hint="If you choose one, we only match with a mentor who is."
          error={e?.preferredMentorGender}
          defaultValue={text(v, "preferredMentorGender")}
          options={[
            { value: "woman", label: "A woman" },
            { value: "man", label: "A man" },
            { value: "none", label: "It does not matter" },
          ]}
        />
        <TextField
          name="socialWorkerEmail"
          type="email"
          autoComplete="off"
          spellCheck={false}
          label={you ? "Your social worker's work email (optional)" : `${name}'s social worker's work email (optional)`}
          hint={`So that ${you ? "your" : "their"} own social worker is never ${you ? "your" : "their"} mentor. We use it only for that and do not keep the address. If you told us before, you do not need to again.`}
          defaultValue={text(v, "socialWorkerEmail")}
          error={e?.socialWorkerEmail}
        />
        <Button>Save the answers</Button>
      </Form>
    </JourneyPage>
  );
}
