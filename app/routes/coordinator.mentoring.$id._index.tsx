// One mentoring cohort (coordinator): its status and the step to the next one (after a check
// question), links to matching and the report, the mentor applications with their gates, the young
// people, and who came to the drop-in sessions. Viewing it is audited (it names young people).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Checkboxes, ErrorSummary } from "~/components/forms";
import { formatDay } from "~/components/application-ui";
import { ApplicationStatusTag, CohortStatusTag, ConfirmBox, Mark } from "~/components/mentoring-ui";
import { BackLink, SummaryList } from "~/components/pledge-ui";
import { COHORT_STATUSES, type CohortStatus } from "~/domain/mentoring/cohort";
import { cohortOverview, recordDropInAttendance } from "~/services/mentoring-cohorts.server";
import { MentoringError, advanceCohort, orNotFound } from "~/services/mentoring.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.cohort.name ?? "Cohort"} – Helping Hands` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  const cohort = await orNotFound(cohortOverview(actorOf(user), params.id ?? ""));
  // "Move to …" opens the check question on this page (?move=<next status>); nothing changes until it is answered.
  const move = new URL(request.url).searchParams.get("move");
  return { cohort, confirmMove: move !== null && move === cohort.next };
}

type ActionData = { problems: { href: string; text: string }[] };

const list = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  const id = params.id ?? "";
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  try {
    if (intent === "advance") {
      const to = await orNotFound(advanceCohort(actorOf(user), id, String(form.get("to") ?? "")));
      const cookie = await setFlash(request, { kind: "success", message: `The cohort is now ${COHORT_STATUSES[to].toLowerCase()}.` });
      return redirect(`/coordinator/mentoring/${id}`, { status: 303, headers: { "Set-Cookie": cookie } });
    }
    if (intent === "attendance") {
      const { mentors, youngPeople } = await orNotFound(recordDropInAttendance(actorOf(user), id, { mentorAppIds: list(form, "mentors"), profileIds: list(form, "youngPeople") }));
      const cookie = await setFlash(request, { kind: "success", message: `Drop-in attendance saved: ${mentors} ${mentors === 1 ? "mentor" : "mentors"} and ${youngPeople} ${youngPeople === 1 ? "young person" : "young people"} came.` });
      return redirect(`/coordinator/mentoring/${id}`, { status: 303, headers: { "Set-Cookie": cookie } });
    }
  } catch (error) {
    if (error instanceof MentoringError) return json<ActionData>({ problems: [{ href: intent === "attendance" ? "#attendance" : "#status-heading", text: error.message }] }, { status: 409 });
    throw error;
  }
  return json<ActionData>({ problems: [{ href: "#status-heading", text: "Choose what to change from the page" }] }, { status: 400 });
}

/** What moving to each status means, for the check question. */
const MOVING_TO: Record<CohortStatus, string> = {
  recruiting: "",
  matching: "Employees will no longer be able to apply to mentor in this cohort. You can still shortlist, interview and select mentors, record who came to the drop-in sessions, and take young people's profiles while you match.",
  running: "Mentors can no longer be selected or turned down, young people's profiles can no longer be changed, and drop-in attendance is final. Confirm the pairs on the matching page first.",
  closing: "The pairs hold their planned last sessions, and mentors and young people are asked to complete the closure survey.",
  evaluated: "The cohort is finished and its status cannot change again.",
};

const cell = "py-2 pr-4";

export default function CohortOverviewPage() {
  const { cohort: c, confirmMove } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/coordinator/mentoring/${c.id}`;
  const mentorsInCohort = c.mentors.filter((m) => m.inCohort);
  return (
    <div className="max-w-5xl">
      <BackLink to="/coordinator/mentoring">Back to cohorts</BackLink>
      <ErrorSummary items={result?.problems} />
      <h1 className="mb-2 text-3xl font-bold">{c.name}</h1>
      <p className="mb-6">
        Status: <CohortStatusTag status={c.status} />
      </p>
      <SummaryList
        testId="cohort"
        rows={[
          { key: "Starts", value: formatDay(c.startsOn) },
          { key: "Length", value: `${c.weeks} weeks` },
          { key: "Places for young people", value: `${c.youngPeople.length} of ${c.capacity} taken` },
          { key: "Drop-in sessions", value: c.dropInDays.length ? c.dropInDays.map((d) => formatDay(`${d}T12:00:00Z`)).join(", ") : "None set" },
        ]}
      />

      <h2 id="status-heading" className="mb-2 text-2xl font-bold">
        Status
      </h2>
      {c.next && confirmMove ? (
        <ConfirmBox
          testId="confirm-move"
          question={`Move ${c.name} to ${COHORT_STATUSES[c.next].toLowerCase()}?`}
          fields={{ intent: "advance", to: c.next }}
          confirmLabel={`Yes, move to ${COHORT_STATUSES[c.next].toLowerCase()}`}
          cancelTo={base}
        >
          <p className="mb-2">{MOVING_TO[c.next]}</p>
          <p>A cohort cannot go back to an earlier status.</p>
        </ConfirmBox>
      ) : c.next ? (
        <p className="mb-8">
          <Link to={`?move=${c.next}#status-heading`} className="inline-block bg-gray-200 px-4 py-2 font-bold text-gray-900 shadow-[0_2px_0_#002d18] hover:bg-gray-300">
            {`Move to ${COHORT_STATUSES[c.next].toLowerCase()}`}
          </Link>
        </p>
      ) : (
        <p className="mb-8">This cohort has been evaluated. Its status cannot change.</p>
      )}

      <ul className="mb-8 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link to={`${base}/matching`} className="text-brand underline">
            Matching
          </Link>
        </li>
        <li>
          <Link to={`${base}/report`} className="text-brand underline">
            Report
          </Link>
        </li>
      </ul>

      <h2 className="mb-2 text-2xl font-bold">Mentor applications</h2>
      <p className="mb-4">A selected mentor can be matched once their training is complete and, to mentor under-18s, their Enhanced DBS check with the children&apos;s barred list is clear.</p>
      {c.mentors.length ? (
        <table className="mb-8 w-full border-collapse text-left" data-testid="mentors">
          <caption className="sr-only">Mentor applications, oldest first</caption>
          <thead>
            <tr className="border-b-2 border-gray-900">
              <th scope="col" className={cell}>Mentor</th>
              <th scope="col" className={cell}>Status</th>
              <th scope="col" className={cell}>Training</th>
              <th scope="col" className={cell}>DBS</th>
              <th scope="col" className="py-2">Drop-in</th>
            </tr>
          </thead>
          <tbody>
            {c.mentors.map((m) => (
              <tr key={m.id} className="border-b border-gray-300">
                <td className={cell}>
                  <Link to={`${base}/mentors/${m.id}`} className="text-brand underline">
                    {m.name}
                  </Link>
                </td>
                <td className={cell}>
                  <ApplicationStatusTag status={m.status} />
                </td>
                <td className={cell}>
                  <Mark ok={m.trainingComplete} what="Training" yes="complete" no="not complete" />
                </td>
                <td className={cell}>
                  {m.dbsClear || m.dbsNeeded ? <Mark ok={m.dbsClear} what="DBS" yes="clear" no="no clear check" /> : <span>Not needed (18 and over only)</span>}
                </td>
                <td className="py-2">
                  <Mark ok={m.attendedDropIn} what="Drop-in" yes="came" no="did not come" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mb-8">No one has applied to mentor yet.</p>
      )}

      <h2 className="mb-2 text-2xl font-bold">Young people</h2>
      {c.youngPeople.length ? (
        <table className="mb-8 w-full border-collapse text-left" data-testid="young-people">
          <caption className="sr-only">Young people in the cohort</caption>
          <thead>
            <tr className="border-b-2 border-gray-900">
              <th scope="col" className={cell}>Name</th>
              <th scope="col" className={cell}>Age group</th>
              <th scope="col" className={cell}>Drop-in</th>
              <th scope="col" className="py-2">Matched</th>
            </tr>
          </thead>
          <tbody>
            {c.youngPeople.map((p) => (
              <tr key={p.id} className="border-b border-gray-300">
                <td className={cell}>{p.name}</td>
                <td className={cell}>{p.ageBand}</td>
                <td className={cell}>
                  <Mark ok={p.attendedDropIn} what="Drop-in" yes="came" no="did not come" />
                </td>
                <td className="py-2">{p.matched ? "Yes" : "No"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mb-8">No young people have a profile for this cohort yet. They, or their personal adviser, add one from the Mentoring page.</p>
      )}

      <h2 id="attendance" className="mb-2 text-2xl font-bold">
        Drop-in attendance
      </h2>
      {!c.selecting ? (
        <p>Attendance can be changed only while the cohort is recruiting or matching.</p>
      ) : mentorsInCohort.length || c.youngPeople.length ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="attendance" />
          <p className="mb-4">Tick everyone who came to a drop-in session. Anyone not ticked is recorded as not having come.</p>
          {mentorsInCohort.length ? (
            <Checkboxes
              name="mentors"
              legend="Mentors who came"
              options={mentorsInCohort.map((m) => ({ value: m.id, label: m.name }))}
              checked={mentorsInCohort.filter((m) => m.attendedDropIn).map((m) => m.id)}
            />
          ) : null}
          {c.youngPeople.length ? (
            <Checkboxes
              name="youngPeople"
              legend="Young people who came"
              options={c.youngPeople.map((p) => ({ value: p.id, label: p.name }))}
              checked={c.youngPeople.filter((p) => p.attendedDropIn).map((p) => p.id)}
            />
          ) : null}
          <Button>Save attendance</Button>
        </Form>
      ) : (
        <p>No mentors or young people to record yet.</p>
      )}
    </div>
  );
}
