// Helpers for the browser journeys: Debian's Chromium through playwright-core, an axe check on
// every page a journey visits, and the real sign-in through the demo outbox.
import fs from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Response } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";

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

let nextClient = 0;

/**
 * Each context looks like its own client machine: the app runs behind "a load balancer"
 * (TRUST_PROXY, set by global-setup) and every context sends its own X-Forwarded-For address,
 * so per-IP sign-in rate limits see separate people, as they would in an office.
 */
function clientAddress(): string {
  nextClient += 1;
  return `10.${process.pid % 256}.${(nextClient >> 8) % 256}.${nextClient % 256}`;
}

/** `baseUrl`: another app address than the run's server (e.g. the two-server journey's proxy). */
export type PageOptions = { storageState?: string; clientIp?: string; baseUrl?: string };

/**
 * A page in its own context (own cookies). @axe-core/playwright needs pages made through
 * browser.newContext() then context.newPage(); never use browser.newPage().
 */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: options.baseUrl ?? baseUrl(),
    locale: "en-GB",
    timezoneId: "Europe/London",
    storageState: options.storageState,
    extraHTTPHeaders: { "X-Forwarded-For": options.clientIp ?? clientAddress() },
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  // The server renders each page from its loaders' own data (docs/decisions/0029): the browser must hydrate
  // exactly that page. React 18 reports a mismatch as a recoverable error (#418, #423, #425 in production).
  const hydration = (text: string) => {
    if (/Minified React error #(418|423|425)\b|hydrat/i.test(text)) hydrationProblems.push(`${page.url()}: ${text.slice(0, 300)}`);
  };
  page.on("pageerror", (error) => hydration(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") hydration(message.text());
  });
  return page;
}

/** Hydration mismatches seen by any page of the running test; `useBrowser` fails the test on any. */
const hydrationProblems: string[] = [];

/**
 * Call at the top of a test file: one browser for the file. `openPage()` gives a page in a fresh
 * context (own cookies); `openPageAs(email)` one already signed in as that person. Both are
 * closed after the test.
 */
export function useBrowser(): { openPage: (options?: PageOptions) => Promise<Page>; openPageAs: (email: string) => Promise<Page> } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => {})));
    const problems = hydrationProblems.splice(0);
    if (problems.length) throw new Error(`the browser could not hydrate the server's page:\n${problems.join("\n")}`);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const openPage = async (options?: PageOptions) => {
    if (!browser) throw new Error("browser not launched yet");
    const page = await newPage(browser, options);
    contexts.push(page.context());
    return page;
  };
  return {
    openPage,
    openPageAs: async (email: string) => {
      const file = path.join(inject("e2eStateDir"), `${email.toLowerCase().replace(/[^a-z0-9.@_-]/g, "_")}.json`);
      if (fs.existsSync(file)) {
        // Reuse this run's session for the person if it is still signed in (a test may have signed out).
        const page = await openPage({ storageState: file });
        await visit(page, "/");
        if ((await page.getByRole("button", { name: "Sign out" }).count()) > 0) return page;
        await page.context().clearCookies();
        await signInAs(page, email);
        await page.context().storageState({ path: file });
        return page;
      }
      const page = await openPage();
      await signInAs(page, email);
      await page.context().storageState({ path: file });
      return page;
    },
  };
}

/** Waits until the locator is visible (fails the test with the locator's description if not). */
export async function seen(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.first().waitFor({ state: "visible", timeout });
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
    throw new Error(message);
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
  await seen(page.getByRole("heading", { level: 1, name: "Outbox" }));
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
  // The message itself, not the page around it (which shows times and other numbers).
  const message = page.getByTestId("email-text");
  const text = await ((await message.count()) ? message : page.locator("main")).first().innerText();
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
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  try {
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 15_000 });
  } catch {
    const text = (await page.locator("main").innerText().catch(() => "")).slice(0, 500);
    throw new Error(`signing in as ${email} with code ${code} did not leave ${page.url()}:\n${text}`);
  }
  await checkA11y(page);
}

/** Signs out with the header's "Sign out" button; ends on the page the app sends you to. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await seen(page.getByRole("banner").getByRole("link", { name: "Sign in" }));
  await checkA11y(page);
}
