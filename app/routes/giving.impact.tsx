// "My impact" (employee): what your own giving added up to in a financial year, and what the fund paid
// for in the same period (award figures suppressed, like every other page).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BackLink } from "~/components/pledge-ui";
import { formatShown, suppressionNote, type Shown } from "~/domain/impact/suppression";
import { financialYearOf } from "~/domain/impact/uk-months";
import { formatPence } from "~/domain/money";
import { myImpact, myImpactYears } from "~/services/my-impact.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "My impact – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["employee"]);
  const now = new Date();
  const years = myImpactYears(now);
  // ?year=2025 picks an earlier financial year; anything else shows this one.
  const parsed = z.coerce
    .number()
    .int()
    .refine((y) => years.includes(y))
    .safeParse(new URL(request.url).searchParams.get("year") ?? undefined);
  return await myImpact(user.id, parsed.success ? parsed.data : financialYearOf(now), now);
}

const shownPence = (value: Shown) => formatShown(value, formatPence);
const th = "py-2 pr-4";

export default function MyImpact() {
  const data = useLoaderData<typeof loader>();
  const { payroll, card, awards } = data;
  const parts = [
    payroll.totalPence > 0 ? `${formatPence(payroll.totalPence)} from your pay` : null,
    card.totalPence > 0 ? `${formatPence(card.totalPence)} by card` : null,
    card.giftAidPence > 0 ? `${formatPence(card.giftAidPence)} Gift Aid on your card gifts` : null,
  ].filter((p): p is string => p !== null);
  return (
    <>
      <BackLink to="/giving">Back to my giving</BackLink>
      <h1 className="mb-2 text-3xl font-bold">My impact</h1>
      <p className="mb-6 text-xl text-gray-700">
        {data.label}
        {data.current ? " (so far)" : ""}
      </p>

      <section aria-labelledby="your-giving" className="mb-10 max-w-3xl">
        <h2 id="your-giving" className="mb-4 text-2xl font-bold">
          Your giving
        </h2>
        {data.totalPence > 0 ? (
          <p className="mb-4 text-xl" data-testid="my-total">
            You gave <strong>{formatPence(data.totalPence)}</strong> to the fund: {parts.join(", ")}.
          </p>
        ) : (
          <p className="mb-4" data-testid="my-total">
            You have not given to the fund in this period yet.{" "}
            <Link to="/giving" className="text-brand underline">
              Give from your pay
            </Link>{" "}
            or{" "}
            <Link to="/donate" className="text-brand underline">
              give by card
            </Link>
            .
          </p>
        )}
        <p className="mb-4">
          Gifts from pay count once payroll has confirmed them, by pay day; card gifts count once paid, less any refund. Together, everyone gave the
          fund {formatPence(data.fundInPence)} in the same period.
        </p>
      </section>

      <section aria-labelledby="fund-paid-for" className="mb-10">
        <h2 id="fund-paid-for" className="mb-4 text-2xl font-bold">
          What the fund paid for
        </h2>
        {awards.total.count === 0 ? (
          <p className="mb-4">The fund has not paid any awards in this period yet.</p>
        ) : (
          <>
            <p className="mb-4 max-w-3xl" data-testid="fund-total">
              The fund paid {formatShown(awards.total.count)} awards to young people leaving care, {shownPence(awards.total.amountPence)} in all.
            </p>
            <table className="mb-4 w-full max-w-3xl border-collapse text-left" data-testid="awards-by-category">
              <caption className="mb-2 text-left font-bold">Awards paid, by what they were for</caption>
              <thead>
                <tr className="border-b-2 border-gray-900">
                  <th scope="col" className={th}>
                    What for
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Awards
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {awards.rows.map((r) => (
                  <tr key={r.category} className="border-b border-gray-300">
                    <th scope="row" className={`${th} font-normal`}>
                      {r.label}
                    </th>
                    <td className={`${th} text-right`}>{formatShown(r.count)}</td>
                    <td className={`${th} text-right`}>{shownPence(r.amountPence)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" className={th}>
                    Total
                  </th>
                  <td className={`${th} text-right font-bold`}>{formatShown(awards.total.count)}</td>
                  <td className={`${th} text-right font-bold`}>{shownPence(awards.total.amountPence)}</td>
                </tr>
              </tfoot>
            </table>
            <p className="mb-4 max-w-3xl text-gray-700">{suppressionNote(data.threshold)}</p>
          </>
        )}
        <p>
          <Link to="/impact" className="text-brand underline">
            See the fund&apos;s impact: stories and figures
          </Link>
        </p>
      </section>

      <nav aria-labelledby="other-years">
        <h2 id="other-years" className="mb-2 text-xl font-bold">
          Other years
        </h2>
        <ul className="flex flex-wrap gap-6">
          {data.years
            .filter((y) => y.year !== data.year)
            .map((y) => (
              <li key={y.year}>
                <Link to={`/giving/impact?year=${y.year}`} className="text-brand underline">
                  {y.label}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
    </>
  );
}
