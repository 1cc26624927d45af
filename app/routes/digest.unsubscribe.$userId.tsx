// The unsubscribe link in every monthly digest. Public (the signed token is the key); a wrong link is 404.
// Opening it stops the digest at once and says so, with a button to get it again. Mail apps' one-click
// unsubscribe (RFC 8058) posts "List-Unsubscribe=One-Click" to the same address.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/forms";
import { Panel } from "~/components/pledge-ui";
import { DigestError, digestLinkHolder, resubscribeByLink, unsubscribeByLink } from "~/services/digest.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.optedIn ? "You will get the monthly update" : "You have unsubscribed from the monthly update"} – Helping Hands` },
];

const notFound = () => new Response("This link does not work. Check you copied the whole link from your email.", { status: 404, statusText: "Not Found" });

const pageUrl = (userId: string, token: string, again = false) =>
  `/digest/unsubscribe/${encodeURIComponent(userId)}?token=${encodeURIComponent(token)}${again ? "&subscribed=1" : ""}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  const userId = params.userId ?? "";
  // After "email me again" the page only shows where things stand; otherwise opening the link unsubscribes.
  const holder = url.searchParams.has("subscribed") ? await digestLinkHolder(userId, token) : await unsubscribeByLink(userId, token);
  if (!holder) throw notFound();
  return { ...holder, token: token ?? "" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const userId = params.userId ?? "";
  const form = await request.formData();
  if (form.get("List-Unsubscribe") === "One-Click") {
    const done = await unsubscribeByLink(userId, new URL(request.url).searchParams.get("token"));
    if (!done) throw notFound();
    return new Response("You have unsubscribed from the monthly update.", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const token = String(form.get("token") ?? "");
  if (form.get("intent") === "resubscribe") {
    try {
      if (!(await resubscribeByLink(userId, token))) throw notFound();
    } catch (error) {
      if (error instanceof DigestError) throw new Response(error.message, { status: 403, statusText: "Forbidden" });
      throw error;
    }
    return redirect(pageUrl(userId, token, true), 303);
  }
  if (!(await unsubscribeByLink(userId, token))) throw notFound();
  return redirect(pageUrl(userId, token), 303);
}

export default function Unsubscribe() {
  const data = useLoaderData<typeof loader>();
  if (data.optedIn) {
    return (
      <div className="max-w-3xl">
        <Panel title="You will get the monthly update">We will email you what the fund did, early each month.</Panel>
        <p className="mb-6">You can stop it at any time from the link in each email, or on “Your account” when you are signed in.</p>
        <Form method="post">
          <input type="hidden" name="token" value={data.token} />
          <input type="hidden" name="intent" value="unsubscribe" />
          <Button variant="secondary" id="unsubscribe">
            Stop the monthly update
          </Button>
        </Form>
      </div>
    );
  }
  return (
    <div className="max-w-3xl">
      <Panel title="You have unsubscribed">We will not email you the monthly update on what the fund did any more.</Panel>
      <p className="mb-6">This works at once: you will not get next month&apos;s update. Nothing else changes, including your giving.</p>
      {data.canOptIn ? (
        <Form method="post">
          <input type="hidden" name="token" value={data.token} />
          <input type="hidden" name="intent" value="resubscribe" />
          <p className="mb-4">Unsubscribed by mistake, {data.firstName}?</p>
          <Button variant="secondary" id="resubscribe">
            Email me the monthly update again
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
