// Publish a new version of the terms of reference: the form starts from the version in force.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, TextArea, TextField, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { BackLink } from "~/components/pledge-ui";
import { MAX_CRITERIA, termsInputOf, termsSchema } from "~/domain/applications/form";
import { toPoundsInput } from "~/domain/money";
import { ApplicationError } from "~/services/applications.server";
import { currentTermsView, publishTerms } from "~/services/terms.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Publish a new version of the terms of reference – Helping Hands" }];

const FIELDS = ["funds", "doesNotFund", "maxAward", "decisionDates", "giveBack", "criteria"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["coordinator"]);
  const t = await currentTermsView();
  const values: Values = t
    ? { funds: t.funds.join("\n"), doesNotFund: t.doesNotFund.join("\n"), maxAward: toPoundsInput(t.maxAwardPence), decisionDates: t.decisionDates.join("\n"), giveBack: t.giveBack, criteria: t.criteria.join("\n") }
    : { funds: "", doesNotFund: "", maxAward: "", decisionDates: "", giveBack: "", criteria: "" };
  return { values, nextVersion: (t?.version ?? 0) + 1 };
}

type ActionData = { errors: FieldErrors; values: Values };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  const form = Object.fromEntries(await request.formData());
  const values = Object.fromEntries(FIELDS.map((k) => [k, typeof form[k] === "string" ? String(form[k]) : ""])) as Values;
  const parsed = termsSchema.safeParse(values);
  if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
  try {
    const { version } = await publishTerms(termsInputOf(parsed.data), actorOf(user));
    const cookie = await setFlash(request, { kind: "success", message: `Version ${version} of the terms of reference is published.` });
    return redirect("/coordinator/terms", { status: 303, headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (error instanceof ApplicationError) return json<ActionData>({ errors: { funds: error.message }, values }, { status: 409 });
    throw error;
  }
}

export default function PublishTerms() {
  const { values: saved, nextVersion } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result?.values ?? saved;
  const e = result?.errors;
  return (
    <div className="max-w-3xl">
      <BackLink to="/coordinator/terms">Back to the terms of reference</BackLink>
      <ErrorSummary errors={e} />
      <h1 className="mb-4 text-3xl font-bold">Publish version {nextVersion} of the terms of reference</h1>
      <p className="mb-6">The form starts from the version in force. Applications and decisions from now on use the new version.</p>
      <Form method="post" noValidate>
        <TextArea name="funds" label="What the fund pays for" hint="One item per line" rows={6} defaultValue={v.funds} error={e?.funds} />
        <TextArea name="doesNotFund" label="What the fund does not pay for" hint="One item per line" rows={6} defaultValue={v.doesNotFund} error={e?.doesNotFund} />
        <TextField name="maxAward" label="The most the fund gives for one award, in pounds" hint="For example 1000" inputMode="decimal" className="max-w-40" defaultValue={v.maxAward} error={e?.maxAward} />
        <TextArea name="decisionDates" label="When the panel decides" hint="One date or sentence per line, for example: The panel meets on the first Tuesday of each month" rows={4} defaultValue={v.decisionDates} error={e?.decisionDates} />
        <TextArea name="giveBack" label="The “give something back” expectation" rows={4} defaultValue={v.giveBack} error={e?.giveBack} />
        <TextArea name="criteria" label="What the panel scores each application on" hint={`One criterion per line, at most ${MAX_CRITERIA}. Panel members score each from 1 to 5.`} rows={5} defaultValue={v.criteria} error={e?.criteria} />
        <Button>Publish version {nextVersion}</Button>
      </Form>
    </div>
  );
}
