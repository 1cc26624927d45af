// The panel's queue is kept per process, keyed by the panel data's version (app/services/panel.server.ts,
// the migration panel_data_version). A second view at the same version reads only the counter; every
// write the queue shows (declarations, reviews, statuses, decisions, first names, the quorum) must show
// on the very next view, and a rolled-back write must not raise the counter.
import { beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { makeUser, type TestUser } from "../helpers/users";
import { declare, panelQueue, saveReview } from "~/services/panel.server";
import { publishTerms } from "~/services/terms.server";
import { statementsOf, versionWatch } from "../helpers/data-version";
import { sessionCookieFor } from "../helpers/server";
import { dataVersion } from "~/services/data-version.server";
import { getOptionalUser } from "~/utils/auth.server";

useTestDatabase();

const NOW = new Date("2026-11-20T10:00:00Z");
let young: TestUser;
let member: TestUser;
let other: TestUser;
let n = 0;

beforeAll(async () => {
  await db().organisationSettings.create({ data: { id: 1, councilName: "Test Council", fundName: "Test Fund", panelQuorum: 2 } });
  young = await makeUser("Jordan", ["young_person"]);
  member = await makeUser("Priya", ["panel"]);
  other = await makeUser("Sam", ["panel"]);
  const coordinator = await makeUser("Chris", ["coordinator"]);
  await publishTerms({ funds: "Laptops", doesNotFund: "Rent", maxAwardPence: 100_000, decisionDates: "Monthly", giveBack: "Help", criteria: "Clear need" }, coordinator);
});

function withPanel() {
  n++;
  return db().supportApplication.create({
    data: {
      reference: `SA-C${String(n).padStart(5, "0")}`,
      youngPersonId: young.userId,
      createdById: young.userId,
      status: "with_panel",
      category: "education_equipment",
      purpose: "A laptop for my college course",
      amountPence: 30_000,
      whyItMatters: "I cannot do my coursework without one",
      entitlementCovers: "no",
      submittedAt: new Date(NOW.getTime() - n * 86_400_000),
      screenedAt: NOW,
    },
  });
}

const rowOf = async (m: TestUser, id: string, now = NOW) => (await panelQueue(m, { filter: "all", page: 1 }, now)).rows.find((r) => r.id === id);

describe("the panel queue's cache", () => {
  it("serves a second view at the same version from memory, reading only the counter, for every member", async () => {
    await withPanel();
    const view = (m: TestUser) => () => panelQueue(m, { filter: "all", page: 1 }, NOW);
    expect(await statementsOf(view(member))).toBeGreaterThanOrEqual(3);
    expect(await statementsOf(view(member))).toBe(1);
    // "all" is the same rows for the whole panel; each member's own filters are their own.
    expect(await statementsOf(view(other))).toBe(1);
    expect(await statementsOf(() => panelQueue(member, { filter: "declare", page: 1 }, NOW))).toBeGreaterThanOrEqual(2);
    expect(await statementsOf(() => panelQueue(other, { filter: "declare", page: 1 }, NOW))).toBeGreaterThanOrEqual(2);
    // The next minute reads afresh ("decided in the last 30 days" moves with the clock).
    expect(await statementsOf(() => panelQueue(member, { filter: "all", page: 1 }, new Date(NOW.getTime() + 60_000)))).toBeGreaterThanOrEqual(3);
  });

  it("gives a member the same page object for the same view (its markup is then found by identity), each member their own", async () => {
    const { id } = await withPanel();
    const view = (m: TestUser, now = NOW) => panelQueue(m, { filter: "all", page: 1 }, now);
    const first = await view(member);
    expect(await view(member)).toBe(first);
    const others = await view(other);
    expect(others).not.toBe(first);
    expect(others.rows).toEqual(first.rows); // no declarations yet: the same rows, worked out for each
    expect(await view(member, new Date(NOW.getTime() + 60_000))).not.toBe(first);
    await declare(member, id, { conflict: false, note: null });
    const after = await view(member);
    expect(after).not.toBe(first);
    expect(after.rows.find((r) => r.id === id)?.access).toBe("may_review");
  });

  it("shows each write on the next view: a declaration, a review, the quorum, a first name, a status", async () => {
    const app = await withPanel();
    expect(await rowOf(member, app.id)).toMatchObject({ access: "must_declare", firstName: null, scored: 0, required: 2 });

    await declare(member, app.id, { conflict: false, note: null });
    expect(await rowOf(member, app.id)).toMatchObject({ access: "may_review", firstName: "Jordan" });

    await saveReview(member, app.id, { scores: [{ criterion: "Clear need", score: 4 }], recommendation: "approve", comment: "A clear need." });
    expect(await rowOf(member, app.id)).toMatchObject({ scored: 1, reviewedByMe: true });

    await db().organisationSettings.update({ where: { id: 1 }, data: { panelQuorum: 1 } });
    expect(await rowOf(member, app.id)).toMatchObject({ required: 1, quorumMet: true });

    const person = await db().user.findUniqueOrThrow({ where: { id: young.userId }, select: { personId: true } });
    await db().person.update({ where: { id: person.personId }, data: { firstName: "Jo" } });
    expect(await rowOf(member, app.id)).toMatchObject({ firstName: "Jo" });

    await db().supportApplication.update({ where: { id: app.id }, data: { status: "withdrawn" } });
    expect(await rowOf(member, app.id)).toBeUndefined();
  });

  it("takes the counters read with who is signed in: a page view then makes no statement for them", async () => {
    const signedIn = async () => (await getOptionalUser(new Request("http://app.test/panel", { headers: { Cookie: await sessionCookieFor(member.email) } })))!;
    const before = await signedIn();
    expect(before.dataVersions).toEqual({ pledges: await dataVersion("pledges"), panel: await dataVersion("panel") });
    const app = await withPanel();
    const after = await signedIn();
    expect(after.dataVersions!.panel).toBeGreaterThan(before.dataVersions!.panel!);
    const view = (versions: typeof after.dataVersions) => panelQueue(member, { filter: "all", page: 1 }, NOW, versions);
    expect((await view(after.dataVersions)).rows.map((r) => r.id)).toContain(app.id);
    expect(await statementsOf(() => view(after.dataVersions))).toBe(0);
  });

  it("reads afresh on every view when the counter is missing", async () => {
    const app = await withPanel();
    await db().$executeRaw`DELETE FROM "DataVersion" WHERE "name" = 'panel'`;
    try {
      await rowOf(other, app.id);
      expect(await statementsOf(() => rowOf(other, app.id))).toBeGreaterThanOrEqual(3);
    } finally {
      await db().$executeRaw`INSERT INTO "DataVersion" ("name", "version") VALUES ('panel', 1000000)`;
    }
  });
});

describe("the panel data version", () => {
  it("rises with every write the queue shows, not with other columns, nor with a rolled-back write", async () => {
    const app = await withPanel();
    const watch = await versionWatch("panel");
    const check = watch.after;
    const person = await db().user.findUniqueOrThrow({ where: { id: other.userId }, select: { personId: true } });
    await check(() => withPanel(), true);
    await check(() => db().supportApplication.update({ where: { id: app.id }, data: { purpose: "A new laptop" } }), true);
    await check(() => db().panelConflict.create({ data: { applicationId: app.id, memberId: other.userId, conflict: false } }), true);
    await check(() => db().panelReview.create({ data: { applicationId: app.id, memberId: other.userId, scores: "[]", recommendation: "approve", comment: "Yes", termsVersion: 1 } }), true);
    await check(() => db().panelReview.deleteMany({ where: { applicationId: app.id } }), true);
    await check(() => db().person.update({ where: { id: person.personId }, data: { firstName: "Samuel" } }), true);
    await check(() => db().person.update({ where: { id: person.personId }, data: { lastName: "Other" } }), false);
    await check(() => db().organisationSettings.update({ where: { id: 1 }, data: { panelQuorum: 3 } }), true);
    await check(() => db().organisationSettings.update({ where: { id: 1 }, data: { fundName: "Renamed Fund" } }), false);
    await expect(
      db().$transaction(async (tx) => {
        await tx.supportApplication.update({ where: { id: app.id }, data: { status: "withdrawn" } });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await check(async () => undefined, false);
  });
});
