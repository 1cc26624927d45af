// Panel meetings: the list, and starting a meeting or a round of decisions by written procedure.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, FieldGroup, HintAndError, TextField, fieldErrorsFrom, fieldIds, type FieldErrors } from "~/components/forms";
import { ColumnHeads } from "~/components/finance-ui";
import { BackLink, Radios } from "~/components/pledge-ui";
import { MEETING_MODES, MEETING_MODE_LABELS, meetingFormSchema } from "~/domain/applications/panel-form";
import { formatDay } from "~/domain/payroll/periods";
import { ApplicationError } from "~/services/applications.server";
import { createMeeting, listMeetings, panelMembers } from "~/services/panel.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Panel meetings – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["panel"]);
  const [meetings, members] = await Promise.all([listMeetings(), panelMembers()]);
  return { meetings, members: members.filter((m) => m.id !== user.id) };
}

type ActionData = { errors: FieldErrors; values: { title: string; heldOn: string; mode: string; attendeeIds: string[] } };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["panel"]);
  const form = await request.formData();
  const str = (k: string) => (typeof form.get(k) === "string" ? String(form.get(k)) : "");
  const values = { title: str("title"), heldOn: str("heldOn"), mode: str("mode"), attendeeIds: form.getAll("attendeeIds").filter((v): v is string => typeof v === "string") };
  const parsed = meetingFormSchema.safeParse(values);
  if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
  try {
    const { id } = await createMeeting({ userId: user.id, roles: user.roles }, parsed.data);
    return redirect(`/panel/meetings/${id}`, { status: 303, headers: { "Set-Cookie": await setFlash(request, { kind: "success", message: "Meeting started. You are its chair." }) } });
  } catch (error) {
    if (error instanceof ApplicationError) return json<ActionData>({ errors: { attendeeIds: error.message }, values }, { status: 400 });
    throw error;
  }
}

export default function PanelMeetings() {
  const { meetings, members } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors;
  const v = data?.values ?? { title: "", heldOn: "", mode: "", attendeeIds: [] };
  const attendees = fieldIds("attendeeIds", "You are the chair and are included.", errors?.attendeeIds);
  return (
    <div className="max-w-3xl">
      <BackLink to="/panel">Back to applications</BackLink>
      <ErrorSummary errors={errors} />
      <h1 className="mb-6 text-3xl font-bold">Panel meetings</h1>
      {meetings.length ? (
        <table className="mb-10 w-full border-collapse text-left" data-testid="meetings">
          <caption className="sr-only">Panel meetings, newest first</caption>
          <ColumnHeads headings={["Meeting", "Date", "How", "Chair", "Decisions"]} cellClassName="border-b-2 border-gray-900 py-2 pr-4" />
          <tbody>
            {meetings.map((m) => (
              <tr key={m.id}>
                <th scope="row" className="border-b border-gray-300 py-2 pr-4 font-normal">
                  <Link to={`/panel/meetings/${m.id}`} className="text-brand underline">
                    {m.title}
                  </Link>
                </th>
                <td className="border-b border-gray-300 py-2 pr-4">{formatDay(new Date(m.heldOn))}</td>
                <td className="border-b border-gray-300 py-2 pr-4">{m.modeLabel}</td>
                <td className="border-b border-gray-300 py-2 pr-4">{m.chair}</td>
                <td className="border-b border-gray-300 py-2 pr-4">{m.decisions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mb-10">No meetings yet.</p>
      )}
      <section aria-labelledby="start-heading">
        <h2 id="start-heading" className="mb-4 text-2xl font-bold">
          Start a meeting
        </h2>
        <Form method="post" noValidate>
          <TextField name="title" label="Title" hint="For example: Panel meeting, March 2026" defaultValue={v.title} error={errors?.title} />
          <TextField name="heldOn" label="Date" hint="For example 2026-03-12" type="date" className="max-w-60" defaultValue={v.heldOn} error={errors?.heldOn} />
          <Radios
            name="mode"
            legend="How is the panel deciding?"
            error={errors?.mode}
            defaultValue={v.mode}
            options={MEETING_MODES.map((m) => ({
              value: m,
              label: MEETING_MODE_LABELS[m],
              hint: m === "written" ? "Members decide in writing, without meeting" : undefined,
            }))}
          />
          <FieldGroup error={errors?.attendeeIds}>
            <fieldset id="attendeeIds" aria-describedby={attendees.describedBy}>
              <legend className="mb-1 font-bold">Who is taking part?</legend>
              <HintAndError hint="You are the chair and are included." error={errors?.attendeeIds} hintId={attendees.hintId} errorId={attendees.errorId} spacing="mb-2" />
              {members.map((m) => (
                <div key={m.id} className="mb-2 flex items-start gap-3">
                  <input id={`attendee-${m.id}`} type="checkbox" name="attendeeIds" value={m.id} defaultChecked={v.attendeeIds.includes(m.id)} className="mt-1 h-6 w-6" />
                  <label htmlFor={`attendee-${m.id}`}>{m.name}</label>
                </div>
              ))}
            </fieldset>
          </FieldGroup>
          <Button>Start the meeting</Button>
        </Form>
      </section>
    </div>
  );
}
