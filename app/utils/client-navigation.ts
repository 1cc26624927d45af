// Which clicks on a plain <a href> a page may turn into a client-side navigation, as Remix's <Link> does:
// a plain left click on a link to this site that asks for nothing else (new tab, download, another frame).

/** What a click handler sees of the click and the element it landed on. */
export type LinkClick = {
  button: number;
  metaKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  defaultPrevented: boolean;
  target: unknown;
};

type AnchorLike = { href: string; target: string; hasAttribute(name: string): boolean };
type ElementLike = { closest(selector: string): AnchorLike | null };

const isElement = (value: unknown): value is ElementLike => typeof (value as ElementLike | null)?.closest === "function";

/**
 * The path (with query and fragment) to navigate to in the page, or null to let the browser follow the link.
 * `here` is where the page is (window.location). A link to a place on this same page (an error summary's
 * "#field") is the browser's too: it moves the focus there, which a navigation would not.
 */
export function clientNavigationTarget(click: LinkClick, here: { origin: string; pathname: string; search: string }): string | null {
  if (click.defaultPrevented || click.button !== 0 || click.metaKey || click.altKey || click.ctrlKey || click.shiftKey) return null;
  const anchor = isElement(click.target) ? click.target.closest("a[href]") : null;
  if (!anchor || anchor.hasAttribute("download") || (anchor.target !== "" && anchor.target !== "_self")) return null;
  const url = new URL(anchor.href, here.origin);
  if (url.origin !== here.origin) return null;
  if (url.hash && url.pathname === here.pathname && url.search === here.search) return null;
  return url.pathname + url.search + url.hash;
}
