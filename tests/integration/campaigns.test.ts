// Campaigns: progress from each donation status (refunds included), open/closed, the coordinator's
// changes (audited), who may use which page, and the donate journey's steps over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { seed } from "../../prisma/seed";
import { campaignForGift, createCampaign, publicCampaign, publicCampaigns, setCampaignStatus, CampaignError } from "~/services/campaigns.server";
import { DonationError, startDonation } from "~/services/donations.server";

useTestDatabase();
let server: TestServer;
let coordinatorId = "";
const DEMO = "a-book-for-each-child-in-our-care";

beforeAll(async () => {
  await seed(db(), { employees: 0 });
  coordinatorId = (await db().user.findUniqueOrThrow({ where: { email: "coordinator@council.example" } })).id;
  server = await startTestServer();
});
afterAll(() => server?.close());

/** Page text as a reader sees it: without React's text-joining comments. */
const html = (s: string) => s.replaceAll("<!-- -->", "");

let n = 0;
async function donation(campaignId: string, amountPence: number, status: string, extra: { refundedPence?: number; donorEmail?: string; donorName?: string; anonymous?: boolean } = {}) {
  n += 1;
  await db().donation.create({
    data: {
      reference: `HH-TEST${n}`,
      amountPence,
      campaignId,
      donorName: extra.donorName ?? `Donor ${n}`,
      donorEmail: extra.donorEmail ?? `donor${n}@example.com`,
      anonymous: extra.anonymous ?? false,
      status,
      refundedPence: extra.refundedPence ?? 0,
      paidAt: status === "pending" || status === "failed" ? null : new Date(Date.now() - 1000 * (100 - n)),
    },
  });
}

const input = (title: string, extra: Partial<Parameters<typeof createCampaign>[0]> = {}) => ({
  title,
  story: "Help us.",
  target: { targetKind: "money" as const, targetPence: 100_000 },
  startsOn: new Date("2020-01-01T00:00:00Z"),
  endsOn: null,
  imagePath: null,
  imageAlt: null,
  ...extra,
});

describe("progress", () => {
  it("counts paid money less refunds, and nothing for pending, failed, refunded or lost disputes", async () => {
    const { id } = await createCampaign(input("Progress test", { target: { targetKind: "count", targetCount: 500, unitPricePence: 800, unitLabel: "book" } }), { userId: coordinatorId });
    await setCampaignStatus(id, "open", { userId: coordinatorId });
    await donation(id, 1000, "paid", { donorName: "Pat Named" });
    await donation(id, 2500, "partially_refunded", { refundedPence: 500 });
    await donation(id, 800, "disputed", { donorName: "Secret Person", anonymous: true });
    await donation(id, 5000, "pending");
    await donation(id, 5000, "failed");
    await donation(id, 4000, "refunded", { refundedPence: 4000 });
    await donation(id, 3000, "dispute_lost");
    await donation(id, 700, "paid", { donorEmail: "DONOR1@example.com" });
    const c = await publicCampaign("progress-test", new Date());
    expect(c?.progress?.raisedPence).toBe(1000 + 2000 + 800 + 700);
    expect(c?.progress?.count).toMatchObject({ done: 5, target: 500 }); // £45 ÷ £8 = 5.6 → 5
    expect(c?.progress?.donors).toBe(3); // DONOR1@ and donor1@ are one person
    expect(c?.supporters).toContain("Pat Named");
    expect(c?.supporters).not.toContain("Secret Person");
    expect(c?.supporters).toContain("Anonymous");

    const page = html(await (await fetch(`${server.baseUrl}/campaigns/progress-test`)).text());
    expect(page).toContain("5 of 500 books");
    expect(page).toMatch(/role="progressbar"[^>]*aria-valuenow="1"/);
    expect(page).toContain("£45");
    expect(page).not.toContain("Secret Person");
  });

  it("a refund arriving later reduces progress", async () => {
    const before = (await publicCampaign("progress-test", new Date()))!.progress!.raisedPence;
    await db().donation.update({ where: { reference: "HH-TEST1" }, data: { status: "refunded", refundedPence: 1000 } });
    expect((await publicCampaign("progress-test", new Date()))!.progress!.raisedPence).toBe(before - 1000);
  });
});

describe("open and closed campaigns", () => {
  it("a draft is not public; opening publishes it; closing stops gifts; each change is audited", async () => {
    const { id, slug } = await createCampaign(input("Winter coats"), { userId: coordinatorId });
    expect(slug).toBe("winter-coats");
    expect(await publicCampaign(slug, new Date())).toBeNull();
    expect((await fetch(`${server.baseUrl}/campaigns/${slug}`)).status).toBe(404);
    await setCampaignStatus(id, "open", { userId: coordinatorId });
    expect((await campaignForGift({ id }, new Date()))?.takingGifts).toBe(true);
    expect((await publicCampaigns(new Date())).map((c) => c.slug)).toContain(slug);
    await expect(setCampaignStatus(id, "open", { userId: coordinatorId })).rejects.toThrow(CampaignError);
    await setCampaignStatus(id, "closed", { userId: coordinatorId });
    expect((await campaignForGift({ id }, new Date()))?.takingGifts).toBe(false);
    const actions = (await db().auditLog.findMany({ where: { entityType: "Campaign", entityId: id }, })).map((a) => a.action).sort();
    expect(actions).toEqual(["campaign.closed", "campaign.created", "campaign.opened"]);

    // The public page says so and offers no way to give to it; the donate journey refuses it.
    const page = html(await (await fetch(`${server.baseUrl}/campaigns/${slug}`)).text());
    expect(page).toContain("This campaign is closed and takes no more gifts");
    expect(page).not.toContain("Give to this campaign");
    const donate = html(await (await fetch(`${server.baseUrl}/donate?campaign=${slug}`)).text());
    expect(donate).toContain("Winter coats is closed");
    const post = await fetch(`${server.baseUrl}/donate?index`, {
      method: "POST",
      body: new URLSearchParams({ amount: "1000", campaign: id }),
      redirect: "manual",
    });
    expect(post.status).toBe(400);
    expect(html(await post.text())).toContain("Winter coats is closed and is not taking gifts");
    await expect(
      startDonation({ amountPence: 1000, campaignId: id, donorName: "A", donorEmail: "a@example.com", anonymous: false, appUrl: server.baseUrl }),
    ).rejects.toThrow(DonationError);
    expect(await db().donation.count({ where: { campaignId: id } })).toBe(0);
  });

  it("a campaign past its end date takes no gifts even while open", async () => {
    const { id } = await createCampaign(input("Summer trip", { endsOn: new Date("2021-01-01T00:00:00Z") }), { userId: coordinatorId });
    await setCampaignStatus(id, "open", { userId: coordinatorId });
    expect((await campaignForGift({ id }, new Date()))?.takingGifts).toBe(false);
  });
});

describe("the coordinator's pages", () => {
  it("are the coordinator's only; public pages are public", async () => {
    expect((await fetch(`${server.baseUrl}/coordinator/campaigns`, { redirect: "manual" })).status).toBe(302);
    const employee = await sessionCookieFor("alex.morgan@council.example");
    expect((await fetch(`${server.baseUrl}/coordinator/campaigns/new`, { headers: { Cookie: employee }, redirect: "manual" })).status).toBe(403);
    const post = await fetch(`${server.baseUrl}/coordinator/campaigns/new`, {
      method: "POST",
      headers: { Cookie: employee },
      body: new URLSearchParams({ title: "Sneaky" }),
      redirect: "manual",
    });
    expect(post.status).toBe(403);
    expect(await db().campaign.count({ where: { title: "Sneaky" } })).toBe(0);
    for (const path of ["/campaigns", `/campaigns/${DEMO}`, "/donate"]) expect((await fetch(server.baseUrl + path)).status).toBe(200);
  });

  it("creates with the form, refuses bad input with messages, then opens and closes", async () => {
    const cookie = await sessionCookieFor("coordinator@council.example");
    const form = {
      title: "Laptops for study",
      story: "Care leavers at university need laptops.",
      targetKind: "money",
      targetPounds: "",
      startsOn: "2026-01-01",
    };
    const bad = await fetch(`${server.baseUrl}/coordinator/campaigns/new`, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(form), redirect: "manual" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Enter the target in pounds");
    expect(await db().campaign.count({ where: { title: "Laptops for study" } })).toBe(0);

    const ok = await fetch(`${server.baseUrl}/coordinator/campaigns/new`, {
      method: "POST",
      headers: { Cookie: cookie },
      body: new URLSearchParams({ ...form, targetPounds: "5,000" }),
      redirect: "manual",
    });
    expect(ok.status).toBe(303);
    const created = await db().campaign.findFirstOrThrow({ where: { title: "Laptops for study" } });
    expect(created).toMatchObject({ status: "draft", targetKind: "money", targetPence: 500_000, slug: "laptops-for-study" });
    expect(ok.headers.get("location")).toBe(`/coordinator/campaigns/${created.id}`);
    for (const [intent, status] of [["open", "open"], ["close", "closed"]] as const) {
      const res = await fetch(`${server.baseUrl}/coordinator/campaigns/${created.id}`, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams({ intent }), redirect: "manual" });
      expect(res.status).toBe(303);
      expect((await db().campaign.findUniqueOrThrow({ where: { id: created.id } })).status).toBe(status);
    }
    expect(await db().auditLog.count({ where: { entityId: created.id, actorUserId: coordinatorId } })).toBe(3);
  });
});

describe("the donate journey over HTTP (no JavaScript)", () => {
  it("amount → details → check → the payment page, keeping answers in a signed cookie", async () => {
    let cookie = "";
    const post = async (path: string, body: Record<string, string>) => {
      const res = await fetch(server.baseUrl + path, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(body), redirect: "manual" });
      const set = res.headers.get("set-cookie");
      if (set) cookie = set.split(";")[0];
      return res;
    };
    const demo = await db().campaign.findUniqueOrThrow({ where: { slug: DEMO } });
    const tooSmall = await post("/donate?index", { amount: "other", otherAmount: "0.50", campaign: demo.id });
    expect(tooSmall.status).toBe(400);
    const text = await tooSmall.text();
    expect(text).toContain("Enter an amount of at least £1");
    expect(text).toContain('value="0.50"');

    expect((await post("/donate?index", { amount: "1000", campaign: demo.id })).headers.get("location")).toBe("/donate/details");
    const badDetails = await post("/donate/details", { donorName: "Pat Donor", donorEmail: "not-an-email" });
    expect(badDetails.status).toBe(400);
    expect(await badDetails.text()).toContain("Enter an email address in the correct format");
    expect((await post("/donate/details", { donorName: "Pat Donor", donorEmail: "pat@example.com", anonymous: "yes" })).headers.get("location")).toBe("/donate/check");
    const check = html(await (await fetch(`${server.baseUrl}/donate/check`, { headers: { Cookie: cookie } })).text());
    expect(check).toContain("£10");
    expect(check).toContain("A book for each child in our care");
    expect(check).toContain("Not shown");
    expect(await db().donation.count({ where: { donorEmail: "pat@example.com" } })).toBe(0);

    const pay = await post("/donate/check", {});
    expect(pay.status).toBe(303);
    expect(pay.headers.get("location")).toMatch(/\/dev\/checkout\//);
    const made = await db().donation.findFirstOrThrow({ where: { donorEmail: "pat@example.com" } });
    expect(made).toMatchObject({ amountPence: 1000, campaignId: demo.id, anonymous: true, status: "pending", giftAidDeclarationId: null });
    const thanks = await fetch(`${server.baseUrl}/donate/thank-you/${made.reference}`);
    expect(thanks.status).toBe(200);
    const thanksHtml = await thanks.text();
    expect(thanksHtml).toContain("we are confirming your payment");
    // Without JavaScript the page reloads itself (with it, the page polls instead).
    expect(thanksHtml).toMatch(/<noscript><meta http-equiv="refresh" content="3"\/?><\/noscript>/);
    // The answers were forgotten once the gift was made.
    expect((await fetch(`${server.baseUrl}/donate/check`, { headers: { Cookie: cookie }, redirect: "manual" })).headers.get("location")).toBe("/donate");
  });
});
