// Matching a cohort (coordinator): the proposed pairs with each score's breakdown, who is left out and
// why, mentors not ready, and the coordinator's locks and rule-outs. "Re-run" is a plain GET form (the
// choices live in the query string), so it works without JavaScript; "Confirm these pairs" posts the
// same choices, and the server works the proposal out again before writing anything.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/forms";
import { BackLink, Inset, Warning } from "~/components/pledge-ui";
import { COHORT_STATUSES, isCohortStatus } from "~/domain/mentoring/cohort";
import { WEIGHTS } from "~/domain/mentoring/matching";
import { PART_LABELS, parsePairChoices, parsePairToken, partLabel } from "~/domain/mentoring/pair-choices";
import { confirmMatches, proposalFor, type ProposalView } from "~/services/mentoring-matching.server";
import { MentoringError, orNotFound } from "~/services/mentoring.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Matching – Mentoring – Helping Hands" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  const choices = parsePairChoices(new URL(request.url).searchParams);
  return { page: await orNotFound(proposalFor(actorOf(user), params.id ?? "", choices)) };
}

type ActionData = { problems: { href: string; text: string }[] };
const CONFIRM_MISSING = "Tick the box to say you have checked these pairs";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  const id = params.id ?? "";
  const form = await request.formData();
  if (form.get("confirm") !== "yes") {
    return json<ActionData>({ problems: [{ href: "#confirm", text: CONFIRM_MISSING }] }, { status: 400 });
  }
  // The pairs the coordinator saw: if the proposal worked out now differs, nothing is confirmed.
  const expected = form.getAll("expect").flatMap((v) => {
    const pair = typeof v === "string" ? parsePairToken(v) : null;
    return pair ? [pair] : [];
  });
  let count: number;
  try {
    count = (await orNotFound(confirmMatches(actorOf(user), id, parsePairChoices(form), expected))).matchIds.length;
  } catch (error) {
    if (error instanceof MentoringError) return json<ActionData>({ problems: [{ href: "#pairs-heading", text: error.message }] }, { status: 409 });
    throw error;
  }
  const message = `${count} ${count === 1 ? "pair" : "pairs"} confirmed. The mentors, the young people and their personal advisers have been emailed.`;
  return redirect(`/coordinator/mentoring/${id}`, { status: 303, headers: { "Set-Cookie": await setFlash(request, { kind: "success", message }) } });
}

const Hidden = ({ name, values }: { name: string; values: readonly string[] }) => (
  <>
    {values.map((v) => (
      <input key={`${name}-${v}`} type="hidden" name={name} value={v} />
    ))}
  </>
);

function Breakdown({ pair }: { pair: ProposalView["pairs"][number] }) {
  return (
    <table className="mb-4 w-full border-collapse text-left" data-testid="breakdown">
      <caption className="sr-only">
        How the score of {pair.youngPerson} and {pair.mentor} adds up
      </caption>
      <thead>
        <tr className="border-b-2 border-gray-900">
          <th scope="col" className="py-2 pr-4">Part</th>
          <th scope="col" className="py-2 pr-4">Points</th>
          <th scope="col" className="py-2 pr-4">Of</th>
          <th scope="col" className="py-2">Why</th>
        </tr>
      </thead>
      <tbody>
        {pair.parts.map((p) => (
          <tr key={p.part} className="border-b border-gray-300 align-top">
            <th scope="row" className="py-2 pr-4 font-normal">{partLabel(p.part)}</th>
            <td className="py-2 pr-4">{p.points}</td>
            <td className="py-2 pr-4">{p.max}</td>
            <td className="py-2">{p.why}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="font-bold">
          <th scope="row" className="py-2 pr-4">Score</th>
          <td className="py-2 pr-4">{pair.score}</td>
          <td className="py-2 pr-4">{pair.parts.reduce((sum, p) => sum + p.max, 0)}</td>
          <td className="py-2" />
        </tr>
      </tfoot>
    </table>
  );
}

function Choice({ id, name, value, checked, children }: { id: string; name: string; value: string; checked: boolean; children: React.ReactNode }) {
  return (
    <div className="mb-2 flex items-start gap-3">
      <input id={id} type="checkbox" name={name} value={value} defaultChecked={checked} className="mt-1 h-6 w-6" />
      <label htmlFor={id}>{children}</label>
    </div>
  );
}

function Select({ name, label, options }: { name: string; label: string; options: { id: string; name: string }[] }) {
  return (
    <div className="mb-4">
      <label htmlFor={name} className="mb-1 block font-bold">
        {label}
      </label>
      <select id={name} name={name} defaultValue="" className="block w-full max-w-md border-2 border-gray-900 p-2">
        <option value="">Choose</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function CohortMatching() {
  const { page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { cohort } = page;
  const path = `/coordinator/mentoring/${cohort.id}/matching`;
  const query = new URLSearchParams([...page.choices.locked.map((t) => ["lock", t]), ...page.choices.forbidden.map((t) => ["forbid", t])]).toString();
  const confirmError = result?.problems.some((p) => p.href === "#confirm") ?? false;
  return (
    <div className="max-w-5xl">
      <BackLink to={`/coordinator/mentoring/${cohort.id}`}>Back to the cohort</BackLink>
      <ErrorSummary title="These pairs were not confirmed" items={result?.problems ?? []} />
      <h1 className="mb-2 text-3xl font-bold">Matching: {cohort.name}</h1>
      <p className="mb-6">Status: {isCohortStatus(cohort.status) ? COHORT_STATUSES[cohort.status] : cohort.status}</p>
      {cohort.confirmProblem ? <Inset testId="confirm-problem">{cohort.confirmProblem}</Inset> : null}
      <p className="mb-6 max-w-3xl">
        The proposal is for the whole cohort at once: as many young people matched as the rules allow, then the highest total score. Each score is out of 100:{" "}
        {(Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[]).map((k) => `${PART_LABELS[k].toLowerCase()} (up to ${WEIGHTS[k]})`).join(", ")}. Lock a pair to keep it, or rule a
        pair out, then re-run.
      </p>

      {page.refusedLocks.length ? (
        <section aria-labelledby="refused-heading" className="mb-8" data-testid="refused-locks">
          <h2 id="refused-heading" className="mb-2 text-2xl font-bold">
            Locks that could not be kept
          </h2>
          <ReasonsList border="border-error" items={page.refusedLocks.map((r) => ({ key: r.token, title: `${r.youngPerson} with ${r.mentor}`, reasons: r.reasons }))} />
        </section>
      ) : null}

      <Form method="get" action={path}>
        <h2 id="pairs-heading" className="mb-2 text-2xl font-bold">
          Proposed pairs
        </h2>
        {page.pairs.length ? (
          <p className="mb-4" data-testid="total">
            {page.pairs.length} {page.pairs.length === 1 ? "pair" : "pairs"}, {page.total} points in all.
          </p>
        ) : (
          <Inset testId="no-pairs">
            <p>No pairs can be proposed now. See below who is left out and why, and which mentors are not ready.</p>
          </Inset>
        )}
        <ol className="mb-8 space-y-8" data-testid="pairs">
          {page.pairs.map((pair, i) => (
            <li key={pair.token} data-testid="pair">
              <h3 className="mb-2 text-xl font-bold">
                {pair.youngPerson} with {pair.mentor}: {pair.score} points{pair.locked ? " (locked)" : ""}
              </h3>
              <Breakdown pair={pair} />
              <fieldset>
                <legend className="sr-only">
                  Choices for {pair.youngPerson} with {pair.mentor}
                </legend>
                <Choice id={`lock-${i}`} name="lock" value={pair.token} checked={pair.locked}>
                  Lock this pair<span className="sr-only">: {pair.youngPerson} with {pair.mentor}</span>
                </Choice>
                <Choice id={`forbid-${i}`} name="forbid" value={pair.token} checked={false}>
                  Rule this pair out<span className="sr-only">: {pair.youngPerson} with {pair.mentor}</span>
                </Choice>
              </fieldset>
            </li>
          ))}
        </ol>

        {page.ruledOut.length ? (
          <fieldset className="mb-8" data-testid="ruled-out">
            <legend className="mb-2 text-2xl font-bold">Pairs you ruled out</legend>
            <p className="mb-2 text-gray-700">Untick a pair to allow it again.</p>
            {page.ruledOut.map((r, i) => (
              <Choice key={r.token} id={`ruled-out-${i}`} name="forbid" value={r.token} checked>
                {r.youngPerson} with {r.mentor}
              </Choice>
            ))}
          </fieldset>
        ) : null}

        {page.youngPeopleToMatch.length && page.mentors.length ? (
          <fieldset className="mb-6">
            <legend className="mb-2 text-xl font-bold">Lock a pair of your own</legend>
            <p className="mb-2 text-gray-700">Optional. The rules still apply: a pair they do not allow is listed with the reasons.</p>
            <Select name="lockYoungPerson" label="Young person" options={page.youngPeopleToMatch} />
            <Select name="lockMentor" label="Mentor" options={page.mentors} />
          </fieldset>
        ) : null}
        <Button variant="secondary">Re-run matching</Button>
      </Form>

      {page.unmatched.length ? (
        <section aria-labelledby="unmatched-heading" className="my-8" data-testid="unmatched">
          <h2 id="unmatched-heading" className="mb-2 text-2xl font-bold">
            Young people without a mentor in this proposal
          </h2>
          <ReasonsList items={page.unmatched.map((u) => ({ key: u.youngPersonId, title: u.youngPerson, reasons: u.reasons }))} />
        </section>
      ) : null}

      {page.mentorsNotReady.length ? (
        <section aria-labelledby="not-ready-heading" className="my-8" data-testid="mentors-not-ready">
          <h2 id="not-ready-heading" className="mb-2 text-2xl font-bold">
            Mentors who cannot be matched yet, or not with everyone
          </h2>
          <ReasonsList
            items={page.mentorsNotReady.map((m) => ({
              key: m.mentorId,
              title: (
                <Link to={`/coordinator/mentoring/${cohort.id}/mentors/${m.mentorId}`} className="text-brand underline">
                  {m.mentor}
                </Link>
              ),
              reasons: m.problems,
            }))}
          />
        </section>
      ) : null}

      {page.ended.length ? (
        <section aria-labelledby="ended-heading" className="my-8" data-testid="ended">
          <h2 id="ended-heading" className="mb-2 text-2xl font-bold">
            Pairs that ended as not a good fit
          </h2>
          <p className="mb-2">These are never proposed again. Both sides are free to be matched with someone else.</p>
          <ul className="list-disc pl-6">
            {page.ended.map((e) => (
              <li key={e.token}>
                {e.youngPerson} with {e.mentor}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {page.confirmed.length ? (
        <section aria-labelledby="confirmed-heading" className="my-8" data-testid="confirmed">
          <h2 id="confirmed-heading" className="mb-2 text-2xl font-bold">
            Pairs already confirmed
          </h2>
          <p className="mb-2">Re-running leaves these alone.</p>
          <ul className="list-disc pl-6">
            {page.confirmed.map((c) => (
              <li key={c.matchId}>
                <Link to={`/mentoring/pairs/${c.matchId}`} className="text-brand underline">
                  {c.youngPerson} with {c.mentor}
                </Link>{" "}
                ({c.score} points)
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {cohort.canConfirm ? (
        <section aria-labelledby="confirm-heading" className="my-8">
          <h2 id="confirm-heading" className="mb-2 text-2xl font-bold">
            Confirm these pairs
          </h2>
          <Warning>Confirming emails each mentor, young person and personal adviser. It cannot be undone from this page.</Warning>
          <Form method="post" action={`${path}${query ? `?${query}` : ""}`}>
            <Hidden name="lock" values={page.choices.locked} />
            <Hidden name="forbid" values={page.choices.forbidden} />
            <Hidden name="expect" values={page.pairs.map((p) => p.token)} />
            <div className={`mb-6 ${confirmError ? "border-l-4 border-error pl-4" : ""}`}>
              {confirmError ? (
                <p id="confirm-error" className="mb-1 font-bold text-error">
                  <span className="sr-only">Error:</span> {CONFIRM_MISSING}
                </p>
              ) : null}
              <div className="flex items-start gap-3">
                <input id="confirm" type="checkbox" name="confirm" value="yes" className="mt-1 h-6 w-6" aria-describedby={confirmError ? "confirm-error" : undefined} />
                <label htmlFor="confirm">
                  I have checked the {page.pairs.length} {page.pairs.length === 1 ? "pair" : "pairs"} above
                </label>
              </div>
            </div>
            <Button>Confirm these pairs</Button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

/** People with the reasons that apply to them, as a list of lists. */
function ReasonsList({ items, border = "border-gray-400" }: { items: { key: string; title: React.ReactNode; reasons: readonly string[] }[]; border?: string }) {
  return (
    <ul className="space-y-4">
      {items.map((item) => (
        <li key={item.key} className={`border-l-4 ${border} pl-4`}>
          <p className="font-bold">{item.title}</p>
          <ul className="list-disc pl-6">
            {item.reasons.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
