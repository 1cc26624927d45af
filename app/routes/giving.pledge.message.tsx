// Step 2 of setting up a regular gift: an optional "in memory of" or message.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, TextArea, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { JourneyPage } from "~/components/pledge-ui";
import { DEDICATION_MAX_LENGTH } from "~/domain/pledges/amounts";
import { dedicationSchema } from "~/domain/pledges/amount-forms";
import { readDraft, saveDraft } from "~/services/pledges.server";
import { requirePledgeChange } from "~/utils/pledge-journey.server";

export const meta: MetaFunction = () => [{ title: "Do you want to add a message to your gift? – Helping Hands" }];

async function guard(request: Request) {
  await requirePledgeChange(request, "create");
  const draft = await readDraft(request);
  if (!draft.pledge?.amountPence) throw redirect("/giving/pledge/amount");
  return draft;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const draft = await guard(request);
  return { dedication: draft.pledge?.dedication ?? "" };
}

type ActionData = { errors: FieldErrors; dedication: string };

export async function action({ request }: ActionFunctionArgs) {
  const draft = await guard(request);
  const form = Object.fromEntries(await request.formData());
  const dedication = typeof form.dedication === "string" ? form.dedication : "";
  const parsed = dedicationSchema.safeParse({ dedication });
  if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), dedication }, { status: 400 });
  const cookie = await saveDraft(request, { ...draft, pledge: { ...draft.pledge, dedication: parsed.data.dedication } });
  return redirect("/giving/pledge/check", { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function PledgeMessage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <JourneyPage back="/giving/pledge/amount" errors={result?.errors}>
      <Form method="post" noValidate>
        <TextArea
          name="dedication"
          labelIsHeading
          label="Do you want to add a message to your gift? (optional)"
          hint={`For example, "In memory of my grandmother". It is kept with your gift and is not shared outside the fund. You can use up to ${DEDICATION_MAX_LENGTH} characters. Leave it empty if you do not want to add one.`}
          defaultValue={result?.dedication ?? data.dedication}
          error={result?.errors.dedication}
        />
        <Button>Continue</Button>
      </Form>
    </JourneyPage>
  );
}
