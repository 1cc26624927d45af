// Application step 1: what the money is for (a category and, in the applicant's words, what they need).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TextArea } from "~/components/forms";
import { Radios } from "~/components/pledge-ui";
import { StepPage } from "~/components/application-ui";
import { CATEGORIES, CATEGORY_LABELS, purposeSchema } from "~/domain/applications/form";
import { loadStep, saveStepAction } from "~/utils/application-steps.server";

export const meta: MetaFunction = () => [{ title: "What is the money for? – Helping Hands" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return await loadStep(request, params.id ?? "", "purpose");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return saveStepAction(request, params.id ?? "", "purpose", () => purposeSchema);
}

export default function PurposeStep() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result?.values ?? { category: data.answers.category ?? "", purpose: data.answers.purpose ?? "" };
  const e = result?.errors;
  return (
    <StepPage back={data.back} errors={e} reference={data.reference}>
      <Radios
        name="category"
        legendIsHeading
        legend={data.isYoungPerson ? "What is the money for?" : `What is the money for ${data.youngPersonName}?`}
        error={e?.category}
        defaultValue={v.category}
        options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
      />
      <TextArea
        name="purpose"
        label="What do you need?"
        hint="For example: a laptop for my college course in health and social care."
        defaultValue={v.purpose}
        error={e?.purpose}
      />
    </StepPage>
  );
}
