import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { clearPendingSsoCookie, finishSso } from "~/services/sso.server";
import { loadEnv } from "~/utils/env.server";
import { startSession } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Council sign-in – Helping Hands" }];

// Public: the council's identity provider sends the browser back here. Not found unless SSO is configured.
export async function loader({ request }: LoaderFunctionArgs) {
  const settings = loadEnv().oidc;
  if (!settings) throw new Response("Not found", { status: 404, statusText: "Not Found" });
  const outcome = await finishSso(settings, request);
  const headers = new Headers();
  // An attempt is used once, whatever happened.
  headers.append("Set-Cookie", await clearPendingSsoCookie());
  if (outcome.ok) {
    headers.append("Set-Cookie", await startSession(outcome.userId));
    return redirect(outcome.redirectTo, { status: 303, headers });
  }
  const { reason, providerError, shown } = outcome;
  return json({ reason, providerError: providerError ?? null, shown: shown ?? null }, { status: outcome.status, headers });
}

function CodeLink() {
  return (
    <Link to="/sign-in" className="text-brand underline">
      sign in with a code sent to your email
    </Link>
  );
}

export default function SsoCallback() {
  const { reason, providerError, shown } = useLoaderData<typeof loader>();
  if (reason === "no_staff_account" || reason === "claim_missing" || reason === "email_not_verified") {
    return (
      <div className="max-w-2xl">
        <h1 className="mb-4 text-3xl font-bold">We could not find a staff account for you</h1>
        <p className="mb-4">
          {shown ? (
            <>
              We could not find a staff account for <strong className="break-all">{shown}</strong>.
            </>
          ) : (
            <>Your council account did not tell us who you are in a way we can use.</>
          )}
        </p>
        <p className="mb-4">
          Council sign-in is for staff who already have a Helping Hands account. Ask the Helping Hands team to add you, or{" "}
          <CodeLink />.
        </p>
      </div>
    );
  }
  if (reason === "provider_error" && (providerError === "access_denied" || providerError === "consent_required")) {
    return (
      <div className="max-w-2xl">
        <h1 className="mb-4 text-3xl font-bold">You did not sign in</h1>
        <p className="mb-4">The council&apos;s sign-in service says you cancelled or are not allowed to use Helping Hands.</p>
        <p>
          <Link to="/sign-in" className="text-brand underline">
            Go back to sign in
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">We could not sign you in</h1>
      <p className="mb-4">
        {reason === "flow_expired"
          ? "Your sign-in took too long, or was started in another browser or tab."
          : reason === "provider_unavailable"
            ? "We could not reach the council's sign-in service."
            : "Something went wrong between us and the council's sign-in service."}{" "}
        Start again from the sign-in page.
      </p>
      {providerError ? <p className="mb-4 text-sm">The sign-in service said: {providerError}</p> : null}
      <p>
        <Link to="/sign-in" className="text-brand underline">
          Go back to sign in
        </Link>{" "}
        or <CodeLink />.
      </p>
    </div>
  );
}
