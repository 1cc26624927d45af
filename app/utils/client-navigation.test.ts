import { describe, expect, it } from "vitest";
import { clientNavigationTarget, type LinkClick } from "./client-navigation";

const ORIGIN = "https://helping-hands.council.example";
/** The page the clicks happen on. */
const HERE = { origin: ORIGIN, pathname: "/", search: "" };

function anchor(href: string, attributes: Record<string, string> = {}) {
  const a = { href: new URL(href, ORIGIN).href, target: attributes.target ?? "", hasAttribute: (name: string) => name in attributes };
  return { closest: (selector: string) => (selector === "a[href]" ? a : null) };
}

const click = (target: unknown, over: Partial<LinkClick> = {}): LinkClick => ({
  button: 0,
  metaKey: false,
  altKey: false,
  ctrlKey: false,
  shiftKey: false,
  defaultPrevented: false,
  target,
  ...over,
});

describe("clientNavigationTarget", () => {
  it("takes a plain left click on a link to this site, keeping its query and fragment", () => {
    expect(clientNavigationTarget(click(anchor("/panel/applications/a1")), HERE)).toBe("/panel/applications/a1");
    expect(clientNavigationTarget(click(anchor("/panel?show=score&page=2#list")), HERE)).toBe("/panel?show=score&page=2#list");
  });

  it("leaves to the browser a click that asks for a new tab or window, a download, or another frame", () => {
    for (const key of ["metaKey", "ctrlKey", "shiftKey", "altKey"] as const) {
      expect(clientNavigationTarget(click(anchor("/panel"), { [key]: true }), HERE)).toBeNull();
    }
    expect(clientNavigationTarget(click(anchor("/panel"), { button: 1 }), HERE)).toBeNull();
    expect(clientNavigationTarget(click(anchor("/minutes.csv", { download: "" })), HERE)).toBeNull();
    expect(clientNavigationTarget(click(anchor("/panel", { target: "_blank" })), HERE)).toBeNull();
    expect(clientNavigationTarget(click(anchor("/panel", { target: "_self" })), HERE)).toBe("/panel");
  });

  it("leaves to the browser a link to a place on the same page (an error summary's), not one on another page", () => {
    const here = { origin: ORIGIN, pathname: "/finance/periods/p1", search: "?error=layout" };
    expect(clientNavigationTarget(click(anchor("/finance/periods/p1?error=layout#layoutId")), here)).toBeNull();
    expect(clientNavigationTarget(click(anchor("/finance/periods/p1#layoutId")), here)).toBe("/finance/periods/p1#layoutId");
    expect(clientNavigationTarget(click(anchor("/finance/periods?error=layout#layoutId")), here)).toBe("/finance/periods?error=layout#layoutId");
    expect(clientNavigationTarget(click(anchor("/finance/periods/p1?error=layout")), here)).toBe("/finance/periods/p1?error=layout");
  });

  it("leaves links to other sites, clicks already handled, and clicks outside any link", () => {
    expect(clientNavigationTarget(click(anchor("https://www.gov.uk/")), HERE)).toBeNull();
    expect(clientNavigationTarget(click(anchor("/panel"), { defaultPrevented: true }), HERE)).toBeNull();
    expect(clientNavigationTarget(click({ closest: () => null }), HERE)).toBeNull();
    expect(clientNavigationTarget(click(null), HERE)).toBeNull();
  });
});
