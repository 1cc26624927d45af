// "Your account" (any signed-in user): name, email and roles as the service holds them, and for staff the
// monthly update on what the fund did, yes or no.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorSummary, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { Radios, SummaryList } from "~/components/pledge-ui";
import { ROLE_LABELS } from "~/domain/roles";
import { accountFor, canHaveDigest, setDigestOptIn } from "~/services/digest.server";
import { requireUser } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Your account – Helping Hands" }];

const DIGEST_LEGEND = "Email me a monthly update on what the fund did";
const digestSchema = z.object({ digest: z.enum(["yes", "no"], { error: "Select yes if you want a monthly update on what the fund did" }) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const account = await accountFor(user.id);
  return { ...account, roles: user.roles.map((r) => ROLE_LABELS[r]), canHaveDigest: canHaveDigest(user.roles) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!canHaveDigest(user.roles)) throw new Response("The monthly update is for council staff who give to the fund.", { status: 403, statusText: "Forbidden" });
  const parsed = digestSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json<{ errors: FieldErrors }>({ errors: fieldErrorsFrom(parsed.error.issues) }, { status: 400 });
  const yes = parsed.data.digest === "yes";
  await setDigestOptIn({ userId: user.id, roles: user.roles }, yes);
  const cookie = await setFlash(request, {
    kind: "success",
    message: yes ? "You will get a monthly update on what the fund did, early each month." : "You will not get the monthly update any more.",
  });
  return redirect("/account", { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function Account() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="max-w-3xl">
      <ErrorSummary errors={result?.errors} />
      <h1 className="mb-6 text-3xl font-bold">Your account</h1>
      <SummaryList
        testId="account-details"
        rows={[
          { key: "Name", value: data.name },
          { key: "Email address", value: data.email },
          { key: data.roles.length === 1 ? "Role" : "Roles", value: data.roles.join(", ") || "None" },
        ]}
      />
      <p className="mb-8">If your name, email address or role is wrong, ask the programme coordinator to change it.</p>
      <section aria-labelledby="your-data-heading" className="mb-8">
        <h2 id="your-data-heading" className="mb-4 text-2xl font-bold">
          Your data
        </h2>
        <p className="mb-2">You can see everything the service holds about you, and keep a copy.</p>
        <ul className="list-disc pl-6">
          <li>
            <a href="/account/export" className="text-brand underline">
              Everything we hold about you (to read or print)
            </a>
          </li>
          <li>
            <a href="/account/export.json" className="text-brand underline" download>
              Download it as a file (JSON)
            </a>
          </li>
        </ul>
      </section>
      {data.canHaveDigest ? (
        <section aria-labelledby="digest-heading">
          <h2 id="digest-heading" className="mb-4 text-2xl font-bold">
            Monthly update
          </h2>
          <p className="mb-4">
            Early each month we can email you what the fund did the month before: money in, what awards paid for, time given, mentoring and
            a story from a young person. Small numbers are hidden so nobody can be identified. Every email has a link to stop them.
          </p>
          <Form method="post" noValidate>
            <Radios
              name="digest"
              legend={DIGEST_LEGEND}
              error={result?.errors?.digest}
              defaultValue={data.digestOptIn ? "yes" : "no"}
              options={[
                { value: "yes", label: "Yes" },
                { value: "no", label: "No" },
              ]}
            />
            <Button id="save">Save</Button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
