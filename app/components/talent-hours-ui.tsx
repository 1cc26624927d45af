// Page pieces the link pages share (volunteer, coordinator, young person): the hours logged, the
// feedback form and the feedback given.
import { Form } from "@remix-run/react";
import { Button, TextArea, type FieldErrors } from "~/components/forms";
import { Radios, SummaryList } from "~/components/pledge-ui";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { COMMENT_MAX, HOURS_STATUS_LABELS, RATINGS, RATING_LABELS, formatHours, type Rating } from "~/domain/talent/hours";

const cell = "border-b border-gray-300 py-2 pr-4";

export function HoursTable({ hours, caption }: { hours: { id: string; dayKey: string; minutes: number; note: string; status: string }[]; caption: string }) {
  if (!hours.length) return <p className="mb-6">No hours have been logged yet.</p>;
  return (
    <table className="mb-6 w-full max-w-4xl border-collapse text-left" data-testid="hours-logged">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {["Day", "Hours", "What was done", "Status"].map((h) => (
            <th key={h} scope="col" className="border-b-2 border-gray-900 py-2 pr-4">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {hours.map((h) => (
          <tr key={h.id}>
            <td className={cell}>{formatDayKey(h.dayKey)}</td>
            <td className={cell}>{formatHours(h.minutes)}</td>
            <td className={cell}>{h.note}</td>
            <td className={cell}>{HOURS_STATUS_LABELS[h.status] ?? h.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "How did it go?": a rating and an optional comment, posted with intent=feedback. */
export function FeedbackForm({ errors, values, legend }: { errors: FieldErrors; values?: { rating?: string; comment?: string }; legend: string }) {
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="feedback" />
      <Radios name="rating" legend={legend} error={errors.rating} defaultValue={values?.rating} options={RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] }))} />
      <TextArea
        name="comment"
        label="Anything you would like to tell the programme coordinator? (optional)"
        hint={`Only the programme coordinator reads this. Up to ${COMMENT_MAX.toLocaleString("en-GB")} characters. If you are worried about someone's safety, tell the coordinator straight away rather than writing it here.`}
        defaultValue={values?.comment}
        error={errors.comment}
      />
      <Button>Send feedback</Button>
    </Form>
  );
}

export function FeedbackGiven({ feedback, testId }: { feedback: { rating: string; comment: string | null }; testId?: string }) {
  return (
    <SummaryList
      testId={testId}
      rows={[
        { key: "How it went", value: RATING_LABELS[feedback.rating as Rating] ?? feedback.rating },
        { key: "Comment", value: feedback.comment ?? "None" },
      ]}
    />
  );
}
