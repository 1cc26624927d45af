// A mentoring pair as each side sees it: the mentor, the young person, their linked personal adviser
// (and the coordinator). The other side by first name only, with what matching used and saw in
// common; the mentor's links to log a session and to raise a safeguarding concern; and, after the
// first session, "how is it going?" — "not a good fit" (checked once more) ends this pair.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, type FieldErrors } from "~/components/forms";
import { BackLink, Inset, Radios, SummaryList, Warning, type SummaryRow } from "~/components/pledge-ui";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { FIT_ANSWERS, FIT_ANSWER_KEYS, isFitAnswer } from "~/domain/mentoring/pair-choices";
import { pairFor, recordFit, type PairView } from "~/services/mentoring-matching.server";
import { MentoringError, orNotFound } from "~/services/mentoring.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Mentoring pair – Helping Hands" }];

// The people a pair can belong to; the service answers 404 to anyone who is not one of its sides.
const PAIR_ROLES = ["employee", "young_person", "personal_adviser", "coordinator"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, PAIR_ROLES);
  return { pair: await orNotFound(pairFor(actorOf(user), params.id ?? "")) };
}

type ActionData = { errors: FieldErrors; confirmEnd?: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, PAIR_ROLES);
  const id = params.id ?? "";
  const form = await request.formData();
  const answer = form.get("fit");
  if (!isFitAnswer(answer)) return json<ActionData>({ errors: { fit: "Choose how it is going" } }, { status: 400 });
  // Ending a pair cannot be undone: ask once more before "not a good fit" is recorded.
  if (answer === "not_good_fit" && form.get("confirmEnd") !== "yes") return json<ActionData>({ errors: {}, confirmEnd: true });
  let ended: boolean;
  try {
    ended = (await orNotFound(recordFit(actorOf(user), id, answer))).ended;
  } catch (error) {
    if (error instanceof MentoringError) return json<ActionData>({ errors: { fit: error.message } }, { status: 409 });
    throw error;
  }
  const message = ended
    ? "Thank you for telling us. The pair has ended, and the programme coordinator will be in touch about a new match."
    : "Thank you for telling us how it is going.";
  return redirect(`/mentoring/pairs/${id}`, { status: 303, headers: { "Set-Cookie": await setFlash(request, { kind: "success", message }) } });
}

const day = (iso: string) => formatDayKey(ukDayKey(new Date(iso)));
const listed = (items: string[], none = "Not given") => (items.length ? items.join(", ") : none);

function titleOf(pair: PairView): string {
  switch (pair.side) {
    case "mentor":
      return `Mentoring ${pair.youngPerson.firstName}`;
    case "young_person":
      return `Your mentor, ${pair.mentor.firstName}`;
    case "adviser":
      return `${pair.youngPerson.firstName}'s mentor, ${pair.mentor.firstName}`;
    case "coordinator":
      return `${pair.youngPerson.fullName} with ${pair.mentor.fullName}`;
  }
}

function rowsOf(pair: PairView): SummaryRow[] {
  const rows: SummaryRow[] = [
    { key: "Cohort", value: pair.cohort.name },
    { key: "Status", value: pair.statusLabel },
    { key: "Paired on", value: day(pair.confirmedAt) },
    { key: "Sessions logged", value: String(pair.sessions) },
  ];
  const yp = pair.aboutYoungPerson;
  if (yp) {
    const whose = pair.side === "coordinator" ? "Young person's" : `${pair.youngPerson.firstName}'s`;
    rows.push(
      { key: `${whose} interests`, value: listed(yp.interests) },
      { key: "Would like help with", value: listed(yp.goals) },
      { key: "When suits them", value: listed(yp.availability, "To be agreed") },
      { key: "Where they can meet", value: yp.where },
    );
  }
  const m = pair.aboutMentor;
  if (m) {
    rows.push(
      { key: `${pair.mentor.firstName} can help with`, value: listed(m.skills) },
      { key: `${pair.mentor.firstName}'s interests`, value: listed(m.interests) },
      { key: `Where ${pair.mentor.firstName} can meet`, value: m.where },
    );
  }
  if (pair.score !== null) rows.push({ key: "Score when matched", value: `${pair.score} of 100` });
  if (pair.fitAnswers) {
    const said = (a: string | null) => (a && isFitAnswer(a) ? FIT_ANSWERS[a] : "Not answered yet");
    rows.push({ key: "Mentor says", value: said(pair.fitAnswers.mentor) }, { key: "Young person says", value: said(pair.fitAnswers.youngPerson) });
  }
  return rows;
}

export default function MentoringPair() {
  const { pair } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  const other = pair.side === "mentor" ? pair.youngPerson.firstName : pair.mentor.firstName;
  const back = pair.side === "coordinator" ? `/coordinator/mentoring/${pair.cohort.id}` : "/mentoring";
  return (
    <div className="max-w-3xl">
      <BackLink to={back}>{pair.side === "coordinator" ? "Back to the cohort" : "Back to mentoring"}</BackLink>
      <ErrorSummary errors={errors} />
      <h1 className="mb-6 text-3xl font-bold">{titleOf(pair)}</h1>

      {pair.status === "ended" ? (
        <Inset testId="pair-ended">
          <p>
            This pair ended{pair.endedAt ? ` on ${day(pair.endedAt)}` : ""} because it was not a good fit. Both sides are free to be matched again, and the programme coordinator will be
            in touch.
          </p>
        </Inset>
      ) : pair.status === "closed" ? (
        <Inset testId="pair-closed">
          <p>This pair closed at the planned end of the cohort.</p>
        </Inset>
      ) : null}

      <SummaryList testId="pair-summary" rows={rowsOf(pair)} />

      {pair.inCommon.length ? (
        <section aria-labelledby="common-heading" className="mb-8">
          <h2 id="common-heading" className="mb-2 text-2xl font-bold">
            What matching saw in common
          </h2>
          <ul className="list-disc pl-6" data-testid="in-common">
            {pair.inCommon.map((why) => (
              <li key={why}>{why}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {pair.side !== "coordinator" && pair.status === "active" ? (
        <p className="mb-6">The programme coordinator arranges the first meeting. Contact details are not shared on this page: talk to the coordinator if anything changes.</p>
      ) : null}

      {/* The session log (dates and lengths; the notes only to the mentor and coordinator): an active
          pair's mentor reaches it through "Log a session" below. */}
      {pair.side !== "mentor" || pair.status !== "active" ? (
        <p className="mb-6">
          <Link to={`/mentoring/pairs/${pair.id}/sessions`} className="text-brand underline" data-testid="sessions-link">
            See the sessions
          </Link>
        </p>
      ) : null}

      {pair.side === "mentor" ? (
        <ul className="mb-8 space-y-2" data-testid="mentor-links">
          {pair.status === "active" ? (
            <li>
              <Link to={`/mentoring/pairs/${pair.id}/sessions`} className="text-brand underline">
                Log a session
              </Link>
            </li>
          ) : null}
          <li>
            <Link to={`/mentoring/pairs/${pair.id}/concern`} className="text-brand underline">
              Report a safeguarding concern
            </Link>{" "}
            (it goes straight to the designated safeguarding lead, not into the session log)
          </li>
        </ul>
      ) : null}

      {pair.fit ? <FitSection pair={pair} other={other} errors={errors} confirmEnd={data?.confirmEnd ?? false} /> : null}
    </div>
  );
}

function FitSection({ pair, other, errors, confirmEnd }: { pair: PairView; other: string; errors: FieldErrors; confirmEnd: boolean }) {
  const fit = pair.fit!;
  if (fit.answer) {
    return (
      <section aria-labelledby="fit-heading" data-testid="fit-answered">
        <h2 id="fit-heading" className="mb-2 text-2xl font-bold">
          How it is going
        </h2>
        <p>You said: {FIT_ANSWERS[fit.answer].toLowerCase()}.</p>
      </section>
    );
  }
  if (pair.status !== "active") return null;
  if (fit.problem) {
    return (
      <section aria-labelledby="fit-heading" data-testid="fit-later">
        <h2 id="fit-heading" className="mb-2 text-2xl font-bold">
          How it is going
        </h2>
        <p>{fit.problem}</p>
      </section>
    );
  }
  const legend = pair.side === "adviser" ? `After the first session, how is it going for ${pair.youngPerson.firstName} with ${other}?` : `After the first session, how is it going with ${other}?`;
  if (confirmEnd) {
    return (
      <section aria-labelledby="fit-heading" data-testid="fit-confirm-end">
        <h2 id="fit-heading" className="mb-2 text-2xl font-bold">
          Are you sure it is not a good fit?
        </h2>
        <Warning>This ends the pair. The programme coordinator is told and will look for a new match. Other pairs are not affected.</Warning>
        <Form method="post">
          <input type="hidden" name="fit" value="not_good_fit" />
          <input type="hidden" name="confirmEnd" value="yes" />
          <div className="flex flex-wrap items-center gap-6">
            <Button>Yes, end the pair</Button>
            <Link to={`/mentoring/pairs/${pair.id}`} className="text-brand underline">
              No, go back
            </Link>
          </div>
        </Form>
      </section>
    );
  }
  return (
    <section aria-labelledby="fit-heading" data-testid="fit-question">
      <h2 id="fit-heading" className="mb-4 text-2xl font-bold">
        How is it going?
      </h2>
      <Form method="post" noValidate>
        <Radios
          name="fit"
          legend={legend}
          hint="You answer once, and the programme coordinator sees your answer. If it is not a good fit, the pair ends and both sides can be matched with someone else."
          error={errors.fit}
          options={FIT_ANSWER_KEYS.map((k) => ({ value: k, label: FIT_ANSWERS[k] }))}
        />
        <Button>Send answer</Button>
      </Form>
    </section>
  );
}
