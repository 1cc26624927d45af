// Pay periods per pay group, for finance: cut-off, pay date, giving mode and whether locked.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ColumnHeads, PeriodRowHeader, Section } from "~/components/finance-ui";
import { formatDay } from "~/domain/payroll/periods";
import { ensurePeriods } from "~/services/pay-periods.server";
import { periodsOverview, type PeriodStatus } from "~/services/payroll-files.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Pay periods – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["finance"]);
  const now = new Date();
  // Idempotent top-up, so there are always periods ahead to look at and pledge into.
  await ensurePeriods(now);
  return { groups: await periodsOverview(now) };
}

const STATUS_WORDS: Record<PeriodStatus, string> = { locked: "Locked", cut_off_passed: "Cut-off passed", open: "Open" };
const FREQUENCY_WORDS: Record<string, string> = { monthly: "monthly", four_weekly: "every four weeks", weekly: "weekly" };
const day = (iso: string) => formatDay(new Date(iso));
const cutOffDay = (iso: string) => formatDay(new Date(new Date(iso).getTime() - 86_400_000));

export default function PayPeriods() {
  const { groups } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="mb-2">
        <Link to="/finance" className="text-brand underline">
          Finance dashboard
        </Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">Pay periods</h1>
      <p className="mb-8">
        Changes employees make by a period&apos;s cut-off take effect in that period, unless it is locked. Downloading a payroll
        file locks the period.
      </p>
      {groups.map((group) => (
        <Section key={group.id} id={`group-${group.id}`} title={group.name} className="mb-10" headingSpacing="mb-2">
          <p className="mb-4 text-gray-700">Paid {FREQUENCY_WORDS[group.frequency] ?? group.frequency}.</p>
          {group.periods.length ? (
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left" data-testid={`periods-${group.frequency}`}>
                <caption className="sr-only">Pay periods of {group.name}</caption>
                <ColumnHeads
                  headings={["Period", "Changes in by", "Pay date", "Giving mode", "Status"]}
                  cellClassName="border-b-2 border-gray-900 py-2 pr-4"
                />
                <tbody>
                  {group.periods.map((p) => (
                    <tr key={p.id} data-status={p.status}>
                      <PeriodRowHeader period={p} />
                      <td className="border-b border-gray-300 py-2 pr-4">{cutOffDay(p.cutOffAt)}</td>
                      <td className="border-b border-gray-300 py-2 pr-4">{day(p.payDate)}</td>
                      <td className="border-b border-gray-300 py-2 pr-4">{p.givingMode === "payroll_giving" ? "Payroll Giving" : "Net pay"}</td>
                      <td className="border-b border-gray-300 py-2 pr-4">
                        {p.status === "locked" ? <strong>{STATUS_WORDS[p.status]}</strong> : STATUS_WORDS[p.status]}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>This pay group has no periods yet.</p>
          )}
        </Section>
      ))}
    </>
  );
}
