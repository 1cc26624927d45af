import { describe, expect, it } from "vitest";
import { donationAmountSchema, donorDetailsSchema, presetsWithin, publicDonorName } from "./donate";

const limits = { minPence: 100, maxPence: 1_000_000 };

describe("the amount step", () => {
  const schema = donationAmountSchema(limits);
  it("takes a preset", () => {
    expect(schema.parse({ amount: "1000" })).toBe(1000);
  });
  it("takes another amount in pounds", () => {
    expect(schema.parse({ amount: "other", otherAmount: "£12.50" })).toBe(1250);
  });
  it.each([
    [{}, "amount", "Choose how much you want to give"],
    [{ amount: "1234" }, "amount", "Choose how much you want to give"],
    [{ amount: "other", otherAmount: "" }, "otherAmount", "Enter how much you want to give"],
    [{ amount: "other", otherAmount: "ten" }, "otherAmount", "Enter an amount in pounds, like 10 or 10.50"],
    [{ amount: "other", otherAmount: "0.50" }, "otherAmount", "Enter an amount of at least £1"],
    [{ amount: "other", otherAmount: "10001" }, "otherAmount", "Enter an amount of £10,000 or less"],
  ])("%j → %s: %s", (input, field, message) => {
    const r = schema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: [field], message });
  });
  it("refuses a preset outside the limits", () => {
    expect(donationAmountSchema({ minPence: 2000, maxPence: 100_000 }).safeParse({ amount: "1000" }).success).toBe(false);
    expect(presetsWithin({ minPence: 2000, maxPence: 100_000 })).toEqual([2500, 5000]);
  });
});

describe("your details", () => {
  it("reads name, email and anonymity", () => {
    expect(donorDetailsSchema.parse({ donorName: " Pat Jones ", donorEmail: "pat@example.com", anonymous: "yes" })).toEqual({
      donorName: "Pat Jones",
      donorEmail: "pat@example.com",
      anonymous: true,
    });
    expect(donorDetailsSchema.parse({ donorName: "Pat", donorEmail: "pat@example.com" }).anonymous).toBe(false);
  });
  it("names what is wrong", () => {
    const r = donorDetailsSchema.safeParse({ donorName: "", donorEmail: "nope" });
    expect(r.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["donorName", "Enter your full name"],
      ["donorEmail", "Enter an email address in the correct format, like name@example.com"],
    ]);
  });
  it("hides an anonymous donor's name", () => {
    expect(publicDonorName({ donorName: "Pat Jones", anonymous: true })).toBe("Anonymous");
    expect(publicDonorName({ donorName: "Pat Jones", anonymous: false })).toBe("Pat Jones");
  });
});
