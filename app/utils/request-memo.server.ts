// Reads that several loaders of one page view make (the root's and the page's both ask who is signed in
// and read the settings) run once per request. Only GET/HEAD requests carry a memo (server/app.ts), so
// after an action the loaders read afresh; outside a request (tests, jobs) nothing is memoised.
import { requestContext } from "~/utils/logger.server";

export function perRequest<T>(key: string, read: () => Promise<T>): Promise<T> {
  const memo = requestContext.getStore()?.memo;
  if (!memo) return read();
  const hit = memo.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const value = read();
  memo.set(key, value);
  // A failed read is not kept: the next caller tries again.
  value.catch(() => memo.delete(key));
  return value;
}
