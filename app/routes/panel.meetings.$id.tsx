// A panel meeting: the applications with the panel and their quorum; ?application=<id> opens the
// decision form for one (enabled only with quorum, for an attendee who declared no conflict).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, TextArea, TextField, fieldErrorsFrom, type ErrorSummaryItem, type FieldErrors } from "~/components/forms";
import { Section } from "~/components/finance-ui";
import { BackLink, Radios } from "~/components/pledge-ui";
import { Pager } from "~/components/layout";
import { RECOMMENDATIONS, RECOMMENDATION_LABELS, type Recommendation } from "~/domain/applications/panel";
import { decisionFormSchema, decisionProblemField, pageParamOf } from "~/domain/applications/panel-form";
import { formatPence } from "~/domain/money";
import { formatDay } from "~/domain/payroll/periods";
import { ApplicationError, ApplicationNotFoundError, notFound, orNotFound } from "~/services/applications.server";
import { PanelForbiddenError, PanelProblemsError, decide, meetingView } from "~/services/panel.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.meeting.title ?? "Meeting"} – Panel – Helping Hands` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["panel"]);
  const search = new URL(request.url).searchParams;
  return await orNotFound(meetingView({ userId: user.id, roles: user.roles }, params.id ?? "", { page: pageParamOf(search), applicationId: search.get("application") }));
}

type ActionData = { errors: FieldErrors; items?: ErrorSummaryItem[]; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["panel"]);
  const meetingId = params.id ?? "";
  const form = Object.fromEntries(await request.formData());
  const values = Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === "string"));
  const parsed = decisionFormSchema.safeParse(values);
  if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
  try {
    const result = await decide({ userId: user.id, roles: user.roles }, meetingId, parsed.data);
    const words = RECOMMENDATION_LABELS[result.outcome].toLowerCase();
    const message = `Decision recorded for ${result.reference}: ${words}${result.amountPence ? `, ${formatPence(result.amountPence)} committed from the fund` : ""}.`;
    return redirect(`/panel/meetings/${meetingId}`, { status: 303, headers: { "Set-Cookie": await setFlash(request, { kind: "success", message }) } });
  } catch (error) {
    if (error instanceof ApplicationNotFoundError) throw notFound();
    if (error instanceof PanelForbiddenError) throw new Response(error.message, { status: 403, statusText: "Forbidden" });
    if (error instanceof PanelProblemsError) {
      const errors: FieldErrors = {};
      for (const p of error.problems) errors[decisionProblemField(p)] ??= p;
      return json<ActionData>({ errors, items: error.problems.map((p) => ({ href: `#${decisionProblemField(p)}`, text: p })), values }, { status: 400 });
    }
    if (error instanceof ApplicationError) return json<ActionData>({ errors: { outcome: error.message }, values }, { status: 409 });
    throw error;
  }
}

export default function PanelMeeting() {
  const { meeting, rows, total, page, pageCount, decided, decision, fundAvailablePence } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors;
  const v = data?.values ?? {};
  const base = `/panel/meetings/${meeting.id}`;
  return (
    <div className="max-w-4xl">
      <BackLink to="/panel/meetings">Back to meetings</BackLink>
      <ErrorSummary errors={data?.items ? undefined : errors} items={data?.items} />
      <h1 className="mb-2 text-3xl font-bold">{meeting.title}</h1>
      <p className="mb-2">
        {meeting.modeLabel}, {formatDay(new Date(meeting.heldOn))}. Chair: {meeting.chair}.
      </p>
      <p className="mb-2">Taking part: {meeting.attendees.join(", ")}.</p>
      <p className="mb-8">
        <Link to={`${base}/minutes`} className="text-brand underline">
          Minutes
        </Link>{" "}
        ·{" "}
        <Link to={`${base}/minutes.csv`} reloadDocument className="text-brand underline">
          Download the minutes (CSV)
        </Link>
      </p>

      {decision ? (
        <section aria-labelledby="decide-heading" className="mb-10 border-l-8 border-gray-400 py-2 pl-4" data-testid="decision-panel">
          <h2 id="decide-heading" className="mb-2 text-2xl font-bold">
            Decide {decision.reference}
            {decision.details ? `: ${decision.details.firstName}` : ""}
          </h2>
          <p className="mb-2">
            Quorum: {decision.quorum.scored.length} of {decision.quorum.required} members without a conflict have scored
            {decision.quorum.conflicted.length ? `; ${decision.quorum.conflicted.length} declared a conflict and do not count` : ""}.
          </p>
          {decision.details ? (
            <>
              <p className="mb-2">
                Asked for {decision.details.amountPence ? formatPence(decision.details.amountPence) : "no amount"}
                {decision.maxAwardPence ? ` (the most for one award is ${formatPence(decision.maxAwardPence)})` : ""}.
                {fundAvailablePence !== null ? ` The fund has ${formatPence(fundAvailablePence)} available.` : ""}
              </p>
              <p className="mb-2">Average score {decision.details.average} out of 5.</p>
              <ul className="mb-4 list-disc pl-6">
                {decision.details.reviews.map((r, i) => (
                  <li key={i}>
                    {r.member}: {RECOMMENDATION_LABELS[r.recommendation as Recommendation] ?? r.recommendation} (average {r.average}). {r.comment}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {decision.blocked ? (
            <p className="font-bold" data-testid="decision-blocked">
              {decision.blocked}
            </p>
          ) : (
            <Form method="post" action={`${base}?application=${decision.id}`} noValidate>
              <input type="hidden" name="applicationId" value={decision.id} />
              <input type="hidden" name="key" value={decision.key} />
              <Radios
                name="outcome"
                legend="The panel's decision"
                error={errors?.outcome}
                defaultValue={v.outcome}
                options={RECOMMENDATIONS.map((r) => ({ value: r, label: RECOMMENDATION_LABELS[r] }))}
              />
              <TextField name="amount" label="Amount awarded, in pounds (approvals only)" inputMode="decimal" className="max-w-40" defaultValue={v.amount} error={errors?.amount} />
              <TextArea name="reasons" label="Reasons" hint="The young person reads these. Plain words, no names of panel members." defaultValue={v.reasons} error={errors?.reasons} />
              <TextArea name="conditions" label="Conditions (approve with conditions only)" defaultValue={v.conditions} error={errors?.conditions} rows={3} />
              <TextArea name="question" label="Question for the young person (ask for more information only)" defaultValue={v.question} error={errors?.question} rows={3} />
              <Button>Record the decision</Button>
            </Form>
          )}
        </section>
      ) : null}

      <Section id="with-panel-heading" title="Applications with the panel" className="mb-10" headingSpacing="mb-2">
        <p className="mb-4">
          {total} {total === 1 ? "application" : "applications"}, oldest first. Page {page} of {pageCount}.
        </p>
        {rows.length ? (
          <table className="w-full border-collapse text-left" data-testid="meeting-applications">
            <caption className="sr-only">Applications with the panel and their quorum</caption>
            <thead>
              <tr>
                {["Reference", "Scored (quorum)", "Your part", "Waiting", ""].map((h, i) => (
                  <th key={i} scope="col" className="border-b-2 border-gray-900 py-2 pr-4">
                    {h || <span className="sr-only">Action</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-reference={r.reference}>
                  <th scope="row" className="border-b border-gray-300 py-2 pr-4 font-normal">
                    {r.reference}
                  </th>
                  <td className="border-b border-gray-300 py-2 pr-4">
                    {r.scored} of {r.required}
                    {r.quorumMet ? " (quorum reached)" : ""}
                  </td>
                  <td className="border-b border-gray-300 py-2 pr-4">{r.myAccess === "conflicted" ? "Conflict declared" : r.myAccess === "must_declare" ? "Not declared yet" : "No conflict"}</td>
                  <td className="border-b border-gray-300 py-2 pr-4">{r.ageDays} days</td>
                  <td className="border-b border-gray-300 py-2 pr-4">
                    <Link to={`${base}?application=${r.id}`} className="text-brand underline">
                      Decide<span className="sr-only"> {r.reference}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <Pager page={page} pageCount={pageCount} to={(p) => `${base}?page=${p}`} className="mt-6 flex gap-6" />
      </Section>

      <Section id="decided-heading" title="Decided in this meeting" headingSpacing="mb-2">
        {decided.length ? (
          <ul className="list-disc pl-6" data-testid="decided">
            {decided.map((d, i) => (
              <li key={i}>
                {d.reference}: {RECOMMENDATION_LABELS[d.outcome as Recommendation] ?? d.outcome}
                {d.amountPence ? `, ${formatPence(d.amountPence)}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p>Nothing decided yet.</p>
        )}
      </Section>
    </div>
  );
}
