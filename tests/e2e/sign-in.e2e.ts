// First journey: every demo account signs in with a code from the demo outbox, sees its home,
// and signs out. Every page visited on the way is checked with axe.
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../prisma/demo-accounts.ts";
import { ROLE_LABELS } from "../../app/domain/roles.ts";
import { checkA11y, seen, signInAs, signOut, useBrowser, visit } from "./support.ts";

const browser = useBrowser();

describe("public pages pass axe while signed out", () => {
  it.each([
    ["/", "Helping Hands"],
    ["/accessibility", /accessibility/i],
    ["/privacy", /privacy/i],
  ] as const)("%s", async (path, heading) => {
    const page = await browser.openPage();
    const response = await visit(page, path);
    expect(response?.status()).toBe(200);
    await seen(page.getByRole("heading", { level: 1, name: heading }));
  });

  it("a page that does not exist answers 404 with the not-found page", async () => {
    const page = await browser.openPage();
    const response = await visit(page, "/no-such-page-here");
    expect(response?.status()).toBe(404);
    await seen(page.getByRole("heading", { level: 1, name: "Page not found" }));
  });
});

describe("each demo account signs in through the outbox and signs out", () => {
  it.each(DEMO_ACCOUNTS.map((a) => [a.key, a] as const))("%s", async (_key, account) => {
    const page = await browser.openPage();
    await signInAs(page, account.email);

    // Lands on the home page with their own section(s).
    expect(new URL(page.url()).pathname).toBe("/");
    await seen(page.getByRole("heading", { level: 1, name: `Welcome, ${account.firstName}` }));
    for (const role of account.roles) {
      await seen(page.getByRole("heading", { level: 2, name: ROLE_LABELS[role], exact: true }));
    }
    await seen(page.getByRole("banner").getByText(`Signed in as ${account.firstName}`));

    await signOut(page);
    expect(new URL(page.url()).pathname).toBe("/");
    await seen(page.getByRole("heading", { level: 1, name: "Helping Hands" }));
    expect(await page.getByRole("heading", { name: /^Welcome,/ }).count()).toBe(0);
    await seen(page.getByRole("status").filter({ hasText: "You have signed out" }));

    // Signed out means signed out: the home page after a reload is the public one.
    await page.reload({ waitUntil: "load" });
    await checkA11y(page);
    expect(await page.getByRole("heading", { name: /^Welcome,/ }).count()).toBe(0);
  });
});

describe("openPageAs (for other journeys)", () => {
  it("signs in once and reuses the session in a new browser context", async () => {
    const admin = DEMO_ACCOUNTS.find((a) => a.key === "admin")!;
    const first = await browser.openPageAs(admin.email);
    await visit(first, "/");
    await seen(first.getByRole("heading", { level: 1, name: `Welcome, ${admin.firstName}` }));

    const second = await browser.openPageAs(admin.email);
    expect(second.context()).not.toBe(first.context());
    await seen(second.getByRole("banner").getByText(`Signed in as ${admin.firstName}`));
  });
});
