// Restart a paused regular gift: what restarts and from when, then confirm.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/forms";
import { BackLink, SummaryList } from "~/components/pledge-ui";
import { formatPence } from "~/domain/money";
import { PledgeError, pledgeContextForPage, resumePledge } from "~/services/pledges.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Restart your regular gift – Helping Hands" }];

async function guard(request: Request) {
  const user = await requireRole(request, ["employee"]);
  const ctx = await pledgeContextForPage(user.id, new Date());
  if (!ctx.allowed.includes("resume") || !ctx.effective) throw redirect("/giving");
  return { user, ctx, effective: ctx.effective };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, effective } = await guard(request);
  return json({ amountPence: ctx.current.amountPence, period: effective });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await guard(request);
  const form = Object.fromEntries(await request.formData());
  try {
    await resumePledge({ userId: user.id, shown: { periodId: String(form.periodId ?? "") }, now: new Date() });
  } catch (err) {
    if (err instanceof PledgeError) return json({ errors: { confirm: err.message } }, { status: 409 });
    throw err;
  }
  return redirect("/giving/done", { status: 303 });
}

export default function Resume() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="max-w-3xl">
      <BackLink to="/giving" />
      <ErrorSummary errors={result?.errors} />
      <h1 className="mb-6 text-3xl font-bold">Restart your regular gift</h1>
      <SummaryList
        testId="check-answers"
        rows={[
          { key: "Amount each pay period", value: formatPence(data.amountPence) },
          { key: "Restarts from", value: `The ${data.period.label} pay period` },
        ]}
      />
      <p className="mb-6">
        To give a different amount, restart your gift and then{" "}
        <Link to="/giving/amend" className="text-brand underline">
          change the amount
        </Link>
        .
      </p>
      <Form method="post">
        <input type="hidden" name="periodId" value={data.period.id} />
        <Button id="confirm">Confirm and restart</Button>
      </Form>
    </div>
  );
}
