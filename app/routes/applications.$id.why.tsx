// Application step 3: why it matters, in the applicant's own words.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TextArea } from "~/components/forms";
import { StepPage } from "~/components/application-ui";
import { whySchema } from "~/domain/applications/form";
import { loadStep, saveStepAction } from "~/utils/application-steps.server";

export const meta: MetaFunction = () => [{ title: "Why does this matter? – Helping Hands" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return await loadStep(request, params.id ?? "", "why");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return saveStepAction(request, params.id ?? "", "why", () => whySchema);
}

export default function WhyStep() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result?.values ?? { whyItMatters: data.answers.whyItMatters ?? "" };
  return (
    <StepPage back={data.back} errors={result?.errors} reference={data.reference}>
      <TextArea
        name="whyItMatters"
        labelIsHeading
        label={data.isYoungPerson ? "Why does this matter to you?" : `Why does this matter to ${data.youngPersonName}?`}
        hint="Tell us what difference it will make, for example to your studies, your work or your home. You do not need to tell us about your time in care."
        rows={8}
        defaultValue={v.whyItMatters}
        error={result?.errors?.whyItMatters}
      />
    </StepPage>
  );
}
