// The whole-page cache in front of Remix (server/page-cache.ts), over real HTTP: an anonymous /impact is
// rendered once and then served from memory, each time with a fresh CSP nonce that matches its header;
// cookies, other query strings and other pages go to Remix; entries expire; a write clears them.
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { makeUser, type TestUser } from "../helpers/users";
import { PAGE_CACHE_TTL_MS } from "../../server/page-cache";

useTestDatabase();

let server: TestServer;
let author: TestUser;

beforeAll(async () => {
  await db().organisationSettings.create({
    data: { id: 1, councilName: "Test Council", fundName: "Test Fund" },
  });
  author = await makeUser("Coord", ["coordinator"]);
  await story("The first story");
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

afterEach(() => {
  vi.useRealTimers();
});

function story(title: string) {
  return db().impactStory.create({
    data: {
      title,
      body: `${title}, in a young person's words.`,
      publishedAt: new Date(),
      publishedById: author.userId,
    },
  });
}

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.baseUrl}${path}`, { headers });
  const body = await res.text();
  const csp = res.headers.get("content-security-policy") ?? "";
  const headerNonce = csp.match(/'nonce-([^']+)'/)?.[1] ?? "";
  const bodyNonces = [...new Set([...body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]))];
  return {
    res,
    body,
    cache: res.headers.get("x-page-cache"),
    headerNonce,
    bodyNonces,
  };
}

/** The raw bytes and headers, without fetch's own decompression. */
function rawGet(path: string, acceptEncoding: string): Promise<{ headers: http.IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${server.baseUrl}${path}`, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

/** Moves the clock on past the page cache's TTL (Date only: timers and sockets keep real time). */
function afterTtl() {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + PAGE_CACHE_TTL_MS + 1_000);
}

/** Start from an empty cache: any successful POST clears it (signing out works even when nobody is signed in). */
async function clearByWrite() {
  const res = await fetch(`${server.baseUrl}/sign-out`, {
    method: "POST",
    redirect: "manual",
  });
  expect(res.status).toBe(303);
}

describe("the page cache", () => {
  it("renders the first anonymous request and serves the next from memory", async () => {
    await clearByWrite();
    const first = await get("/impact");
    const second = await get("/impact");
    expect(first.res.status).toBe(200);
    expect(first.cache).toBe("miss");
    expect(second.res.status).toBe(200);
    expect(second.cache).toBe("hit");
    expect(second.res.headers.get("content-type")).toBe(first.res.headers.get("content-type"));
    expect(second.res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(second.res.headers.get("cache-control")).toBe(first.res.headers.get("cache-control"));
    expect(second.body).toContain("The first story");
  });

  it("gives every response its own nonce, matching its CSP header, and otherwise the same body", async () => {
    await clearByWrite();
    const a = await get("/impact");
    const b = await get("/impact");
    const c = await get("/impact");
    expect([a.cache, b.cache, c.cache]).toEqual(["miss", "hit", "hit"]);
    for (const r of [a, b, c]) {
      expect(r.headerNonce).not.toBe("");
      expect(r.bodyNonces).toEqual([r.headerNonce]);
    }
    expect(new Set([a.headerNonce, b.headerNonce, c.headerNonce]).size).toBe(3);
    expect(b.body).not.toContain(a.headerNonce);
    const withoutNonce = (r: { body: string; headerNonce: string }) => r.body.split(r.headerNonce).join("NONCE");
    expect(withoutNonce(b)).toBe(withoutNonce(a));
    expect(withoutNonce(c)).toBe(withoutNonce(a));
  });

  it("sends a hit gzipped (put together from the stored parts) or plain, as the client accepts", async () => {
    await clearByWrite();
    const miss = await rawGet("/impact", "identity");
    expect(miss.headers["x-page-cache"]).toBe("miss");
    const gzipped = await rawGet("/impact", "gzip, deflate, br");
    const plain = await rawGet("/impact", "identity");
    for (const r of [gzipped, plain]) expect(r.headers["x-page-cache"]).toBe("hit");
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipped.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(gzipped.headers["content-length"])).toBe(gzipped.bytes.length);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const nonceOf = (h: http.IncomingHttpHeaders) => String(h["content-security-policy"]).match(/'nonce-([^']+)'/)![1];
    // gunzip checks the CRC-32 and the length as well as the blocks.
    const unzipped = gunzipSync(gzipped.bytes).toString("utf8");
    expect(unzipped).toContain(`nonce="${nonceOf(gzipped.headers)}"`);
    const same = (body: string, h: http.IncomingHttpHeaders) => body.split(nonceOf(h)).join("NONCE");
    expect(same(unzipped, gzipped.headers)).toBe(same(miss.bytes.toString("utf8"), miss.headers));
    expect(same(plain.bytes.toString("utf8"), plain.headers)).toBe(same(miss.bytes.toString("utf8"), miss.headers));
  });

  it("never serves a request with a cookie from the cache, nor stores its page", async () => {
    const user = await makeUser("Alex", ["employee"]);
    const cookie = await sessionCookieFor(user.email);
    await clearByWrite();
    const signedIn = await get("/impact", { cookie });
    expect(signedIn.cache).toBeNull();
    expect(signedIn.body).toContain("Money by month and source"); // the staff page
    const anyCookie = await get("/impact", { cookie: "something=else" });
    expect(anyCookie.cache).toBeNull();
    const anonymous = await get("/impact");
    expect(anonymous.cache).toBe("miss"); // nothing was stored by the requests with cookies
    expect(anonymous.body).not.toContain("Money by month and source");
    expect((await get("/impact", { cookie })).body).toContain("Money by month and source"); // not the anonymous copy
  });

  it("keys on the page number and sends other query strings and pages to Remix", async () => {
    await clearByWrite();
    expect((await get("/impact?page=1")).cache).toBe("miss");
    expect((await get("/impact?page=1")).cache).toBe("hit");
    expect((await get("/impact?page=2")).cache).toBe("miss");
    expect((await get("/impact?page=abc")).cache).toBeNull();
    expect((await get("/impact?page=1&utm=x")).cache).toBeNull();
    expect((await get("/accessibility")).cache).toBeNull();
  });

  it("keeps the anonymous home page and first step of giving too, each under its own key", async () => {
    await clearByWrite();
    const home = [await get("/"), await get("/")];
    const donate = [await get("/donate"), await get("/donate")];
    expect(home.map((r) => r.cache)).toEqual(["miss", "hit"]);
    expect(donate.map((r) => r.cache)).toEqual(["miss", "hit"]);
    expect(home[1].body).toContain("staff and public giving for the children in our care");
    expect(donate[1].body).toContain("How much would you like to give?");
    expect(donate[1].body).not.toContain("staff and public giving for the children in our care");
    // A campaign's own link, a signed-in visitor and a half-made gift (its cookie) are rendered each time.
    expect((await get("/donate?campaign=books")).cache).toBeNull();
    expect((await get("/?page=2")).cache).toBeNull(); // not a paged page: never a second key
    const user = await makeUser("Robin", ["employee"]);
    const signedIn = await get("/", { cookie: await sessionCookieFor(user.email) });
    expect(signedIn.cache).toBeNull();
    expect(signedIn.body).toMatch(/Welcome, (<!-- -->)?Robin/);
    expect((await get("/donate", { cookie: "hh_donate=draft" })).cache).toBeNull();
  });

  it("keeps a page for its TTL, then renders it again with what changed", async () => {
    await clearByWrite();
    expect((await get("/impact")).cache).toBe("miss");
    await story("A newer story");
    const stale = await get("/impact");
    expect(stale.cache).toBe("hit");
    expect(stale.body).not.toContain("A newer story");
    afterTtl();
    const fresh = await get("/impact");
    expect(fresh.cache).toBe("miss");
    expect(fresh.body).toContain("A newer story");
    expect((await get("/impact")).cache).toBe("hit");
  });

  it("is cleared by a successful write on this server, not by a refused one", async () => {
    expect((await get("/impact")).cache).toMatch(/hit|miss/);
    expect((await get("/impact")).cache).toBe("hit");
    const refused = await fetch(`${server.baseUrl}/sign-in`, {
      method: "POST",
      body: new URLSearchParams({ email: "" }),
      redirect: "manual",
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect((await get("/impact")).cache).toBe("hit");
    await clearByWrite();
    expect((await get("/impact")).cache).toBe("miss");
  });
});
