import type { HeadersFunction } from "@remix-run/node";

/**
 * A route `headers` export that passes an action's Retry-After (429 answers) on to the browser;
 * without a headers export Remix passes on only cookies.
 */
export const passRetryAfter: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};
