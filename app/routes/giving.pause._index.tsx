// Pause a regular gift: from which pay period, and (optionally) until when. Then check, then done.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, type FieldErrors } from "~/components/forms";
import { DateInput, JourneyPage, Radios } from "~/components/pledge-ui";
import { parseDateParts } from "~/domain/pledges/changes";
import { PAUSE_CHOICES, readDraft, saveDraft } from "~/services/pledges.server";
import { requirePledgeChange } from "~/utils/pledge-journey.server";

export const meta: MetaFunction = () => [{ title: "Pause your regular gift – Helping Hands" }];

const partsOf = (iso: string | null | undefined) => {
  if (!iso) return { day: "", month: "", year: "" };
  const d = new Date(iso);
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) };
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requirePledgeChange(request, "pause");
  const draft = (await readDraft(request)).pause;
  const choices = ctx.open.slice(0, PAUSE_CHOICES).map((p) => ({ id: p.id, label: p.label }));
  return { choices, fromPeriodId: draft?.fromPeriodId ?? choices[0]?.id ?? "", until: partsOf(draft?.pauseUntil) };
}

type ActionData = { errors: FieldErrors; fromPeriodId: string; until: { day: string; month: string; year: string } };

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await requirePledgeChange(request, "pause");
  const form = Object.fromEntries(await request.formData());
  const str = (k: string) => (typeof form[k] === "string" ? (form[k] as string) : "");
  const fromPeriodId = str("fromPeriodId");
  const until = { day: str("pauseUntilDay"), month: str("pauseUntilMonth"), year: str("pauseUntilYear") };
  const errors: FieldErrors = {};
  const from = ctx.open.slice(0, PAUSE_CHOICES).find((p) => p.id === fromPeriodId);
  if (!from) errors.fromPeriodId = "Choose the pay period your pause starts from";
  const date = parseDateParts(until, from?.startsOn ?? ctx.open[0]?.startsOn ?? new Date());
  if ("error" in date) errors.pauseUntil = date.error;
  if (!from || "error" in date) return json<ActionData>({ errors, fromPeriodId, until }, { status: 400 });
  const draft = await readDraft(request);
  const cookie = await saveDraft(request, { ...draft, pause: { fromPeriodId: from.id, pauseUntil: date.date?.toISOString() ?? null } });
  return redirect("/giving/pause/check", { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function Pause() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <JourneyPage back="/giving" errors={result?.errors}>
      <Form method="post" noValidate>
        <Radios
          name="fromPeriodId"
          legendIsHeading
          legend="Which pay period do you want to pause from?"
          hint="Nothing is taken from your pay from this pay period until your gift restarts. The first choice is the earliest you can pause from, because the payroll cut-off for earlier periods has passed."
          options={data.choices.map((c, i) => ({ value: c.id, label: c.label, hint: i === 0 ? "The earliest you can pause from" : undefined }))}
          defaultValue={result?.fromPeriodId ?? data.fromPeriodId}
          error={result?.errors.fromPeriodId}
        />
        <DateInput
          name="pauseUntil"
          legend="When do you want your gift to restart? (optional)"
          hint="Your gift restarts in the first pay period that starts on or after this date. Leave it empty to pause until you restart it yourself. For example, 1 3 2027"
          values={result?.until ?? data.until}
          error={result?.errors.pauseUntil}
        />
        <Button>Continue</Button>
      </Form>
    </JourneyPage>
  );
}
