// Record a volunteer's DBS check (coordinator): the minimal record the domain notes allow (level,
// certificate number, issue date, outcome), and the latest checks recorded (without certificate numbers).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, TextField } from "~/components/forms";
import { formatDay } from "~/components/application-ui";
import { BackLink, DateInput, Radios } from "~/components/pledge-ui";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { DBS_LEVELS, DBS_OUTCOMES, isDbsLevel, isDbsOutcome, parseDbsForm, type DbsErrors, type DbsFormValues } from "~/domain/talent/dbs";
import { TalentError } from "~/services/talent-links.server";
import { emailOfUser, recentDbsChecks, recordDbsCheck } from "~/services/talent.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Record a DBS check – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["coordinator"]);
  const userId = new URL(request.url).searchParams.get("user");
  const [email, checks] = await Promise.all([userId ? emailOfUser(userId) : null, recentDbsChecks()]);
  return { email: email ?? "", checks };
}

type ActionData = { errors: DbsErrors; values: DbsFormValues };
const FIELDS = ["email", "level", "certificateNumber", "issuedDay", "issuedMonth", "issuedYear", "outcome"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  const form = await request.formData();
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")])) as DbsFormValues;
  const parsed = parseDbsForm(values, ukDayKey(new Date()));
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors, values }, { status: 400 });
  try {
    const { name } = await recordDbsCheck(actorOf(user), parsed.entry);
    const cookie = await setFlash(request, { kind: "success", message: `DBS check recorded for ${name}.` });
    return redirect("/coordinator/talent/dbs", { status: 303, headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (error instanceof TalentError) return json<ActionData>({ errors: { email: error.message }, values }, { status: 400 });
    throw error;
  }
}

export default function RecordDbsCheck() {
  const { email, checks } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const e = result?.errors;
  const v = result?.values;
  return (
    <div className="max-w-3xl">
      <BackLink to="/coordinator/talent">Back to the Talent Network</BackLink>
      <ErrorSummary errors={e} />
      <h1 className="mb-4 text-3xl font-bold">Record a DBS check</h1>
      <p className="mb-6">
        Keep only what is needed: the level, the certificate number, the date it was issued and the outcome. Certificate details are deleted about 6 months after the
        decision. A clear enhanced check is needed before a volunteer is linked with a young person under 18.
      </p>
      <Form method="post" noValidate>
        <TextField name="email" label="Volunteer's work email address" type="email" autoComplete="off" spellCheck={false} defaultValue={v?.email ?? email} error={e?.email} />
        <Radios
          name="level"
          legend="Level of the check"
          error={e?.level}
          defaultValue={v?.level}
          options={Object.entries(DBS_LEVELS).map(([value, label]) => ({ value, label }))}
        />
        <TextField
          name="certificateNumber"
          label="Certificate number"
          hint="12 digits, printed at the top right of the certificate"
          inputMode="numeric"
          autoComplete="off"
          className="max-w-xs"
          defaultValue={v?.certificateNumber}
          error={e?.certificateNumber}
        />
        <DateInput name="issued" legend="Date of issue" hint="For example, 17 5 2026" error={e?.issued} values={{ day: v?.issuedDay, month: v?.issuedMonth, year: v?.issuedYear }} />
        <Radios
          name="outcome"
          legend="Outcome"
          hint="Clear: no information that stops them working with young people"
          error={e?.outcome}
          defaultValue={v?.outcome}
          options={Object.entries(DBS_OUTCOMES).map(([value, label]) => ({ value, label }))}
        />
        <Button>Record the check</Button>
      </Form>

      <h2 className="mb-4 mt-10 text-2xl font-bold">Checks recorded lately</h2>
      {checks.length ? (
        <table className="mb-6 w-full border-collapse text-left" data-testid="dbs-checks">
          <caption className="sr-only">DBS checks recorded, newest first</caption>
          <thead>
            <tr className="border-b-2 border-gray-900">
              <th scope="col" className="py-2 pr-4">Volunteer</th>
              <th scope="col" className="py-2 pr-4">Level</th>
              <th scope="col" className="py-2 pr-4">Issued</th>
              <th scope="col" className="py-2 pr-4">Outcome</th>
              <th scope="col" className="py-2">Recorded</th>
            </tr>
          </thead>
          <tbody>
            {checks.map((c) => (
              <tr key={c.id} className="border-b border-gray-300">
                <td className="py-2 pr-4">{c.volunteer}</td>
                <td className="py-2 pr-4">{isDbsLevel(c.level) ? DBS_LEVELS[c.level] : c.level}</td>
                <td className="py-2 pr-4">{formatDay(c.issuedOn)}</td>
                <td className="py-2 pr-4">
                  {isDbsOutcome(c.outcome) ? DBS_OUTCOMES[c.outcome] : c.outcome}
                  {c.purged ? " (details deleted)" : ""}
                </td>
                <td className="py-2">{formatDay(c.recordedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No checks recorded yet.</p>
      )}
    </div>
  );
}
