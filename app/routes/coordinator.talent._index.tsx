// The Talent Network search (coordinator): filter the active offers by skill, time, place and hours
// left, paged on the server. Opened from a request (?request=…), each offer can be linked to it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/forms";
import { Pager } from "~/components/layout";
import { Inset } from "~/components/pledge-ui";
import { offerSearchOf, offerSearchParams } from "~/domain/talent/search";
import { SKILLS, SKILL_KEYS, SLOTS, slotLabel } from "~/domain/talent/skills";
import { openRequestBrief, searchOffers } from "~/services/talent.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Talent Network – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["coordinator"]);
  const params = new URL(request.url).searchParams;
  const search = offerSearchOf(params);
  const requestId = params.get("request");
  const [results, forRequest] = await Promise.all([searchOffers(search), requestId ? openRequestBrief(requestId) : null]);
  return { search, results, forRequest };
}

const select = "block border-2 border-gray-900 p-2";

export default function TalentSearch() {
  const { search, results, forRequest } = useLoaderData<typeof loader>();
  const extra = { request: forRequest?.id ?? null };
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">Talent Network</h1>
      <ul className="mb-6 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link to="/coordinator/talent/requests" className="text-brand underline">
            Requests for help
          </Link>
        </li>
        <li>
          <Link to="/coordinator/talent/hours" className="text-brand underline">
            Hours to approve
          </Link>
        </li>
        <li>
          <Link to="/coordinator/talent/dbs" className="text-brand underline">
            Record a DBS check
          </Link>
        </li>
      </ul>
      {forRequest ? (
        <Inset testId="linking-for">
          <p>
            Linking a volunteer for {forRequest.youngPerson}&apos;s request ({forRequest.skills}, {forRequest.hoursPerMonth} hours a month).{" "}
            <Link to={`/coordinator/talent/requests/${forRequest.id}`} className="text-brand underline">
              Back to the request
            </Link>
          </p>
        </Inset>
      ) : null}
      <Form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Search offers">
        {forRequest ? <input type="hidden" name="request" value={forRequest.id} /> : null}
        <div>
          <label htmlFor="skill" className="mb-1 block font-bold">
            Skill
          </label>
          <select id="skill" name="skill" defaultValue={search.skill ?? ""} className={select}>
            <option value="">Any skill</option>
            {SKILL_KEYS.map((k) => (
              <option key={k} value={k}>
                {SKILLS[k]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="slot" className="mb-1 block font-bold">
            Free on
          </label>
          <select id="slot" name="slot" defaultValue={search.slot ?? ""} className={select}>
            <option value="">Any time</option>
            {SLOTS.map((s) => (
              <option key={s} value={s}>
                {slotLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="mode" className="mb-1 block font-bold">
            How
          </label>
          <select id="mode" name="mode" defaultValue={search.mode ?? ""} className={select}>
            <option value="">In person or online</option>
            <option value="in_person">Can meet in person</option>
            <option value="online">Can help online</option>
          </select>
        </div>
        <div>
          <label htmlFor="area" className="mb-1 block font-bold">
            Town or area
          </label>
          <input id="area" name="area" defaultValue={search.area} className="block w-48 border-2 border-gray-900 p-2" autoComplete="off" />
        </div>
        <div>
          <label htmlFor="hours" className="mb-1 block font-bold">
            Hours a month left, at least
          </label>
          <input id="hours" name="hours" inputMode="numeric" defaultValue={search.minHoursLeft || ""} className="block w-24 border-2 border-gray-900 p-2" />
        </div>
        <Button>Search</Button>
      </Form>
      <p className="mb-4" role="status">
        {results.total === 0
          ? "No active offers match."
          : `${results.total} ${results.total === 1 ? "offer" : "offers"}, most hours left first. Page ${results.page} of ${results.pages}.`}
      </p>
      {results.rows.length ? (
        <table className="mb-6 w-full border-collapse text-left" data-testid="offers">
          <caption className="sr-only">Active offers, most hours left first</caption>
          <thead>
            <tr className="border-b-2 border-gray-900">
              <th scope="col" className="py-2 pr-4">Volunteer</th>
              <th scope="col" className="py-2 pr-4">Offers</th>
              <th scope="col" className="py-2 pr-4">When</th>
              <th scope="col" className="py-2 pr-4">Where</th>
              <th scope="col" className="py-2 pr-4">Hours left a month</th>
              <th scope="col" className="py-2 pr-4">Checks</th>
              {forRequest ? <th scope="col" className="py-2">Link</th> : null}
            </tr>
          </thead>
          <tbody>
            {results.rows.map((o) => (
              <tr key={o.id} className="border-b border-gray-300 align-top">
                <td className="py-2 pr-4">
                  {o.volunteer}
                  {o.group ? <span className="block text-gray-700">{o.group}</span> : null}
                </td>
                <td className="py-2 pr-4">
                  {o.skills}
                  <span className="block text-gray-700">
                    {o.frequency}
                    {o.wouldMentor ? ", would like to mentor" : ""}
                  </span>
                </td>
                <td className="py-2 pr-4">{o.availability.join(", ") || "–"}</td>
                <td className="py-2 pr-4">{o.where}</td>
                <td className="py-2 pr-4">
                  {o.hoursLeft} of {o.hoursPerMonth}
                </td>
                <td className="py-2 pr-4">
                  {o.dbsClear ? "DBS clear" : "No clear DBS check"}
                  <span className="block text-gray-700">{o.managerApproved === true ? "Manager approved" : o.managerApproved === false ? "Manager said no" : "Manager not asked"}</span>
                </td>
                {forRequest ? (
                  <td className="py-2">
                    <Form method="post" action={`/coordinator/talent/requests/${forRequest.id}`}>
                      <input type="hidden" name="offerId" value={o.id} />
                      <input type="hidden" name="hoursPerMonth" value={forRequest.hoursPerMonth} />
                      <Button variant="secondary">
                        Link<span className="sr-only"> {o.volunteer}</span>
                      </Button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager page={results.page} pageCount={results.pages} to={(page) => offerSearchParams({ ...search, page }, extra) || "?"} />
    </>
  );
}
