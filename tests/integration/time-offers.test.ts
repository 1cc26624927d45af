// Giving Time, the volunteer's side (issue 7): the demo seed's offers, making and changing an offer
// (for oneself or a group), pause / resume / withdraw and what each refuses, the volunteer's page, and
// the offer pages over real HTTP with plain form posts (no JavaScript).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { seed } from "../../prisma/seed";
import { DEMO_TALENT_IDS } from "../../prisma/seed-talent";
import type { Role } from "~/domain/roles";
import { offerSchema, type OfferInput } from "~/domain/talent/forms";
import {
  GivingTimeError,
  GivingTimeNotFoundError,
  changeOfferStatus,
  createGroup,
  createOffer,
  myGivingTime,
  offerForOwner,
  updateOffer,
  type Actor,
} from "~/services/time-offers.server";

useTestDatabase();
let server: TestServer;

async function actor(email: string): Promise<Actor> {
  const u = await db().user.findUniqueOrThrow({ where: { email }, include: { roles: true } });
  return { userId: u.id, roles: u.roles.map((r) => r.role as Role) };
}

const actors: Record<string, Actor> = {};
beforeAll(async () => {
  await seed(db(), { employees: 12, demoTalent: true });
  actors.alex = await actor("alex.morgan@council.example");
  actors.sam = await actor("sam.patel@council.example");
  actors.jordan = await actor("jordan@young.example");
  actors.coordinator = await actor("coordinator@council.example");
  server = await startTestServer();
});
afterAll(() => server?.close());

const input = (over: Record<string, unknown> = {}): OfferInput => {
  const r = offerSchema.safeParse({
    skills: ["cv_help"],
    hoursPerMonth: "4",
    availability: ["tue_evening"],
    mode: "online",
    frequency: "regular",
    wouldMentor: "no",
    managerApproved: "yes",
    ...over,
  });
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data;
};

/** A request and an active link on the offer for `hours` a month (as the coordinator's linking leaves them). */
async function linkOn(offerId: string, hours: number, status = "active") {
  const request = await db().helpRequest.create({
    data: { youngPersonId: actors.jordan.userId, createdById: actors.jordan.userId, skills: '["cv_help"]', details: "A CV", availability: '["tue_evening"]', mode: "online", hoursPerMonth: hours, status: "linked" },
  });
  return db().helpLink.create({ data: { requestId: request.id, offerId, hoursPerMonth: hours, status, createdById: actors.coordinator.userId } });
}

const audits = (entityId: string) => db().auditLog.findMany({ where: { entityId }, orderBy: { at: "asc" } });

describe("the demo seed", () => {
  it("has a dozen offers from seeded employees, the library team's group offer, three clear DBS checks and Jordan's open request", async () => {
    expect(await db().timeOffer.count()).toBe(12);
    const library = await db().timeOffer.findUniqueOrThrow({ where: { id: DEMO_TALENT_IDS.libraryOffer }, include: { group: true } });
    expect(library.group?.name).toBe("Stockton Central Library team");
    expect(library.group?.contactUserId).toBe(library.userId);
    expect(JSON.parse(library.skills)).toContain("design_and_making");
    expect(await db().timeOffer.count({ where: { managerApproved: true } })).toBeGreaterThanOrEqual(9);
    expect(await db().dbsCheck.count({ where: { level: "enhanced_barred", outcome: "clear" } })).toBe(3);
    const request = await db().helpRequest.findUniqueOrThrow({ where: { id: DEMO_TALENT_IDS.jordanRequest } });
    expect(request).toMatchObject({ youngPersonId: actors.jordan.userId, status: "open", skills: '["cv_help"]' });
    expect(request.createdById).toBe((await actor("pa.khan@council.example")).userId);
  });
});

describe("offers", () => {
  it("makes an offer with the skills and times as JSON arrays, audited", async () => {
    const { id } = await createOffer(actors.alex, input({ skills: ["interview_practice", "cv_help"], availability: ["sat_day", "mon_day"], volunteerGender: "woman" }));
    const row = await db().timeOffer.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ userId: actors.alex.userId, skills: '["cv_help","interview_practice"]', availability: '["mon_day","sat_day"]', status: "active", managerApproved: true, volunteerGender: "woman", groupId: null });
    expect((await audits(id)).map((a) => a.action)).toEqual(["time_offer.created"]);
  });

  it("makes an offer for a group only as the group's contact", async () => {
    const { id: groupId } = await createGroup(actors.alex, { name: "Highways team", description: "Careers talks about engineering" });
    expect((await db().volunteerGroup.findUniqueOrThrow({ where: { id: groupId } })).contactUserId).toBe(actors.alex.userId);
    const { id } = await createOffer(actors.alex, input({ groupId, skills: ["careers_talk"] }));
    expect((await db().timeOffer.findUniqueOrThrow({ where: { id } })).groupId).toBe(groupId);
    await expect(createOffer(actors.sam, input({ groupId }))).rejects.toThrow(GivingTimeError);
    await expect(createOffer(actors.sam, input({ groupId: DEMO_TALENT_IDS.libraryGroup }))).rejects.toThrow("Choose yourself, or a group you are the contact for.");
  });

  it("changes an offer's answers; someone else's offer is not found", async () => {
    const { id } = await createOffer(actors.alex, input());
    await updateOffer(actors.alex, id, input({ hoursPerMonth: "6", mode: "in_person", location: "Yarm", managerApproved: "no" }));
    expect(await db().timeOffer.findUniqueOrThrow({ where: { id } })).toMatchObject({ hoursPerMonth: 6, mode: "in_person", location: "Yarm", managerApproved: false });
    const updated = (await audits(id)).find((a) => a.action === "time_offer.updated");
    expect(JSON.parse(updated!.detail!).changed).toEqual(["hoursPerMonth", "mode", "location", "managerApproved"]);
    await expect(updateOffer(actors.sam, id, input())).rejects.toThrow(GivingTimeNotFoundError);
    await expect(changeOfferStatus(actors.sam, id, "pause")).rejects.toThrow(GivingTimeNotFoundError);
    await expect(offerForOwner(actors.sam, id)).rejects.toThrow(GivingTimeNotFoundError);
  });

  it("never goes below the hours a month its active links reserve", async () => {
    const { id } = await createOffer(actors.alex, input({ hoursPerMonth: "6" }));
    await linkOn(id, 4);
    await linkOn(id, 3, "completed"); // a completed link no longer reserves hours
    await expect(updateOffer(actors.alex, id, input({ hoursPerMonth: "3" }))).rejects.toThrow("You are already linked for 4 hours a month on this offer");
    expect((await db().timeOffer.findUniqueOrThrow({ where: { id } })).hoursPerMonth).toBe(6); // rolled back
    await updateOffer(actors.alex, id, input({ hoursPerMonth: "4" }));
    expect((await db().timeOffer.findUniqueOrThrow({ where: { id } })).hoursPerMonth).toBe(4);
  });

  it("pauses, resumes and withdraws; a withdrawn offer cannot be edited, resumed or paused", async () => {
    const { id } = await createOffer(actors.alex, input());
    expect(await changeOfferStatus(actors.alex, id, "pause")).toBe("paused");
    await expect(changeOfferStatus(actors.alex, id, "pause")).rejects.toThrow("This offer is already paused.");
    expect(await changeOfferStatus(actors.alex, id, "resume")).toBe("active");
    expect(await changeOfferStatus(actors.alex, id, "withdraw")).toBe("withdrawn");
    await expect(updateOffer(actors.alex, id, input({ hoursPerMonth: "2" }))).rejects.toThrow("This offer has been withdrawn, so it cannot be changed.");
    await expect(changeOfferStatus(actors.alex, id, "resume")).rejects.toThrow(GivingTimeError);
    await expect(changeOfferStatus(actors.alex, id, "pause")).rejects.toThrow(GivingTimeError);
    expect((await db().timeOffer.findUniqueOrThrow({ where: { id } })).hoursPerMonth).toBe(4);
    expect((await audits(id)).map((a) => a.action)).toEqual(["time_offer.created", "time_offer.paused", "time_offer.resumed", "time_offer.withdrawn"]);
  });

  it("will not withdraw while someone is being helped through the offer (pausing is fine)", async () => {
    const { id } = await createOffer(actors.alex, input());
    await linkOn(id, 2);
    await expect(changeOfferStatus(actors.alex, id, "withdraw")).rejects.toThrow("You are helping someone through this offer");
    expect((await db().timeOffer.findUniqueOrThrow({ where: { id } })).status).toBe("active");
    expect(await changeOfferStatus(actors.alex, id, "pause")).toBe("paused");
  });
});

describe("the volunteer's page", () => {
  it("lists offers (withdrawn last), groups, and the links on the offers with hours approved and waiting, by the young person's first name only", async () => {
    const fresh = await actor("sam.patel@council.example");
    const { id: offerId } = await createOffer(fresh, input({ skills: ["cooking"], hoursPerMonth: "5" }));
    const link = await linkOn(offerId, 2);
    const day = new Date("2026-11-02T00:00:00Z");
    await db().hoursLog.createMany({
      data: [
        { linkId: link.id, volunteerId: fresh.userId, day, minutes: 90, note: "CV", status: "approved" },
        { linkId: link.id, volunteerId: fresh.userId, day, minutes: 60, note: "CV", status: "pending" },
        { linkId: link.id, volunteerId: fresh.userId, day, minutes: 45, note: "CV", status: "rejected" },
      ],
    });
    const page = await myGivingTime(fresh);
    expect(page.offers[0]).toMatchObject({ id: offerId, skills: "Cooking", hoursPerMonth: 5, hoursLinked: 2, statusLabel: "Active" });
    expect(page.offers.map((o) => o.id)).toContain("seed-offer-sam");
    expect(page.links).toEqual([{ id: link.id, offerId, youngPersonFirstName: "Jordan", help: "CV help", hoursPerMonth: 2, status: "active", approvedMinutes: 90, pendingMinutes: 60 }]);
    expect(JSON.stringify(page)).not.toContain("Reed"); // Jordan's surname
    expect(JSON.stringify(page)).not.toContain("jordan@young.example");

    const { id: old } = await createOffer(actors.alex, input());
    await changeOfferStatus(actors.alex, old, "withdraw");
    const alex = await myGivingTime(actors.alex);
    expect(alex.offers.at(-1)?.status).toBe("withdrawn");
    expect(alex.groups.map((g) => g.name)).toEqual(["Highways team"]);
  });
});

describe("pages without JavaScript (plain form posts)", () => {
  const post = (path: string, cookie: string, body: [string, string][]) =>
    fetch(server.baseUrl + path, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body), redirect: "manual" });
  const get = (path: string, cookie: string) => fetch(server.baseUrl + path, { headers: { Cookie: cookie }, redirect: "manual" });
  const html = (s: string) => s.replaceAll("<!-- -->", "").replaceAll("&#x27;", "'");
  const form: [string, string][] = [
    ["skills", "cv_help"],
    ["skills", "interview_practice"],
    ["otherSkills", ""],
    ["hoursPerMonth", "3"],
    ["availability", "wed_evening"],
    ["mode", "either"],
    ["location", "Thornaby"],
    ["frequency", "regular"],
    ["wouldMentor", "yes"],
    ["managerApproved", "yes"],
    ["volunteerGender", "not_say"],
  ];

  it("an employee offers time: errors are listed with what was typed kept, then the offer is made", async () => {
    const alex = await sessionCookieFor("alex.morgan@council.example");
    const bad = await post("/giving-time/offer/new", alex, form.filter(([k]) => k !== "availability").map(([k, v]) => [k, k === "hoursPerMonth" ? "lots" : v]));
    expect(bad.status).toBe(400);
    const page = html(await bad.text());
    expect(page).toContain("There is a problem");
    expect(page).toContain("Choose at least one time when you are free");
    expect(page).toContain("Enter the hours a month as a whole number, like 4");
    expect(page).toMatch(/checked="" value="interview_practice"/);
    const before = await db().timeOffer.count({ where: { userId: actors.alex.userId } });
    const ok = await post("/giving-time/offer/new", alex, form);
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/giving-time");
    const made = await db().timeOffer.findFirstOrThrow({ where: { userId: actors.alex.userId }, orderBy: { createdAt: "desc" } });
    expect(await db().timeOffer.count({ where: { userId: actors.alex.userId } })).toBe(before + 1);
    expect(made).toMatchObject({ skills: '["cv_help","interview_practice"]', availability: '["wed_evening"]', wouldMentor: true, volunteerGender: null, location: "Thornaby" });
    expect(html(await (await get("/giving-time", alex)).text())).toContain("CV help, Interview practice");
  });

  it("pauses and withdraws through the offer's pages; a withdrawn offer's page refuses changes", async () => {
    const alex = await sessionCookieFor("alex.morgan@council.example");
    const { id } = await createOffer(actors.alex, input());
    const paused = await post(`/giving-time/offer/${id}`, alex, [["intent", "pause"]]);
    expect(paused.status).toBe(303);
    expect((await db().timeOffer.findUniqueOrThrow({ where: { id } })).status).toBe("paused");
    expect((await post(`/giving-time/offer/${id}/withdraw`, alex, [])).status).toBe(303);
    expect((await db().timeOffer.findUniqueOrThrow({ where: { id } })).status).toBe("withdrawn");
    const page = html(await (await get(`/giving-time/offer/${id}`, alex)).text());
    expect(page).toContain("You withdrew this offer, so it cannot be changed");
    expect(page).not.toContain("Save the changes");
    expect((await get(`/giving-time/offer/${id}/withdraw`, alex)).headers.get("location")).toBe(`/giving-time/offer/${id}`);
    const edit = await post(`/giving-time/offer/${id}`, alex, [...form, ["intent", "save"]]);
    expect(edit.status).toBe(409);
    expect(html(await edit.text())).toContain("This offer has been withdrawn, so it cannot be changed.");
    expect((await db().timeOffer.findUniqueOrThrow({ where: { id } })).hoursPerMonth).toBe(4);
  });

  it("another employee's offer is 404, to see and to change", async () => {
    const sam = await sessionCookieFor("sam.patel@council.example");
    const { id } = await createOffer(actors.alex, input());
    expect((await get(`/giving-time/offer/${id}`, sam)).status).toBe(404);
    expect((await post(`/giving-time/offer/${id}`, sam, [["intent", "pause"]])).status).toBe(404);
    expect((await post(`/giving-time/offer/${id}/withdraw`, sam, [])).status).toBe(404);
    expect((await db().timeOffer.findUniqueOrThrow({ where: { id } })).status).toBe("active");
  });

  it("sets up a group, then goes on to the group's offer with the group chosen", async () => {
    const sam = await sessionCookieFor("sam.patel@council.example");
    expect((await post("/giving-time/groups/new", sam, [["name", ""], ["description", ""]])).status).toBe(400);
    const made = await post("/giving-time/groups/new", sam, [["name", "Thornaby Library"], ["description", "A 3D printer and sessions"]]);
    expect(made.status).toBe(303);
    const group = await db().volunteerGroup.findFirstOrThrow({ where: { name: "Thornaby Library" } });
    expect(made.headers.get("location")).toBe(`/giving-time/offer/new?group=${group.id}`);
    const page = html(await (await get(`/giving-time/offer/new?group=${group.id}`, sam)).text());
    expect(page).toMatch(new RegExp(`checked="" value="${group.id}"`));
  });
});
