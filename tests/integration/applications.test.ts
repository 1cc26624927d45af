// Applying for support and the eligibility screen (issue 6): terms of reference versions, who may start,
// see and change an application (404 for anyone else), every step and refusal, the coordinator's queue,
// and a few pages over real HTTP with plain form posts (no JavaScript).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { seed } from "../../prisma/seed";
import type { Role } from "~/domain/roles";
import { amountSchema, type QueueQuery } from "~/domain/applications/form";
import { ApplicationError, currentTerms, type Actor } from "~/services/applications.server";
import { publishTerms, termsVersions } from "~/services/terms.server";
import {
  ApplicationNotFoundError,
  MissingAnswersError,
  answerMoreInfo,
  applicantPage,
  coordinatorQueue,
  myApplications,
  saveStep,
  screenApplication,
  screeningPage,
  startApplication,
  submitApplication,
  withdrawApplication,
} from "~/services/application-journey.server";

useTestDatabase();
let server: TestServer;

const actors: Record<string, Actor> = {};
async function actor(email: string): Promise<Actor> {
  const u = await db().user.findUniqueOrThrow({ where: { email }, include: { roles: true } });
  return { userId: u.id, roles: u.roles.map((r) => r.role as Role) };
}
async function makeUser(email: string, firstName: string, role: Role): Promise<Actor> {
  const person = await db().person.create({ data: { firstName, lastName: "Test", email } });
  await db().user.create({ data: { personId: person.id, email, roles: { create: [{ role }] } } });
  return actor(email);
}

beforeAll(async () => {
  await seed(db(), { employees: 0 });
  actors.jordan = await actor("jordan@young.example");
  actors.aisha = await actor("pa.khan@council.example");
  actors.coordinator = await actor("coordinator@council.example");
  actors.panel = await actor("priya.shah@council.example");
  actors.finance = await actor("fin.officer@council.example");
  actors.casey = await makeUser("casey@young.example", "Casey", "young_person");
  actors.otherAdviser = await makeUser("pa.other@council.example", "Olu", "personal_adviser");
  server = await startTestServer();
});
afterAll(() => server?.close());

const html = (s: string) => s.replaceAll("<!-- -->", "").replaceAll("&#x27;", "'");

/** A complete draft, through the service, the way the pages save it. */
async function completeDraft(by: Actor, id: string, amountPence = 45_000) {
  await saveStep(by, id, "purpose", { category: "education_equipment", purpose: "A laptop for college" });
  await saveStep(by, id, "amount", { amount: amountPence, quoteUrl: "https://www.example.com/laptop", quoteDetails: "" });
  await saveStep(by, id, "why", { whyItMatters: "My coursework is online" });
  await saveStep(by, id, "entitlement", { entitlementCovers: "partly", entitlementNames: "16 to 19 Bursary", entitlementWhyNeeded: "It pays for travel only" });
}

async function sentApplication(): Promise<string> {
  const { id } = await startApplication(actors.jordan, { for: "self", adviserId: actors.aisha.userId });
  await completeDraft(actors.jordan, id);
  await submitApplication(actors.jordan, id);
  return id;
}

describe("terms of reference", () => {
  it("the seed publishes version 1; publishing makes a new version, keeps the old one unchanged, and is audited", async () => {
    const v1 = await currentTerms();
    expect(v1).toMatchObject({ version: 1, maxAwardPence: 100_000 });
    const { id, version } = await publishTerms(
      { funds: v1!.funds, doesNotFund: v1!.doesNotFund, maxAwardPence: 100_000, decisionDates: "First Tuesday of the month", giveBack: v1!.giveBack, criteria: v1!.criteria },
      actors.coordinator,
    );
    expect(version).toBe(2);
    expect((await currentTerms())?.id).toBe(id);
    expect((await termsVersions()).map((t) => t.version)).toEqual([2, 1]);
    expect(await db().auditLog.count({ where: { action: "terms.published", entityId: id } })).toBe(1);
    // Append-only: the database refuses to change a published version.
    await expect(db().termsOfReference.update({ where: { version: 1 }, data: { maxAwardPence: 1 } })).rejects.toThrow();
    expect((await db().termsOfReference.findUniqueOrThrow({ where: { version: 1 } })).maxAwardPence).toBe(100_000);
  });
});

describe("starting an application", () => {
  it("a young person starts their own and may share it with their adviser; both see and change it", async () => {
    const { id, reference } = await startApplication(actors.jordan, { for: "self", adviserId: actors.aisha.userId });
    expect(reference).toMatch(/^SA-[2-9A-HJKMNP-Z]{6}$/);
    await saveStep(actors.aisha, id, "purpose", { category: "driving_lessons", purpose: "Lessons" });
    expect((await applicantPage(actors.jordan, id)).answers).toMatchObject({ category: "driving_lessons", purpose: "Lessons" });
    expect((await myApplications(actors.aisha)).map((a) => a.id)).toContain(id);
    expect(await db().applicationEvent.count({ where: { applicationId: id, toStatus: "draft" } })).toBe(1);
  });

  it("not shared: the adviser cannot see it", async () => {
    const { id } = await startApplication(actors.jordan, { for: "self", adviserId: null });
    await expect(applicantPage(actors.aisha, id)).rejects.toThrow(ApplicationNotFoundError);
    expect((await myApplications(actors.aisha)).map((a) => a.id)).not.toContain(id);
  });

  it("an adviser starts one for a young person on their caseload; the young person sees it", async () => {
    const { id } = await startApplication(actors.aisha, { for: "young_person", youngPersonId: actors.jordan.userId });
    const page = await applicantPage(actors.jordan, id);
    expect(page).toMatchObject({ status: "draft", isYoungPerson: true, adviserName: "Aisha Khan" });
  });

  it("an adviser not linked to the young person: not found; a young person cannot name someone else's adviser", async () => {
    await expect(startApplication(actors.otherAdviser, { for: "young_person", youngPersonId: actors.jordan.userId })).rejects.toThrow(ApplicationNotFoundError);
    await expect(startApplication(actors.aisha, { for: "young_person", youngPersonId: actors.casey.userId })).rejects.toThrow(ApplicationNotFoundError);
    await expect(startApplication(actors.casey, { for: "self", adviserId: actors.aisha.userId })).rejects.toThrow(ApplicationError);
    await expect(startApplication(actors.coordinator, { for: "self", adviserId: null })).rejects.toThrow(ApplicationError);
  });

  it("nobody else sees or changes it: another young person, an unlinked adviser, panel, finance, the coordinator (while a draft)", async () => {
    const { id } = await startApplication(actors.jordan, { for: "self", adviserId: actors.aisha.userId });
    for (const who of [actors.casey, actors.otherAdviser, actors.panel, actors.finance, actors.coordinator]) {
      await expect(applicantPage(who, id)).rejects.toThrow(ApplicationNotFoundError);
      await expect(saveStep(who, id, "why", { whyItMatters: "x" })).rejects.toThrow(ApplicationNotFoundError);
      await expect(submitApplication(who, id)).rejects.toThrow(ApplicationNotFoundError);
    }
    await expect(screeningPage(actors.coordinator, id)).rejects.toThrow(ApplicationNotFoundError);
    expect((await myApplications(actors.casey)).map((a) => a.id)).not.toContain(id);
  });

  it("an adviser whose link has ended no longer sees it", async () => {
    const { id } = await startApplication(actors.jordan, { for: "self", adviserId: actors.aisha.userId });
    await db().adviserLink.delete({ where: { adviserId_youngPersonId: { adviserId: actors.aisha.userId, youngPersonId: actors.jordan.userId } } });
    try {
      await expect(applicantPage(actors.aisha, id)).rejects.toThrow(ApplicationNotFoundError);
      expect((await myApplications(actors.aisha)).map((a) => a.id)).not.toContain(id);
    } finally {
      await db().adviserLink.create({ data: { adviserId: actors.aisha.userId, youngPersonId: actors.jordan.userId } });
    }
  });
});

describe("sending an application", () => {
  it("is refused while anything is missing, listing what", async () => {
    const { id } = await startApplication(actors.jordan, { for: "self", adviserId: null });
    await saveStep(actors.jordan, id, "purpose", { category: "education_equipment", purpose: "A laptop" });
    const refused = await submitApplication(actors.jordan, id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MissingAnswersError);
    expect((refused as MissingAnswersError).problems.map((p) => p.field)).toEqual(["amount", "quoteUrl", "whyItMatters", "entitlementCovers"]);
    expect((await db().supportApplication.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
  });

  it("an amount over the most per award is refused with the limit in the message (at the step and when sending)", async () => {
    const r = amountSchema(100_000).safeParse({ amount: "1200", quoteDetails: "Quote" });
    expect(r.success ? null : r.error.issues[0].message).toBe("The fund gives at most £1,000 for one application. Enter £1,000 or less");
    const { id } = await startApplication(actors.jordan, { for: "self", adviserId: null });
    await completeDraft(actors.jordan, id, 120_000); // e.g. typed before the terms lowered the limit
    const refused = await submitApplication(actors.jordan, id).catch((e: unknown) => e);
    expect((refused as MissingAnswersError).problems.map((p) => p.message)).toEqual(["The fund gives at most £1,000 for one application. Change the amount to £1,000 or less"]);
  });

  it("sends: status, date, timeline, audit and emails to the young person and adviser; answers are then fixed", async () => {
    const before = await db().outboxEmail.count();
    const id = await sentApplication();
    const row = await db().supportApplication.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("submitted");
    expect(row.submittedAt).not.toBeNull();
    expect(await db().applicationEvent.count({ where: { applicationId: id, fromStatus: "draft", toStatus: "submitted" } })).toBe(1);
    expect(await db().auditLog.count({ where: { entityId: id, action: "application.submit" } })).toBe(1);
    const emails = await db().outboxEmail.findMany({ orderBy: { createdAt: "asc" }, skip: before });
    expect(emails.map((e) => e.to).sort()).toEqual(["jordan@young.example", "pa.khan@council.example"]);
    expect(emails[0].subject).toContain(row.reference);
    await expect(saveStep(actors.jordan, id, "why", { whyItMatters: "changed" })).rejects.toThrow(ApplicationError);
    await expect(submitApplication(actors.jordan, id)).rejects.toThrow(ApplicationError);
  });

  it("every view of the details is audited", async () => {
    const id = await sentApplication();
    await applicantPage(actors.aisha, id);
    await screeningPage(actors.coordinator, id);
    const views = await db().auditLog.findMany({ where: { entityId: id, action: "application.viewed.full" } });
    expect(views.map((v) => v.actorUserId)).toEqual(expect.arrayContaining([actors.aisha.userId, actors.coordinator.userId]));
  });
});

describe("the eligibility screen", () => {
  it("ask for more: the question reaches the applicant, who answers; the application comes back to screening", async () => {
    const id = await sentApplication();
    expect(await screenApplication(actors.coordinator, id, { decision: "more_info", question: "Please send the quote from the shop." })).toBe("more_info_requested");
    const page = await applicantPage(actors.jordan, id);
    expect(page.openQuestion?.body).toBe("Please send the quote from the shop.");
    expect(page.timeline.at(-1)).toMatchObject({ toStatus: "more_info_requested", by: "The coordinator" });
    await answerMoreInfo(actors.aisha, id, "Here it is: £450 at the shop on the high street.");
    const after = await applicantPage(actors.jordan, id);
    expect(after.status).toBe("submitted");
    expect(after.openQuestion).toBeNull();
    expect(after.messages.map((m) => m.kind)).toEqual(["question", "answer"]);
    await expect(answerMoreInfo(actors.jordan, id, "again")).rejects.toThrow(ApplicationError);
    expect(await db().applicationMessage.count({ where: { applicationId: id } })).toBe(2);
  });

  it("eligible: with the panel, screened by and when", async () => {
    const id = await sentApplication();
    expect(await screenApplication(actors.coordinator, id, { decision: "eligible" })).toBe("with_panel");
    expect(await db().supportApplication.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "with_panel", screenedById: actors.coordinator.userId });
    await expect(screenApplication(actors.coordinator, id, { decision: "eligible" })).rejects.toThrow(ApplicationError);
  });

  it("not eligible: the reason is shown to the applicant; only a coordinator screens", async () => {
    const id = await sentApplication();
    await expect(screenApplication(actors.panel, id, { decision: "eligible" })).rejects.toThrow(ApplicationNotFoundError);
    await screenApplication(actors.coordinator, id, { decision: "not_eligible", reason: "The Setting Up Home Allowance covers this." });
    const page = await applicantPage(actors.jordan, id);
    expect(page).toMatchObject({ status: "not_eligible", notEligibleReason: "The Setting Up Home Allowance covers this." });
    expect(page.timeline.at(-1)?.note).toBe("The Setting Up Home Allowance covers this.");
    await expect(withdrawApplication(actors.jordan, id)).rejects.toThrow(ApplicationError);
  });

  it("withdraw: before a decision, by the young person or adviser", async () => {
    const id = await sentApplication();
    await withdrawApplication(actors.aisha, id);
    expect((await applicantPage(actors.jordan, id)).status).toBe("withdrawn");
  });
});

describe("the coordinator's queue", () => {
  const q = (over: Partial<QueueQuery> = {}): QueueQuery => ({ status: null, reference: "", page: 1, sort: "oldest", ...over });

  it("never shows drafts; filters by status; counts per status; finds by reference; oldest first; paged", async () => {
    const base = Date.UTC(2020, 0, 1);
    await db().supportApplication.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        id: `queue-${i}`,
        reference: `SA-Q${"23456789ABCDEFGHJKMNPQRSTUVWXYZ"[i]}2222`,
        youngPersonId: actors.casey.userId,
        createdById: actors.casey.userId,
        status: "with_panel",
        submittedAt: new Date(base + i * 86_400_000),
      })),
    });
    const all = await coordinatorQueue(q({ status: "with_panel" }));
    expect(all.total).toBeGreaterThanOrEqual(30);
    expect(all.rows).toHaveLength(25);
    expect(all.rows[0].id).toBe("queue-0"); // the oldest
    expect(all.counts.with_panel).toBe(all.total);
    const page2 = await coordinatorQueue(q({ status: "with_panel", page: 2 }));
    expect(page2.page).toBe(2);
    expect(page2.rows.map((r) => r.id)).not.toContain("queue-0");
    expect((await coordinatorQueue(q({ status: "with_panel", sort: "newest" }))).rows[0].id).not.toBe("queue-0");
    // The start of a reference finds it: long enough that no other test's random reference shares it
    // ("SA-Q5" alone once matched one in thirty-one squared).
    expect((await coordinatorQueue(q({ reference: "SA-Q5222" }))).rows.map((r) => r.id)).toEqual(["queue-3"]);
    const everything = await coordinatorQueue(q({ page: 99 }));
    expect(everything.page).toBe(everything.pages);
    const drafts = await db().supportApplication.count({ where: { status: "draft" } });
    expect(drafts).toBeGreaterThan(0);
    expect(everything.total).toBe((await db().supportApplication.count()) - drafts);
  });
});

describe("pages without JavaScript (plain form posts)", () => {
  const post = (path: string, cookie: string, body: Record<string, string>) =>
    fetch(server.baseUrl + path, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body), redirect: "manual" });
  const get = (path: string, cookie?: string) => fetch(server.baseUrl + path, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });

  it("a young person starts, answers each step (with errors shown), checks and sends", async () => {
    const jordan = await sessionCookieFor("jordan@young.example");
    const noChoice = await post("/applications/new", jordan, { hasAdvisers: "yes" });
    expect(noChoice.status).toBe(400);
    expect(html(await noChoice.text())).toContain("Choose whether to share the application with your personal adviser");
    const started = await post("/applications/new", jordan, { hasAdvisers: "yes", person: actors.aisha.userId });
    expect(started.status).toBe(303);
    const base = started.headers.get("location")!.replace(/\/purpose$/, "");
    expect(base).toMatch(/^\/applications\/[^/]+$/);

    const bad = await post(`${base}/purpose`, jordan, { category: "", purpose: "" });
    expect(bad.status).toBe(400);
    const badPage = html(await bad.text());
    expect(badPage).toContain('data-testid="error-summary"');
    expect(badPage).toContain("Choose what the money is for");
    expect((await post(`${base}/purpose`, jordan, { category: "education_equipment", purpose: "A laptop" })).headers.get("location")).toBe(`${base}/amount`);

    const over = await post(`${base}/amount`, jordan, { amount: "1500", quoteUrl: "", quoteDetails: "Shop quote" });
    expect(over.status).toBe(400);
    expect(html(await over.text())).toContain("The fund gives at most £1,000 for one application. Enter £1,000 or less");
    // "Save and come back later" saves and goes to the status page.
    const later = await post(`${base}/amount`, jordan, { amount: "450", quoteUrl: "", quoteDetails: "Shop quote", intent: "later" });
    expect(later.headers.get("location")).toBe(base);
    expect((await db().supportApplication.findUniqueOrThrow({ where: { id: base.split("/").pop() } })).amountPence).toBe(45_000);

    // The check page refuses to send what is missing, with links to the steps.
    const early = await post(`${base}/check`, jordan, {});
    expect(early.status).toBe(400);
    const earlyPage = html(await early.text());
    expect(earlyPage).toContain("You cannot send the application yet");
    expect(earlyPage).toContain(`${base}/why?change=check#whyItMatters`);

    await post(`${base}/why`, jordan, { whyItMatters: "Coursework is online" });
    expect((await post(`${base}/entitlement`, jordan, { entitlementCovers: "no" })).headers.get("location")).toBe(`${base}/check`);
    const check = html(await (await get(`${base}/check`, jordan)).text());
    expect(check).toContain("Check your answers before sending your application");
    expect(check).toContain("£450");
    const sent = await post(`${base}/check`, jordan, {});
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(`${base}/sent`);
    expect(html(await (await get(`${base}/sent`, jordan)).text())).toContain("Application sent");
    // A sent application's steps go back to the status page.
    expect((await get(`${base}/why`, jordan)).headers.get("location")).toBe(base);

    // Another young person, and a panel member, get 404: they never learn it exists.
    expect((await get(base, await sessionCookieFor("casey@young.example"))).status).toBe(404);
    expect((await get(base, await sessionCookieFor("priya.shah@council.example"))).status).toBe(404);
    expect((await post(`${base}/withdraw`, await sessionCookieFor("casey@young.example"), {})).status).toBe(404);

    // The coordinator screens it: not eligible needs a reason.
    const coordinator = await sessionCookieFor("coordinator@council.example");
    const id = base.split("/").pop()!;
    const noReason = await post(`/coordinator/applications/${id}`, coordinator, { decision: "not_eligible", reason: "" });
    expect(noReason.status).toBe(400);
    expect(html(await noReason.text())).toContain("Enter the reason it is not eligible");
    const asked = await post(`/coordinator/applications/${id}`, coordinator, { decision: "more_info", question: "Which course is it for?" });
    expect(asked.status).toBe(303);
    const status = html(await (await get(base, jordan)).text());
    expect(status).toContain("Which course is it for?");
    expect((await post(base, jordan, { answer: "" })).status).toBe(400);
    expect((await post(base, jordan, { answer: "Health and social care, Level 3" })).status).toBe(303);
    expect((await db().supportApplication.findUniqueOrThrow({ where: { id } })).status).toBe("submitted");
  });

  it("every page shows for the people who use it", async () => {
    const { id } = await startApplication(actors.aisha, { for: "young_person", youngPersonId: actors.jordan.userId });
    const aisha = await sessionCookieFor("pa.khan@council.example");
    const pages: [string, string, string][] = [
      ["/applications", aisha, "Jordan Reed"],
      ["/applications/new", aisha, "Who is the application for?"],
      [`/applications/${id}`, aisha, "Continue the application"],
      [`/applications/${id}/purpose`, aisha, "What is the money for Jordan?"],
      [`/applications/${id}/amount`, aisha, "The fund gives at most"],
      [`/applications/${id}/why`, aisha, "Why does this matter to Jordan?"],
      [`/applications/${id}/entitlement`, aisha, "Higher Education Bursary"],
      [`/applications/${id}/withdraw`, aisha, "Yes, withdraw the application"],
    ];
    const sent = await sentApplication();
    const coordinator = await sessionCookieFor("coordinator@council.example");
    pages.push([`/coordinator/applications/${sent}`, coordinator, "Eligibility screen"], ["/coordinator/terms", coordinator, "In force: version"], ["/coordinator/applications", coordinator, "Search by reference"]);
    // Changing an answer from the check page: Back goes to the check page, and the form keeps ?change=check so it returns there.
    pages.push([`/applications/${id}/why?change=check`, aisha, `action="/applications/${id}/why?change=check"`], [`/applications/${id}/why?change=check`, aisha, `href="/applications/${id}/check"`]);
    for (const [path, cookie, text] of pages) {
      const res = await get(path, cookie);
      expect(res.status, path).toBe(200);
      expect(html(await res.text()), path).toContain(text);
    }
  });

  it("the coordinator publishes terms through the form; the support page shows them", async () => {
    const coordinator = await sessionCookieFor("coordinator@council.example");
    const form = html(await (await get("/coordinator/terms/new", coordinator)).text());
    expect(form).toContain("How much it will help"); // prefilled from the version in force
    const bad = await post("/coordinator/terms/new", coordinator, { funds: "Laptops", doesNotFund: "Debts", maxAward: "0", decisionDates: "Monthly", giveBack: "Help", criteria: "" });
    expect(bad.status).toBe(400);
    const badPage = html(await bad.text());
    expect(badPage).toContain("The amount must be more than £0");
    expect(badPage).toContain("List the criteria the panel scores against");
    const ok = await post("/coordinator/terms/new", coordinator, { funds: "Laptops", doesNotFund: "Debts", maxAward: "750", decisionDates: "Monthly", giveBack: "Help at an event", criteria: "Need\nValue for money" });
    expect(ok.status).toBe(303);
    const support = html(await (await get("/support")).text());
    expect(support).toContain("The fund gives at most £750 for one application");
    expect(support).toContain("Help at an event");
    const queue = html(await (await get("/coordinator/applications?status=with_panel&page=2", coordinator)).text());
    expect(queue).toContain("Page 2 of");
  });
});
