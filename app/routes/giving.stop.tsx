// Stop a regular gift: are you sure? Then done.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { JourneyPage, Warning } from "~/components/pledge-ui";
import { formatPence } from "~/domain/money";
import { stopPledge } from "~/services/pledges.server";
import { confirmChange, readShown, requireChangeFromEffectivePeriod } from "~/utils/pledge-journey.server";

export const meta: MetaFunction = () => [{ title: "Are you sure you want to stop your regular gift? – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, effective } = await requireChangeFromEffectivePeriod(request, "stop");
  return { amountPence: ctx.current.amountPence, status: ctx.current.status, period: effective };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireChangeFromEffectivePeriod(request, "stop");
  const { periodId } = await readShown(request);
  return confirmChange(request, () => stopPledge({ userId: user.id, shown: { periodId }, now: new Date() }));
}

export default function Stop() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <JourneyPage back="/giving" errors={result?.errors}>
      <h1 className="mb-6 text-3xl font-bold">Are you sure you want to stop your regular gift?</h1>
      <p className="mb-4">
        You give {formatPence(data.amountPence)} each pay period{data.status === "paused" ? " (paused at the moment)" : ""}. If you
        stop, nothing more is taken from your pay from the {data.period.label} pay period.
      </p>
      <Warning>You cannot restart a stopped gift. To give from your pay again later, you set up a new gift.</Warning>
      {data.status === "active" ? (
        <p className="mb-6">
          If you only want a break,{" "}
          <Link to="/giving/pause" className="text-brand underline">
            pause your gift
          </Link>{" "}
          instead.
        </p>
      ) : null}
      <Form method="post" className="flex flex-wrap items-center gap-6">
        <input type="hidden" name="periodId" value={data.period.id} />
        <button id="confirm" type="submit" className="bg-error px-4 py-2 font-bold text-white shadow-[0_2px_0_#55070e]">
          Yes, stop my gift
        </button>
        <Link to="/giving" className="text-brand underline">
          No, keep my gift
        </Link>
      </Form>
    </JourneyPage>
  );
}
