// The finance dashboard: who gives, what each period totals (a small trend chart with the same
// figures as a table), and what changes this period.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ColumnHeads, PeriodRowHeader, Section } from "~/components/finance-ui";
import { formatPence } from "~/domain/money";
import { CHANGE_KINDS } from "~/domain/payroll/changefile";
import { financeDashboard, type FinanceDashboard } from "~/services/finance-dashboard.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Finance – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["finance"]);
  return await financeDashboard(new Date());
}

type Trend = FinanceDashboard["payGroups"][number]["trend"];
type TrendPoint = Omit<Trend[number], "startsOn"> & { startsOn: string };

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function shortLabel(startsOn: string, frequency: string): string {
  const d = new Date(startsOn);
  return frequency === "monthly" ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** A server-rendered bar chart of the total per period; the table after it holds the same figures. */
function TrendChart({ id, groupName, frequency, points }: { id: string; groupName: string; frequency: string; points: TrendPoint[] }) {
  const width = 640;
  const height = 240;
  const top = 28;
  const bottom = 40;
  const plot = height - top - bottom;
  const max = Math.max(1, ...points.map((p) => p.totalPence));
  const slot = width / Math.max(1, points.length);
  const barWidth = Math.min(70, slot * 0.6);
  const titleId = `chart-${id}-title`;
  const descId = `chart-${id}-desc`;
  return (
    <svg
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${width} ${height}`}
      className="mb-4 h-auto w-full max-w-2xl"
      data-testid={`trend-chart-${frequency}`}
    >
      <title id={titleId}>{`Total given per pay period, ${groupName}`}</title>
      <desc id={descId}>
        {`${points.map((p) => `${shortLabel(p.startsOn, frequency)}: ${formatPence(p.totalPence)}`).join("; ")}. The table below has the same figures.`}
      </desc>
      <line x1={0} x2={width} y1={top + plot} y2={top + plot} stroke="#0b0c0c" strokeWidth={2} />
      {points.map((p, i) => {
        const h = Math.round((p.totalPence / max) * plot);
        const x = i * slot + (slot - barWidth) / 2;
        const y = top + plot - h;
        return (
          <g key={p.id}>
            <rect
              x={x}
              y={y}
              width={barWidth}
              height={h}
              fill={p.isUpcoming ? "#ffffff" : "#1d4f91"}
              stroke="#1d4f91"
              strokeWidth={3}
              strokeDasharray={p.isUpcoming ? "6 4" : undefined}
            />
            <text x={x + barWidth / 2} y={y - 8} textAnchor="middle" fontSize={14} fill="#0b0c0c">
              {formatPence(p.totalPence)}
            </text>
            <text
              x={x + barWidth / 2}
              y={top + plot + 22}
              textAnchor="middle"
              fontSize={14}
              fill="#0b0c0c"
              fontWeight={p.isCurrent ? "bold" : "normal"}
            >
              {shortLabel(p.startsOn, frequency)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export default function FinanceHome() {
  const { participants, activePledges, pausedPledges, changesThisPeriod, payGroups } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">Finance</h1>
      <ul className="mb-8 list-disc pl-6">
        <li>
          <Link to="/finance/periods" className="text-brand underline">
            Pay periods and payroll files
          </Link>
        </li>
        <li>
          <Link to="/finance/awards" className="text-brand underline">
            Awards to pay
          </Link>
        </li>
      </ul>

      <Section id="at-a-glance" title="At a glance" className="mb-10">
        <dl className="grid max-w-3xl grid-cols-1 gap-4 sm:grid-cols-3">
          <div className="border-l-8 border-brand bg-gray-100 p-4">
            <dt className="font-bold">Participants</dt>
            <dd className="text-3xl font-bold" data-testid="participants">
              {participants}
            </dd>
            <dd className="text-gray-700">
              giving this period; {activePledges} active {activePledges === 1 ? "pledge" : "pledges"}
              {pausedPledges ? `, ${pausedPledges} paused` : ""}
            </dd>
          </div>
          <div className="border-l-8 border-brand bg-gray-100 p-4 sm:col-span-2">
            <dt className="font-bold">Changes this period</dt>
            <dd data-testid="changes-this-period">
              {CHANGE_KINDS.map((k) => `${changesThisPeriod[k]} ${k}`).join(", ")}
            </dd>
            <dd className="text-gray-700">NEW starts, CHANGE of amount, STOP (stops and pauses), across all pay groups</dd>
          </div>
        </dl>
      </Section>

      {payGroups.map((g) => (
        <Section key={g.id} id={`trend-${g.id}`} title={g.name} className="mb-10" headingSpacing="mb-2">
          {g.current ? (
            <p className="mb-4">
              This period ({g.current.label}): {g.current.participants} giving, {formatPence(g.current.totalPence)} in total;{" "}
              {CHANGE_KINDS.map((k) => `${g.current!.changes[k]} ${k}`).join(", ")}.{" "}
              <Link to={`/finance/periods/${g.current.id}`} className="text-brand underline">
                Open {g.current.label}
                <span className="sr-only"> ({g.name})</span>
              </Link>
            </p>
          ) : (
            <p className="mb-4">No pay period has started yet for this pay group.</p>
          )}
          {g.trend.length ? (
            <>
              <TrendChart id={g.id} groupName={g.name} frequency={g.frequency} points={g.trend} />
              <table className="w-full max-w-2xl border-collapse text-left">
                <caption className="mb-2 text-left font-bold">Total per pay period, {g.name} (upcoming periods as pledged so far)</caption>
                <ColumnHeads headings={["Period", "Participants", "Total"]} cellClassName="border-b-2 border-gray-900 py-2 pr-4" />
                <tbody>
                  {g.trend.map((p) => (
                    <tr key={p.id}>
                      <PeriodRowHeader period={p}>{p.isCurrent ? " (this period)" : p.isUpcoming ? " (upcoming)" : ""}</PeriodRowHeader>
                      <td className="border-b border-gray-300 py-2 pr-4">{p.participants}</td>
                      <td className="border-b border-gray-300 py-2 pr-4">{formatPence(p.totalPence)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </Section>
      ))}
    </>
  );
}
