// Give by card, step 3b: the Gift Aid declaration (name, home address, which gifts it covers).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, TextField, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { Inset, JourneyPage, Radios } from "~/components/pledge-ui";
import { giftAidDeclarationSchema, giftAidWording } from "~/domain/gift-aid/declaration";
import { guardGiftAidStep, saveDonateDraft } from "~/services/campaigns.server";

export const meta: MetaFunction = () => [{ title: "Your Gift Aid declaration – Helping Hands" }];

const FIELDS = ["title", "firstName", "lastName", "houseNameOrNumber", "postcode", "scope"] as const;
type Values = Record<(typeof FIELDS)[number], string>;


export async function loader({ request }: LoaderFunctionArgs) {
  const { draft, settings } = await guardGiftAidStep(request, "declaration");
  const d = draft.declaration;
  const [first = "", ...rest] = (draft.donorName ?? "").split(/\s+/);
  const values: Values = {
    title: d?.title ?? "",
    firstName: d?.firstName ?? first,
    lastName: d?.lastName ?? rest.join(" "),
    houseNameOrNumber: d?.houseNameOrNumber ?? "",
    postcode: d?.postcode ?? "",
    scope: d?.scope ?? "",
  };
  return { values, wording: giftAidWording(settings.fundName) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { draft } = await guardGiftAidStep(request, "declaration");
  const form = Object.fromEntries(await request.formData());
  const values = Object.fromEntries(FIELDS.map((k) => [k, typeof form[k] === "string" ? String(form[k]) : ""])) as Values;
  const parsed = giftAidDeclarationSchema.safeParse(values);
  if (!parsed.success) return json<{ errors: FieldErrors; values: Values }>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
  const cookie = await saveDonateDraft(request, { ...draft, declaration: parsed.data });
  return redirect("/donate/check", { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function DonateDeclaration() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result?.values ?? data.values;
  const errors = result?.errors;
  return (
    <JourneyPage back="/donate/gift-aid" errors={errors}>
      <h1 className="mb-4 text-3xl font-bold">Your Gift Aid declaration</h1>
      <p className="mb-4">HMRC needs your name and home address to accept the claim.</p>
      <Form method="post" noValidate>
        <TextField name="title" label="Title (optional)" hint="For example Mr, Mrs, Ms or Dr" autoComplete="honorific-prefix" className="max-w-24" defaultValue={v.title} error={errors?.title} />
        <TextField name="firstName" label="First name" autoComplete="given-name" spellCheck={false} defaultValue={v.firstName} error={errors?.firstName} />
        <TextField name="lastName" label="Last name" autoComplete="family-name" spellCheck={false} defaultValue={v.lastName} error={errors?.lastName} />
        <TextField name="houseNameOrNumber" label="House name or number" autoComplete="address-line1" defaultValue={v.houseNameOrNumber} error={errors?.houseNameOrNumber} />
        <TextField name="postcode" label="Postcode" autoComplete="postal-code" spellCheck={false} className="max-w-40" defaultValue={v.postcode} error={errors?.postcode} />
        <Radios
          name="scope"
          legend="Which gifts do you want to Gift Aid?"
          error={errors?.scope}
          defaultValue={v.scope}
          options={[
            { value: "this_gift", label: data.wording.scopes.this_gift },
            { value: "all_gifts", label: data.wording.scopes.all_gifts },
          ]}
        />
        <Inset testId="gift-aid-declaration-wording">
          <p className="mb-2">{data.wording.statement}</p>
          <p className="font-bold">{data.wording.taxWarning}</p>
        </Inset>
        <Button>Continue</Button>
      </Form>
    </JourneyPage>
  );
}
