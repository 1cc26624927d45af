// Giving time (employee): my offers of time, my groups, and the young people linked with me, with the hours logged.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hoursText } from "~/components/time-offer-ui";
import { myGivingTime } from "~/services/time-offers.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Giving time – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["employee"]);
  return await myGivingTime(actorOf(user));
}

const LINK_STATUS: Record<string, string> = { active: "Active", completed: "Completed", ended: "Ended" };

export default function GivingTime() {
  const { offers, groups, links, managerApprovalRequired } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">Giving time</h1>
      <p className="mb-4 max-w-3xl">
        Offer your time and skills to care leavers: CV help, interview practice, cooking, IT and more. The programme coordinator links you with a
        young person who has asked for that help, and tells you both by email.
      </p>
      <p className="mb-8 flex flex-wrap gap-4">
        <Link to="/giving-time/offer/new" className="inline-block bg-success px-4 py-2 font-bold text-white no-underline">
          Offer your time
        </Link>
        <Link to="/giving-time/groups/new" className="inline-block self-center text-brand underline">
          Set up a group for your team
        </Link>
      </p>

      <h2 className="mb-4 text-2xl font-bold">Your offers</h2>
      {offers.length === 0 ? (
        <p className="mb-8">You have not offered any time yet.</p>
      ) : (
        <table className="mb-8 w-full border-collapse text-left" data-testid="offers-table">
          <caption className="sr-only">Your offers, newest first</caption>
          <thead>
            <tr className="border-b-2 border-gray-900">
              <th scope="col" className="py-2 pr-4">What</th>
              <th scope="col" className="py-2 pr-4">Hours a month</th>
              <th scope="col" className="py-2 pr-4">Where</th>
              <th scope="col" className="py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {offers.map((o) => (
              <tr key={o.id} className="border-b border-gray-300">
                <td className="py-2 pr-4">
                  <Link to={`/giving-time/offer/${o.id}`} className="text-brand underline">
                    {o.skills || "Your offer"}
                  </Link>
                  {o.groupName ? <span className="block text-gray-700">For {o.groupName}</span> : null}
                </td>
                <td className="py-2 pr-4">
                  {o.hoursPerMonth} ({o.hoursLinked} linked)
                </td>
                <td className="py-2 pr-4">{o.where}</td>
                <td className="py-2">
                  {o.statusLabel}
                  {managerApprovalRequired && o.status !== "withdrawn" && o.managerApproved !== true ? (
                    <span className="block text-gray-700">Waiting for your manager's approval</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="mb-4 text-2xl font-bold">Young people you are linked with</h2>
      {links.length === 0 ? (
        <p className="mb-8">Nobody yet. The coordinator will email you when they link you with a young person.</p>
      ) : (
        <table className="mb-8 w-full border-collapse text-left" data-testid="links-table">
          <caption className="sr-only">Your links, newest first</caption>
          <thead>
            <tr className="border-b-2 border-gray-900">
              <th scope="col" className="py-2 pr-4">Young person</th>
              <th scope="col" className="py-2 pr-4">Help</th>
              <th scope="col" className="py-2 pr-4">Hours approved</th>
              <th scope="col" className="py-2 pr-4">Waiting for approval</th>
              <th scope="col" className="py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.id} className="border-b border-gray-300">
                <td className="py-2 pr-4">
                  <Link to={`/giving-time/links/${l.id}`} className="text-brand underline">
                    {l.youngPersonFirstName}
                  </Link>
                </td>
                <td className="py-2 pr-4">{l.help}</td>
                <td className="py-2 pr-4">{hoursText(l.approvedMinutes)}</td>
                <td className="py-2 pr-4">{hoursText(l.pendingMinutes)}</td>
                <td className="py-2">{LINK_STATUS[l.status] ?? l.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="mb-4 text-2xl font-bold">Your groups</h2>
      {groups.length === 0 ? (
        <p>You are not the contact for a group. A team or service can offer time together, like a library team offering its design equipment.</p>
      ) : (
        <ul className="list-disc space-y-2 pl-6" data-testid="groups">
          {groups.map((g) => (
            <li key={g.id}>
              <span className="font-bold">{g.name}</span>: {g.description}{" "}
              <Link to={`/giving-time/offer/new?group=${g.id}`} className="text-brand underline">
                Make an offer for {g.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
