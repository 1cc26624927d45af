// One mentor application (coordinator): what the employee said, the decisions its status allows
// (shortlist, interview outcome, select or not, each final decision after a check question), whether
// the gates let them be matched, their training (record a module) and their newest DBS check.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, type FieldErrors } from "~/components/forms";
import { formatDay } from "~/components/application-ui";
import { ApplicationStatusTag, ConfirmBox } from "~/components/mentoring-ui";
import { BackLink, DateInput, Inset, Radios, SummaryList } from "~/components/pledge-ui";
import { parseDateInput } from "~/domain/date-input";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { INTERVIEW_OUTCOMES } from "~/domain/mentoring/cohort";
import { isTrainingModule } from "~/domain/mentoring/gates";
import { dayKeyToDate } from "~/domain/talent/hours";
import { applicationDetail, requireApplicationInCohort } from "~/services/mentoring-cohorts.server";
import { MentorApplicationNotFoundError, MentoringGateError, recordTraining } from "~/services/mentoring-gates.server";
import { MentoringError, notSelect, orNotFound, recordInterview, select, shortlist } from "~/services/mentoring.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.app.name ?? "Mentor application"} – Helping Hands` }];

/** The decisions that end an application, asked again before they are made (?confirm=…). */
const FINAL = { select: "select", not_select: "not_select" } as const;
type Final = keyof typeof FINAL;
const isFinal = (v: string | null): v is Final => v !== null && Object.hasOwn(FINAL, v);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  const app = await orNotFound(applicationDetail(actorOf(user), params.id ?? "", params.appId ?? ""));
  const confirm = new URL(request.url).searchParams.get("confirm");
  return { app, confirm: isFinal(confirm) ? confirm : null };
}

type ActionData = { errors: FieldErrors; values?: Record<string, string> };

const DONE: Record<string, (name: string) => string> = {
  shortlist: (name) => `${name} is on the shortlist.`,
  interview: (name) => `The interview outcome for ${name} is recorded.`,
  select: (name) => `${name} is selected to mentor. They can be matched once their training and DBS check are recorded.`,
  not_select: (name) => `${name} is not selected. Nothing more is needed on this application.`,
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  const actor = actorOf(user);
  const cohortId = params.id ?? "";
  const appId = params.appId ?? "";
  const { name } = await orNotFound(requireApplicationInCohort(actor, cohortId, appId));
  const form = await request.formData();
  const field = (name: string) => String(form.get(name) ?? "");
  const intent = field("intent");
  const back = `/coordinator/mentoring/${cohortId}/mentors/${appId}`;
  const done = async (message: string, to = back) => redirect(to, { status: 303, headers: { "Set-Cookie": await setFlash(request, { kind: "success", message }) } });

  if (intent === "training") {
    const values = { module: field("module"), completedDay: field("completedDay"), completedMonth: field("completedMonth"), completedYear: field("completedYear") };
    const errors: FieldErrors = {};
    if (!isTrainingModule(values.module)) errors.module = "Choose the training module the mentor completed";
    const day = parseDateInput(
      { day: values.completedDay, month: values.completedMonth, year: values.completedYear },
      { label: "The date the module was completed", empty: "Enter the date the module was completed", example: "17 5 2026" },
    );
    if ("error" in day) errors.completed = day.error;
    else if (day.key > ukDayKey(new Date())) errors.completed = "The date the module was completed must be today or in the past";
    if (errors.module || errors.completed || "error" in day) return json<ActionData>({ errors, values }, { status: 400 });
    try {
      await recordTraining(actor, appId, values.module, dayKeyToDate(day.key));
    } catch (error) {
      if (error instanceof MentorApplicationNotFoundError) throw new Response("Not found", { status: 404, statusText: "Not Found" });
      if (error instanceof MentoringGateError) return json<ActionData>({ errors: { module: error.message }, values }, { status: 409 });
      throw error;
    }
    return done("Training recorded.");
  }

  try {
    if (intent === "shortlist") await orNotFound(shortlist(actor, appId));
    else if (intent === "interview") await orNotFound(recordInterview(actor, appId, field("outcome")));
    else if (intent === "select") await orNotFound(select(actor, appId));
    else if (intent === "not_select") await orNotFound(notSelect(actor, appId));
    else return json<ActionData>({ errors: { decision: "Choose a decision from the page" } }, { status: 400 });
    return done(DONE[intent](name));
  } catch (error) {
    // A missing interview outcome is the form's problem; the rest are about the decision itself.
    if (error instanceof MentoringError) return json<ActionData>({ errors: error.field === "outcome" ? { outcome: error.message } : { decision: error.message } }, { status: 409 });
    throw error;
  }
}

export default function MentorApplicationPage() {
  const { app: a, confirm } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const e = result?.errors;
  const v = result?.values;
  const base = `/coordinator/mentoring/${a.cohort.id}/mentors/${a.id}`;
  const open = a.status === "applied" || a.status === "shortlisted" || a.status === "interviewed";
  const canSelect = a.status === "interviewed" && a.interviewOutcome === INTERVIEW_OUTCOMES.suitable;
  // The error summary links each problem to its field; a refused decision to the Decision heading.
  const summary: FieldErrors | undefined = e && { "decision-heading": e.decision, outcome: e.outcome, module: e.module, completed: e.completed };
  return (
    <div className="max-w-4xl">
      <BackLink to={`/coordinator/mentoring/${a.cohort.id}`}>Back to {a.cohort.name}</BackLink>
      <ErrorSummary errors={summary} />
      <p className="mb-1 text-gray-700">Mentor application, {a.cohort.name}</p>
      <h1 className="mb-2 text-3xl font-bold">{a.name}</h1>
      <p className="mb-6">
        Status: <ApplicationStatusTag status={a.status} />
        {a.interviewOutcome ? <span className="ml-2">Interview: {a.interviewOutcome}</span> : null}
      </p>
      <SummaryList
        testId="application"
        rows={[
          { key: "Why they would like to mentor", value: <span className="whitespace-pre-line">{a.motivation}</span> },
          { key: "Interests", value: a.interests.join(", ") || "None given" },
          { key: "Skills they could share", value: a.skills.join(", ") || "None given" },
          { key: "When they are free", value: a.availability.join(", ") || "None given" },
          { key: "Age groups they would mentor", value: a.ageBands.join(", ") || "None given" },
          { key: "How and where", value: a.where },
          { key: "Young people they could mentor", value: String(a.capacity) },
          ...(a.gender ? [{ key: "Gender", value: a.gender }] : []),
          { key: "Anything else about matching", value: a.preferences ? <span className="whitespace-pre-line">{a.preferences}</span> : "Nothing" },
          { key: "Manager agreed to the time", value: a.managerAgreed ? "Yes" : "No" },
          { key: "Came to a drop-in session", value: a.attendedDropIn ? "Yes" : "No" },
          { key: "Applied on", value: formatDay(a.appliedOn) },
        ]}
      />

      <h2 id="decision-heading" className="mb-2 text-2xl font-bold">
        Decision
      </h2>
      {!open ? (
        <p className="mb-8">
          {a.status === "withdrawn" ? "The employee withdrew this application." : `The decision is made: ${a.statusLabel.toLowerCase()}.`}
        </p>
      ) : !a.cohort.selecting ? (
        <p className="mb-8">This cohort is past matching, so its mentors can no longer be chosen.</p>
      ) : confirm && (confirm === "not_select" || canSelect) ? (
        <ConfirmBox
          testId="confirm-decision"
          question={confirm === "select" ? `Select ${a.name} to mentor in ${a.cohort.name}?` : `Do not select ${a.name}?`}
          fields={{ intent: confirm }}
          confirmLabel={confirm === "select" ? "Yes, select" : "Yes, do not select"}
          cancelTo={base}
        >
          <p>
            {confirm === "select"
              ? "They can be matched once their training is complete and, to mentor under-18s, their DBS check is clear."
              : "The application ends here and the employee will not mentor in this cohort."}{" "}
            This decision cannot be changed.
          </p>
        </ConfirmBox>
      ) : (
        <div className="mb-8">
          {a.status === "applied" ? (
            a.managerAgreed ? (
              <Form method="post" className="mb-4">
                <input type="hidden" name="intent" value="shortlist" />
                <Button>Shortlist</Button>
              </Form>
            ) : (
              <Inset>
                <p>The employee&apos;s manager has not agreed to the time, so the application cannot be shortlisted.</p>
              </Inset>
            )
          ) : null}
          {a.status === "shortlisted" ? (
            <Form method="post" noValidate className="mb-4">
              <input type="hidden" name="intent" value="interview" />
              <Radios name="outcome" legend="Outcome of the interview" error={e?.outcome} options={Object.entries(INTERVIEW_OUTCOMES).map(([value, label]) => ({ value, label }))} />
              <Button>Record the outcome</Button>
            </Form>
          ) : null}
          <p className="flex flex-wrap gap-x-6 gap-y-2">
            {canSelect ? (
              <Link to={`${base}?confirm=select#decision-heading`} className="inline-block bg-success px-4 py-2 font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-green-900">
                Select
              </Link>
            ) : null}
            <Link to={`${base}?confirm=not_select#decision-heading`} className="inline-block bg-gray-200 px-4 py-2 font-bold text-gray-900 shadow-[0_2px_0_#002d18] hover:bg-gray-300">
              Do not select
            </Link>
          </p>
        </div>
      )}

      <h2 className="mb-2 text-2xl font-bold">Can they be matched?</h2>
      {a.gates.problems.length ? (
        <ul className="mb-8 list-disc pl-6" data-testid="gate-problems">
          {a.gates.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : (
        <p className="mb-8" data-testid="gates-pass">
          Yes. They are selected, their training is complete{a.gates.dbsNeeded ? " and their DBS check is clear" : ""}.
        </p>
      )}

      <h2 className="mb-2 text-2xl font-bold">Training</h2>
      <table className="mb-6 w-full border-collapse text-left" data-testid="training">
        <caption className="sr-only">The pilot&apos;s training modules</caption>
        <thead>
          <tr className="border-b-2 border-gray-900">
            <th scope="col" className="py-2 pr-4">Module</th>
            <th scope="col" className="py-2">Completed</th>
          </tr>
        </thead>
        <tbody>
          {a.training.map((t) => (
            <tr key={t.module} className="border-b border-gray-300">
              <td className="py-2 pr-4">{t.label}</td>
              <td className="py-2">{t.completedOn ? formatDay(t.completedOn) : "Not recorded"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {a.modulesToRecord.length && a.status !== "not_selected" && a.status !== "withdrawn" ? (
        <Form method="post" noValidate className="mb-8">
          <input type="hidden" name="intent" value="training" />
          <h3 className="mb-4 text-xl font-bold">Record a training module</h3>
          <Radios name="module" legend="Module" error={e?.module} defaultValue={v?.module} options={a.modulesToRecord} />
          <DateInput
            name="completed"
            legend="Date completed"
            hint="For example, 17 5 2026"
            error={e?.completed}
            values={{ day: v?.completedDay, month: v?.completedMonth, year: v?.completedYear }}
          />
          <Button>Record the training</Button>
        </Form>
      ) : null}

      <h2 className="mb-2 text-2xl font-bold">DBS check</h2>
      {a.dbs ? (
        <SummaryList
          testId="dbs"
          rows={[
            { key: "Level", value: a.dbs.level },
            { key: "Outcome", value: a.dbs.outcome },
            { key: "Issued", value: formatDay(a.dbs.issuedOn) + (a.dbs.purged ? " (certificate details deleted)" : "") },
          ]}
        />
      ) : (
        <p className="mb-4">No DBS check is recorded for {a.name}.</p>
      )}
      <p className="mb-8">
        <Link to={`/coordinator/talent/dbs?user=${a.userId}`} className="text-brand underline">
          Record a DBS check<span className="sr-only"> for {a.name}</span>
        </Link>
      </p>
    </div>
  );
}
