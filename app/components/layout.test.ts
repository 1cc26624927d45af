import { describe, expect, it } from "vitest";
import { isActivePath, navFor } from "./layout";

describe("isActivePath", () => {
  it("marks the item for the page and for pages within it", () => {
    expect(isActivePath("/panel", "/panel")).toBe(true);
    expect(isActivePath("/panel/applications/a1", "/panel")).toBe(true);
    expect(isActivePath("/coordinator/mentoring/cohorts", "/coordinator/mentoring")).toBe(true);
  });

  it("does not mark an item whose path is only a prefix of another word, nor Home for every page", () => {
    expect(isActivePath("/panelling", "/panel")).toBe(false);
    expect(isActivePath("/giving-time", "/giving")).toBe(false);
    expect(isActivePath("/giving", "/")).toBe(false);
    expect(isActivePath("/", "/")).toBe(true);
  });
});

describe("navFor", () => {
  it("shows everyone the public pages and each role its own", () => {
    expect(navFor(null).map((i) => i.to)).toEqual(["/", "/donate", "/campaigns", "/support", "/impact"]);
    expect(navFor({ firstName: "Priya", roles: ["panel"] }).map((i) => i.to)).toContain("/panel");
    expect(navFor({ firstName: "Priya", roles: ["panel"] }).map((i) => i.to)).not.toContain("/finance");
  });
});
