// The impact page (public): the last 12 UK months' money raised and spent, what awards paid for, time
// given, mentoring, campaigns, then the stories young people agreed to share. Numbers as text first,
// charts with a table alternative after. Counts of young people and awards (and their amounts) are
// suppressed ("c"). Signed-in staff also see the month-by-month table by source and what young people
// gave back. Figures come cached (app/services/impact-cache.server.ts); anonymous pages are also kept
// whole for 30 s in front of Remix (server/page-cache.ts).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { BarChart, CHART_COLOURS, ColumnChart, type ChartSeries } from "~/components/charts";
import { Section } from "~/components/finance-ui";
import { Pager } from "~/components/layout";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { SUPPRESSED, formatShown, suppressionNote, type Shown } from "~/domain/impact/suppression";
import { formatPence } from "~/domain/money";
import { hasAnyRole, type Role } from "~/domain/roles";
import { impactPageFigures } from "~/services/impact-cache.server";
import { publishedStories } from "~/services/follow-ups.server";
import { getOptionalUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Our impact – Helping Hands" }];

const STAFF: Role[] = ["employee", "coordinator", "finance", "panel"];

// Public; staff see more.
export async function loader({ request }: LoaderFunctionArgs) {
  const page = Math.max(1, Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1);
  const [user, figures, stories] = await Promise.all([getOptionalUser(request), impactPageFigures(new Date()), publishedStories(page)]);
  const staff =
    user && hasAnyRole(user.roles, STAFF)
      ? {
          employee: user.roles.includes("employee"),
          boardReport: hasAnyRole(user.roles, ["coordinator", "finance"]),
        }
      : null;
  // What only staff see is left out of the public page's data as well as its markup.
  const { giveBack, ...publicFigures } = figures;
  return {
    page,
    ...stories,
    figures: publicFigures,
    staff: staff ? { ...staff, giveBack } : null,
  };
}

const money = (p: number) => formatPence(p);
const moneyShown = (p: Shown) => formatShown(p, formatPence);
const count = (n: Shown) => formatShown(n);
/** Axis ticks in whole pounds, thousands as "k": £12.5k. */
const moneyTick = (p: number) => (p >= 100_000 ? `£${(p / 100_000).toLocaleString("en-GB", { maximumFractionDigits: 1 })}k` : `£${Math.round(p / 100)}`);
const plural = (n: Shown, one: string, many: string) => (n === 1 ? one : many);

const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const MONEY_SERIES: ChartSeries[] = [
  {
    key: "payrollPence",
    label: "Payroll giving",
    colour: CHART_COLOURS.darkBlue,
    stack: "raised",
  },
  {
    key: "cardPence",
    label: "Card gifts",
    colour: CHART_COLOURS.lightBlue,
    stack: "raised",
  },
  {
    key: "giftAidPence",
    label: "Gift Aid",
    colour: CHART_COLOURS.purple,
    stack: "raised",
  },
  { key: "spentPence", label: "Paid in awards", colour: CHART_COLOURS.orange },
];

function Note({ show, threshold }: { show: boolean; threshold: number }) {
  return show ? <p className="mb-4 text-gray-700">{suppressionNote(threshold)}</p> : null;
}

function Figure({ label, value, children, testId }: { label: string; value: string; children?: ReactNode; testId: string }) {
  return (
    <div className="border-l-8 border-brand bg-gray-100 p-4">
      <dt className="font-bold">{label}</dt>
      <dd className="text-3xl font-bold" data-testid={testId}>
        {value}
      </dd>
      {children ? <dd className="text-gray-700">{children}</dd> : null}
    </div>
  );
}

export default function Impact() {
  const { page, stories, pages, figures, staff } = useLoaderData<typeof loader>();
  const { money: m, awards, time, mentoring, campaigns, threshold, months } = figures;
  const raised = m.totals.payrollPence + m.totals.cardPence + m.totals.giftAidPence;
  const span = `${months.first} to ${months.last}`;
  const moneyRows = m.months.map((r) => ({
    key: r.month,
    label: r.label,
    shortLabel: SHORT_MONTHS[Number(r.month.slice(5, 7)) - 1],
    values: {
      payrollPence: r.payrollPence,
      cardPence: r.cardPence,
      giftAidPence: r.giftAidPence,
      spentPence: r.spentPence,
    },
  }));
  const anyMonthHidden = m.months.some((r) => r.spentPence === SUPPRESSED) || m.totals.spentPence === SUPPRESSED;
  const anyAwardHidden = awards.total.count === SUPPRESSED || awards.rows.some((r) => r.count === SUPPRESSED || r.amountPence === SUPPRESSED);
  const mentoringShown = [mentoring.pairs, mentoring.goodFit, mentoring.ended, mentoring.closed];
  return (
    <div className="max-w-4xl">
      <h1 className="mb-4 text-3xl font-bold">Our impact</h1>
      <p className="mb-4">
        What the fund raised and what it paid for over the last 12 months ({span}), and the stories of young people who agreed to share them.{" "}
        <Link to="/support" className="text-brand underline">
          About the fund
        </Link>
      </p>
      <p className="mb-8 text-gray-700">To protect the young people the fund supports, counts of fewer than {threshold} are shown as "c".</p>

      <Section id="money" title="Money raised and spent" className="mb-10">
        <dl className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Figure label="Raised" value={money(raised)} testId="raised-total">
            {money(m.totals.payrollPence)} from payroll giving, {money(m.totals.cardPence)} in card gifts and {money(m.totals.giftAidPence)} in Gift Aid
          </Figure>
          <Figure label="Paid in awards to young people" value={moneyShown(m.totals.spentPence)} testId="spent-total" />
        </dl>
        {raised > 0 || m.totals.spentPence !== 0 ? (
          <ColumnChart
            id="money-by-month"
            caption={`Money raised by source and paid in awards, by month, ${span}`}
            series={MONEY_SERIES}
            rows={moneyRows}
            format={money}
            formatTick={moneyTick}
            rowHeading="Month"
            note={anyMonthHidden ? suppressionNote(threshold) : undefined}
          />
        ) : null}
      </Section>

      <Section id="awards" title="What awards paid for" className="mb-10">
        <p className="mb-4" data-testid="awards-total">
          {awards.total.count === 0
            ? "No awards were paid in these 12 months."
            : `${count(awards.total.count)} ${plural(awards.total.count, "award", "awards")} paid, worth ${moneyShown(awards.total.amountPence)} in all.`}
        </p>
        {awards.total.count !== 0 ? (
          <>
            <ul className="mb-4 list-disc pl-6" data-testid="awards-by-category">
              {awards.rows.map((r) => (
                <li key={r.category}>
                  {r.label}: {count(r.count)} {plural(r.count, "award", "awards")}, {moneyShown(r.amountPence)}
                </li>
              ))}
            </ul>
            <BarChart
              id="awards-by-category"
              caption={`Money paid in awards by what it paid for, ${span}`}
              series={[
                {
                  key: "amountPence",
                  label: "Paid",
                  colour: CHART_COLOURS.green,
                },
              ]}
              rows={awards.rows.map((r) => ({
                key: r.category,
                label: r.label,
                values: { amountPence: r.amountPence },
              }))}
              format={money}
              rowHeading="What it paid for"
            />
          </>
        ) : null}
        <Note show={anyAwardHidden} threshold={threshold} />
      </Section>

      <Section id="time" title="Time given" className="mb-10">
        <p data-testid="time-given">
          {time.hours.toLocaleString("en-GB", { maximumFractionDigits: 1 })} {time.hours === 1 ? "hour" : "hours"} given by{" "}
          {time.volunteers.toLocaleString("en-GB")} {time.volunteers === 1 ? "volunteer" : "volunteers"} through the Talent Network.
        </p>
      </Section>

      <Section id="mentoring" title="Mentoring" className="mb-10">
        <ul className="mb-4 list-disc pl-6" data-testid="mentoring">
          <li>
            {count(mentoring.pairs)} mentoring {plural(mentoring.pairs, "pair", "pairs")} matched
          </li>
          <li>{count(mentoring.goodFit)} said after the first session that it was a good fit</li>
          <li>
            {mentoring.sessions.toLocaleString("en-GB")} {mentoring.sessions === 1 ? "session" : "sessions"},{" "}
            {mentoring.hours.toLocaleString("en-GB", {
              maximumFractionDigits: 1,
            })}{" "}
            {mentoring.hours === 1 ? "hour" : "hours"} together
          </li>
          <li>{count(mentoring.closed)} completed at the end of their pilot</li>
          <li>{count(mentoring.ended)} ended early</li>
        </ul>
        <Note show={mentoringShown.includes(SUPPRESSED)} threshold={threshold} />
      </Section>

      <Section id="campaigns" title="Campaigns" className="mb-10">
        {campaigns.length ? (
          <ul className="mb-4" data-testid="campaigns">
            {campaigns.map((c) => (
              <li key={c.slug} className="mb-4">
                <Link to={`/campaigns/${c.slug}`} className="text-brand underline">
                  {c.title}
                </Link>
                <p>
                  {money(c.raisedPence)} raised
                  {c.targetPence !== null ? ` of ${money(c.targetPence)}` : ""}
                  {c.percent !== null ? ` (${c.percent}%)` : ""}
                </p>
                {c.percent !== null ? (
                  // The sentence above says it; the bar is for the eye.
                  <svg
                    viewBox="0 0 100 4"
                    preserveAspectRatio="none"
                    className="h-4 w-full max-w-xl border-2 border-gray-900"
                    aria-hidden="true"
                    focusable="false"
                  >
                    <rect width={Math.min(100, c.percent)} height={4} fill={CHART_COLOURS.green} />
                  </svg>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>There are no open campaigns.</p>
        )}
      </Section>

      {staff ? (
        <Section id="staff" title="For staff" className="mb-10">
          <ul className="mb-6 list-disc pl-6">
            {staff.employee ? (
              <li>
                <Link to="/giving/impact" className="text-brand underline">
                  Your share: what your giving added up to
                </Link>
              </li>
            ) : null}
            {staff.boardReport ? (
              <li>
                <Link to="/reports/board" className="text-brand underline">
                  Corporate Parenting Board report
                </Link>
              </li>
            ) : null}
          </ul>
          <table className="mb-2 w-full border-collapse text-left" data-testid="staff-money-table">
            <caption className="mb-2 text-left text-xl font-bold">Money by month and source</caption>
            <thead>
              <tr>
                {["Month", "Payroll giving", "Card gifts", "Gift Aid", "Raised", "Paid in awards"].map((h, i) => (
                  <th key={h} scope="col" className={`border-b-2 border-gray-900 py-2 pr-4 ${i ? "text-right" : ""}`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.months.map((r) => (
                <tr key={r.month}>
                  <th scope="row" className="border-b border-gray-300 py-2 pr-4 font-normal">
                    {r.label}
                  </th>
                  {[
                    money(r.payrollPence),
                    money(r.cardPence),
                    money(r.giftAidPence),
                    money(r.payrollPence + r.cardPence + r.giftAidPence),
                    moneyShown(r.spentPence),
                  ].map((v, i) => (
                    <td key={i} className="border-b border-gray-300 py-2 pr-4 text-right tabular-nums">
                      {v}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="py-2 pr-4">
                  Total
                </th>
                {[money(m.totals.payrollPence), money(m.totals.cardPence), money(m.totals.giftAidPence), money(raised), moneyShown(m.totals.spentPence)].map(
                  (v, i) => (
                    <td key={i} className="py-2 pr-4 text-right font-bold tabular-nums">
                      {v}
                    </td>
                  )
                )}
              </tr>
            </tfoot>
          </table>
          <Note show={anyMonthHidden} threshold={threshold} />
          <h3 className="mb-2 mt-6 text-xl font-bold">What young people gave back</h3>
          {staff.giveBack.rows.length ? (
            <ul className="mb-2 list-disc pl-6" data-testid="give-back">
              {staff.giveBack.rows.map((r) => (
                <li key={r.kind}>
                  {r.label}: {count(r.count)}
                </li>
              ))}
            </ul>
          ) : (
            <p>No answers yet.</p>
          )}
          <Note show={staff.giveBack.total === SUPPRESSED || staff.giveBack.rows.some((r) => r.count === SUPPRESSED)} threshold={threshold} />
        </Section>
      ) : null}

      <Section id="stories" title="Stories" className="mb-10">
        <p className="mb-6">In the words of young people who agreed to share their story. Names and anything that could identify them are left out.</p>
        {stories.length ? (
          stories.map((s) => (
            <article key={s.id} className="mb-8 border-l-8 border-brand pl-4" data-testid="impact-story">
              <h3 className="mb-1 text-2xl font-bold">{s.title}</h3>
              <p className="mb-2 text-gray-700">Published {formatDayKey(ukDayKey(new Date(s.publishedAt)))}</p>
              {s.body.split(/\n\s*\n/).map((para, i) => (
                <p key={i} className="mb-2">
                  {para}
                </p>
              ))}
            </article>
          ))
        ) : (
          <p>There are no stories yet.</p>
        )}
        <Pager
          page={page}
          pageCount={pages}
          to={(p) => `?page=${p}`}
          previous="Newer stories"
          next="Older stories"
          between={
            <p>
              Page {page} of {pages}
            </p>
          }
        />
      </Section>
    </div>
  );
}
