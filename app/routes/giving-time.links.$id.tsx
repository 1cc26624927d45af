// A link as its volunteer sees it: who they are helping (first name only until the coordinator shares
// contact details), what help, when and where; log hours and see them; feedback once it completes.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, TextArea, TextField, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { BackLink, DateInput, Inset, SummaryList } from "~/components/pledge-ui";
import { FeedbackForm, FeedbackGiven, HoursTable } from "~/components/talent-hours-ui";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { LINK_STATUS_LABELS, NOTE_MAX, feedbackSchema, formatHours, parseHoursEntry, type HoursFormValues } from "~/domain/talent/hours";
import { notFound } from "~/services/applications.server";
import { logHours } from "~/services/talent-hours.server";
import { TalentError, leaveFeedback, linkForVolunteer } from "~/services/talent-links.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Your link – Giving time – Helping Hands" }];

async function load(request: Request, id: string | undefined) {
  const user = await requireRole(request, ["employee"]);
  const actor = { userId: user.id, roles: user.roles };
  const link = await linkForVolunteer(id ?? "", actor);
  if (!link) throw notFound();
  return { actor, link };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { link } = await load(request, params.id);
  return { link, todayKey: ukDayKey(new Date()) };
}

type ActionData = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, link } = await load(request, params.id);
  const values = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
  const done = async (message: string) =>
    redirect(`/giving-time/links/${link.id}`, { status: 303, headers: { "Set-Cookie": await setFlash(request, { kind: "success", message }) } });
  const now = new Date();
  try {
    if (values.intent === "feedback") {
      const parsed = feedbackSchema.safeParse({ rating: values.rating ?? "", comment: values.comment ?? "" });
      if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
      await leaveFeedback(link.id, "volunteer", parsed.data, actor, now);
      return done("Thank you. Your feedback has been sent to the programme coordinator.");
    }
    const form: HoursFormValues = { dayDay: values.dayDay ?? "", dayMonth: values.dayMonth ?? "", dayYear: values.dayYear ?? "", hours: values.hours ?? "", note: values.note ?? "" };
    const parsed = parseHoursEntry(form, ukDayKey(now), ukDayKey(new Date(link.linkedAt)));
    if (!parsed.ok) return json<ActionData>({ errors: parsed.errors, values }, { status: 400 });
    await logHours(link.id, parsed.entry, actor, now);
    return done(`${formatHours(parsed.entry.minutes)} logged. The programme coordinator will approve them.`);
  } catch (error) {
    if (!(error instanceof TalentError)) throw error;
    return json<ActionData>({ errors: { [values.intent === "feedback" ? "rating" : "day"]: error.message }, values }, { status: 409 });
  }
}

export default function VolunteerLink() {
  const { link, todayKey } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  const v = data?.values;
  const yp = link.youngPerson;
  return (
    <div className="max-w-3xl">
      <BackLink to="/giving-time">Back to giving time</BackLink>
      <ErrorSummary errors={errors} />
      <h1 className="mb-6 text-3xl font-bold">Helping {yp.firstName}</h1>
      <SummaryList
        testId="link-summary"
        rows={[
          { key: "Status", value: LINK_STATUS_LABELS[link.status] ?? link.status },
          { key: "Linked on", value: formatDayKey(ukDayKey(new Date(link.linkedAt))) },
          ...(link.groupName ? [{ key: "For your group", value: link.groupName }] : []),
          { key: "What help", value: [link.request.skills.join(", "), link.request.details].filter(Boolean).join(". ") },
          { key: "When", value: link.request.availability.join(", ") || "To agree" },
          { key: "Where", value: link.request.where },
          { key: "Hours a month", value: formatHours(link.hoursPerMonth * 60) },
          {
            key: "Contact details",
            value: yp.fullName ? (
              <span data-testid="contact-details">
                {yp.fullName}, {yp.email}
              </span>
            ) : (
              "Not shared yet"
            ),
          },
        ]}
      />
      {yp.fullName ? null : (
        <Inset>
          To keep young people safe, the programme coordinator shares {yp.firstName}&rsquo;s contact details with you when it is time to meet. Until then,
          arrange things through the coordinator.
        </Inset>
      )}

      <h2 className="mb-2 text-2xl font-bold">Your hours</h2>
      <p className="mb-4" data-testid="hours-totals">
        Approved: {formatHours(link.approvedMinutes)}. Waiting for approval: {formatHours(link.pendingMinutes)}.
      </p>
      <HoursTable hours={link.hours} caption={`Hours logged for helping ${yp.firstName}, newest first`} />

      {link.canLogHours ? (
        <section aria-labelledby="log-heading" className="mb-8">
          <h2 id="log-heading" className="mb-4 text-2xl font-bold">
            Log your hours
          </h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="log" />
            <DateInput
              name="day"
              legend="When did you give the time?"
              hint={`For example, ${todayKey.split("-").reverse().map(Number).join(" ")}`}
              error={errors.day}
              values={{ day: v?.dayDay, month: v?.dayMonth, year: v?.dayYear }}
            />
            <TextField name="hours" label="How many hours?" hint="In quarter hours, for example 1.5 for an hour and a half" inputMode="decimal" className="max-w-[8rem]" defaultValue={v?.hours} error={errors.hours} />
            <TextArea name="note" label="What did you do?" hint={`A short note, up to ${NOTE_MAX} characters. Do not write anything personal about the young person here.`} rows={3} defaultValue={v?.note} error={errors.note} />
            <Button>Log hours</Button>
          </Form>
        </section>
      ) : null}

      {link.feedback ? (
        <section aria-labelledby="feedback-heading">
          <h2 id="feedback-heading" className="mb-4 text-2xl font-bold">
            Your feedback
          </h2>
          <FeedbackGiven feedback={link.feedback} testId="feedback-given" />
        </section>
      ) : link.canGiveFeedback ? (
        <section aria-labelledby="feedback-heading">
          <h2 id="feedback-heading" className="mb-4 text-2xl font-bold">
            How did it go?
          </h2>
          <FeedbackForm errors={errors} values={v} legend={`How did helping ${yp.firstName} go?`} />
        </section>
      ) : null}
    </div>
  );
}
