// The monthly digest: the preference (staff only, audited), the signed unsubscribe link (honoured at
// once), and the job — last UK month's figures, once per person and month, even when run twice or twice
// at once (a fake clock: each run is given its "now"). Then the account and unsubscribe pages over HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { useFakeSendGrid } from "../helpers/fake-sendgrid";
import { makeUser, type TestUser } from "../helpers/users";
import { paidAwardMaker } from "../helpers/awards";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { pence } from "~/domain/money";
import { transfer } from "~/domain/ledger";
import { unsubscribeToken } from "~/domain/impact/unsubscribe-token";
import { postTransaction } from "~/services/ledger.server";
import { DigestError, digestContent, digestMessage, resubscribeByLink, sendMonthlyDigest, setDigestOptIn, unsubscribeByLink } from "~/services/digest.server";
import { sendEmail } from "~/integrations/mailer.server";
import { loadEnv } from "~/utils/env.server";

useTestDatabase();

let alex: TestUser;
let sam: TestUser;
let pat: TestUser;
let finance: TestUser;
let leaver: TestUser;

const token = (u: TestUser) => unsubscribeToken(u.userId, loadEnv().SESSION_SECRET);
const optedIn = async (u: TestUser) => (await db().user.findUniqueOrThrow({ where: { id: u.userId } })).digestOptIn;
const digestsTo = (u: TestUser, month: string) => db().outboxEmail.findMany({ where: { template: "impact-digest", to: u.email, subject: { contains: month } } });

let young: TestUser;
let paidAward: ReturnType<typeof paidAwardMaker>;


const income = (account: "card_income" | "payroll_income" | "gift_aid_income", amount: number, at: string) =>
  postTransaction(transfer(account === "gift_aid_income" ? "gift_aid_receivable" : "fund_bank", account, pence(amount)), { kind: "test_income", description: "Test income", occurredAt: new Date(at) });

const story = (title: string, publishedAt: string, withdrawn = false) =>
  db().impactStory.create({ data: { title, body: `${title}: it helped me.`, publishedAt: new Date(publishedAt), publishedById: finance.userId, withdrawnAt: withdrawn ? new Date(publishedAt) : null } });

beforeAll(async () => {
  alex = await makeUser("Alex", ["employee"]);
  sam = await makeUser("Sam", ["employee", "panel"]);
  pat = await makeUser("Pat", ["employee"]);
  finance = await makeUser("Fin", ["finance"]);
  leaver = await makeUser("Lee", ["employee"]);
  young = await makeUser("Jordan", ["young_person"]);
  paidAward = paidAwardMaker(young.userId, finance.userId);
  await setDigestOptIn(alex, true);
  await setDigestOptIn(sam, true);
  await setDigestOptIn(leaver, true);
  await db().user.update({ where: { id: leaver.userId }, data: { active: false } });
  // Set directly: the service would refuse, and the job must not send to a non-employee either way.
  await db().user.update({ where: { id: finance.userId }, data: { digestOptIn: true } });


  // October and December must not appear in November's digest (00:30 on 1 December is December in the UK).
  await income("card_income", 5_000, "2026-10-10T12:00:00Z");
  await income("card_income", 12_345, "2026-11-15T12:00:00Z");
  await income("payroll_income", 20_000, "2026-11-20T12:00:00Z");
  await income("gift_aid_income", 2_500, "2026-11-21T12:00:00Z");
  await income("card_income", 7_700, "2026-12-01T00:30:00Z"); // December already
  await paidAward("setting_up_home", 99_900, "2026-10-05");
  for (let i = 0; i < 6; i++) await paidAward("education_equipment", 10_000, "2026-11-10");
  for (let i = 0; i < 2; i++) await paidAward("driving_lessons", 30_000, "2026-11-12");
  for (let i = 0; i < 5; i++) await paidAward("training_and_jobs", 5_000, "2026-11-30");
  await story("October story", "2026-10-30T10:00:00Z");
  await story("Older November story", "2026-11-05T10:00:00Z");
  await story("Newest November story", "2026-11-20T10:00:00Z");
  await story("Withdrawn November story", "2026-11-25T10:00:00Z", true);
});

describe("the preference", () => {
  it("lets staff opt in and out, audited; others cannot opt in", async () => {
    await setDigestOptIn(pat, true);
    expect(await optedIn(pat)).toBe(true);
    await setDigestOptIn(pat, false);
    expect(await optedIn(pat)).toBe(false);
    const entries = await db().auditLog.findMany({ where: { entityType: "User", entityId: pat.userId }, orderBy: { at: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["digest.opted_in", "digest.opted_out"]);
    await expect(setDigestOptIn(young, true)).rejects.toBeInstanceOf(DigestError);
    // Opting out is always allowed.
    await setDigestOptIn(young, false);
  });
});

describe("the unsubscribe link", () => {
  it("is refused with a tampered token or another person's token, and changes nothing", async () => {
    const bad = `${token(alex).slice(0, -2)}xx`;
    expect(await unsubscribeByLink(alex.userId, bad)).toBeNull();
    expect(await unsubscribeByLink(alex.userId, token(sam))).toBeNull();
    expect(await unsubscribeByLink(alex.userId, null)).toBeNull();
    expect(await resubscribeByLink(pat.userId, token(alex))).toBeNull();
    expect(await optedIn(alex)).toBe(true);
  });

  it("opts out at once with the right token, and back in from the same link", async () => {
    await setDigestOptIn(pat, true);
    expect(await unsubscribeByLink(pat.userId, token(pat))).toMatchObject({ firstName: "Pat", optedIn: false, canOptIn: true });
    expect(await optedIn(pat)).toBe(false);
    // Opening the link again is harmless and is not audited twice.
    await unsubscribeByLink(pat.userId, token(pat));
    const viaLink = await db().auditLog.count({ where: { entityId: pat.userId, action: "digest.opted_out", detail: { contains: "unsubscribe_link" } } });
    expect(viaLink).toBe(1);
    expect(await resubscribeByLink(pat.userId, token(pat))).toMatchObject({ optedIn: true });
    expect(await optedIn(pat)).toBe(true);
    await setDigestOptIn(pat, false);
  });

  it("does not opt someone back in who is no longer staff", async () => {
    await expect(resubscribeByLink(finance.userId, token(finance))).rejects.toBeInstanceOf(DigestError);
  });
});

describe("the digest's content", () => {
  it("is last month's figures, award counts suppressed, with the month's newest story and a one-click unsubscribe header", async () => {
    const content = await digestContent("2026-11");
    expect(content.monthLabel).toBe("November 2026");
    expect(content.money).toMatchObject({ payrollPence: 20_000, cardPence: 12_345, giftAidPence: 2_500 });
    expect(content.story?.title).toBe("Newest November story");
    // 6, 2 and 5 awards: 2 is under 5, and the 5 is hidden with it so the 2 cannot be worked out from the total.
    const rows = Object.fromEntries(content.awards.rows.map((r) => [r.label, [r.count, r.amountPence]]));
    expect(rows["Education equipment"]).toEqual([6, 60_000]);
    expect(rows["Driving lessons"]).toEqual(["c", "c"]);
    expect(rows["Training and job costs"]).toEqual(["c", "c"]);
    expect(content.awards.total).toEqual({ count: 13, amountPence: 145_000 });

    const message = digestMessage({ userId: alex.userId, email: alex.email, firstName: "Alex" }, content);
    const url = `${loadEnv().appOrigin}/digest/unsubscribe/${alex.userId}?token=${token(alex)}`;
    expect(message.headers).toEqual({ "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(message.text).toContain(url);
    expect(message.html).toContain(url.replace(/&/g, "&amp;"));
    expect(message.text).toContain("Money in: £348.45");
    expect(message.text).toContain("Driving lessons: c (c)");
    expect(message.text).toContain('"c" means fewer than 5');
    expect(message.text).toContain("Education equipment: 6 (£600)");
    // November paid nothing for setting up home (October did): the email leaves out empty categories.
    expect(message.text).not.toContain("Setting up home");
    expect(message.text).toContain("/giving");
    expect(message.text).toContain("/donate");
    expect(message.text).not.toMatch(/October story|Withdrawn|£50\b|£999\b/);
  });
});

describe("the job", () => {
  const DECEMBER_1 = new Date("2026-12-01T07:00:00Z");

  it("sends last month's digest once to each active employee who opted in, and a rerun sends nothing", async () => {
    const first = await sendMonthlyDigest(DECEMBER_1);
    expect(first).toEqual({ month: "2026-11", sent: 2, alreadySent: 0, skipped: 0 });
    expect(await digestsTo(alex, "November 2026")).toHaveLength(1);
    expect(await digestsTo(sam, "November 2026")).toHaveLength(1);
    for (const nobody of [pat, finance, leaver, young]) expect(await db().outboxEmail.count({ where: { template: "impact-digest", to: nobody.email } })).toBe(0);
    const [email] = await digestsTo(alex, "November 2026");
    expect(email.text).toContain("Dear Alex,");
    expect(email.text).toContain("Newest November story");
    expect(await db().digestSend.count({ where: { month: "2026-11" } })).toBe(2);
    expect(await db().auditLog.count({ where: { action: "digest.sent" } })).toBe(2);

    // The same day again, and later the same month: nothing more.
    expect(await sendMonthlyDigest(DECEMBER_1)).toEqual({ month: "2026-11", sent: 0, alreadySent: 2, skipped: 0 });
    expect(await sendMonthlyDigest(new Date("2026-12-31T23:59:00Z"))).toMatchObject({ month: "2026-11", sent: 0 });
    expect(await db().outboxEmail.count({ where: { template: "impact-digest" } })).toBe(2);
  });

  it("sends one email each when two runs go at once", async () => {
    const january = new Date("2027-01-01T00:05:00Z");
    const [a, b] = await Promise.all([sendMonthlyDigest(january), sendMonthlyDigest(january)]);
    expect(a.month).toBe("2026-12");
    expect(a.sent + b.sent).toBe(2);
    expect(a.alreadySent + b.alreadySent).toBe(2);
    expect(await digestsTo(alex, "December 2026")).toHaveLength(1);
    expect(await digestsTo(sam, "December 2026")).toHaveLength(1);
    expect(await db().digestSend.count({ where: { month: "2026-12" } })).toBe(2);
    // December's digest has December's card gift, not November's.
    const [email] = await digestsTo(alex, "December 2026");
    expect(email.text).toContain("£77 by card");
    expect(email.text).toContain("Mentoring: no pairs were meeting this month.");
    // Nothing is hidden in December, so there is no "c" to explain.
    expect(email.text).not.toContain('"c" means');
  });

  it("honours an opt-out before the next run, and an opt-in", async () => {
    await unsubscribeByLink(alex.userId, token(alex));
    await setDigestOptIn(pat, true);
    const run = await sendMonthlyDigest(new Date("2027-02-01T08:00:00Z"));
    expect(run).toMatchObject({ month: "2027-01", sent: 2 });
    expect(await digestsTo(alex, "January 2027")).toHaveLength(0);
    expect(await digestsTo(sam, "January 2027")).toHaveLength(1);
    expect(await digestsTo(pat, "January 2027")).toHaveLength(1);
  });
});

describe("over HTTP", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  const post = (path: string, body: Record<string, string>, cookie?: string) =>
    fetch(`${server.baseUrl}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
      body: new URLSearchParams(body).toString(),
    });

  it("shows an employee their account and saves the digest preference", async () => {
    const cookie = await sessionCookieFor(sam.email);
    const page = await (await fetch(`${server.baseUrl}/account`, { headers: { Cookie: cookie } })).text();
    expect(page).toContain("Your account");
    expect(page).toContain(sam.email);
    expect(page).toContain("Council employee, Panel member");
    expect(page).toContain("Email me a monthly update on what the fund did");

    const missing = await post("/account", {}, cookie);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Select yes if you want a monthly update");

    const no = await post("/account", { digest: "no" }, cookie);
    expect(no.status).toBe(303);
    expect(no.headers.get("location")).toBe("/account");
    expect(await optedIn(sam)).toBe(false);
    expect((await post("/account", { digest: "yes" }, cookie)).status).toBe(303);
    expect(await optedIn(sam)).toBe(true);
  });

  it("shows others their account without the preference, and refuses to save it", async () => {
    const cookie = await sessionCookieFor(finance.email);
    const page = await (await fetch(`${server.baseUrl}/account`, { headers: { Cookie: cookie } })).text();
    expect(page).toContain(finance.email);
    expect(page).not.toContain("Email me a monthly update");
    expect((await post("/account", { digest: "yes" }, cookie)).status).toBe(403);
    expect((await fetch(`${server.baseUrl}/account`, { redirect: "manual" })).status).toBe(302);
  });

  it("unsubscribes on opening the link, offers to opt back in, and 404s a wrong link", async () => {
    await setDigestOptIn(pat, true);
    const path = `/digest/unsubscribe/${pat.userId}?token=${token(pat)}`;
    expect((await fetch(`${server.baseUrl}/digest/unsubscribe/${pat.userId}?token=${token(sam)}`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/digest/unsubscribe/${pat.userId}?token=${token(pat).slice(1)}`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/digest/unsubscribe/${pat.userId}`)).status).toBe(404);
    expect(await optedIn(pat)).toBe(true);

    const page = await fetch(`${server.baseUrl}${path}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("You have unsubscribed");
    expect(html).toContain("Email me the monthly update again");
    expect(await optedIn(pat)).toBe(false);

    const again = await post(`/digest/unsubscribe/${pat.userId}`, { token: token(pat), intent: "resubscribe" });
    expect(again.status).toBe(303);
    expect(await optedIn(pat)).toBe(true);
    const shown = await fetch(`${server.baseUrl}${again.headers.get("location")}`);
    expect(await shown.text()).toContain("You will get the monthly update");
    expect(await optedIn(pat)).toBe(true);

    expect((await post(`/digest/unsubscribe/${pat.userId}`, { token: token(sam), intent: "resubscribe" })).status).toBe(404);
  });

  it("takes a mail app's one-click unsubscribe (RFC 8058)", async () => {
    await setDigestOptIn(pat, true);
    const res = await post(`/digest/unsubscribe/${pat.userId}?token=${token(pat)}`, { "List-Unsubscribe": "One-Click" });
    expect(res.status).toBe(200);
    expect(await optedIn(pat)).toBe(false);
    expect((await post(`/digest/unsubscribe/${pat.userId}?token=${token(sam)}`, { "List-Unsubscribe": "One-Click" })).status).toBe(404);
  });
});

describe("with real email (SendGrid)", () => {
  const requests = useFakeSendGrid();

  it("sends the List-Unsubscribe headers with the digest", async () => {
    const message = digestMessage({ userId: sam.userId, email: sam.email, firstName: "Sam" }, await digestContent("2026-11"));
    await sendEmail(message);
    expect(requests).toHaveLength(1);
    expect(requests[0].body.headers).toEqual(message.headers);
    expect(String((requests[0].body.headers as Record<string, string>)["List-Unsubscribe"])).toContain(`/digest/unsubscribe/${sam.userId}?token=`);
  });
});
