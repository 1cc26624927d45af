// Staff single sign-on in the browser: an employee presses "Sign in with your council account" on
// /sign-in, logs in on the council's (here, a local oidc-provider's) login page and comes back signed
// in. Someone with no staff account is turned away with a clear page. Our pages are checked with axe;
// the provider's login page is not ours to check.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demoAccount } from "../../prisma/demo-accounts.ts";
import { arrive, baseUrl, seen, useBrowser, visit } from "./support.ts";

const browser = useBrowser();
const EMPLOYEE = demoAccount("employee");

/** From /sign-in, through the provider's login page (any password), back to the app. */
async function signInWithCouncilAccount(page: Page, login: string): Promise<void> {
  await visit(page, "/sign-in");
  await seen(page.getByRole("heading", { level: 2, name: "Council staff" }));
  await page.getByRole("button", { name: "Sign in with your council account" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/interaction/"));
  // The provider's own page, on its own site.
  expect(new URL(page.url()).origin).not.toBe(new URL(baseUrl()).origin);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

describe("staff single sign-on", () => {
  it("an employee signs in with their council account and lands signed in", async () => {
    const page = await browser.openPage();
    await signInWithCouncilAccount(page, EMPLOYEE.email);
    await arrive(page, "/", `Welcome, ${EMPLOYEE.firstName}`);
    await seen(page.getByRole("banner").getByText(`Signed in as ${EMPLOYEE.firstName}`));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My giving" }).click();
    await arrive(page, "/giving");
  });

  it("someone with no staff account is told so, and can use a code instead", async () => {
    const page = await browser.openPage();
    await signInWithCouncilAccount(page, "new.starter@council.example");
    await arrive(page, "/sign-in/sso/callback", "We could not find a staff account for you");
    await seen(page.getByRole("main").getByText("new.starter@council.example"));
    await page.getByRole("link", { name: "sign in with a code sent to your email" }).click();
    await arrive(page, "/sign-in", "Sign in");
    expect(await page.getByRole("banner").getByRole("button", { name: "Sign out" }).count()).toBe(0);
  });
});
