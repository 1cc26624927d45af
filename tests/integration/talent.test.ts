// The coordinator's Talent Network on a real database: search filters and paging, the short-list,
// linking (emails with only what each side needs, capacity and safeguarding re-checked, two links at
// once never over-book an offer), and the DBS record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { EMPTY_SEARCH, type OfferSearch } from "~/domain/talent/search";
import { LinkRefusedError, dbsClear, linkRequest, recordDbsCheck, searchOffers, shortListFor } from "~/services/talent.server";
import { TalentError } from "~/services/talent-links.server";

useTestDatabase();

let n = 0;
async function makeUser(firstName: string, roles: string[]) {
  n++;
  const email = `${firstName.toLowerCase()}${n}@test.example`;
  const lastName = `Surname${n}x`;
  const person = await db().person.create({ data: { firstName, lastName, email } });
  const user = await db().user.create({ data: { personId: person.id, email, roles: { create: roles.map((role) => ({ role })) } } });
  return { userId: user.id, email, firstName, lastName, roles: roles as never[] };
}
type U = Awaited<ReturnType<typeof makeUser>>;

type OfferData = { skills?: string[]; availability?: string[]; mode?: string; location?: string | null; hoursPerMonth?: number; status?: string; managerApproved?: boolean | null; volunteerGender?: string | null };
async function makeOffer(by: U, o: OfferData = {}, groupId?: string) {
  return db().timeOffer.create({
    data: {
      userId: by.userId,
      groupId,
      skills: JSON.stringify(o.skills ?? ["cv_help"]),
      availability: JSON.stringify(o.availability ?? ["tue_evening"]),
      mode: o.mode ?? "either",
      location: o.location === undefined ? "Darlington" : o.location,
      hoursPerMonth: o.hoursPerMonth ?? 4,
      frequency: "regular",
      status: o.status ?? "active",
      managerApproved: o.managerApproved === undefined ? true : o.managerApproved,
      volunteerGender: o.volunteerGender ?? null,
    },
  });
}

type RequestData = { skills?: string[]; hoursPerMonth?: number; under18?: boolean; preferredGender?: string | null; mode?: string; details?: string };
async function makeRequest(r: RequestData = {}, by?: U) {
  return db().helpRequest.create({
    data: {
      youngPersonId: young.userId,
      createdById: (by ?? adviser).userId,
      skills: JSON.stringify(r.skills ?? ["cv_help"]),
      details: r.details ?? "Help with my first CV for a shop job",
      availability: JSON.stringify(["tue_evening", "sat_day"]),
      mode: r.mode ?? "either",
      location: "Darlington",
      hoursPerMonth: r.hoursPerMonth ?? 2,
      under18: r.under18 ?? false,
      preferredGender: r.preferredGender ?? null,
    },
  });
}

let alex: U, kim: U, sam: U, young: U, adviser: U, coordinator: U;
const actor = () => ({ userId: coordinator.userId, roles: ["coordinator" as const] });

beforeAll(async () => {
  alex = await makeUser("Alex", ["employee"]);
  kim = await makeUser("Kim", ["employee"]);
  sam = await makeUser("Sam", ["employee"]);
  young = await makeUser("Jordan", ["young_person"]);
  adviser = await makeUser("Aisha", ["personal_adviser"]);
  coordinator = await makeUser("Chris", ["coordinator"]);
  await db().adviserLink.create({ data: { adviserId: adviser.userId, youngPersonId: young.userId } });
  await db().organisationSettings.create({ data: { id: 1, councilName: "Test Council", fundName: "Test Fund", managerApprovalRequired: true, under18NeedsDbs: true } });
});

describe("search", () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ids.cvOnlineMon = (await makeOffer(alex, { skills: ["cv_help", "it_help"], availability: ["mon_evening"], mode: "online", location: null, hoursPerMonth: 3 })).id;
    ids.cvDarlington = (await makeOffer(kim, { skills: ["cv_help"], availability: ["tue_evening", "sat_day"], mode: "in_person", location: "Darlington", hoursPerMonth: 6 })).id;
    ids.cookingStockton = (await makeOffer(sam, { skills: ["cooking"], availability: ["sat_day"], mode: "in_person", location: "Stockton", hoursPerMonth: 2 })).id;
    ids.diyEither = (await makeOffer(sam, { skills: ["diy", "cv_help"], availability: ["sat_day"], mode: "either", location: " darlington ", hoursPerMonth: 5 })).id;
    ids.paused = (await makeOffer(alex, { skills: ["cv_help"], status: "paused" })).id;
    // 4 of Kim's 6 hours are reserved by an active link; an ended link reserves nothing.
    const r1 = await makeRequest();
    await db().helpLink.create({ data: { requestId: r1.id, offerId: ids.cvDarlington, hoursPerMonth: 4, createdById: coordinator.userId } });
    await db().helpLink.create({ data: { requestId: r1.id, offerId: ids.diyEither, hoursPerMonth: 5, createdById: coordinator.userId, status: "ended" } });
  });
  const found = async (search: Partial<OfferSearch>) => (await searchOffers({ ...EMPTY_SEARCH, ...search })).rows.map((r) => r.id).sort();
  const sorted = (...keys: string[]) => keys.map((k) => ids[k]).sort();

  it("lists active offers only, most hours left first, with hours left after active links", async () => {
    const result = await searchOffers(EMPTY_SEARCH);
    expect(result.total).toBe(4);
    expect(result.rows.slice(0, 2).map((r) => [r.id, r.hoursLeft])).toEqual([
      [ids.diyEither, 5],
      [ids.cvOnlineMon, 3],
    ]);
    expect(result.rows.slice(2).map((r) => r.id).sort()).toEqual(sorted("cvDarlington", "cookingStockton"));
    expect(result.rows.find((r) => r.id === ids.cvDarlington)).toMatchObject({ hoursLeft: 2, hoursPerMonth: 6, volunteer: `Kim ${kim.lastName}`, skills: "CV help", where: "In person, Darlington" });
    expect(result.rows.slice(2).map((r) => r.hoursLeft)).toEqual([2, 2]);
  });

  it("filters by skill, by time, by place and by hours left", async () => {
    expect(await found({ skill: "cv_help" })).toEqual(sorted("cvOnlineMon", "cvDarlington", "diyEither"));
    expect(await found({ skill: "cooking" })).toEqual(sorted("cookingStockton"));
    expect(await found({ skill: "budgeting" })).toEqual([]);
    expect(await found({ slot: "sat_day" })).toEqual(sorted("cvDarlington", "cookingStockton", "diyEither"));
    expect(await found({ skill: "cv_help", slot: "sat_day" })).toEqual(sorted("cvDarlington", "diyEither"));
    expect(await found({ mode: "online" })).toEqual(sorted("cvOnlineMon", "diyEither"));
    expect(await found({ mode: "in_person" })).toEqual(sorted("cvDarlington", "cookingStockton", "diyEither"));
    // In person in the area (any case, spaces trimmed) …
    expect(await found({ mode: "in_person", area: "DARLINGTON" })).toEqual(sorted("cvDarlington", "diyEither"));
    // … or, with no mode chosen, in the area or online.
    expect(await found({ area: "Stockton" })).toEqual(sorted("cvOnlineMon", "cookingStockton", "diyEither"));
    expect(await found({ minHoursLeft: 3 })).toEqual(sorted("cvOnlineMon", "diyEither"));
    expect(await found({ minHoursLeft: 6 })).toEqual([]);
  });

  it("pages on the server, and an old page past the end shows the last page", async () => {
    for (let i = 0; i < 22; i++) await makeOffer(sam, { skills: ["budgeting"], hoursPerMonth: 1 });
    const first = await searchOffers({ ...EMPTY_SEARCH, skill: "budgeting" });
    expect(first).toMatchObject({ total: 22, page: 1, pages: 2 });
    expect(first.rows).toHaveLength(20);
    const second = await searchOffers({ ...EMPTY_SEARCH, skill: "budgeting", page: 2 });
    expect(second.rows).toHaveLength(2);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(22);
    expect(await searchOffers({ ...EMPTY_SEARCH, skill: "budgeting", page: 9 })).toMatchObject({ page: 2, pages: 2 });
  });
});

describe("short-list", () => {
  it("ranks the eligible offers with reasons and lists the refused ones with theirs", async () => {
    const good = await makeOffer(alex, { skills: ["interview_practice", "careers_talk"], availability: ["tue_evening", "sat_day"], mode: "online", location: null });
    const partial = await makeOffer(kim, { skills: ["interview_practice"], availability: ["sat_day"], mode: "online", location: null });
    const noManager = await makeOffer(sam, { skills: ["interview_practice"], managerApproved: null });
    const request = await makeRequest({ skills: ["interview_practice", "careers_talk"], mode: "online" });
    const { suggested, refused } = await shortListFor(request.id);
    expect(suggested.map((s) => [s.offerId, s.score])).toEqual([
      [good.id, 100],
      [partial.id, 30 + 15 + 10],
    ]);
    expect(suggested[0].reasons).toEqual(["Skills: Interview practice, Careers talk in my field", "Free at the same times (2 of 2)", "Can meet online"]);
    expect(refused).toEqual([expect.objectContaining({ offerId: noManager.id, refusals: ["The volunteer's manager has not approved the time"], needsDbs: false })]);
  });
});

describe("linking", () => {
  it("links, marks the request linked, audits, and emails each side only what it needs", async () => {
    const group = await db().volunteerGroup.create({ data: { name: "Central Library team", description: "Design sessions", contactUserId: kim.userId } });
    const offer = await makeOffer(kim, { skills: ["design_and_making"], hoursPerMonth: 6 }, group.id);
    const request = await makeRequest({ skills: ["design_and_making"], hoursPerMonth: 3, details: "I want to make a portfolio for college" });
    const before = new Date(Date.now() - 1000);
    const { linkId } = await linkRequest(actor(), request.id, offer.id, 3);

    const link = await db().helpLink.findUniqueOrThrow({ where: { id: linkId } });
    expect(link).toMatchObject({ requestId: request.id, offerId: offer.id, hoursPerMonth: 3, status: "active", createdById: coordinator.userId, contactSharedAt: null });
    expect((await db().helpRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("linked");
    expect(await db().auditLog.count({ where: { action: "help_link.created", entityId: linkId, actorUserId: coordinator.userId } })).toBe(1);

    const emails = await db().outboxEmail.findMany({ where: { createdAt: { gte: before } } });
    const to = (email: string) => emails.filter((e) => e.to === email);
    expect(emails).toHaveLength(3);
    const [volunteerEmail] = to(kim.email);
    expect(volunteerEmail.template).toBe("talent-linked-volunteer");
    for (const body of [volunteerEmail.text, volunteerEmail.html, volunteerEmail.subject]) {
      expect(body).toContain("Jordan");
      expect(body).not.toContain(young.lastName);
      expect(body).not.toContain(young.email);
      expect(body).not.toContain(adviser.lastName);
      expect(body).not.toContain(adviser.email);
    }
    expect(volunteerEmail.text).toContain("What help: Design and making");
    expect(volunteerEmail.text).toContain("I want to make a portfolio for college");
    expect(volunteerEmail.text).toContain("When suits them: Tuesday evening, Saturday daytime");
    expect(volunteerEmail.text).toContain("Time: 3 hours a month");
    expect(volunteerEmail.text).toContain(`/giving-time/links/${linkId}`);

    for (const e of [...to(young.email), ...to(adviser.email)]) {
      expect(e.template).toBe("talent-linked-young-person");
      expect(e.text).toContain("Kim from Central Library team");
      expect(e.text).toContain("What they offer: Design and making");
      expect(e.text).not.toContain(kim.lastName);
      expect(e.text).not.toContain(kim.email);
      expect(e.text).toContain(`/help/${request.id}`);
    }
    expect(to(adviser.email)[0].text).toContain("Jordan's request");
  });

  it("refuses an offer with 2 hours a month left for a link of 4, and writes nothing", async () => {
    const offer = await makeOffer(alex, { skills: ["it_help"], hoursPerMonth: 6 });
    const first = await makeRequest({ skills: ["it_help"], hoursPerMonth: 4 });
    await linkRequest(actor(), first.id, offer.id, 4);
    const second = await makeRequest({ skills: ["it_help"], hoursPerMonth: 4 });
    const error = await linkRequest(actor(), second.id, offer.id, 4).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinkRefusedError);
    expect((error as LinkRefusedError).refusals).toEqual(["The offer has 2 hours a month left, and this needs 4"]);
    expect((await db().helpRequest.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("open");
    expect(await db().helpLink.count({ where: { requestId: second.id } })).toBe(0);
    // 2 still fit.
    await linkRequest(actor(), second.id, offer.id, 2);
  });

  it("refuses an under-18 with a volunteer without a clear DBS check, until one is recorded", async () => {
    const offer = await makeOffer(sam, { skills: ["driving_practice"] });
    const request = await makeRequest({ skills: ["driving_practice"], under18: true });
    const error = await linkRequest(actor(), request.id, offer.id, 2).catch((e: unknown) => e);
    expect((error as LinkRefusedError).refusals).toEqual(["The young person is under 18 and the volunteer has no clear DBS check on record"]);
    expect((await shortListFor(request.id)).refused).toEqual([expect.objectContaining({ offerId: offer.id, needsDbs: true, volunteerId: sam.userId })]);

    // A basic check does not count; an enhanced clear one does.
    await recordDbsCheck(actor(), { email: sam.email, level: "basic", certificateNumber: "000000000001", issuedOnKey: "2026-01-05", outcome: "clear" });
    expect(await dbsClear(sam.userId)).toBe(false);
    await recordDbsCheck(actor(), { email: sam.email, level: "enhanced_barred", certificateNumber: "001234567890", issuedOnKey: "2026-02-03", outcome: "clear" });
    expect(await dbsClear(sam.userId)).toBe(true);
    expect((await shortListFor(request.id)).suggested.map((s) => s.offerId)).toContain(offer.id);
    await linkRequest(actor(), request.id, offer.id, 2);
  });

  it("refuses a volunteer who does not meet the young person's preference for a woman volunteer", async () => {
    const man = await makeOffer(alex, { skills: ["budgeting"], volunteerGender: "man" });
    const woman = await makeOffer(kim, { skills: ["budgeting"], volunteerGender: "woman" });
    const request = await makeRequest({ skills: ["budgeting"], preferredGender: "woman" });
    const error = await linkRequest(actor(), request.id, man.id, 2).catch((e: unknown) => e);
    expect((error as LinkRefusedError).refusals).toEqual(["The young person asked for a woman volunteer"]);
    await linkRequest(actor(), request.id, woman.id, 2);
  });

  it("refuses a request that is already linked, and an unknown offer", async () => {
    const offer = await makeOffer(alex, { skills: ["cooking"], hoursPerMonth: 10 });
    const request = await makeRequest({ skills: ["cooking"] });
    await linkRequest(actor(), request.id, offer.id, 2);
    await expect(linkRequest(actor(), request.id, offer.id, 2)).rejects.toThrow(/no longer looking for a volunteer \(linked with a volunteer\)/);
    const other = await makeRequest({ skills: ["cooking"] });
    await expect(linkRequest(actor(), other.id, "no-such-offer", 2)).rejects.toBeInstanceOf(TalentError);
  });

  it("two links at once that together exceed the offer's hours: one is made, the other refused", async () => {
    const offer = await makeOffer(kim, { skills: ["study_support"], hoursPerMonth: 4 });
    const a = await makeRequest({ skills: ["study_support"], hoursPerMonth: 3 });
    const b = await makeRequest({ skills: ["study_support"], hoursPerMonth: 3 });
    const results = await Promise.allSettled([linkRequest(actor(), a.id, offer.id, 3), linkRequest(actor(), b.id, offer.id, 3)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [rejected] = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.reason).toBeInstanceOf(LinkRefusedError);
    expect((rejected.reason as LinkRefusedError).refusals).toEqual(["The offer has 1 hour a month left, and this needs 3"]);
    const links = await db().helpLink.findMany({ where: { offerId: offer.id } });
    expect(links.map((l) => l.hoursPerMonth)).toEqual([3]);
    expect((await db().helpRequest.findMany({ where: { id: { in: [a.id, b.id] } } })).map((r) => r.status).sort()).toEqual(["linked", "open"]);
  });
});

describe("DBS record", () => {
  it("records the check for the volunteer found by email, audited without the certificate number", async () => {
    const { id } = await recordDbsCheck(actor(), { email: alex.email, level: "enhanced", certificateNumber: "009876543210", issuedOnKey: "2026-03-01", outcome: "not_clear" });
    expect(await db().dbsCheck.findUniqueOrThrow({ where: { id } })).toMatchObject({ userId: alex.userId, level: "enhanced", certificateNumber: "009876543210", outcome: "not_clear", recordedById: coordinator.userId });
    expect(await dbsClear(alex.userId)).toBe(false);
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "dbs_check.recorded", entityId: id } });
    expect(entry.detail).not.toContain("009876543210");
    await expect(recordDbsCheck(actor(), { email: "nobody@test.example", level: "enhanced", certificateNumber: "009876543210", issuedOnKey: "2026-03-01", outcome: "clear" })).rejects.toThrow(
      /no one with that email address/,
    );
  });
});

describe("the coordinator's pages, without JavaScript", () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer();
    cookie = await sessionCookieFor(coordinator.email);
  });
  afterAll(() => server?.close());
  const get = (path: string) => fetch(server.baseUrl + path, { headers: { Cookie: cookie } });
  const post = (path: string, body: Record<string, string>) =>
    fetch(server.baseUrl + path, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body), redirect: "manual" });

  it("shows the short-list with scores and reasons, refuses plainly, and links with a plain form post", async () => {
    const fits = await makeOffer(alex, { skills: ["careers_talk"], mode: "online", location: null });
    const full = await makeOffer(kim, { skills: ["careers_talk"], hoursPerMonth: 1 });
    const request = await makeRequest({ skills: ["careers_talk"], hoursPerMonth: 2 });
    const page = await (await get(`/coordinator/talent/requests/${request.id}`)).text();
    expect(page).toContain(`Alex ${alex.lastName}`);
    expect(page).toContain("Skills: Careers talk in my field");
    expect(page).toContain("The offer has 1 hour a month left, and this needs 2");
    expect(await db().auditLog.count({ where: { action: "help_request.viewed", entityId: request.id } })).toBe(1);

    const refused = await post(`/coordinator/talent/requests/${request.id}`, { offerId: full.id, hoursPerMonth: "2" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("The offer has 1 hour a month left, and this needs 2");

    const linked = await post(`/coordinator/talent/requests/${request.id}`, { offerId: fits.id, hoursPerMonth: "2" });
    expect(linked.status).toBe(303);
    expect(linked.headers.get("location")).toBe(`/coordinator/talent/requests/${request.id}`);
    expect(await db().helpLink.count({ where: { requestId: request.id, offerId: fits.id } })).toBe(1);
  });

  it("searches from the query string and records a DBS check", async () => {
    const search = await (await get("/coordinator/talent?skill=careers_talk&mode=online")).text();
    expect(search).toMatch(/\d+ offers?, most hours left first/);
    expect((await get("/coordinator/talent/requests")).status).toBe(200);
    const bad = await post("/coordinator/talent/dbs", { email: kim.email, level: "enhanced", certificateNumber: "12", issuedDay: "1", issuedMonth: "2", issuedYear: "2026", outcome: "clear" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Enter the certificate number: 12 digits");
    const good = await post("/coordinator/talent/dbs", { email: kim.email, level: "enhanced", certificateNumber: "111122223333", issuedDay: "1", issuedMonth: "2", issuedYear: "2026", outcome: "clear" });
    expect(good.status).toBe(303);
    expect(await dbsClear(kim.userId)).toBe(true);
  });
});
