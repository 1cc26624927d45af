// A meeting's minutes, print-friendly: attendees, chair, mode, conflicts, how quorum was reached and
// each decision. References only; every application listed is audited as exported.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatPence } from "~/domain/money";
import { formatDay } from "~/domain/payroll/periods";
import { orNotFound } from "~/services/applications.server";
import { minutesOf } from "~/services/panel.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Minutes: ${data?.meeting.title ?? "meeting"} – Helping Hands` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["panel"]);
  return await orNotFound(minutesOf({ userId: user.id, roles: user.roles }, params.id ?? ""));
}

const list = (names: string[]) => (names.length ? names.join(", ") : "none");

export default function Minutes() {
  const { meeting, items } = useLoaderData<typeof loader>();
  return (
    <article className="max-w-3xl" data-testid="minutes">
      <p className="mb-6 print:hidden">
        <Link to={`/panel/meetings/${meeting.id}`} className="text-brand underline">
          Back to the meeting
        </Link>{" "}
        ·{" "}
        <Link to={`/panel/meetings/${meeting.id}/minutes.csv`} reloadDocument className="text-brand underline">
          Download as CSV
        </Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">Minutes: {meeting.title}</h1>
      <dl className="mb-8 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-bold">Date</dt>
        <dd>{formatDay(new Date(meeting.heldOn))}</dd>
        <dt className="font-bold">How</dt>
        <dd>{meeting.modeLabel}</dd>
        <dt className="font-bold">Chair</dt>
        <dd>{meeting.chair}</dd>
        <dt className="font-bold">Taking part</dt>
        <dd>{list(meeting.attendees)}</dd>
      </dl>
      {items.length ? (
        items.map((i) => (
          <section key={i.applicationId} aria-labelledby={`minute-${i.applicationId}`} className="mb-8 break-inside-avoid border-t-2 border-gray-300 pt-4">
            <h2 id={`minute-${i.applicationId}`} className="mb-2 text-2xl font-bold">
              {i.reference}: {i.outcomeLabel}
              {i.amountPence !== null ? `, ${formatPence(i.amountPence)}` : ""}
            </h2>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
              <dt className="font-bold">Conflicts declared</dt>
              <dd>
                {i.conflictedCount}: {list(i.conflicted)} (took no part)
              </dd>
              <dt className="font-bold">Quorum</dt>
              <dd>
                {i.scoredCount} scored of the {i.quorumRequired} needed: {list(i.scoredBy)}
              </dd>
              <dt className="font-bold">Reasons</dt>
              <dd className="whitespace-pre-line">{i.reasons}</dd>
              {i.conditions ? (
                <>
                  <dt className="font-bold">Conditions</dt>
                  <dd className="whitespace-pre-line">{i.conditions}</dd>
                </>
              ) : null}
              <dt className="font-bold">Terms of reference</dt>
              <dd>{`Version ${i.termsVersion}`}</dd>
              <dt className="font-bold">Recorded by</dt>
              <dd>
                {i.decidedBy}, {formatDay(new Date(i.decidedAt))}
              </dd>
            </dl>
          </section>
        ))
      ) : (
        <p>No decisions were recorded in this meeting.</p>
      )}
    </article>
  );
}
