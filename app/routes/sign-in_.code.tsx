import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, TextField, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { CODE_VALIDITY_MINUTES, formatWait, needsNewCode, signInCodeSchema, verifyFailureMessage } from "~/domain/sign-in";
import {
  RateLimited,
  clearPendingSignInCookie,
  clientIp,
  readPendingSignIn,
  verifySignInCode,
} from "~/services/sign-in.server";
import { startSession } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Check your email – Helping Hands" }];

export { passRetryAfter as headers } from "~/utils/http";

type ActionData = { kind: "form"; errors: FieldErrors; newCodeNeeded: boolean } | { kind: "rate_limited"; retryAfterSeconds: number };

// Public: the second step of signing in. Without a pending sign-in there is no code to enter.
export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await readPendingSignIn(request);
  if (!pending) throw redirect("/sign-in");
  return { email: pending.email, redirectTo: pending.redirectTo };
}

// Public: checks the code for the pending sign-in, then starts the session.
export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await readPendingSignIn(request);
  if (!pending) throw redirect("/sign-in", 303);
  const parsed = signInCodeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return json<ActionData>({ kind: "form", errors: fieldErrorsFrom(parsed.error.issues), newCodeNeeded: false }, { status: 400 });
  }
  let result;
  try {
    result = await verifySignInCode({ email: pending.email, code: parsed.data.code, ip: clientIp(context) });
  } catch (err) {
    if (!(err instanceof RateLimited)) throw err;
    return json<ActionData>(
      { kind: "rate_limited", retryAfterSeconds: err.retryAfterSeconds },
      { status: 429, headers: { "Retry-After": String(err.retryAfterSeconds) } },
    );
  }
  if (!result.ok) {
    const message = verifyFailureMessage(result.reason, result.triesLeft);
    return json<ActionData>({ kind: "form", errors: { code: message }, newCodeNeeded: needsNewCode(result.reason) }, { status: 400 });
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(result.userId));
  headers.append("Set-Cookie", await clearPendingSignInCookie());
  return redirect(pending.redirectTo, { status: 303, headers });
}

export default function SignInCode() {
  const { email, redirectTo } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const newCodeHref = `/sign-in?redirectTo=${encodeURIComponent(redirectTo)}`;
  if (data?.kind === "rate_limited") {
    return (
      <div className="max-w-2xl">
        <h1 className="mb-4 text-3xl font-bold">You have tried too many codes</h1>
        <p className="mb-4">To keep accounts safe, we limit how many codes can be tried.</p>
        <p className="mb-4">Wait {formatWait(data.retryAfterSeconds)}, then try again.</p>
        <p>
          <Link to="/sign-in/code" className="text-brand underline">
            Go back to enter your code
          </Link>
        </p>
      </div>
    );
  }
  const errors = data?.kind === "form" ? data.errors : undefined;
  const newCodeNeeded = data?.kind === "form" && data.newCodeNeeded;
  return (
    <div className="max-w-2xl">
      <ErrorSummary errors={errors} />
      <h1 className="mb-4 text-3xl font-bold">Check your email</h1>
      <p className="mb-4">
        We have sent a code to <strong className="break-all">{email}</strong>.
      </p>
      <p className="mb-6">The code lasts {CODE_VALIDITY_MINUTES} minutes and can be used once.</p>
      {newCodeNeeded ? (
        <p className="mb-6">
          <Link to={newCodeHref} className="inline-block bg-success px-4 py-2 font-bold text-white">
            Request a new code
          </Link>
        </p>
      ) : null}
      <Form method="post" noValidate>
        <TextField
          name="code"
          label="Code"
          hint="The code is 6 numbers."
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          maxLength={12}
          className="tracking-widest"
          error={errors?.code}
        />
        <Button>Sign in</Button>
      </Form>
      <h2 className="mb-2 mt-8 text-xl font-bold">Not received an email?</h2>
      <p className="mb-2">Emails can take a few minutes to arrive. Check your spam or junk folder.</p>
      <p>
        If it has not arrived, or you entered the wrong email address,{" "}
        <Link to={newCodeHref} className="text-brand underline">
          request a new code
        </Link>
        .
      </p>
    </div>
  );
}
