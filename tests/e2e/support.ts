// Helpers for the browser journeys: Debian's Chromium through playwright-core, an axe check on
// every page a journey visits, and the real sign-in through the demo outbox.
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page, type Response } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export const A11Y_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export const SIGN_IN_SUBJECT = "Your sign-in code for Helping Hands";

export function baseUrl(): string {
  return inject("baseUrl");
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject("chromiumPath") ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/**
 * A page in its own context (own cookies). @axe-core/playwright needs pages made through
 * browser.newContext() then context.newPage(); never use browser.newPage().
 */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl(), locale: "en-GB" });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return context.newPage();
}

/**
 * Call at the top of a test file: one browser for the file, a fresh context and page for each
 * test (closed after it). Returns a getter for the current test's page.
 */
export function useBrowser(): { page: () => Page } {
  let browser: Browser | undefined;
  let current: Page | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => {})));
    current = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    page: () => {
      if (!browser) throw new Error("browser not launched yet");
      if (!current) throw new Error("call `await openPage()` first");
      return current;
    },
    // Assigned below so `page()` and `openPage()` share state.
    ...({} as object),
    openPage: async () => {
      if (!browser) throw new Error("browser not launched yet");
      current = await newPage(browser);
      contexts.push(current.context());
      return current;
    },
  } as { page: () => Page; openPage: () => Promise<Page> };
}

type AxeViolation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

function formatViolations(url: string, violations: AxeViolation[]): string {
  const lines = [`${violations.length} accessibility violation(s) on ${url}:`];
  for (const v of violations) {
    lines.push(`\n- [${v.impact ?? "unknown"}] ${v.id}: ${v.help}`);
    lines.push(`  ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 10)) {
      lines.push(`  at ${node.target.join(" ")}`);
      lines.push(`     ${node.html.slice(0, 200)}`);
      if (node.failureSummary) lines.push(...node.failureSummary.split("\n").map((l) => `     ${l}`));
    }
    if (v.nodes.length > 10) lines.push(`  … and ${v.nodes.length - 10} more element(s)`);
  }
  return lines.join("\n");
}

/** Runs axe (WCAG 2.0/2.1 A and AA, 2.2 AA) on the page as it is now; fails the test on any violation. */
export async function checkA11y(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  const results = await new AxeBuilder({ page }).withTags(A11Y_TAGS).analyze();
  if (results.violations.length) {
    const message = formatViolations(page.url(), results.violations);
    console.error(message);
    expect.fail(message);
  }
}

/** Goes to `path` (relative to the app) and checks the page with axe. Returns the response. */
export async function visit(page: Page, path: string): Promise<Response | null> {
  const response = await page.goto(path, { waitUntil: "load" });
  await checkA11y(page);
  return response;
}

/** Waits for a navigation (Remix may do it client-side) to `path`, then checks the new page with axe. */
export async function arrive(page: Page, path: string | RegExp, heading?: string | RegExp): Promise<void> {
  const matcher = typeof path === "string" ? (url: URL) => url.pathname === path : path;
  await page.waitForURL(matcher);
  if (heading) await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await checkA11y(page);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Reads the newest sign-in code sent to `email` from the demo outbox (/dev/outbox, newest first).
 * Leaves the page on that message.
 */
export async function readSignInCode(page: Page, email: string): Promise<string> {
  await visit(page, "/dev/outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  const messages = page
    .getByRole("link")
    .filter({ hasText: SIGN_IN_SUBJECT })
    .filter({ hasText: new RegExp(escapeRegExp(email), "i") });
  const count = await messages.count();
  let href: string | null = null;
  if (count > 0) {
    href = await messages.first().getAttribute("href");
  } else {
    // The recipient may sit beside the link rather than in it: take the first list item / row that names them.
    const row = page.locator("li, tr, article").filter({ hasText: new RegExp(escapeRegExp(email), "i") }).filter({ hasText: SIGN_IN_SUBJECT });
    if ((await row.count()) > 0) href = await row.first().getByRole("link").filter({ hasText: SIGN_IN_SUBJECT }).first().getAttribute("href");
  }
  if (!href) throw new Error(`no "${SIGN_IN_SUBJECT}" message for ${email} in the outbox`);
  await visit(page, href);
  const text = await page.locator("body").innerText();
  const code = text.match(/\b\d{6}\b/)?.[0];
  if (!code) throw new Error(`no 6-digit code in the outbox message for ${email} (${page.url()})`);
  return code;
}

/**
 * The real sign-in journey: ask for a code, read it from the demo outbox, enter it.
 * Every page on the way is checked with axe. Ends on the page the app sends you to.
 */
export async function signInAs(page: Page, email: string): Promise<void> {
  await visit(page, "/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a code" }).click();
  await arrive(page, "/sign-in/code", "Check your email");

  const code = await readSignInCode(page, email);

  await visit(page, "/sign-in/code");
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await checkA11y(page);
}

/** Signs out with the header's "Sign out" button; ends on the page the app sends you to. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await checkA11y(page);
}
