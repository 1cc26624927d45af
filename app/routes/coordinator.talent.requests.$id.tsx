// One request for help (coordinator): what is asked, the suggested short-list (score and reasons),
// the offers the rules refuse (with the reasons, plainly), and linking. Viewing it is audited.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/forms";
import { formatDay } from "~/components/application-ui";
import { BackLink, Inset, SummaryList } from "~/components/pledge-ui";
import { GENDERS, REQUEST_STATUSES, isGender } from "~/domain/talent/forms";
import { linkSchema } from "~/domain/talent/search";
import { LinkRefusedError, TalentNotFoundError, linkRequest, requestForCoordinator } from "~/services/talent.server";
import { TalentError } from "~/services/talent-links.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Request for help – Helping Hands" }];

const notFound = () => new Response("Not found", { status: 404, statusText: "Not Found" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  try {
    return { page: await requestForCoordinator(params.id ?? "", actorOf(user)) };
  } catch (error) {
    if (error instanceof TalentNotFoundError) throw notFound();
    throw error;
  }
}

type ActionData = { problems: string[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  const id = params.id ?? "";
  const form = await request.formData();
  const parsed = linkSchema.safeParse({ offerId: String(form.get("offerId") ?? ""), hoursPerMonth: String(form.get("hoursPerMonth") ?? "") });
  if (!parsed.success) return json<ActionData>({ problems: parsed.error.issues.map((i) => i.message) }, { status: 400 });
  try {
    await linkRequest(actorOf(user), id, parsed.data.offerId, parsed.data.hoursPerMonth);
  } catch (error) {
    if (error instanceof TalentNotFoundError) throw notFound();
    if (error instanceof LinkRefusedError) return json<ActionData>({ problems: error.refusals }, { status: 409 });
    if (error instanceof TalentError) return json<ActionData>({ problems: [error.message] }, { status: 409 });
    throw error;
  }
  const cookie = await setFlash(request, { kind: "success", message: "Linked. The volunteer and the young person have been emailed." });
  return redirect(`/coordinator/talent/requests/${id}`, { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function TalentRequest() {
  const { page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const preference = [page.preferredGender && isGender(page.preferredGender) ? `${GENDERS[page.preferredGender]} volunteer` : null, page.otherPreferences].filter(Boolean).join(". ");
  return (
    <div className="max-w-5xl">
      <BackLink to="/coordinator/talent/requests">Back to requests</BackLink>
      <ErrorSummary title="This offer cannot be linked" items={(result?.problems ?? []).map((text) => ({ href: "#shortlist-heading", text }))} />
      <h1 className="mb-2 text-3xl font-bold">Request for help from {page.youngPerson}</h1>
      <p className="mb-6">Status: {REQUEST_STATUSES[page.status]}</p>
      <SummaryList
        testId="request"
        rows={[
          { key: "Young person", value: page.youngPerson },
          { key: "Asked by", value: page.madeBy ? `${page.madeBy} (personal adviser)` : "The young person" },
          { key: "Help with", value: page.skills },
          { key: "In their words", value: <span className="whitespace-pre-line">{page.details}</span> },
          { key: "When suits them", value: page.availability.join(", ") || "–" },
          { key: "Where", value: page.where },
          { key: "Hours a month", value: String(page.hoursPerMonth) },
          { key: "Preferences", value: preference || "None" },
          { key: "Under 18", value: page.under18 ? "Yes: only a volunteer with a clear DBS check" : "No" },
          { key: "Asked on", value: formatDay(page.createdAt) },
        ]}
      />

      {page.links.length ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Links</h2>
          <ul className="mb-8 list-disc pl-6" data-testid="links">
            {page.links.map((l) => (
              <li key={l.id}>
                <Link to={`/coordinator/talent/links/${l.id}`} className="text-brand underline">
                  {l.volunteer}
                  {l.group ? ` (${l.group})` : ""}
                </Link>
                , {l.hoursPerMonth} hours a month, linked {formatDay(l.createdAt)} ({l.status})
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {page.status === "open" ? (
        <>
          <h2 id="shortlist-heading" className="mb-2 text-2xl font-bold">
            Suggested volunteers
          </h2>
          <p className="mb-4">
            Best first: skills asked for (up to 60), times that suit both (up to 30), and place (10 for online or the same town). Only offers every rule allows are
            suggested.{" "}
            <Link to={`/coordinator/talent?request=${page.id}`} className="text-brand underline">
              Search all offers for this request
            </Link>
          </p>
          {page.suggested.length ? (
            <table className="mb-8 w-full border-collapse text-left" data-testid="shortlist">
              <caption className="sr-only">Suggested volunteers, best first</caption>
              <thead>
                <tr className="border-b-2 border-gray-900">
                  <th scope="col" className="py-2 pr-4">Volunteer</th>
                  <th scope="col" className="py-2 pr-4">Offers</th>
                  <th scope="col" className="py-2 pr-4">Score</th>
                  <th scope="col" className="py-2 pr-4">Why</th>
                  <th scope="col" className="py-2 pr-4">Hours left a month</th>
                  <th scope="col" className="py-2">Link</th>
                </tr>
              </thead>
              <tbody>
                {page.suggested.map((s) => (
                  <tr key={s.offerId} className="border-b border-gray-300 align-top">
                    <td className="py-2 pr-4">
                      {s.volunteer}
                      {s.group ? <span className="block text-gray-700">{s.group}</span> : null}
                    </td>
                    <td className="py-2 pr-4">
                      {s.skills}
                      <span className="block text-gray-700">{s.where}</span>
                    </td>
                    <td className="py-2 pr-4">{s.score}</td>
                    <td className="py-2 pr-4">
                      <ul className="list-disc pl-4">
                        {s.reasons.map((r) => (
                          <li key={r}>{r}</li>
                        ))}
                      </ul>
                    </td>
                    <td className="py-2 pr-4">{s.hoursLeft}</td>
                    <td className="py-2">
                      <Form method="post">
                        <input type="hidden" name="offerId" value={s.offerId} />
                        <input type="hidden" name="hoursPerMonth" value={page.hoursPerMonth} />
                        <Button>
                          Link<span className="sr-only"> {s.volunteer}</span>
                        </Button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <Inset testId="no-suggestions">
              <p>No offer meets every rule for this request yet. Search all offers, or see below why offers with a matching skill cannot be linked.</p>
            </Inset>
          )}

          {page.refused.length ? (
            <>
              <h2 className="mb-2 text-2xl font-bold">Offers with a matching skill that cannot be linked</h2>
              <ul className="mb-8 space-y-4" data-testid="refused">
                {page.refused.map((r) => (
                  <li key={r.offerId} className="border-l-4 border-gray-400 pl-4">
                    <p className="font-bold">
                      {r.volunteer}
                      {r.group ? ` (${r.group})` : ""}: {r.skills}, {r.hoursLeft} hours a month left
                    </p>
                    <ul className="list-disc pl-6">
                      {r.refusals.map((text) => (
                        <li key={text}>{text}</li>
                      ))}
                    </ul>
                    {r.needsDbs ? (
                      <p>
                        <Link to={`/coordinator/talent/dbs?user=${r.volunteerId}`} className="text-brand underline">
                          Record a DBS check<span className="sr-only"> for {r.volunteer}</span>
                        </Link>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
