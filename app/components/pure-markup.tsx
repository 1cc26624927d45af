import { createContext, useContext, type HTMLAttributes, type ReactNode } from "react";

/**
 * The server's renderer of pure markup (app/utils/markup-cache.server.ts): the HTML of `render` applied to
 * `data` as the browser will have it (its JSON), rendered once per distinct data. Set by entry.server only:
 * in the browser there is none, and the markup is rendered as usual.
 */
export type PureMarkupRenderer = <T>(render: (data: T) => ReactNode, data: T) => string;

const PureMarkupContext = createContext<PureMarkupRenderer | null>(null);
export const PureMarkupProvider = PureMarkupContext.Provider;

type Props<T> = Omit<HTMLAttributes<HTMLElement>, "children" | "dangerouslySetInnerHTML"> & {
  as: "div" | "tbody";
  data: T;
  /**
   * A module-level function of `data` alone: plain elements, no hooks, context or router links (it is
   * rendered outside the page's tree). Its identity is part of the key, so it must not be made per render.
   */
  render: (data: T) => ReactNode;
};

/**
 * An element whose content is `render(data)`: a long, plain stretch of a page (a table's rows). The server
 * writes the markup it kept for the same data instead of rendering it again; the browser renders the same
 * elements from the same (JSON) data, so hydration finds exactly what it would have rendered
 * (docs/decisions/0030-pure-markup-kept-per-data.md).
 */
export function PureMarkup<T>({ as: Tag, data, render, ...attributes }: Props<T>) {
  const serverMarkup = useContext(PureMarkupContext);
  // No hook after this line: the server's markup renderer is a second React render, which resets the
  // renderer's hook state (the context read above is safe; React saves and restores the rest).
  if (serverMarkup) return <Tag {...attributes} dangerouslySetInnerHTML={{ __html: serverMarkup(render, data) }} />;
  return <Tag {...attributes}>{render(data)}</Tag>;
}
