// The admin's erasure form (issue 10): why the data is erased, and a confirmation that it cannot be undone.
// Shared by the erase page and its action. Pure.
import { z } from "zod";
import { checkboxList, requiredText } from "../form-fields";

export const REASON_MAX = 500;

export const erasureFormSchema = z.object({
  reason: requiredText(
    "Enter why the data is being erased, for example the date and way the person asked",
    REASON_MAX,
    `The reason must be ${REASON_MAX} characters or fewer`,
  ),
  confirm: checkboxList.refine((v) => v.includes("yes"), "Confirm that you understand the erasure cannot be undone"),
});
export type ErasureForm = z.infer<typeof erasureFormSchema>;
