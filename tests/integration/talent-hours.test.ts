// Hours against a link (log → pending → approved → totals; reject; only the link's volunteer; decided
// once), completing a link, contact details hidden from the volunteer until the coordinator shares
// them (checked over HTTP), and feedback only after completion, once per side.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { decideHours, hoursTotals, logHours, pendingHours, timeTotals } from "~/services/talent-hours.server";
import { TalentError, closeLink, feedbackForRequest, leaveFeedback, linkForCoordinator, linkForVolunteer, shareContactDetails } from "~/services/talent-links.server";

useTestDatabase();

let n = 0;
async function makeUser(firstName: string, roles: string[], department?: string) {
  n++;
  const email = `${firstName.toLowerCase()}${n}@test.example`;
  const person = await db().person.create({ data: { firstName, lastName: `Surname${n}`, email } });
  const user = await db().user.create({ data: { personId: person.id, email, roles: { create: roles.map((role) => ({ role })) } } });
  if (department) {
    const payGroup = await db().payGroup.upsert({ where: { name: "Monthly" }, update: {}, create: { name: "Monthly", frequency: "monthly", cutOffDay: 10 } });
    await db().employeeRecord.create({ data: { personId: person.id, payrollNumber: `P${n}`, payGroupId: payGroup.id, department } });
  }
  return { userId: user.id, email, roles: roles as never[], lastName: `Surname${n}` };
}
type U = Awaited<ReturnType<typeof makeUser>>;

let volunteer: U, contact: U, other: U, young: U, adviser: U, coordinator: U;
let server: TestServer;

const LINKED_AT = new Date("2026-05-01T09:00:00Z");
const NOW = new Date("2026-05-20T12:00:00Z");

beforeAll(async () => {
  volunteer = await makeUser("Alex", ["employee"], "Libraries");
  contact = await makeUser("Lee", ["employee"], "Libraries");
  other = await makeUser("Sam", ["employee"]);
  young = await makeUser("Jordan", ["young_person"]);
  adviser = await makeUser("Aisha", ["personal_adviser"]);
  coordinator = await makeUser("Chris", ["coordinator"]);
  await db().adviserLink.create({ data: { adviserId: adviser.userId, youngPersonId: young.userId } });
  server = await startTestServer();
});
afterAll(() => server?.close());

/** An offer (by the volunteer, or a group whose contact is `contact`), a request and an active link. */
async function makeLink(opts: { group?: boolean } = {}) {
  const group = opts.group ? await db().volunteerGroup.create({ data: { name: "Library team", description: "Design sessions", contactUserId: contact.userId } }) : null;
  const offer = await db().timeOffer.create({
    data: { userId: group ? contact.userId : volunteer.userId, groupId: group?.id, skills: '["cv_help"]', hoursPerMonth: 6, availability: '["mon_evening"]', mode: "online", frequency: "regular", managerApproved: true },
  });
  const request = await db().helpRequest.create({
    data: { youngPersonId: young.userId, createdById: adviser.userId, skills: '["cv_help"]', details: "Help with my first CV", availability: '["mon_evening"]', mode: "online", hoursPerMonth: 2, status: "linked" },
  });
  return db().helpLink.create({ data: { requestId: request.id, offerId: offer.id, hoursPerMonth: 2, createdById: coordinator.userId, createdAt: LINKED_AT } });
}

const entry = (dayKey: string, minutes: number) => ({ dayKey, minutes, note: "CV review over video" });

describe("hours", () => {
  it("log → pending → approved → totals update; a rejection never counts", async () => {
    const link = await makeLink();
    const before = await timeTotals(NOW);
    const logId = await logHours(link.id, entry("2026-05-10", 120), volunteer, NOW);
    expect((await pendingHours(1)).logs.map((l) => l.id)).toContain(logId);
    expect((await timeTotals(NOW)).totalMinutes).toBe(before.totalMinutes);

    await decideHours(logId, "approved", coordinator, NOW);
    expect((await pendingHours(1)).logs.map((l) => l.id)).not.toContain(logId);
    const after = await timeTotals(NOW);
    expect(after.totalMinutes).toBe(before.totalMinutes + 120);
    expect(after.thisMonthMinutes).toBe(before.thisMonthMinutes + 120);
    expect(after.byMonth.at(-1)).toMatchObject({ month: "2026-05", minutes: before.byMonth.at(-1)!.minutes + 120 });

    const rejected = await logHours(link.id, entry("2026-05-11", 60), volunteer, NOW);
    await decideHours(rejected, "rejected", coordinator, NOW);
    expect((await timeTotals(NOW)).totalMinutes).toBe(after.totalMinutes);

    const totals = await hoursTotals(1, NOW);
    expect(totals.people.find((p) => p.volunteerId === volunteer.userId)?.minutes).toBe(120);
    expect(totals.byTeam.find((t) => t.key === "Team: Libraries")?.minutes).toBe(120);
    const view = await linkForVolunteer(link.id, volunteer);
    expect(view).toMatchObject({ approvedMinutes: 120, pendingMinutes: 0 });
    expect(view?.hours.map((h) => h.status)).toEqual(["rejected", "approved"]);
  });

  it("a group's hours count for the group, logged by its contact", async () => {
    const link = await makeLink({ group: true });
    const logId = await logHours(link.id, entry("2026-05-02", 90), contact, NOW);
    await decideHours(logId, "approved", coordinator, NOW);
    expect((await hoursTotals(1, NOW)).byTeam).toContainEqual({ key: "Group: Library team", minutes: 90 });
  });

  it("cannot be logged for someone else's link, in the future, before the link, or in odd amounts", async () => {
    const link = await makeLink();
    await expect(logHours(link.id, entry("2026-05-10", 60), other, NOW)).rejects.toThrow(/no such link/);
    await expect(logHours(link.id, entry("2026-05-10", 60), young, NOW)).rejects.toBeInstanceOf(TalentError);
    await expect(logHours(link.id, entry("2026-05-21", 60), volunteer, NOW)).rejects.toThrow(/today or in the past/);
    await expect(logHours(link.id, entry("2026-04-30", 60), volunteer, NOW)).rejects.toThrow(/on or after/);
    await expect(logHours(link.id, entry("2026-05-10", 50), volunteer, NOW)).rejects.toThrow(/quarter hours/);
    expect(await linkForVolunteer(link.id, other)).toBeNull();
    expect(await db().hoursLog.count({ where: { linkId: link.id } })).toBe(0);
  });

  it("cannot be approved twice, even by two coordinators at once", async () => {
    const link = await makeLink();
    const logId = await logHours(link.id, entry("2026-05-10", 60), volunteer, NOW);
    const results = await Promise.allSettled([decideHours(logId, "approved", coordinator, NOW), decideHours(logId, "rejected", coordinator, NOW)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await expect(decideHours(logId, "approved", coordinator, NOW)).rejects.toThrow(/already been approved or rejected/);
    expect(await db().auditLog.count({ where: { entityId: logId, action: { in: ["hours.approved", "hours.rejected"] } } })).toBe(1);
  });

  it("cannot be logged once the link has ended", async () => {
    const link = await makeLink();
    await closeLink(link.id, "ended", coordinator, NOW);
    await expect(logHours(link.id, entry("2026-05-10", 60), volunteer, NOW)).rejects.toThrow(/has ended/);
    expect((await db().helpRequest.findUniqueOrThrow({ where: { id: link.requestId } })).status).toBe("open");
  });
});

describe("the pages, without JavaScript", () => {
  const post = (path: string, cookie: string, body: Record<string, string>) =>
    fetch(server.baseUrl + path, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(body), redirect: "manual" });

  it("the volunteer logs hours on the link page; the coordinator approves them on the hours page", async () => {
    const link = await makeLink();
    // The pages use the real clock: 2 May 2026 is after the link was made (LINKED_AT) and not in the future.
    const volunteerCookie = await sessionCookieFor(volunteer.email);
    const bad = await post(`/giving-time/links/${link.id}`, volunteerCookie, { intent: "log", dayDay: "2", dayMonth: "5", dayYear: "2026", hours: "2.3", note: "CV review" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("quarter hours");
    const logged = await post(`/giving-time/links/${link.id}`, volunteerCookie, { intent: "log", dayDay: "2", dayMonth: "5", dayYear: "2026", hours: "2", note: "CV review" });
    expect(logged.status).toBe(303);
    const log = await db().hoursLog.findFirstOrThrow({ where: { linkId: link.id } });
    expect(log).toMatchObject({ minutes: 120, status: "pending", volunteerId: volunteer.userId });

    const coordinatorCookie = await sessionCookieFor(coordinator.email);
    const page = await fetch(`${server.baseUrl}/coordinator/talent/hours`, { headers: { Cookie: coordinatorCookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("CV review");
    expect((await post("/coordinator/talent/hours", coordinatorCookie, { logId: log.id, decision: "approved" })).status).toBe(303);
    expect((await db().hoursLog.findUniqueOrThrow({ where: { id: log.id } })).status).toBe("approved");
    const again = await post("/coordinator/talent/hours", coordinatorCookie, { logId: log.id, decision: "rejected" });
    expect(again.status).toBe(409);
    expect((await db().hoursLog.findUniqueOrThrow({ where: { id: log.id } })).status).toBe("approved");
  });
});

describe("contact details", () => {
  it("the volunteer's page shows the first name only until the coordinator shares them", async () => {
    const link = await makeLink();
    const cookie = await sessionCookieFor(volunteer.email);
    const page = async () => {
      const res = await fetch(`${server.baseUrl}/giving-time/links/${link.id}`, { headers: { Cookie: cookie } });
      expect(res.status).toBe(200);
      return res.text();
    };
    const hidden = await page();
    expect(hidden).toContain("Jordan");
    expect(hidden).not.toContain(young.lastName);
    expect(hidden).not.toContain(young.email);

    await shareContactDetails(link.id, coordinator, NOW);
    await expect(shareContactDetails(link.id, coordinator, NOW)).rejects.toThrow(/once/);
    expect((await db().helpLink.findUniqueOrThrow({ where: { id: link.id } })).contactSharedAt).toEqual(NOW);
    expect(await db().auditLog.count({ where: { entityId: link.id, action: "talent_link.contact_shared" } })).toBe(1);
    const shown = await page();
    expect(shown).toContain(`Jordan ${young.lastName}`);
    expect(shown).toContain(young.email);
    expect(await db().auditLog.count({ where: { entityId: link.id, action: "talent_link.contact_viewed" } })).toBeGreaterThan(0);

    // Someone else's link is not found for them.
    const res = await fetch(`${server.baseUrl}/giving-time/links/${link.id}`, { headers: { Cookie: await sessionCookieFor(other.email) } });
    expect(res.status).toBe(404);
  });
});

describe("completing and feedback", () => {
  it("feedback only after completion, once per side; the coordinator sees both", async () => {
    const link = await makeLink();
    const good = { rating: "went_well" as const, comment: "Jordan's CV is done" };
    await expect(leaveFeedback(link.id, "volunteer", good, volunteer, NOW)).rejects.toThrow(/once the coordinator has marked/);
    expect((await feedbackForRequest(link.requestId, young))?.link).toBeNull();

    await closeLink(link.id, "completed", coordinator, NOW);
    await expect(closeLink(link.id, "completed", coordinator, NOW)).rejects.toThrow(/no longer active/);
    expect((await db().helpRequest.findUniqueOrThrow({ where: { id: link.requestId } })).status).toBe("completed");
    // Both sides (and the adviser who asked) are asked how it went; each sees the other's first name only.
    const asked = await db().outboxEmail.findMany({ where: { template: "talent-feedback-request", OR: [{ text: { contains: link.id } }, { text: { contains: `/help/${link.requestId}/feedback` } }] } });
    expect(asked.map((e) => e.to).sort()).toEqual([adviser.email, volunteer.email, young.email].sort());
    for (const e of asked) expect(e.text).not.toMatch(/Surname/);

    await expect(leaveFeedback(link.id, "volunteer", good, other, NOW)).rejects.toThrow(/no such link/);
    await expect(leaveFeedback(link.id, "young_person", good, volunteer, NOW)).rejects.toThrow(/no such link/);
    await leaveFeedback(link.id, "volunteer", good, volunteer, NOW);
    await expect(leaveFeedback(link.id, "volunteer", { rating: "ok", comment: null }, volunteer, NOW)).rejects.toThrow(/already/);

    // The adviser speaks for the young person: after that, the young person's side is done.
    await leaveFeedback(link.id, "young_person", { rating: "ok", comment: null }, adviser, NOW);
    await expect(leaveFeedback(link.id, "young_person", good, young, NOW)).rejects.toThrow(/already/);
    expect(await feedbackForRequest(link.requestId, other)).toBeNull();
    expect((await feedbackForRequest(link.requestId, young))?.feedback).toMatchObject({ rating: "ok" });

    const view = await linkForCoordinator(link.id, coordinator);
    expect(view?.feedback.map((f) => [f.side, f.rating])).toEqual([
      ["volunteer", "went_well"],
      ["young_person", "ok"],
    ]);
    // Hours may still be logged for time given before it completed.
    await logHours(link.id, entry("2026-05-15", 30), volunteer, NOW);
  });
});
