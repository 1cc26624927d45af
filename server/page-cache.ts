// A short-lived cache of whole public pages, served by Express ahead of Remix (issues 9 and 11). Remix's
// per-request routing costs ~100 ms p95 at 20 connections on a 2-CPU server whatever the page does
// (issue 6's note), so a busy public page can only be fast if most requests never reach Remix.
//
// What is kept: a GET of one of `paths` from someone who sends no Cookie header (so never a signed-in
// user, nor a visitor with a flash message or a half-made gift), with no query string but `page`;
// only a 200 text/html answer that sets no cookie. The body is stored with the CSP nonce it was
// rendered with; a hit sends it with that nonce replaced by this response's own, so the page's scripts
// still match this response's Content-Security-Policy header.
//
// Compressing the page again for every hit cost more than everything else a hit does, so the parts
// between the nonces are kept deflated too, and a hit that accepts gzip is put together from them with
// its nonce as a small uncompressed block (one ordinary gzip stream: the parts end on a full flush, so
// they are byte-aligned and independent). Other clients get the text through the compression middleware.
//
// Invalidation: entries last `ttlMs` (30 s); and any successful state-changing request on this server
// (a POST that is not refused, including the Stripe webhook) clears every entry and calls `onWrite`,
// because a write anywhere can change a public figure or take a story down. With several app servers,
// a write on one leaves the others' copies to expire: the TTL bounds how stale a page can be (as it
// does for a render that started before a write and is stored just after it).
import { constants, crc32, deflateRawSync } from "node:zlib";
import type { NextFunction, Request, RequestHandler, Response } from "express";

/**
 * Pages served from the cache when anonymous. Add a path only if the page is the same for every anonymous
 * visitor: the home page, the first step of giving by card (its draft lives in a cookie, and a campaign
 * chosen by `?campaign=` is another query string, so it is rendered), and the impact page.
 */
export const CACHED_PAGES = ["/", "/donate", "/impact"] as const;
/** Of those, the pages with a `?page=` number (any other query string is rendered, never stored). */
const PAGED = new Set(["/impact"]);
export const PAGE_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 200;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The page cut at each `nonce="…"`: its parts as bytes and each part raw-deflated, ending on a full flush. */
type Stored = {
  parts: Buffer[];
  deflated: Buffer[];
  contentType: string;
  cacheControl: string | undefined;
  expiresAt: number;
};

export type PageCacheOptions = {
  paths?: readonly string[];
  ttlMs?: number;
  /** Called when a write clears the cache (e.g. to clear caches behind the page as well). */
  onWrite?: () => void;
  now?: () => number;
};

export type PageCache = {
  /** Mount early (before any route that writes, e.g. the Stripe webhook): clears the cache after a successful write. */
  clearAfterWrites: RequestHandler;
  /** Mount after compression (so it keeps the uncompressed body) and just before Remix. */
  serve: RequestHandler;
  clear: () => void;
  size: () => number;
};

export function createPageCache({ paths = CACHED_PAGES, ttlMs = PAGE_CACHE_TTL_MS, onWrite, now = () => Date.now() }: PageCacheOptions = {}): PageCache {
  const cached = new Set(paths);
  const store = new Map<string, Stored>();

  /** The entry's key, or null when this request must go to Remix. */
  function keyOf(req: Request): string | null {
    if (req.method !== "GET" || req.headers.cookie !== undefined || req.headers.authorization !== undefined) return null;
    const url = new URL(req.originalUrl, "http://cache.invalid");
    if (!cached.has(url.pathname)) return null;
    const names = [...url.searchParams.keys()];
    if (names.some((n) => n !== "page") || names.length > 1) return null;
    const page = url.searchParams.get("page");
    if (page === null) return url.pathname;
    if (!PAGED.has(url.pathname)) return null;
    // Page numbers only, and not endless ones: anything else is rendered, never stored.
    return /^[1-9]\d{0,3}$/.test(page) ? `${url.pathname}?page=${page}` : null;
  }

  function put(key: string, entry: Stored) {
    const t = now();
    for (const [k, e] of store) if (e.expiresAt <= t) store.delete(k);
    while (store.size >= MAX_ENTRIES) store.delete(store.keys().next().value!);
    store.set(key, entry);
  }

  function clear() {
    store.clear();
  }

  const clearAfterWrites: RequestHandler = (req, res, next) => {
    if (!SAFE_METHODS.has(req.method)) {
      res.once("finish", () => {
        if (res.statusCode >= 400) return;
        clear();
        onWrite?.();
      });
    }
    next();
  };

  const serve: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    const key = keyOf(req);
    if (!key) return next();
    const nonce = String(res.locals.cspNonce ?? "");
    const hit = store.get(key);
    if (hit && hit.expiresAt > now()) {
      const attribute = Buffer.from(`nonce="${nonce}"`);
      const gzip = req.acceptsEncodings("gzip", "identity") === "gzip";
      const body = gzip ? gzipOf(hit, attribute) : Buffer.concat(hit.parts.flatMap((p, i) => (i ? [attribute, p] : [p])));
      res.status(200);
      res.setHeader("Content-Type", hit.contentType);
      if (hit.cacheControl) res.setHeader("Cache-Control", hit.cacheControl);
      res.setHeader("X-Page-Cache", "hit");
      res.setHeader("Vary", "Accept-Encoding");
      if (gzip) res.setHeader("Content-Encoding", "gzip"); // the compression middleware leaves it as it is
      res.setHeader("Content-Length", body.length);
      res.end(body);
      return;
    }
    res.setHeader("X-Page-Cache", "miss");
    capture(res, (body) => {
      const contentType = String(res.getHeader("content-type") ?? "");
      if (res.statusCode !== 200 || !contentType.startsWith("text/html") || res.getHeader("set-cookie") !== undefined || !nonce) return;
      const cacheControl = res.getHeader("cache-control");
      const parts = body.split(`nonce="${nonce}"`).map((p) => Buffer.from(p));
      const deflated = parts.map((p) => deflateRawSync(p, { finishFlush: constants.Z_FULL_FLUSH }));
      put(key, {
        parts,
        deflated,
        contentType,
        cacheControl: cacheControl === undefined ? undefined : String(cacheControl),
        expiresAt: now() + ttlMs,
      });
    });
    next();
  };

  return { clearAfterWrites, serve, clear, size: () => store.size };
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]); // deflate, no name, no time, unknown OS
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]); // a last, empty, fixed-Huffman block

/** An uncompressed deflate block (not the last) holding `bytes` (under 64 KiB); starts on a byte boundary. */
function storedBlock(bytes: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt16LE(bytes.length, 1);
  header.writeUInt16LE(~bytes.length & 0xffff, 3);
  return Buffer.concat([header, bytes]);
}

/** The stored page with `attribute` between its parts, as one gzip member: header, blocks, CRC-32 and size. */
function gzipOf(stored: Stored, attribute: Buffer): Buffer {
  const pieces: Buffer[] = [GZIP_HEADER];
  const block = storedBlock(attribute);
  let crc = 0;
  let size = 0;
  stored.parts.forEach((part, i) => {
    if (i) {
      pieces.push(block);
      crc = crc32(attribute, crc);
      size += attribute.length;
    }
    pieces.push(stored.deflated[i]);
    crc = crc32(part, crc);
    size += part.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  return Buffer.concat([...pieces, FINAL_EMPTY_BLOCK, trailer]);
}

type Chunk = string | Uint8Array;
const toBuffer = (chunk: Chunk, encoding?: unknown) =>
  typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk);

/** Keeps a copy of what the handlers below write (before compression, which is mounted earlier) and hands it over at the end. */
function capture(res: Response, done: (body: string) => void) {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.write = ((chunk: Chunk, ...rest: unknown[]) => {
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, rest[0]));
    return write(chunk, ...rest);
  }) as Response["write"];
  res.end = ((chunk?: Chunk | (() => void), ...rest: unknown[]) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(toBuffer(chunk, rest[0]));
    // A client that went away mid-response leaves a partial body: keep nothing then.
    if (!res.destroyed) done(Buffer.concat(chunks).toString("utf8"));
    return end(chunk, ...rest);
  }) as Response["end"];
}
