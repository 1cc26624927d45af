// Giving Time, the young person's side (issue 7): who may ask for help for whom, who may see a request
// (its young person and their linked adviser; anyone else 404), what the request page shows of the
// volunteer (first name and group name only), closing a request, and the pages over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { seed } from "../../prisma/seed";
import type { Role } from "~/domain/roles";
import { requestSchema, type RequestInput } from "~/domain/talent/forms";
import { closeRequest, createRequest, myRequests, requestForApplicant } from "~/services/help-requests.server";
import { GivingTimeError, GivingTimeNotFoundError, createGroup, createOffer, type Actor } from "~/services/time-offers.server";

useTestDatabase();
let server: TestServer;

async function actor(email: string): Promise<Actor> {
  const u = await db().user.findUniqueOrThrow({ where: { email }, include: { roles: true } });
  return { userId: u.id, roles: u.roles.map((r) => r.role as Role) };
}
async function makeUser(email: string, firstName: string, lastName: string, role: Role): Promise<Actor> {
  const person = await db().person.create({ data: { firstName, lastName, email } });
  await db().user.create({ data: { personId: person.id, email, roles: { create: [{ role }] } } });
  return actor(email);
}

const actors: Record<string, Actor> = {};
beforeAll(async () => {
  await seed(db(), { employees: 0 });
  actors.jordan = await actor("jordan@young.example");
  actors.aisha = await actor("pa.khan@council.example");
  actors.coordinator = await actor("coordinator@council.example");
  actors.alex = await actor("alex.morgan@council.example");
  actors.casey = await makeUser("casey@young.example", "Casey", "Young", "young_person");
  actors.otherAdviser = await makeUser("pa.other@council.example", "Olu", "Adeyemi", "personal_adviser");
  server = await startTestServer();
});
afterAll(() => server?.close());

const input = (over: Record<string, unknown> = {}): RequestInput => {
  const r = requestSchema.safeParse({
    youngPersonId: "",
    skills: ["cv_help"],
    details: "A first CV",
    availability: ["tue_evening"],
    mode: "online",
    hoursPerMonth: "2",
    preferredGender: "none",
    under18: "no",
    ...over,
  });
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data;
};

describe("asking for help", () => {
  it("a young person asks for themselves; an adviser for a young person on their caseload; both audited", async () => {
    const own = await createRequest(actors.jordan, input());
    expect(await db().helpRequest.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ youngPersonId: actors.jordan.userId, createdById: actors.jordan.userId, skills: '["cv_help"]', status: "open", under18: false });
    const forJordan = await createRequest(actors.aisha, input({ youngPersonId: actors.jordan.userId, preferredGender: "woman", under18: "yes", mode: "in_person", location: "Stockton" }));
    expect(await db().helpRequest.findUniqueOrThrow({ where: { id: forJordan.id } })).toMatchObject({ youngPersonId: actors.jordan.userId, createdById: actors.aisha.userId, preferredGender: "woman", under18: true, location: "Stockton" });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: forJordan.id } });
    expect(audit).toMatchObject({ action: "help_request.created", actorRole: "personal_adviser", actorUserId: actors.aisha.userId });
  });

  it("an adviser not linked to the young person, or a young person naming someone else, is told nothing (not found)", async () => {
    await expect(createRequest(actors.otherAdviser, input({ youngPersonId: actors.jordan.userId }))).rejects.toThrow(GivingTimeNotFoundError);
    await expect(createRequest(actors.casey, input({ youngPersonId: actors.jordan.userId }))).rejects.toThrow(GivingTimeNotFoundError);
    await expect(createRequest(actors.aisha, input())).rejects.toThrow(GivingTimeError); // an adviser must choose someone
  });
});

describe("seeing a request", () => {
  it("its young person and their adviser see it; another adviser, another young person, the coordinator and a volunteer do not", async () => {
    const { id } = await createRequest(actors.jordan, input());
    expect((await requestForApplicant(actors.jordan, id)).isYoungPerson).toBe(true);
    const asAdviser = await requestForApplicant(actors.aisha, id);
    expect(asAdviser).toMatchObject({ isYoungPerson: false, youngPersonFirstName: "Jordan", help: "CV help", statusLabel: "Looking for a volunteer", links: [] });
    for (const who of [actors.otherAdviser, actors.casey, actors.coordinator, actors.alex]) {
      await expect(requestForApplicant(who, id)).rejects.toThrow(GivingTimeNotFoundError);
      await expect(closeRequest(who, id)).rejects.toThrow(GivingTimeNotFoundError);
    }
    await expect(requestForApplicant(actors.jordan, "no-such-request")).rejects.toThrow(GivingTimeNotFoundError);
    expect(await db().auditLog.count({ where: { entityId: id, action: "help_request.viewed" } })).toBe(2);
  });

  it("shows who is helping by the volunteer's first name and the group's name only", async () => {
    const { id } = await createRequest(actors.jordan, input());
    const { id: groupId } = await createGroup(actors.alex, { name: "Central Library team", description: "Design sessions" });
    const { id: offerId } = await createOffer(actors.alex, { skills: ["cv_help"], otherSkills: null, hoursPerMonth: 4, availability: ["tue_evening"], mode: "online", location: null, frequency: "regular", wouldMentor: false, managerApproved: true, volunteerGender: null, groupId });
    await db().helpLink.create({ data: { requestId: id, offerId, hoursPerMonth: 2, createdById: actors.coordinator.userId, status: "completed" } });
    await db().helpRequest.update({ where: { id }, data: { status: "completed" } });
    const view = await requestForApplicant(actors.jordan, id);
    expect(view.links).toEqual([{ id: expect.any(String), volunteerFirstName: "Alex", groupName: "Central Library team", offers: "CV help", status: "completed" }]);
    expect(JSON.stringify(view)).not.toContain("Morgan"); // the volunteer's surname
    expect(JSON.stringify(view)).not.toContain("alex.morgan@council.example");
  });

  it("lists a young person's own requests, and an adviser's caseload's with the young person's name", async () => {
    const mine = await myRequests(actors.jordan);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.mine)).toBe(true);
    const aisha = await myRequests(actors.aisha);
    expect(aisha.map((r) => r.id).sort()).toEqual(mine.map((r) => r.id).sort());
    expect(aisha[0]).toMatchObject({ youngPersonName: "Jordan Reed", mine: false });
    expect(await myRequests(actors.otherAdviser)).toEqual([]);
    expect(await myRequests(actors.casey)).toEqual([]);
  });

  it("an open request can be closed once; a linked one cannot", async () => {
    const { id } = await createRequest(actors.jordan, input());
    await closeRequest(actors.aisha, id);
    expect((await db().helpRequest.findUniqueOrThrow({ where: { id } })).status).toBe("closed");
    await expect(closeRequest(actors.jordan, id)).rejects.toThrow(GivingTimeError);
  });
});

describe("pages without JavaScript (plain form posts)", () => {
  const post = (path: string, cookie: string, body: [string, string][]) =>
    fetch(server.baseUrl + path, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body), redirect: "manual" });
  const get = (path: string, cookie: string) => fetch(server.baseUrl + path, { headers: { Cookie: cookie }, redirect: "manual" });
  const html = (s: string) => s.replaceAll("<!-- -->", "").replaceAll("&#x27;", "'");
  const form: [string, string][] = [
    ["skills", "cv_help"],
    ["details", "A CV for retail jobs"],
    ["availability", "tue_evening"],
    ["availability", "thu_evening"],
    ["mode", "either"],
    ["location", "Stockton"],
    ["hoursPerMonth", "2"],
    ["preferredGender", "woman"],
    ["otherPreferences", ""],
    ["under18", "no"],
  ];

  it("an adviser asks for help for a young person on their caseload: errors first, then the request", async () => {
    const aisha = await sessionCookieFor("pa.khan@council.example");
    const noChoice = await post("/help/new", aisha, form);
    expect(noChoice.status).toBe(400);
    expect(html(await noChoice.text())).toContain("Choose the young person the request is for");
    const missing = await post("/help/new", aisha, [["youngPersonId", actors.jordan.userId]]);
    expect(missing.status).toBe(400);
    const page = html(await missing.text());
    expect(page).toContain("Choose at least one kind of help");
    expect(page).toContain("Choose whether the young person is under 18");
    const ok = await post("/help/new", aisha, [["youngPersonId", actors.jordan.userId], ...form]);
    expect(ok.status).toBe(303);
    const made = await db().helpRequest.findFirstOrThrow({ where: { createdById: actors.aisha.userId }, orderBy: { createdAt: "desc" } });
    expect(ok.headers.get("location")).toBe(`/help/${made.id}`);
    expect(made).toMatchObject({ youngPersonId: actors.jordan.userId, availability: '["tue_evening","thu_evening"]', preferredGender: "woman" });
    const view = html(await (await get(`/help/${made.id}`, aisha)).text());
    expect(view).toContain("Jordan's request for help");
    expect(view).toContain("Looking for a volunteer");
  });

  it("an adviser not linked to the young person gets 404, to ask and to see", async () => {
    const other = await sessionCookieFor("pa.other@council.example");
    const before = await db().helpRequest.count();
    expect((await post("/help/new", other, [["youngPersonId", actors.jordan.userId], ...form])).status).toBe(404);
    expect(await db().helpRequest.count()).toBe(before);
    const { id } = await createRequest(actors.jordan, input());
    expect((await get(`/help/${id}`, other)).status).toBe(404);
    expect((await post(`/help/${id}`, other, [])).status).toBe(404);
    expect((await get(`/help/${id}`, await sessionCookieFor("jordan@young.example"))).status).toBe(200);
  });

  it("a young person asks for themselves (no choice of person), and sees the request", async () => {
    const jordan = await sessionCookieFor("jordan@young.example");
    const ok = await post("/help/new", jordan, form);
    expect(ok.status).toBe(303);
    const page = html(await (await get(ok.headers.get("location")!, jordan)).text());
    expect(page).toContain("Your request for help");
    expect(page).toContain("A woman volunteer");
  });
});
