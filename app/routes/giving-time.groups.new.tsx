// Set up a group (employee): a team or service that offers time together; whoever sets it up is its contact.
// Then straight on to the group's first offer.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Button, TextArea, TextField, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { JourneyPage } from "~/components/pledge-ui";
import { groupSchema } from "~/domain/talent/forms";
import { createGroup } from "~/services/time-offers.server";
import { actorOf } from "~/utils/application-steps.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Set up a group – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["employee"]);
  return null;
}

type Values = { name: string; description: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["employee"]);
  const form = await request.formData();
  const values: Values = { name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") };
  const parsed = groupSchema.safeParse(values);
  if (!parsed.success) return json<{ errors: FieldErrors; values: Values }>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
  const { id } = await createGroup(actorOf(user), parsed.data);
  return redirect(`/giving-time/offer/new?group=${id}`, { status: 303 });
}

export default function NewGroup() {
  const result = useActionData<typeof action>();
  const e = result?.errors;
  return (
    <JourneyPage back="/giving-time" errors={e}>
      <h1 className="mb-4 text-3xl font-bold">Set up a group</h1>
      <p className="mb-6">
        A team or service can offer time together, like a library team offering its design equipment and sessions. You will be the group's contact:
        the coordinator links young people with the group through you.
      </p>
      <Form method="post" noValidate>
        <TextField name="name" label="Name of the team or service" defaultValue={result?.values.name} error={e?.name} />
        <TextArea name="description" label="What can the group offer?" hint="For example, the equipment, space or sessions you can share." defaultValue={result?.values.description} error={e?.description} />
        <Button>Continue to the group's offer</Button>
      </Form>
    </JourneyPage>
  );
}
