// Give by card, step 2: the donor's name and email for the receipt, and whether to be named publicly.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, TextField, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { JourneyPage } from "~/components/pledge-ui";
import { donorDetailsSchema } from "~/domain/campaigns/donate";
import { donateSettings, readDonateDraft, saveDonateDraft } from "~/services/campaigns.server";
import { getOptionalUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Your details – Helping Hands" }];

const fromCheck = (request: Request) => new URL(request.url).searchParams.get("change") === "check";

// Public; needs the amount first.
async function guard(request: Request) {
  const draft = await readDonateDraft(request);
  if (!draft.amountPence) throw redirect("/donate");
  return draft;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const draft = await guard(request);
  // A signed-in employee gets their own name and email filled in.
  const user = draft.donorName ? null : await getOptionalUser(request);
  return {
    donorName: draft.donorName ?? (user ? `${user.firstName} ${user.lastName}` : ""),
    donorEmail: draft.donorEmail ?? user?.email ?? "",
    anonymous: draft.anonymous ?? false,
    back: fromCheck(request) ? "/donate/check" : "/donate",
  };
}

type ActionData = { errors: FieldErrors; donorName: string; donorEmail: string; anonymous: boolean };

export async function action({ request }: ActionFunctionArgs) {
  const draft = await guard(request);
  const form = Object.fromEntries(await request.formData());
  const parsed = donorDetailsSchema.safeParse(form);
  if (!parsed.success) {
    const str = (k: string) => (typeof form[k] === "string" ? String(form[k]) : "");
    return json<ActionData>(
      { errors: fieldErrorsFrom(parsed.error.issues), donorName: str("donorName"), donorEmail: str("donorEmail"), anonymous: form.anonymous === "yes" },
      { status: 400 },
    );
  }
  const { giftAidOffered } = await donateSettings(new Date());
  const cookie = await saveDonateDraft(request, { ...draft, ...parsed.data });
  const next = giftAidOffered && !fromCheck(request) ? "/donate/gift-aid" : "/donate/check";
  return redirect(next, { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function DonateDetails() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result ?? data;
  return (
    <JourneyPage back={data.back} errors={result?.errors}>
      <h1 className="mb-6 text-3xl font-bold">Your details</h1>
      <Form method="post" noValidate>
        <TextField name="donorName" label="Full name" autoComplete="name" spellCheck={false} defaultValue={v.donorName} error={result?.errors.donorName} />
        <TextField
          name="donorEmail"
          label="Email address"
          hint="We send your receipt here."
          type="email"
          autoComplete="email"
          spellCheck={false}
          defaultValue={v.donorEmail}
          error={result?.errors.donorEmail}
        />
        <div className="mb-6 flex items-start gap-3">
          <input id="anonymous" type="checkbox" name="anonymous" value="yes" defaultChecked={v.anonymous} className="mt-1 h-6 w-6" />
          <label htmlFor="anonymous">Do not show my name on public pages</label>
        </div>
        <Button>Continue</Button>
      </Form>
    </JourneyPage>
  );
}
