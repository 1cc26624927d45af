import { describe, expect, it } from "vitest";
import {
  giftAidValue,
  DECLARATION_MESSAGES,
  GIFT_AID_WORDING_VERSION,
  giftAidDeclarationSchema,
  giftAidWording,
  isGiftAidOffered,
  normalisePostcode,
  wordingShown,
} from "./declaration";

const recognisedOn = new Date("2026-04-06T00:00:00Z");

describe("isGiftAidOffered", () => {
  it.each([
    ["recognised, after the date", "recognised", recognisedOn, "2026-05-01T12:00:00Z", true],
    ["recognised, on the date", "recognised", recognisedOn, "2026-04-06T00:00:00Z", true],
    ["recognised, before the date", "recognised", recognisedOn, "2026-04-05T23:59:59Z", false],
    ["recognised without a date", "recognised", null, "2026-05-01T00:00:00Z", false],
    ["not registered", "not_registered", recognisedOn, "2026-05-01T00:00:00Z", false],
  ] as const)("%s → %s", (_name, charityStatus, hmrcRecognisedOn, now, expected) => {
    expect(isGiftAidOffered({ charityStatus, hmrcRecognisedOn }, new Date(now))).toBe(expected);
  });
});

describe("the HMRC wording", () => {
  const w = giftAidWording("Children in Our Care Fund");
  it("names the fund, says the donor wants Gift Aid, and carries the tax warning", () => {
    expect(w.statement).toContain("I want Children in Our Care Fund to treat the donation(s) as Gift Aid donations");
    expect(w.taxWarning).toContain("if I pay less Income Tax and/or Capital Gains Tax in the current tax year than the amount of Gift Aid claimed on all my donations it is my responsibility to pay any difference");
    expect(w.scopes.this_gift).toBe("This gift only");
    expect(w.scopes.all_gifts).toBe("This gift and all gifts I have made in the past 4 years and all future gifts");
    expect(GIFT_AID_WORDING_VERSION).toBeGreaterThanOrEqual(1);
  });
  it("the stored text holds the statement, the chosen scope and the warning", () => {
    const shown = wordingShown("The Fund", "all_gifts");
    expect(shown).toContain(giftAidWording("The Fund").statement);
    expect(shown).toContain("past 4 years");
    expect(shown).toContain("responsibility to pay any difference");
    expect(wordingShown("The Fund", "this_gift")).toContain("This gift only");
  });
});

describe("normalisePostcode", () => {
  it.each([
    ["SW1A 1AA", "SW1A 1AA"],
    ["sw1a1aa", "SW1A 1AA"],
    ["  m1   1ae ", "M1 1AE"],
    ["b33 8th", "B33 8TH"],
    ["CR2 6XH", "CR2 6XH"],
    ["DN55 1PT", "DN55 1PT"],
    ["W1A 0AX", "W1A 0AX"],
    ["ec1a1bb", "EC1A 1BB"],
    ["GIR 0AA", "GIR 0AA"],
  ])("%j → %j", (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });
  it.each(["", "SW1A", "12345", "SW1A 1A", "SW1A 1AAA", "Q1 1AA", "SW1A 1CA", "1AA SW1", "SW1A-1AA", "AAA1 1AA"])("%j is not a postcode", (input) => {
    expect(normalisePostcode(input)).toBeNull();
  });
});

describe("giftAidDeclarationSchema", () => {
  const good = { firstName: "Ann", lastName: "Smith-Jones", houseNameOrNumber: "12", postcode: "sw1a1aa", scope: "all_gifts" };
  const errorsOf = (input: Record<string, unknown>) => {
    const r = giftAidDeclarationSchema.safeParse(input);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
  };

  it("accepts a declaration, normalising the postcode and dropping an empty title", () => {
    const r = giftAidDeclarationSchema.parse({ ...good, title: "  ", firstName: "  Ann  " });
    expect(r).toEqual({ firstName: "Ann", lastName: "Smith-Jones", houseNameOrNumber: "12", postcode: "SW1A 1AA", scope: "all_gifts" });
    expect(giftAidDeclarationSchema.parse({ ...good, title: "Mrs" }).title).toBe("Mrs");
  });

  it.each([
    ["title too long", { title: "Professor" }, "title", DECLARATION_MESSAGES.titleTooLong],
    ["no first name", { firstName: " " }, "firstName", DECLARATION_MESSAGES.firstNameEmpty],
    ["first name missing", { firstName: undefined }, "firstName", DECLARATION_MESSAGES.firstNameEmpty],
    ["first name 36 characters", { firstName: "A".repeat(36) }, "firstName", DECLARATION_MESSAGES.firstNameTooLong],
    ["no last name", { lastName: "" }, "lastName", DECLARATION_MESSAGES.lastNameEmpty],
    ["last name 36 characters", { lastName: "B".repeat(36) }, "lastName", DECLARATION_MESSAGES.lastNameTooLong],
    ["no house", { houseNameOrNumber: "" }, "houseNameOrNumber", DECLARATION_MESSAGES.houseEmpty],
    ["no postcode", { postcode: "" }, "postcode", DECLARATION_MESSAGES.postcodeEmpty],
    ["bad postcode", { postcode: "NOT A CODE" }, "postcode", DECLARATION_MESSAGES.postcodeInvalid],
    ["no scope", { scope: undefined }, "scope", DECLARATION_MESSAGES.scopeEmpty],
    ["unknown scope", { scope: "some_gifts" }, "scope", DECLARATION_MESSAGES.scopeEmpty],
  ] as const)("%s", (_name, change, field, message) => {
    expect(errorsOf({ ...good, ...change })[field]).toBe(message);
  });

  it("accepts names of exactly 35 characters and a 4-character title", () => {
    expect(giftAidDeclarationSchema.safeParse({ ...good, title: "Prof", firstName: "A".repeat(35), lastName: "B".repeat(35) }).success).toBe(true);
  });
});

describe("giftAidValue", () => {
  it.each([
    [1000, 250],
    [1003, 250],
    [1, 0],
    [4, 1],
  ])("Gift Aid on %i pence is %i pence", (amount, expected) => {
    expect(giftAidValue(amount)).toBe(expected);
  });
});
