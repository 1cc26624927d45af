// The coordinator's hours: logs waiting for approval (approve or reject each, once), and approved
// totals by month, by group or team, and by person; both lists paged on the server.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ColumnHeads } from "~/components/finance-ui";
import { Button, ErrorSummary } from "~/components/forms";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { formatHours } from "~/domain/talent/hours";
import { decideHours, hoursTotals, pendingHours } from "~/services/talent-hours.server";
import { TalentError } from "~/services/talent-links.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Hours – Talent Network – Helping Hands" }];

const pageParam = (url: URL, name: string) => Math.max(1, Number.parseInt(url.searchParams.get(name) ?? "1", 10) || 1);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["coordinator"]);
  const url = new URL(request.url);
  const page = pageParam(url, "page");
  const peoplePage = pageParam(url, "people");
  const [pending, totals] = await Promise.all([pendingHours(page), hoursTotals(peoplePage)]);
  return { page, peoplePage, pending, totals };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  const form = await request.formData();
  const logId = String(form.get("logId") ?? "");
  const decision = form.get("decision");
  if (decision !== "approved" && decision !== "rejected") return json({ error: "Choose approve or reject." }, { status: 400 });
  try {
    await decideHours(logId, decision, { userId: user.id, roles: user.roles });
  } catch (error) {
    if (!(error instanceof TalentError)) throw error;
    return json({ error: error.message }, { status: 409 });
  }
  const back = new URL(request.url);
  return redirect(`/coordinator/talent/hours${back.search}`, {
    status: 303,
    headers: { "Set-Cookie": await setFlash(request, { kind: "success", message: decision === "approved" ? "Hours approved." : "Hours rejected." }) },
  });
}

const cell = "border-b border-gray-300 py-2 pr-4";
const head = "border-b-2 border-gray-900 py-2 pr-4";

function Pager({ page, pages, param, label, other }: { page: number; pages: number; param: string; label: string; other: string }) {
  if (pages <= 1) return null;
  const to = (p: number) => `?${other}&${param}=${p}`;
  return (
    <nav aria-label={label} className="mb-8 flex gap-6">
      {page > 1 ? (
        <Link to={to(page - 1)} className="text-brand underline">
          Previous page
        </Link>
      ) : null}
      <p>
        Page {page} of {pages}
      </p>
      {page < pages ? (
        <Link to={to(page + 1)} className="text-brand underline">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}

function TotalsTable({ caption, first, rows, testId }: { caption: string; first: string; rows: { key: string; label: ReactNode; minutes: number }[]; testId: string }) {
  if (!rows.length) return <p className="mb-6">No approved hours yet.</p>;
  return (
    <table className="mb-6 w-full max-w-2xl border-collapse text-left" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <ColumnHeads headings={[first, "Approved hours"]} cellClassName={head} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row" className={`${cell} font-normal`}>
              {r.label}
            </th>
            <td className={cell}>{formatHours(r.minutes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function CoordinatorHours() {
  const { page, peoplePage, pending, totals } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const m = totals.months;
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">Hours given</h1>
      <ErrorSummary errors={{ pending: data?.error }} />

      <section aria-labelledby="pending-heading" id="pending" className="mb-10">
        <h2 id="pending-heading" className="mb-4 text-2xl font-bold">
          Waiting for approval ({pending.total})
        </h2>
        {pending.logs.length ? (
          <table className="mb-6 w-full border-collapse text-left" data-testid="pending-hours">
            <caption className="sr-only">Hours waiting for approval, oldest first</caption>
            <ColumnHeads headings={["Volunteer", "Day", "Hours", "What was done", "Decision"]} cellClassName={head} />
            <tbody>
              {pending.logs.map((l) => (
                <tr key={l.id}>
                  <th scope="row" className={`${cell} font-normal`}>
                    <Link to={`/coordinator/talent/links/${l.linkId}`} className="text-brand underline">
                      {l.volunteer}
                    </Link>
                    {l.groupName ? ` (${l.groupName})` : ""}
                  </th>
                  <td className={cell}>{formatDayKey(l.dayKey)}</td>
                  <td className={cell}>{formatHours(l.minutes)}</td>
                  <td className={cell}>{l.note}</td>
                  <td className={cell}>
                    <Form method="post" className="flex flex-wrap gap-2">
                      <input type="hidden" name="logId" value={l.id} />
                      <Button name="decision" value="approved">
                        Approve<span className="sr-only"> {formatHours(l.minutes)} from {l.volunteer}</span>
                      </Button>
                      <Button name="decision" value="rejected" variant="secondary">
                        Reject<span className="sr-only"> {formatHours(l.minutes)} from {l.volunteer}</span>
                      </Button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mb-6">There are no hours waiting for approval.</p>
        )}
        <Pager page={page} pages={pending.pages} param="page" other={`people=${peoplePage}`} label="Pages of hours waiting for approval" />
      </section>

      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading" className="mb-4 text-2xl font-bold">
          Approved hours
        </h2>
        <p className="mb-6" data-testid="hours-headline">
          {formatHours(m.totalMinutes)} in all; {formatHours(m.thisMonthMinutes)} this month.
        </p>
        <h3 className="mb-2 text-xl font-bold">By month</h3>
        <TotalsTable caption="Approved hours in each of the last 12 months" first="Month" testId="hours-by-month" rows={m.byMonth.map((x) => ({ key: x.month, label: x.label, minutes: x.minutes }))} />
        <h3 className="mb-2 text-xl font-bold">By group or team</h3>
        <TotalsTable caption="Approved hours by volunteer group or team, most first" first="Group or team" testId="hours-by-team" rows={totals.byTeam.map((t) => ({ key: t.key, label: t.key, minutes: t.minutes }))} />
        <h3 className="mb-2 text-xl font-bold">By person ({totals.peopleCount})</h3>
        <TotalsTable caption="Approved hours by person, most first" first="Volunteer" testId="hours-by-person" rows={totals.people.map((p) => ({ key: p.volunteerId, label: p.name, minutes: p.minutes }))} />
        <Pager page={peoplePage} pages={totals.peoplePages} param="people" other={`page=${page}`} label="Pages of hours by person" />
      </section>
    </>
  );
}
