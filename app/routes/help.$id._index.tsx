// One request for help, as its young person and their adviser see it: the status, what was asked, and
// who is helping (the volunteer's first name and the group's name only). Anyone else gets 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatDay } from "~/components/application-ui";
import { Button, ErrorSummary } from "~/components/forms";
import { BackLink, Inset, SummaryList } from "~/components/pledge-ui";
import { closeRequest, requestForApplicant } from "~/services/help-requests.server";
import { GivingTimeError, orNotFound } from "~/services/time-offers.server";
import { requireSignedIn } from "~/utils/application-steps.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Request for help – Helping Hands" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireSignedIn(request);
  return await orNotFound(requestForApplicant(actor, params.id ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireSignedIn(request);
  const id = params.id ?? "";
  try {
    await orNotFound(closeRequest(actor, id));
  } catch (error) {
    if (error instanceof GivingTimeError) return json({ message: error.message }, { status: 409 });
    throw error;
  }
  const cookie = await setFlash(request, { kind: "success", message: "The request is closed." });
  return redirect(`/help/${id}`, { status: 303, headers: { "Set-Cookie": cookie } });
}

const LINK_STATUS: Record<string, string> = { active: "Helping now", completed: "Completed", ended: "Ended" };

export default function HelpRequestPage() {
  const r = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="max-w-3xl">
      <BackLink to="/help">Back to requests for help</BackLink>
      {result ? <ErrorSummary items={[{ href: "#close", text: result.message }]} /> : null}
      <h1 className="mb-4 text-3xl font-bold">{r.isYoungPerson ? "Your request for help" : `${r.youngPersonFirstName}'s request for help`}</h1>
      <p className="mb-6">
        Status: <strong data-testid="request-status">{r.statusLabel}</strong>
      </p>
      <h2 className="mb-4 text-2xl font-bold">Who is helping</h2>
      {r.links.length === 0 ? (
        <p className="mb-8">Nobody yet. The programme coordinator is looking for a volunteer and will email when they find one.</p>
      ) : (
        <ul className="mb-8 space-y-4" data-testid="links">
          {r.links.map((l) => (
            <li key={l.id}>
              <Inset>
                <p className="font-bold">
                  {l.volunteerFirstName}
                  {l.groupName ? ` from ${l.groupName}` : ""}
                </p>
                <p>Offers: {l.offers}</p>
                <p>{LINK_STATUS[l.status] ?? l.status}</p>
                {l.status === "completed" ? (
                  <p className="mt-2">
                    <Link to={`/help/${r.id}/feedback`} className="text-brand underline">
                      Tell us how it went
                    </Link>
                  </p>
                ) : null}
              </Inset>
            </li>
          ))}
        </ul>
      )}
      <h2 className="mb-4 text-2xl font-bold">What was asked</h2>
      <SummaryList
        testId="request"
        rows={[
          { key: "Help with", value: r.help },
          { key: "More about it", value: <span className="whitespace-pre-line">{r.details}</span> },
          { key: "When", value: r.when },
          { key: "Where", value: r.where },
          { key: "Hours a month", value: String(r.hoursPerMonth) },
          { key: "Volunteer", value: r.preferredGender ? `${r.preferredGender} volunteer` : "It does not matter" },
          ...(r.otherPreferences ? [{ key: "Anything else", value: r.otherPreferences }] : []),
          { key: "Under 18", value: r.under18 ? "Yes" : "No" },
          { key: "Asked on", value: formatDay(r.createdAt) },
        ]}
      />
      {r.status === "open" ? (
        <Form method="post">
          <Button id="close" variant="secondary">
            We no longer need this help
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
