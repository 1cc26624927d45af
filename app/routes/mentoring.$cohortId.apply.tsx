// Apply to mentor in a cohort (employee): the application's questions on one page, then "check your
// answers" (the answers ride along in hidden fields, so "Change your answers" keeps them, without
// JavaScript), then applyToMentor. Once applied, the page shows the application and what happens next.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button, Checkboxes, ErrorSummary, TextArea, TextField, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { BackLink, Inset, JourneyPage, Panel, Radios, SummaryList } from "~/components/pledge-ui";
import { MODE_OPTIONS, SKILL_OPTIONS, SLOT_OPTIONS, many, text } from "~/components/time-offer-ui";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { APPLICATION_LISTS, MAX_MENTEES, mentorApplicationSchema, type MentorApplicationInput } from "~/domain/mentoring/cohort";
import { AGE_BANDS, INTERESTS } from "~/domain/mentoring/matching";
import { GENDERS, postedValues, type PostedValues } from "~/domain/talent/forms";
import { MODES, SKILLS, slotLabel } from "~/domain/talent/skills";
import { applyPageFor } from "~/services/mentoring-views.server";
import { MentoringError, applyToMentor, orNotFound } from "~/services/mentoring.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Apply to mentor – Helping Hands" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["employee"]);
  return await orNotFound(applyPageFor(actorOf(user), params.cohortId!));
}

type ActionData = { step: "form"; errors: FieldErrors; values: PostedValues } | { step: "check"; values: PostedValues; answers: MentorApplicationInput };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["employee"]);
  const cohortId = params.cohortId!;
  const form = await request.formData();
  const intent = form.get("intent");
  const values = postedValues([...form.entries()].filter(([k]) => k !== "intent"), APPLICATION_LISTS);
  if (intent === "change") return json<ActionData>({ step: "form", errors: {}, values });
  const parsed = mentorApplicationSchema.safeParse(values);
  if (!parsed.success) return json<ActionData>({ step: "form", errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
  if (intent !== "confirm") return json<ActionData>({ step: "check", values, answers: parsed.data });
  try {
    await orNotFound(applyToMentor(actorOf(user), cohortId, parsed.data));
  } catch (error) {
    if (error instanceof MentoringError) return json<ActionData>({ step: "form", errors: { form: error.message }, values }, { status: 409 });
    throw error;
  }
  const cookie = await setFlash(request, { kind: "success", message: "Your application to mentor is sent." });
  return redirect(`/mentoring/${cohortId}/apply?sent=1`, { status: 303, headers: { "Set-Cookie": cookie } });
}

const label = <K extends string>(labels: Record<K, string>, keys: readonly string[]) => keys.map((k) => labels[k as K] ?? k).join(", ");

function ApplicationFields({ values: v, errors: e }: { values: PostedValues; errors?: FieldErrors }) {
  return (
    <>
      <TextArea
        name="motivation"
        label="Why would you like to mentor a young person?"
        hint="A few sentences are enough. Up to 1,000 characters."
        defaultValue={text(v, "motivation")}
        error={e?.motivation}
      />
      <Checkboxes
        name="interests"
        legend="What are you into?"
        hint="Shared interests help a pair get on. Choose all that apply."
        error={e?.interests}
        options={Object.entries(INTERESTS).map(([value, label]) => ({ value, label }))}
        checked={many(v, "interests")}
      />
      <Checkboxes name="skills" legend="What could you help with?" hint="Choose all that apply." error={e?.skills} options={SKILL_OPTIONS} checked={many(v, "skills")} />
      <Checkboxes name="availability" legend="When are you usually free to meet?" hint="Choose all that apply." error={e?.availability} options={SLOT_OPTIONS} checked={many(v, "availability")} />
      <Checkboxes
        name="ageBands"
        legend="Which ages would you mentor?"
        hint="To mentor anyone aged 16 or 17 you need an Enhanced DBS check with the children's barred list. The coordinator arranges it."
        error={e?.ageBands}
        options={Object.entries(AGE_BANDS).map(([value, label]) => ({ value, label }))}
        checked={many(v, "ageBands")}
      />
      <Radios name="mode" legend="Can you meet in person or online?" error={e?.mode} defaultValue={text(v, "mode")} options={MODE_OPTIONS} />
      <TextField name="location" label="Town or area where you can meet" hint="Only needed to meet in person. For example, Stockton or Thornaby." defaultValue={text(v, "location")} error={e?.location} />
      <TextField
        name="capacity"
        label="How many young people could you mentor?"
        hint={`A whole number from 1 to ${MAX_MENTEES}. Most mentors take one.`}
        inputMode="numeric"
        className="max-w-24"
        defaultValue={text(v, "capacity")}
        error={e?.capacity}
      />
      <Radios
        name="gender"
        legend="Are you a woman or a man? (optional)"
        hint="This is only used if a young person asks for a woman or a man as their mentor. It is not used for anything else."
        error={e?.gender}
        defaultValue={text(v, "gender")}
        options={[...Object.entries(GENDERS).map(([value, label]) => ({ value, label })), { value: "not_say", label: "I prefer not to say" }]}
      />
      <TextArea
        name="preferences"
        label="Anything else the coordinator should know for matching? (optional)"
        hint="For example, access needs, languages you speak, or a kind of young person you feel best placed to help."
        rows={3}
        defaultValue={text(v, "preferences")}
        error={e?.preferences}
      />
      <Radios
        name="managerAgreed"
        legend="Has your manager agreed to the time in your work hours?"
        hint="Mentoring is about an hour a week for the length of the cohort. The coordinator cannot shortlist you until your manager has agreed."
        error={e?.managerAgreed}
        defaultValue={text(v, "managerAgreed")}
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No, or not yet" },
        ]}
      />
    </>
  );
}

/** The answers again, as hidden fields, so the check page can send them (or go back to change them). */
function HiddenAnswers({ values }: { values: PostedValues }) {
  return (
    <>
      {Object.entries(values).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((one, i) => <input key={`${name}-${i}`} type="hidden" name={name} value={one} />),
      )}
    </>
  );
}

function CheckAnswers({ cohortName, values, answers: a }: { cohortName: string; values: PostedValues; answers: MentorApplicationInput }) {
  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-3xl font-bold">Check your answers</h1>
      <p className="mb-4">Your application to mentor in {cohortName}.</p>
      <SummaryList
        testId="check-answers"
        rows={[
          { key: "Why you would like to mentor", value: <span className="whitespace-pre-line">{a.motivation}</span> },
          { key: "What you are into", value: label(INTERESTS, a.interests) },
          { key: "What you could help with", value: label(SKILLS, a.skills) },
          { key: "When you are free", value: a.availability.map(slotLabel).join(", ") },
          { key: "Ages you would mentor", value: label(AGE_BANDS, a.ageBands) },
          { key: "In person or online", value: MODES[a.mode] },
          { key: "Where you can meet", value: a.location ?? "Online only" },
          { key: "How many young people", value: String(a.capacity) },
          { key: "Woman or man", value: a.gender ? GENDERS[a.gender] : "Not given" },
          { key: "Anything else for matching", value: a.preferences ?? "Nothing" },
          { key: "Your manager has agreed", value: a.managerAgreed ? "Yes" : "No, or not yet" },
        ]}
      />
      {a.managerAgreed ? null : (
        <Inset>
          <p>You can still send your application, but it cannot go on the shortlist until your manager agrees. Tell the coordinator when they do.</p>
        </Inset>
      )}
      <Form method="post">
        <HiddenAnswers values={values} />
        <div className="flex flex-wrap gap-4">
          <Button id="confirm" name="intent" value="confirm">
            Send your application
          </Button>
          <Button variant="secondary" name="intent" value="change">
            Change your answers
          </Button>
        </div>
      </Form>
    </div>
  );
}

export default function Apply() {
  const { cohort, application } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();

  if (application) {
    return (
      <div className="max-w-3xl">
        {search.get("sent") ? (
          <Panel title="Application sent">Thank you for offering to mentor in {cohort.name}.</Panel>
        ) : (
          <>
            <BackLink to="/mentoring">Back to mentoring</BackLink>
            <h1 className="mb-6 text-3xl font-bold">Your application to mentor in {cohort.name}</h1>
          </>
        )}
        <p className="mb-4">
          Status: <strong data-testid="application-status">{application.statusLabel}</strong>
        </p>
        <p className="mb-6">{application.nextStep}</p>
        <h2 className="mb-4 text-2xl font-bold">What happens next</h2>
        <ol className="mb-6 list-decimal space-y-2 pl-6" data-testid="next-steps">
          <li>The programme coordinator reads the applications and makes a shortlist. They need your manager's agreement to the time.</li>
          <li>If you are shortlisted, you are invited to a short interview.</li>
          <li>
            If you are selected, you complete the pilot's training before mentoring starts on {formatDayKey(cohort.startsOn)} (for {cohort.weeks} weeks).
          </li>
          <li>To mentor anyone under 18 you need an Enhanced DBS check with the children's barred list. The coordinator arranges it.</li>
          <li>You meet young people at a drop-in session, then the coordinator matches you and emails you both.</li>
        </ol>
        {application.gatesToPass.length ? (
          <>
            <h2 className="mb-2 text-xl font-bold">Still to do before you can be matched</h2>
            <ul className="mb-6 list-disc pl-6" data-testid="gates-to-pass">
              {application.gatesToPass.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <Link to="/mentoring" className="text-brand underline">
            Go to mentoring
          </Link>
        </p>
      </div>
    );
  }

  if (cohort.status !== "recruiting") {
    return (
      <JourneyPage back="/mentoring">
        <h1 className="mb-4 text-3xl font-bold">{cohort.name} is not taking applications</h1>
        <p>This cohort is {cohort.statusLabel.toLowerCase()}, so it is no longer looking for mentors. Look out for the next cohort on the mentoring page.</p>
      </JourneyPage>
    );
  }

  if (result?.step === "check") return <CheckAnswers cohortName={cohort.name} values={result.values} answers={result.answers} />;

  const errors = result?.step === "form" ? result.errors : undefined;
  return (
    <div className="max-w-3xl">
      <BackLink to="/mentoring" />
      <ErrorSummary errors={errors} />
      <h1 className="mb-4 text-3xl font-bold">Apply to mentor in {cohort.name}</h1>
      <p className="mb-2">
        {cohort.weeks} weeks from {formatDayKey(cohort.startsOn)}.
        {cohort.dropInDays.length ? ` Drop-in sessions to meet the young people: ${cohort.dropInDays.map(formatDayKey).join(", ")}.` : ""}
      </p>
      <p className="mb-6">You can check your answers before you send them.</p>
      {errors?.form ? (
        <p id="form" className="mb-6 font-bold text-error">
          <span className="sr-only">Error:</span> {errors.form}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <ApplicationFields values={result?.values ?? {}} errors={errors} />
        <Button name="intent" value="check">
          Continue
        </Button>
      </Form>
    </div>
  );
}
