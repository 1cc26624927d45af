// The JavaScript a page makes the browser load: every /build/….js its HTML names (script src,
// modulepreload and the inline module script's imports), each file gzipped at level 9, summed in KB of
// 1,024 bytes. Used by the pages bench (pages.donate_js_kb) and by tests/integration/js-budget.test.ts.
import { gzipSync } from "node:zlib";

/** Every /build/….js the HTML refers to, once each, in order. */
export function scriptUrls(html: string): string[] {
  return [...new Set([...html.matchAll(/\/build\/[^"'\s)]+?\.js\b/g)].map((m) => m[0]))];
}

export type PageJavaScript = { files: { url: string; raw: number; gzipped: number }[]; kb: number };

export async function pageJavaScript(baseUrl: string, path: string): Promise<PageJavaScript> {
  const html = await (await fetch(baseUrl + path)).text();
  const urls = scriptUrls(html);
  if (urls.length === 0) throw new Error(`${path} names no /build/ scripts: the parser or the page is wrong`);
  const files = [];
  for (const url of urls) {
    const response = await fetch(baseUrl + url, { headers: { "accept-encoding": "identity" } });
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    files.push({ url, raw: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length });
  }
  return { files, kb: Math.round((files.reduce((sum, f) => sum + f.gzipped, 0) / 1024) * 100) / 100 };
}
