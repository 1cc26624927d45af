import { describe, expect, it } from "vitest";
import { hoursLeft, linkRefusals, scoreOffer, shortList, type OfferFacts, type RequestFacts, type Rules } from "./matching";

const RULES: Rules = { managerApprovalRequired: true, under18NeedsDbs: true };

const offer = (id: string, o: Partial<OfferFacts> = {}): OfferFacts => ({
  id,
  skills: ["cv_help"],
  availability: ["tue_evening"],
  mode: "either",
  location: "Darlington",
  hoursPerMonth: 4,
  hoursLinked: 0,
  status: "active",
  managerApproved: true,
  volunteerGender: null,
  dbsClear: false,
  ...o,
});

const REQUEST: RequestFacts = {
  skills: ["cv_help", "interview_practice"],
  availability: ["tue_evening", "sat_day"],
  mode: "in_person",
  location: "Darlington",
  hoursPerMonth: 2,
  preferredGender: null,
  under18: false,
};

describe("ranking offers for a request", () => {
  // Each case: the offers, the request, the expected order and each offer's score and reasons.
  const cases: { name: string; offers: OfferFacts[]; request?: Partial<RequestFacts>; expected: { id: string; score: number; reasons: string[] }[] }[] = [
    {
      name: "both skills beat one skill; same town beats another town",
      offers: [
        offer("one-skill", { mode: "in_person", availability: ["tue_evening", "sat_day"] }),
        offer("both-skills", { skills: ["cv_help", "interview_practice"], mode: "in_person", availability: ["sat_day"] }),
        offer("other-town", { skills: ["cv_help", "interview_practice"], mode: "in_person", location: "Stockton", availability: ["sat_day"] }),
      ],
      expected: [
        { id: "both-skills", score: 60 + 15 + 10, reasons: ["Skills: CV help, Interview practice", "Free at the same times (1 of 2)", "Same area (Darlington)"] },
        { id: "other-town", score: 60 + 15, reasons: ["Skills: CV help, Interview practice", "Free at the same times (1 of 2)"] },
        { id: "one-skill", score: 30 + 30 + 10, reasons: ["Skills: CV help", "Free at the same times (2 of 2)", "Same area (Darlington)"] },
      ],
    },
    {
      name: "online on both sides counts as place; no shared time scores nothing for time",
      request: { mode: "either", location: null },
      offers: [offer("online", { mode: "online", location: null, availability: ["mon_day"] }), offer("in-person", { mode: "in_person", availability: ["tue_evening"] })],
      expected: [
        { id: "in-person", score: 30 + 15, reasons: ["Skills: CV help", "Free at the same times (1 of 2)"] },
        { id: "online", score: 30 + 10, reasons: ["Skills: CV help", "Can meet online"] },
      ],
    },
    {
      name: "a tie goes to the offer with more hours left, then by id",
      offers: [offer("b-less-left", { hoursLinked: 1 }), offer("c-same"), offer("a-same")],
      expected: [
        { id: "a-same", score: 30 + 15 + 10, reasons: ["Skills: CV help", "Free at the same times (1 of 2)", "Same area (Darlington)"] },
        { id: "c-same", score: 55, reasons: ["Skills: CV help", "Free at the same times (1 of 2)", "Same area (Darlington)"] },
        { id: "b-less-left", score: 55, reasons: ["Skills: CV help", "Free at the same times (1 of 2)", "Same area (Darlington)"] },
      ],
    },
    {
      name: "no skill in common, refused or full offers are left out",
      offers: [
        offer("no-skill", { skills: ["cooking"] }),
        offer("paused", { status: "paused" }),
        offer("full", { hoursLinked: 3 }),
        offer("online-only", { mode: "online" }),
        offer("fits"),
      ],
      expected: [{ id: "fits", score: 55, reasons: ["Skills: CV help", "Free at the same times (1 of 2)", "Same area (Darlington)"] }],
    },
  ];

  it.each(cases)("$name", ({ offers, request, expected }) => {
    const ranked = shortList(offers, { ...REQUEST, ...request }, RULES);
    expect(ranked.map((r) => ({ id: r.offerId, score: r.score, reasons: r.reasons }))).toEqual(expected);
  });

  it("keeps at most `limit` offers", () => {
    const offers = Array.from({ length: 15 }, (_, i) => offer(`o${String(i).padStart(2, "0")}`));
    expect(shortList(offers, REQUEST, RULES, 10)).toHaveLength(10);
    expect(shortList(offers, REQUEST, RULES, 3).map((r) => r.offerId)).toEqual(["o00", "o01", "o02"]);
  });

  it("scores an offer with no skill, time or place in common as 0, with no reasons", () => {
    expect(scoreOffer(offer("x", { skills: ["diy"], availability: ["sun_day"], mode: "in_person", location: "Leeds" }), REQUEST)).toEqual({ offerId: "x", score: 0, reasons: [] });
  });
});

describe("capacity", () => {
  it("an offer with 2 hours a month left cannot be linked for 4", () => {
    const twoLeft = offer("o", { hoursPerMonth: 6, hoursLinked: 4 });
    expect(hoursLeft(twoLeft)).toBe(2);
    expect(linkRefusals(twoLeft, REQUEST, RULES, 4)).toEqual(["The offer has 2 hours a month left, and this needs 4"]);
    expect(linkRefusals(twoLeft, REQUEST, RULES, 2)).toEqual([]);
  });

  it("an over-booked offer has no hours left, never a negative number", () => {
    const over = offer("o", { hoursPerMonth: 2, hoursLinked: 3 });
    expect(hoursLeft(over)).toBe(0);
    expect(linkRefusals(over, REQUEST, RULES, 1)).toEqual(["The offer has 0 hours a month left, and this needs 1"]);
  });

  it("uses the request's hours when no other number is given", () => {
    expect(linkRefusals(offer("o", { hoursPerMonth: 1 }), REQUEST, RULES)).toEqual(["The offer has 1 hour a month left, and this needs 2"]);
  });
});

describe("safeguarding and preferences", () => {
  const under18 = { ...REQUEST, under18: true };

  it("refuses an under-18 with a volunteer who has no clear DBS check", () => {
    expect(linkRefusals(offer("o", { dbsClear: false }), under18, RULES)).toEqual(["The young person is under 18 and the volunteer has no clear DBS check on record"]);
    expect(linkRefusals(offer("o", { dbsClear: true }), under18, RULES)).toEqual([]);
    expect(shortList([offer("no-dbs"), offer("dbs", { dbsClear: true })], under18, RULES).map((r) => r.offerId)).toEqual(["dbs"]);
  });

  it("needs no DBS check when the setting is off, or the young person is 18 or over", () => {
    expect(linkRefusals(offer("o"), under18, { ...RULES, under18NeedsDbs: false })).toEqual([]);
    expect(linkRefusals(offer("o"), REQUEST, RULES)).toEqual([]);
  });

  it("honours a preference for a woman volunteer", () => {
    const wantsWoman = { ...REQUEST, preferredGender: "woman" };
    expect(linkRefusals(offer("o", { volunteerGender: "man" }), wantsWoman, RULES)).toEqual(["The young person asked for a woman volunteer"]);
    // Not answered is not a match either: the preference is only met by a volunteer who said so.
    expect(linkRefusals(offer("o", { volunteerGender: null }), wantsWoman, RULES)).toEqual(["The young person asked for a woman volunteer"]);
    expect(linkRefusals(offer("o", { volunteerGender: "woman" }), wantsWoman, RULES)).toEqual([]);
  });

  it("needs the manager's yes when the setting asks for it", () => {
    expect(linkRefusals(offer("o", { managerApproved: null }), REQUEST, RULES)).toEqual(["The volunteer's manager has not approved the time"]);
    expect(linkRefusals(offer("o", { managerApproved: false }), REQUEST, { ...RULES, managerApprovalRequired: false })).toEqual([]);
  });

  it("lists every reason at once, in plain words", () => {
    const refusals = linkRefusals(offer("o", { status: "withdrawn", managerApproved: false, hoursLinked: 4, mode: "online", volunteerGender: "man" }), { ...under18, preferredGender: "woman" }, RULES);
    expect(refusals).toEqual([
      "The offer is withdrawn",
      "The volunteer's manager has not approved the time",
      "The offer has 0 hours a month left, and this needs 2",
      "The young person is under 18 and the volunteer has no clear DBS check on record",
      "The young person asked for a woman volunteer",
      "The young person wants help in person",
    ]);
  });
});
