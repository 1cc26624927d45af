import { createElement, Fragment, useId, useState, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { createMarkupCache } from "~/utils/markup-cache.server";
import { PureMarkup, PureMarkupProvider, type PureMarkupRenderer } from "./pure-markup";

type Row = { id: string; name: string; count: number; when?: Date | string };

let renders = 0;
/** Adjacent text (React separates it with <!-- -->), text to escape and a date: what a real table has. */
function rows(data: readonly Row[]): ReactNode {
  renders++;
  return data.map((r) =>
    createElement(
      "tr",
      { key: r.id, "data-id": r.id },
      createElement("th", { scope: "row" }, createElement("a", { href: `/things/${r.id}` }, r.name)),
      createElement("td", null, r.count, " ", r.count === 1 ? "thing" : "things"),
      createElement("td", null, typeof r.when === "string" ? r.when : "not yet"),
    ),
  );
}
function otherRows(data: readonly Row[]): ReactNode {
  return data.map((r) => createElement("tr", { key: r.id }, createElement("td", null, `other ${r.name}`)));
}

/** Hooks around the kept markup: the server's second renderer must leave the page's own render as it was. */
function Labelled({ text }: { text: string }) {
  const id = useId();
  const [shown] = useState(text);
  return createElement("label", { htmlFor: id }, shown, createElement("input", { id }));
}
const page = (data: readonly Row[], render = rows) =>
  createElement(
    Fragment,
    null,
    createElement(Labelled, { text: "Before" }),
    createElement("p", null, "Before the table ", data.length),
    createElement("table", null, createElement(PureMarkup<readonly Row[]>, { as: "tbody", className: "rows", data, render })),
    createElement(Labelled, { text: "After" }),
  );
const inline = (data: readonly Row[], render = rows) => renderToString(page(data, render));
const served = (markup: PureMarkupRenderer, data: readonly Row[], render = rows) =>
  renderToString(createElement(PureMarkupProvider, { value: markup }, page(data, render)));

const DATA: Row[] = [
  { id: "a1", name: "Ann <script>alert(1)</script> & co", count: 1, when: "2026-11-24T10:00:00.000Z" },
  { id: "b2", name: "Ben", count: 3 },
];

describe("PureMarkup", () => {
  it("writes on the server exactly the markup the page renders without it, first time and kept", () => {
    const markup = createMarkupCache(renderToString);
    const expected = inline(DATA);
    expect(expected).toContain("&lt;script&gt;");
    expect(expected).toContain("1<!-- --> <!-- -->thing");
    expect(expected.match(/ id=":[^"]+"/g)).toHaveLength(2);
    expect(served(markup, DATA)).toBe(expected);
    expect(served(markup, DATA)).toBe(expected);
  });

  it("renders the same data once, and new data afresh", () => {
    const markup = createMarkupCache(renderToString);
    renders = 0;
    served(markup, DATA);
    served(markup, structuredClone(DATA));
    expect(renders).toBe(1);
    const changed = [{ ...DATA[0], count: 2 }, DATA[1]];
    expect(served(markup, changed)).toBe(inline(changed));
    expect(renders).toBe(3); // the kept render, then inline's and the served render of the changed data
  });

  it("renders from the data's JSON, as the browser will have it", () => {
    const markup = createMarkupCache(renderToString);
    const withDate = [{ id: "c3", name: "Cat", count: 0, when: new Date("2026-11-24T10:00:00.000Z") }];
    const html = served(markup, withDate);
    expect(html).toContain("2026-11-24T10:00:00.000Z");
    expect(html).toBe(inline(JSON.parse(JSON.stringify(withDate)) as Row[]));
  });

  it("never gives one render function's markup to another with the same data", () => {
    const markup = createMarkupCache(renderToString);
    served(markup, DATA);
    expect(served(markup, DATA, otherRows)).toBe(inline(DATA, otherRows));
    expect(served(markup, DATA, otherRows)).toContain("other Ben");
  });

  it("keeps the most recently used markups, at most the given number", () => {
    const markup = createMarkupCache(renderToString, { size: 2 });
    const one = (name: string) => [{ id: name, name, count: 1 }];
    renders = 0;
    served(markup, one("a"));
    served(markup, one("b"));
    served(markup, one("a")); // kept; now the most recent
    served(markup, one("c")); // "b" goes
    expect(renders).toBe(3);
    served(markup, one("a"));
    expect(renders).toBe(3);
    served(markup, one("b"));
    expect(renders).toBe(4);
  });

  it("fails, when asked to verify, if a render function reads anything but its data", () => {
    let calls = 0;
    const impure = (data: readonly Row[]) => data.map((r) => createElement("tr", { key: r.id }, createElement("td", null, `${r.name} ${++calls}`)));
    const checked = createMarkupCache(renderToString, { verify: () => true });
    served(checked, DATA, impure);
    expect(() => served(checked, DATA, impure)).toThrow(/<PureMarkup render=\{impure\}> gave other markup for the same data/);
    const unchecked = createMarkupCache(renderToString);
    expect(served(unchecked, DATA, rows)).toBe(served(unchecked, DATA, rows));
    const pureChecked = createMarkupCache(renderToString, { verify: () => true });
    expect(served(pureChecked, DATA)).toBe(served(pureChecked, DATA));
  });

  it("finds the markup of a data object seen before without its JSON, and fails (verifying) if it was changed", () => {
    const markup = createMarkupCache(renderToString);
    const data = structuredClone(DATA);
    renders = 0;
    const stringify = vi.spyOn(JSON, "stringify");
    try {
      const first = served(markup, data);
      const calls = stringify.mock.calls.length;
      expect(served(markup, data)).toBe(first);
      expect(stringify.mock.calls.length).toBe(calls);
      expect(renders).toBe(1);
    } finally {
      stringify.mockRestore();
    }
    const checked = createMarkupCache(renderToString, { verify: () => true });
    served(checked, data);
    data[1].count = 7;
    expect(() => served(checked, data)).toThrow(/the data must not change once rendered/);
  });

  it("does not keep markup for very large data", () => {
    const markup = createMarkupCache(renderToString);
    const large = Array.from({ length: 2000 }, (_, i) => ({ id: `r${i}`, name: "x".repeat(40), count: i }));
    renders = 0;
    served(markup, large);
    served(markup, large);
    expect(renders).toBe(2);
  });
});
