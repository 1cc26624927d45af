// A mentoring pair's sessions: the mentor logs each one (day, length, in person or online, a short
// note) and sees the log; the coordinator sees it too; the young person and their adviser see only the
// dates and lengths. Anyone else: 404. Safeguarding concerns have their own page, never the note.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, TextArea, TextField, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { BackLink, DateInput, Radios, Warning } from "~/components/pledge-ui";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { MAX_SESSION_MINUTES, MIN_SESSION_MINUTES, SESSION_MODES, SESSION_NOTE_MAX, formatDuration, isSessionMode, sessionSchema } from "~/domain/mentoring/sessions";
import { logSession, sessionsOf } from "~/services/mentoring-sessions.server";
import { MentoringError, orNotFound } from "~/services/mentoring.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Sessions – Mentoring – Helping Hands" }];

const PAIR_ROLES = ["employee", "coordinator", "young_person", "personal_adviser"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = actorOf(await requireRole(request, PAIR_ROLES));
  const view = await orNotFound(sessionsOf(actor, params.id ?? ""));
  return { view, todayKey: ukDayKey(new Date()) };
}

type ActionData = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireRole(request, PAIR_ROLES));
  const id = params.id ?? "";
  const view = await orNotFound(sessionsOf(actor, id));
  if (view.viewer !== "mentor") throw new Response("Not found", { status: 404, statusText: "Not Found" });
  const values = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const now = new Date();
  const parsed = sessionSchema(ukDayKey(now), view.startKey).safeParse(values);
  if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
  try {
    await orNotFound(logSession(actor, id, parsed.data, now));
  } catch (error) {
    if (error instanceof MentoringError) return json<ActionData>({ errors: { [error.field ?? "day"]: error.message }, values }, { status: 409 });
    throw error;
  }
  const cookie = await setFlash(request, { kind: "success", message: `Session on ${formatDayKey(parsed.data.day)} logged (${formatDuration(parsed.data.minutes)}).` });
  return redirect(`/mentoring/pairs/${id}/sessions`, { status: 303, headers: { "Set-Cookie": cookie } });
}

const cell = "border-b border-gray-300 py-2 pr-4 align-top";

export default function PairSessionsPage() {
  const { view, todayKey } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  const v = data?.values;
  const { pair, viewer } = view;
  const seesNotes = viewer === "mentor" || viewer === "coordinator";
  const title = viewer === "mentor" ? `Your sessions with ${pair.youngPersonName}` : viewer === "coordinator" ? `Sessions: ${pair.mentorName} and ${pair.youngPersonName}` : `Sessions with ${pair.mentorName}`;
  const columns = seesNotes ? ["Date", "Length", "How", "Note"] : ["Date", "Length"];
  return (
    <div className="max-w-4xl">
      <BackLink to={`/mentoring/pairs/${pair.id}`}>Back to the pair</BackLink>
      <ErrorSummary errors={errors} />
      <span className="mb-1 block text-lg text-gray-700">{pair.cohortName}</span>
      <h1 className="mb-4 text-3xl font-bold">{title}</h1>
      <p className="mb-6" data-testid="session-totals">
        {view.totals.count === 0 ? "No sessions have been logged yet." : `${view.totals.count} ${view.totals.count === 1 ? "session" : "sessions"}, ${formatDuration(view.totals.minutes)} in all.`}
      </p>

      {view.sessions.length ? (
        <table className="mb-8 w-full border-collapse text-left" data-testid="sessions">
          <caption className="sr-only">Sessions logged, newest first</caption>
          <thead>
            <tr>
              {columns.map((h) => (
                <th key={h} scope="col" className="border-b-2 border-gray-900 py-2 pr-4">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.sessions.map((s) => (
              <tr key={s.id}>
                <td className={cell}>{formatDayKey(s.dayKey)}</td>
                <td className={cell}>{formatDuration(s.minutes)}</td>
                {seesNotes ? (
                  <>
                    <td className={cell}>{isSessionMode(s.mode) ? SESSION_MODES[s.mode] : s.mode}</td>
                    <td className={`${cell} whitespace-pre-wrap`}>{s.note}</td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {viewer === "mentor" ? (
        <p className="mb-8">
          Worried about {pair.youngPersonName}&rsquo;s safety or wellbeing?{" "}
          <Link to={`/mentoring/pairs/${pair.id}/concern`} className="font-bold text-brand underline" data-testid="raise-concern">
            Raise a safeguarding concern
          </Link>
          . It goes straight to the safeguarding lead and is not kept in this log.
        </p>
      ) : null}

      {view.canLog ? (
        <section aria-labelledby="log-heading">
          <h2 id="log-heading" className="mb-4 text-2xl font-bold">
            Log a session
          </h2>
          <Form method="post" noValidate>
            <DateInput
              name="day"
              legend="When was the session?"
              hint={`For example, ${todayKey.split("-").reverse().map(Number).join(" ")}`}
              error={errors.day}
              values={{ day: v?.dayDay, month: v?.dayMonth, year: v?.dayYear }}
            />
            <TextField
              name="minutes"
              label="How long was it, in minutes?"
              hint={`From ${MIN_SESSION_MINUTES} to ${MAX_SESSION_MINUTES} minutes. For example, 60 for an hour`}
              inputMode="numeric"
              className="max-w-[8rem]"
              defaultValue={v?.minutes}
              error={errors.minutes}
            />
            <Radios name="mode" legend="How did you meet?" options={Object.entries(SESSION_MODES).map(([value, label]) => ({ value, label }))} defaultValue={v?.mode} error={errors.mode} />
            <Warning>Do not write safeguarding concerns in the note. The programme coordinator reads it. Use &ldquo;Raise a safeguarding concern&rdquo; instead.</Warning>
            <TextArea
              name="note"
              label="What did you do together?"
              hint={`Keep it short, up to ${SESSION_NOTE_MAX} characters, and leave out anything personal about ${pair.youngPersonName}.`}
              rows={3}
              defaultValue={v?.note}
              error={errors.note}
            />
            <Button>Log the session</Button>
          </Form>
        </section>
      ) : viewer === "mentor" ? (
        <p className="mb-8">This pair is no longer meeting, so sessions can no longer be logged.</p>
      ) : viewer === "coordinator" ? null : (
        <p className="mb-8">{pair.mentorName} logs each session. The notes are between the mentor and the programme coordinator.</p>
      )}
    </div>
  );
}
