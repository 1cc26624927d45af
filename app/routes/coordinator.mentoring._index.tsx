// The mentoring pilot's cohorts (coordinator): each with its start, length, status, mentors who applied
// and were selected, and young people; a link to set up a new one.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDay } from "~/components/application-ui";
import { CohortStatusTag } from "~/components/mentoring-ui";
import { cohortList } from "~/services/mentoring-cohorts.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Mentoring cohorts – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  return { cohorts: await cohortList(actorOf(user)) };
}

export default function MentoringCohorts() {
  const { cohorts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">Mentoring cohorts</h1>
      <p className="mb-6 max-w-3xl">
        Each cohort of the mentoring pilot runs for 6 to 10 weeks. Employees apply to mentor while it is recruiting; you shortlist, interview and select them, record
        their training and DBS check, and match them with young people.
      </p>
      <p className="mb-8">
        <Link to="/coordinator/mentoring/new" className="inline-block bg-success px-4 py-2 font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-green-900">
          Set up a cohort
        </Link>
      </p>
      {cohorts.length ? (
        <table className="mb-6 w-full border-collapse text-left" data-testid="cohorts">
          <caption className="sr-only">Cohorts, the latest start first</caption>
          <thead>
            <tr className="border-b-2 border-gray-900">
              <th scope="col" className="py-2 pr-4">Cohort</th>
              <th scope="col" className="py-2 pr-4">Starts</th>
              <th scope="col" className="py-2 pr-4">Weeks</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2 pr-4">Mentors applied</th>
              <th scope="col" className="py-2 pr-4">Mentors selected</th>
              <th scope="col" className="py-2">Young people</th>
            </tr>
          </thead>
          <tbody>
            {cohorts.map((c) => (
              <tr key={c.id} className="border-b border-gray-300">
                <td className="py-2 pr-4">
                  <Link to={`/coordinator/mentoring/${c.id}`} className="text-brand underline">
                    {c.name}
                  </Link>
                </td>
                <td className="py-2 pr-4">{formatDay(c.startsOn)}</td>
                <td className="py-2 pr-4">{c.weeks}</td>
                <td className="py-2 pr-4">
                  <CohortStatusTag status={c.status} />
                </td>
                <td className="py-2 pr-4">{c.mentorsApplied}</td>
                <td className="py-2 pr-4">{c.mentorsSelected}</td>
                <td className="py-2">
                  {c.youngPeople} of {c.capacity} places
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No cohorts yet. Set one up to start recruiting mentors.</p>
      )}
    </>
  );
}
