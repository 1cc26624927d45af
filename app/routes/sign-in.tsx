import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, TextField, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { formatWait, safeRedirectTo, signInRequestSchema } from "~/domain/sign-in";
import { RateLimited, clientIp, pendingSignInCookie, requestSignInCode } from "~/services/sign-in.server";
import { loadEnv } from "~/utils/env.server";

export const meta: MetaFunction = () => [{ title: "Sign in – Helping Hands" }];

export { passRetryAfter as headers } from "~/utils/http";

type ActionData = { kind: "form"; errors: FieldErrors; email: string } | { kind: "rate_limited"; retryAfterSeconds: number };

// Public: this is how people sign in.
export async function loader({ request }: LoaderFunctionArgs) {
  // Staff single sign-on, when the council's identity provider is configured (docs/decisions/0018-staff-sso.md).
  const ssoLabel = loadEnv().oidc?.label ?? null;
  return { redirectTo: safeRedirectTo(new URL(request.url).searchParams.get("redirectTo")), ssoLabel };
}

// Public: anyone may ask for a code; the answer never says whether the address has an account.
export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const parsed = signInRequestSchema.safeParse(form);
  if (!parsed.success) {
    const email = typeof form.email === "string" ? form.email : "";
    return json<ActionData>({ kind: "form", errors: fieldErrorsFrom(parsed.error.issues), email }, { status: 400 });
  }
  const { email, redirectTo } = parsed.data;
  try {
    await requestSignInCode({ email, ip: clientIp(context) });
  } catch (err) {
    if (!(err instanceof RateLimited)) throw err;
    return json<ActionData>(
      { kind: "rate_limited", retryAfterSeconds: err.retryAfterSeconds },
      { status: 429, headers: { "Retry-After": String(err.retryAfterSeconds) } },
    );
  }
  // The email rides in a signed cookie, not the URL, so it stays out of logs and browser history.
  return redirect("/sign-in/code", { status: 303, headers: { "Set-Cookie": await pendingSignInCookie({ email, redirectTo }) } });
}

export default function SignIn() {
  const { redirectTo, ssoLabel } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  if (data?.kind === "rate_limited") {
    return (
      <div className="max-w-2xl">
        <h1 className="mb-4 text-3xl font-bold">You have asked for too many codes</h1>
        <p className="mb-4">To keep accounts safe, we limit how many sign-in codes can be sent.</p>
        <p className="mb-4">Wait {formatWait(data.retryAfterSeconds)}, then try again.</p>
        <p>
          <Link to={`/sign-in?redirectTo=${encodeURIComponent(redirectTo)}`} className="text-brand underline">
            Go back to sign in
          </Link>
        </p>
      </div>
    );
  }
  const errors = data?.kind === "form" ? data.errors : undefined;
  return (
    <div className="max-w-2xl">
      <ErrorSummary errors={errors} />
      <h1 className="mb-4 text-3xl font-bold">Sign in</h1>
      <p className="mb-6">We will email you a code to sign in. You do not need a password.</p>
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="email"
          label="Email address"
          hint="Use the email address the council has for you, for example your work email."
          type="email"
          autoComplete="email"
          spellCheck={false}
          defaultValue={data?.kind === "form" ? data.email : ""}
          error={errors?.email}
        />
        <Button>Send me a code</Button>
      </Form>
      {ssoLabel ? (
        <>
          <h2 className="mb-2 mt-8 text-xl font-bold">Council staff</h2>
          <p className="mb-4">If you work for the council, you can sign in with the account you use at work instead.</p>
          {/* A full page post: the answer is a redirect to the council's sign-in page, on another site. */}
          <Form method="post" action="/sign-in/sso" reloadDocument>
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <Button variant="secondary">{ssoLabel}</Button>
          </Form>
        </>
      ) : null}
    </div>
  );
}
