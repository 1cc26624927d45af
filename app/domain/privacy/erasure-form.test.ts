import { describe, expect, it } from "vitest";
import { erasureFormSchema } from "./erasure-form";

describe("erasureFormSchema", () => {
  it("needs a reason and the confirmation", () => {
    const r = erasureFormSchema.safeParse({ reason: "  ", confirm: undefined });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["reason", "Enter why the data is being erased, for example the date and way the person asked"],
      ["confirm", "Confirm that you understand the erasure cannot be undone"],
    ]);
  });
  it("accepts a trimmed reason with the box ticked", () => {
    expect(erasureFormSchema.parse({ reason: " Asked by email on 3 May ", confirm: "yes" })).toEqual({ reason: "Asked by email on 3 May", confirm: ["yes"] });
  });
  it("refuses a reason that is too long", () => {
    expect(erasureFormSchema.safeParse({ reason: "x".repeat(501), confirm: "yes" }).success).toBe(false);
  });
});
