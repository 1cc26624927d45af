// The server side of <PureMarkup> (app/components/pure-markup.tsx): a pure stretch of a page rendered to
// HTML once per distinct data and render function, then written as kept. The key is the data's JSON, which
// is exactly what the browser renders the same elements from: a page can only get the markup of its own
// data (docs/decisions/0030-pure-markup-kept-per-data.md).
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

/** `renderToString` is React's (given, so this module needs no renderer of its own). */
export function createMarkupCache(renderToString: (element: ReactNode) => string, { size = 256, verify }: MarkupCacheOptions = {}): PureMarkupRenderer {
  // Keyed by the function itself: two renders of the same data never share markup.
  const byRender = new WeakMap<(data: never) => ReactNode, Map<string, string>>();
  return function markup<T>(render: (data: T) => ReactNode, data: T): string {
    const key = JSON.stringify(data) ?? "null";
    // Rendered from the JSON, as the browser will: a Date or an undefined field renders as it will there.
    const renderFresh = () => renderToString(render(JSON.parse(key) as T));
    if (key.length > MAX_KEY_LENGTH) return renderFresh();
    let kept = byRender.get(render);
    if (!kept) byRender.set(render, (kept = new Map()));
    const html = kept.get(key);
    if (html !== undefined) {
      if (verify?.() && renderFresh() !== html) {
        throw new Error(`<PureMarkup render={${render.name || "anonymous"}}> gave other markup for the same data: it must depend on its data alone`);
      }
      kept.delete(key);
      kept.set(key, html);
      return html;
    }
    const fresh = renderFresh();
    if (kept.size >= size) kept.delete(kept.keys().next().value!);
    kept.set(key, fresh);
    return fresh;
  };
}
