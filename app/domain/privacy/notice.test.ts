import { describe, expect, it } from "vitest";
import { parseInventory } from "./inventory";
import { audienceOf, buildNotice, retentionText } from "./notice";

const HEADER = "| Field | Data | Personal | Purpose | Lawful basis | Who can see it | Retention | Audiences |\n| --- | --- | --- | --- | --- | --- | --- | --- |";

const inventory = (extraRow = "") =>
  parseInventory(`## Model: Donation — Your card gift

${HEADER}
| id | — | no | Identifies the gift. | — | finance | with the record | — |
| donorEmail | Your email address | yes | To send your receipt. | art. 6(1)(b) contract | self, finance | {retainGiftAidYears} years after the accounting period | donor |
${extraRow}

## Model: HelpRequest — Your request for help

${HEADER}
| details | What you want, in your words | special category | To find the right volunteer. | art. 6(1)(e) public task; art. 9(2)(g) substantial public interest | self, personal_adviser, coordinator | with the record | young_person |
`);

describe("buildNotice", () => {
  it("lists the audience's personal fields under the inventory's titles, with the council's current setting", () => {
    const notice = buildNotice(inventory(), "donor", { retainGiftAidYears: 6 });
    expect(notice).toEqual([
      {
        model: "Donation",
        title: "Your card gift",
        items: [
          {
            data: "Your email address",
            purpose: "To send your receipt.",
            basis: "art. 6(1)(b) contract",
            who: "you, finance officers",
            retention: "6 years after the accounting period",
            extraCare: false,
          },
        ],
      },
    ]);
  });

  it("shows a field added to the inventory in its audience's notice and in no other", () => {
    const added = "| anonymous | Whether your name is hidden | yes | To respect your choice. | art. 6(1)(a) consent | self | with the record | donor |";
    expect(buildNotice(inventory(added), "donor", null)[0].items.map((i) => i.data)).toEqual(["Your email address", "Whether your name is hidden"]);
    expect(buildNotice(inventory(added), "staff", null)).toEqual([]);
    expect(buildNotice(inventory(added), "young_person", null).flatMap((s) => s.items.map((i) => i.data))).toEqual(["What you want, in your words"]);
  });

  it("puts the legal terms into plain words for young people", () => {
    const [section] = buildNotice(inventory(), "young_person", null);
    expect(section.items[0]).toMatchObject({
      who: "you, your personal adviser, the programme coordinator",
      extraCare: true,
    });
    expect(section.items[0].basis).toMatch(/^It is part of the council's job\. The law lets us use extra-private information/);
    expect(section.items[0].basis).not.toMatch(/art\.|6\(1\)|lawful basis/i);
  });
});

describe("retentionText", () => {
  it("says what the council has set, or a plain fallback before settings exist", () => {
    expect(retentionText("{retainGiftAidYears} years after the end of the accounting period", { retainGiftAidYears: 7 })).toBe("7 years after the end of the accounting period");
    expect(retentionText("{retainGiftAidYears} years after the end", null)).toBe("the number of years the council sets after the end");
    expect(retentionText("with the record", null)).toBe("with the record");
  });
});

describe("audienceOf", () => {
  it("knows the three notices' addresses and nothing else", () => {
    expect([audienceOf("staff"), audienceOf("donors"), audienceOf("young-people"), audienceOf("donor"), audienceOf("toString")]).toEqual(["staff", "donor", "young_person", null, null]);
  });
});
