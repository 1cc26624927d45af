import { describe, expect, it } from "vitest";
import { EMPTY_SEARCH, jsonArrayLike, linkSchema, offerSearchOf, offerSearchParams, pageOf } from "./search";

describe("the search's query string", () => {
  it("reads known filters and ignores odd ones", () => {
    expect(offerSearchOf(new URLSearchParams("skill=cv_help&slot=mon_evening&mode=online&area=+Darlington+&hours=3&page=2"))).toEqual({
      skill: "cv_help",
      slot: "mon_evening",
      mode: "online",
      area: "Darlington",
      minHoursLeft: 3,
      page: 2,
    });
    expect(offerSearchOf(new URLSearchParams("skill=juggling&slot=mon_night&mode=bus&hours=-1&page=0"))).toEqual(EMPTY_SEARCH);
    expect(offerSearchOf(new URLSearchParams("hours=2.5&page=x"))).toEqual(EMPTY_SEARCH);
  });

  it("writes the filters back, leaving out the defaults", () => {
    expect(offerSearchParams(EMPTY_SEARCH)).toBe("");
    expect(offerSearchParams({ ...EMPTY_SEARCH, skill: "diy", minHoursLeft: 2, page: 3 }, { request: "r1" })).toBe("?skill=diy&hours=2&page=3&request=r1");
  });
});

it("finds a quoted key in a JSON array column, with LIKE's wildcards escaped", () => {
  expect(jsonArrayLike("cv_help")).toBe('%"cv\\_help"%');
});

it("clamps the page to the pages there are", () => {
  expect(pageOf(0, 3)).toEqual({ pages: 1, page: 1, skip: 0 });
  expect(pageOf(45, 9)).toEqual({ pages: 3, page: 3, skip: 40 });
});

it("reads the link form", () => {
  expect(linkSchema.safeParse({ offerId: "o1", hoursPerMonth: "4" })).toMatchObject({ success: true, data: { offerId: "o1", hoursPerMonth: 4 } });
  expect(linkSchema.safeParse({ offerId: "", hoursPerMonth: "0" }).error?.issues.map((i) => i.message)).toEqual(["Choose an offer to link", "Enter between 1 and 100 hours a month"]);
});
