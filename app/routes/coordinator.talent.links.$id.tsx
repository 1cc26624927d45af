// One link for the coordinator: both sides, the hours, sharing the young person's contact details with
// the volunteer (an explicit, recorded step), completing or ending the link, and both sides' feedback.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/forms";
import { BackLink, SummaryList, Warning } from "~/components/pledge-ui";
import { FeedbackGiven, HoursTable } from "~/components/talent-hours-ui";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { LINK_STATUS_LABELS, formatHours } from "~/domain/talent/hours";
import { notFound } from "~/services/applications.server";
import { TalentError, closeLink, linkForCoordinator, shareContactDetails } from "~/services/talent-links.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Link – Talent Network – Helping Hands" }];

async function load(request: Request, id: string | undefined) {
  const user = await requireRole(request, ["coordinator"]);
  const actor = { userId: user.id, roles: user.roles };
  const link = await linkForCoordinator(id ?? "", actor);
  if (!link) throw notFound();
  return { actor, link };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { link } = await load(request, params.id);
  return { link };
}

const MESSAGES = {
  share: "Contact details shared. The volunteer can now see the young person's name and email on their link page.",
  complete: "The link is marked as completed. Both sides can now leave feedback.",
  end: "The link has ended. Its hours are free on the offer again, and the request is open unless another link is active.",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, link } = await load(request, params.id);
  const intent = String((await request.formData()).get("intent") ?? "");
  if (!(intent in MESSAGES)) return json({ error: "Choose what to do with this link." }, { status: 400 });
  try {
    if (intent === "share") await shareContactDetails(link.id, actor);
    else await closeLink(link.id, intent === "complete" ? "completed" : "ended", actor);
  } catch (error) {
    if (!(error instanceof TalentError)) throw error;
    return json({ error: error.message }, { status: 409 });
  }
  return redirect(`/coordinator/talent/links/${link.id}`, {
    status: 303,
    headers: { "Set-Cookie": await setFlash(request, { kind: "success", message: MESSAGES[intent as keyof typeof MESSAGES] }) },
  });
}

const day = (iso: string | null) => (iso ? formatDayKey(ukDayKey(new Date(iso))) : "Not yet");

export default function CoordinatorLink() {
  const { link } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const side = (s: string) => link.feedback.find((f) => f.side === s) ?? null;
  const volunteerFeedback = side("volunteer");
  const youngFeedback = side("young_person");
  return (
    <div className="max-w-3xl">
      <BackLink to="/coordinator/talent/hours">Back to hours</BackLink>
      <ErrorSummary errors={{ actions: data?.error }} />
      <h1 className="mb-6 text-3xl font-bold">
        {link.volunteer?.name ?? "Volunteer"} helping {link.youngPerson?.name ?? "a young person"}
      </h1>
      <SummaryList
        testId="link-summary"
        rows={[
          { key: "Status", value: LINK_STATUS_LABELS[link.status] ?? link.status },
          { key: "Linked on", value: day(link.linkedAt) },
          ...(link.status !== "active" ? [{ key: link.status === "completed" ? "Completed on" : "Ended on", value: day(link.completedAt) }] : []),
          { key: "Volunteer", value: `${link.volunteer?.name ?? ""}${link.groupName ? ` (for ${link.groupName})` : ""}, ${link.volunteer?.email ?? ""}` },
          { key: "Young person", value: `${link.youngPerson?.name ?? ""}, ${link.youngPerson?.email ?? ""}${link.under18 ? " (under 18)" : ""}` },
          { key: "What help", value: [link.request.skills.join(", "), link.request.details].filter(Boolean).join(". ") },
          { key: "When", value: link.request.availability.join(", ") || "To agree" },
          { key: "Where", value: link.request.where },
          { key: "Hours a month", value: formatHours(link.hoursPerMonth * 60) },
          { key: "Contact details shared with the volunteer", value: link.contactSharedAt ? day(link.contactSharedAt) : "No" },
        ]}
      />
      <p className="mb-6">
        <Link to={`/coordinator/talent/requests/${link.requestId}`} className="text-brand underline">
          See the request
        </Link>
      </p>

      {link.status === "active" ? (
        <section aria-labelledby="actions-heading" id="actions" className="mb-8">
          <h2 id="actions-heading" className="mb-4 text-2xl font-bold">
            What to do next
          </h2>
          {link.contactSharedAt ? null : (
            <Form method="post" className="mb-6">
              <Warning>
                Until you share them, the volunteer sees only the young person&rsquo;s first name. Sharing shows them the young person&rsquo;s full name and
                email address, and cannot be undone.
              </Warning>
              <Button name="intent" value="share">
                Share contact details with the volunteer
              </Button>
            </Form>
          )}
          <Form method="post" className="flex flex-wrap gap-4">
            <Button name="intent" value="complete">
              Mark as completed
            </Button>
            <Button name="intent" value="end" variant="secondary">
              End the link early
            </Button>
          </Form>
        </section>
      ) : null}

      <h2 className="mb-2 text-2xl font-bold">Hours</h2>
      <p className="mb-4">
        Approved: {formatHours(link.approvedMinutes)}. Waiting for approval: {formatHours(link.pendingMinutes)} (
        <Link to="/coordinator/talent/hours" className="text-brand underline">
          approve hours
        </Link>
        ).
      </p>
      <HoursTable hours={link.hours} caption="Hours logged against this link, newest first" />

      <h2 className="mb-4 text-2xl font-bold">Feedback</h2>
      {link.status !== "completed" ? <p className="mb-6">Both sides can leave feedback once the link is completed.</p> : null}
      <h3 className="mb-2 text-xl font-bold">From the volunteer</h3>
      {volunteerFeedback ? <FeedbackGiven feedback={volunteerFeedback} testId="feedback-volunteer" /> : <p className="mb-6">None yet.</p>}
      <h3 className="mb-2 text-xl font-bold">From the young person</h3>
      {youngFeedback ? <FeedbackGiven feedback={youngFeedback} testId="feedback-young-person" /> : <p className="mb-6">None yet.</p>}
    </div>
  );
}
