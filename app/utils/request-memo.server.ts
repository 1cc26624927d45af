// Reads that several loaders of one page view make (the root's and the page's both ask who is signed in)
// run once per request. Remix hands every loader of a page view the same Request (a patched
// @remix-run/server-runtime, docs/decisions/0024-fewer-request-copies.md), so the memo hangs on it and goes
// when it does. Only GET/HEAD requests carry one: after a form post Remix runs the loaders with a new
// request, so they read what the action changed.
const memos = new WeakMap<Request, Map<string, Promise<unknown>>>();

export function perRequest<T>(request: Request, key: string, read: () => Promise<T>): Promise<T> {
  if (request.method !== "GET" && request.method !== "HEAD") return read();
  let memo = memos.get(request);
  if (!memo) memos.set(request, (memo = new Map()));
  const hit = memo.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const value = read();
  memo.set(key, value);
  // A failed read is not kept: the next caller tries again.
  value.catch(() => memo.get(key) === value && memo.delete(key));
  return value;
}
