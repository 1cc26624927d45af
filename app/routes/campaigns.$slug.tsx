// Public: one campaign: its story, progress, and a way to give while it is open.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CampaignProgress } from "~/components/progress";
import { publicCampaign } from "~/services/campaigns.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.campaign.title ?? "Campaign not found"} – Helping Hands` }];

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

// Public; drafts are not found.
export async function loader({ params }: LoaderFunctionArgs) {
  const campaign = await publicCampaign(params.slug ?? "", new Date());
  if (!campaign) throw new Response("Campaign not found", { status: 404 });
  return { campaign };
}

export default function CampaignPage() {
  const { campaign: c } = useLoaderData<typeof loader>();
  return (
    <article className="max-w-3xl">
      <p className="mb-4">
        <Link to="/campaigns" className="text-brand underline">
          All campaigns
        </Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">{c.title}</h1>
      {c.imagePath ? <img src={c.imagePath} alt={c.imageAlt ?? ""} className="mb-6 max-h-80 w-full object-cover" /> : null}
      <div className="mb-6 space-y-4" data-testid="campaign-story">
        {c.story.split(/\n{2,}/).map((para, i) => (
          <p key={i}>{para}</p>
        ))}
      </div>
      {c.progress ? <CampaignProgress progress={c.progress} title={c.title} /> : null}
      <div className="mb-6" data-testid="campaign-state">
        {c.state === "open" ? (
          <>
            <p className="mb-4">
              Open for gifts{c.endsOn ? ` until ${DAY.format(new Date(c.endsOn))}` : ""}.
            </p>
            <Link to={`/donate?campaign=${encodeURIComponent(c.slug)}`} className="inline-block bg-success px-4 py-2 font-bold text-white no-underline">
              Give to this campaign
            </Link>
          </>
        ) : c.state === "not_started" ? (
          <p className="font-bold">This campaign opens for gifts on {DAY.format(new Date(c.startsOn))}.</p>
        ) : (
          <p className="font-bold">
            This campaign is closed and takes no more gifts. Thank you to everyone who gave. You can still{" "}
            <Link to="/donate" className="text-brand underline">
              give to the fund
            </Link>
            .
          </p>
        )}
      </div>
      {c.supporters.length ? (
        <section aria-labelledby="supporters">
          <h2 id="supporters" className="mb-2 text-2xl font-bold">
            Recent supporters
          </h2>
          <ul className="list-disc pl-6" data-testid="supporters">
            {c.supporters.map((name, i) => (
              <li key={i}>{name}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
