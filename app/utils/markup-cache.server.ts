// The server side of <PureMarkup> (app/components/pure-markup.tsx): a pure stretch of a page rendered to
// HTML once per distinct data and render function, then written as kept. The key is the data's JSON, which
// is exactly what the browser renders the same elements from: a page can only get the markup of its own
// data. A data object seen before (a service's kept page) is found by identity, without its JSON: loader
// data is never changed in place, and `verify` fails if it is (docs/decisions/0030-pure-markup-kept-per-data.md).
import type { ReactNode } from "react";
import type { PureMarkupRenderer } from "~/components/pure-markup";

/** Larger data is rendered each time, not kept: the key alone would cost more than it saves. */
const MAX_KEY_LENGTH = 64 * 1024;

export type MarkupCacheOptions = {
  /** kept markups per render function, the least recently used going first */
  size?: number;
  /**
   * Render afresh on every use and fail when the kept markup differs: a render function that reads anything
   * but its data (the clock, a setting) then fails in development and the journeys, not in front of a user.
   */
  verify?: () => boolean;
};

type Kept = {
  /** by the data's JSON, least recently used first */
  byJson: Map<string, string>;
  /** by the data object itself: a kept object (a service's cached page) is found without its JSON */
  byObject: WeakMap<object, string>;
};

/** `renderToString` is React's (given, so this module needs no renderer of its own). */
export function createMarkupCache(renderToString: (element: ReactNode) => string, { size = 256, verify }: MarkupCacheOptions = {}): PureMarkupRenderer {
  // Keyed by the function itself: two renders of the same data never share markup.
  const byRender = new WeakMap<(data: never) => ReactNode, Kept>();
  return function markup<T>(render: (data: T) => ReactNode, data: T): string {
    // Rendered from the JSON, as the browser will: a Date or an undefined field renders as it will there.
    const renderFresh = (json: string) => renderToString(render(JSON.parse(json) as T));
    const checked = (html: string, json?: string) => {
      if (verify?.() && renderFresh(json ?? JSON.stringify(data) ?? "null") !== html) {
        throw new Error(`<PureMarkup render={${render.name || "anonymous"}}> gave other markup for the same data: it must depend on its data alone, and the data must not change once rendered`);
      }
      return html;
    };
    let kept = byRender.get(render);
    if (!kept) byRender.set(render, (kept = { byJson: new Map(), byObject: new WeakMap() }));
    const object = typeof data === "object" && data !== null ? data : null;
    const known = object && kept.byObject.get(object);
    if (known) return checked(known);

    const json = JSON.stringify(data) ?? "null";
    if (json.length > MAX_KEY_LENGTH) return renderFresh(json);
    let html = kept.byJson.get(json);
    if (html !== undefined) {
      checked(html, json);
      kept.byJson.delete(json);
    } else {
      html = renderFresh(json);
      if (kept.byJson.size >= size) kept.byJson.delete(kept.byJson.keys().next().value!);
    }
    kept.byJson.set(json, html);
    if (object) kept.byObject.set(object, html);
    return html;
  };
}
