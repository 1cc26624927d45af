// Public: the campaigns anyone can give to, and those that closed recently.
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CampaignProgress } from "~/components/progress";
import { publicCampaigns } from "~/services/campaigns.server";

export const meta: MetaFunction = () => [{ title: "Campaigns – Helping Hands" }];

// Public.
export async function loader() {
  return { campaigns: await publicCampaigns(new Date()) };
}

export default function Campaigns() {
  const { campaigns } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">Campaigns</h1>
      <p className="mb-6 max-w-2xl">
        Give to something specific for the children in our care and our care leavers, or{" "}
        <Link to="/donate" className="text-brand underline">
          give to the fund
        </Link>{" "}
        where it is needed most.
      </p>
      {campaigns.length === 0 ? <p>There are no campaigns at the moment.</p> : null}
      <ul className="space-y-8">
        {campaigns.map((c) => (
          <li key={c.id} className="border-t-4 border-brand pt-4">
            <h2 className="mb-2 text-2xl font-bold">
              <Link to={`/campaigns/${c.slug}`} className="text-brand underline">
                {c.title}
              </Link>
            </h2>
            <p className="mb-2 font-bold">{c.state === "open" ? "Open for gifts" : c.state === "not_started" ? "Not open for gifts yet" : "Closed: this campaign takes no more gifts"}</p>
            {c.progress ? <CampaignProgress progress={c.progress} title={c.title} headingLevel={3} /> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
