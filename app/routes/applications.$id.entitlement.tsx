// Application step 4: the statutory entitlement check. The fund adds to what the council must already
// provide (for example the Higher Education Bursary or the Setting Up Home Allowance), never replaces it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TextArea, TextField } from "~/components/forms";
import { Radios } from "~/components/pledge-ui";
import { StepPage } from "~/components/application-ui";
import { ENTITLEMENT_ANSWERS, ENTITLEMENT_LABELS, entitlementSchema } from "~/domain/applications/form";
import { loadStep, saveStepAction } from "~/utils/application-steps.server";

export const meta: MetaFunction = () => [{ title: "Does other support already pay for this? – Helping Hands" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return await loadStep(request, params.id ?? "", "entitlement");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return saveStepAction(request, params.id ?? "", "entitlement", () => entitlementSchema);
}

export default function EntitlementStep() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const a = data.answers;
  const v = result?.values ?? { entitlementCovers: a.entitlementCovers ?? "", entitlementNames: a.entitlementNames ?? "", entitlementWhyNeeded: a.entitlementWhyNeeded ?? "" };
  const e = result?.errors;
  return (
    <StepPage back={data.back} errors={e} reference={data.reference}>
      <Radios
        name="entitlementCovers"
        legendIsHeading
        legend="Does other support from the council already pay for this?"
        hint={
          <>
            <p className="mb-2">Care leavers can get support the council must give, for example:</p>
            <ul className="mb-2 list-disc pl-6">
              <li>the Higher Education Bursary, for university</li>
              <li>the Setting Up Home Allowance, for a first home</li>
              <li>the 16 to 19 Bursary, for school or college</li>
              <li>other help the council gives care leavers</li>
            </ul>
            <p>The fund adds to this support. It does not replace it. Your personal adviser can help you answer.</p>
          </>
        }
        error={e?.entitlementCovers}
        defaultValue={v.entitlementCovers}
        options={ENTITLEMENT_ANSWERS.map((x) => ({ value: x, label: ENTITLEMENT_LABELS[x] }))}
      />
      <h2 className="mb-2 text-2xl font-bold">If other support pays for all or part of it</h2>
      <TextField name="entitlementNames" label="Which support?" hint="For example: Setting Up Home Allowance" defaultValue={v.entitlementNames} error={e?.entitlementNames} />
      <TextArea name="entitlementWhyNeeded" label="Why do you still need this from the fund?" hint="For example: the allowance has been spent on a bed and a cooker, and this is for a washing machine." defaultValue={v.entitlementWhyNeeded} error={e?.entitlementWhyNeeded} />
    </StepPage>
  );
}
