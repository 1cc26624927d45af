import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { safeRedirectTo } from "~/domain/sign-in";
import { startSso } from "~/services/sso.server";
import { loadEnv } from "~/utils/env.server";

export const meta: MetaFunction = () => [{ title: "Council sign-in not available – Helping Hands" }];

// Public: starts staff single sign-on (docs/decisions/0018-staff-sso.md). Not found unless it is configured.
async function start(redirectTo: unknown) {
  const settings = loadEnv().oidc;
  if (!settings) throw new Response("Not found", { status: 404, statusText: "Not Found" });
  const started = await startSso(settings, safeRedirectTo(redirectTo));
  if (!started) return json({ unavailable: true }, { status: 503 });
  // 303: the browser follows with a GET, whichever way it came.
  return redirect(started.location, { status: 303, headers: { "Set-Cookie": started.setCookie } });
}

// GET works too, so a bookmark or an intranet link can start it.
export async function loader({ request }: LoaderFunctionArgs) {
  return start(new URL(request.url).searchParams.get("redirectTo"));
}

// The button on /sign-in.
export async function action({ request }: ActionFunctionArgs) {
  return start((await request.formData()).get("redirectTo"));
}

export default function SsoUnavailable() {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">Council sign-in is not available right now</h1>
      <p className="mb-4">We could not reach the council&apos;s sign-in service. Try again in a few minutes.</p>
      <p>
        You can also{" "}
        <Link to="/sign-in" className="text-brand underline">
          sign in with a code sent to your email
        </Link>
        .
      </p>
    </div>
  );
}
