// The coordinator's campaigns: every campaign with its state and progress.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatPence } from "~/domain/money";
import { coordinatorCampaigns } from "~/services/campaigns.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Manage campaigns – Helping Hands" }];

const STATUS_WORDS: Record<string, string> = { draft: "Draft", open: "Open", closed: "Closed" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["coordinator"]);
  return { campaigns: await coordinatorCampaigns(new Date()) };
}

export default function CoordinatorCampaigns() {
  const { campaigns } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">Manage campaigns</h1>
      <p className="mb-6">
        <Link to="/coordinator/campaigns/new" className="inline-block bg-success px-4 py-2 font-bold text-white no-underline">
          Create a campaign
        </Link>
      </p>
      {campaigns.length === 0 ? (
        <p>There are no campaigns yet.</p>
      ) : (
        <table className="w-full border-collapse text-left" data-testid="campaigns-table">
          <caption className="sr-only">Campaigns, newest first</caption>
          <thead>
            <tr className="border-b-2 border-gray-900">
              <th scope="col" className="py-2 pr-4">Campaign</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2 pr-4">Raised</th>
              <th scope="col" className="py-2">Donors</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id} className="border-b border-gray-300">
                <td className="py-2 pr-4">
                  <Link to={`/coordinator/campaigns/${c.id}`} className="text-brand underline">
                    {c.title}
                  </Link>
                </td>
                <td className="py-2 pr-4">{STATUS_WORDS[c.status] ?? c.status}</td>
                <td className="py-2 pr-4">{c.progress ? `${formatPence(c.progress.raisedPence)} of ${formatPence(c.progress.targetPence)}` : "—"}</td>
                <td className="py-2">{c.progress?.donors ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
