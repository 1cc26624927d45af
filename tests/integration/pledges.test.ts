// The pledge service on a real database: every change appends history, takes effect from the right
// pay period (around the cut-off and past locked periods), records the authorisation word for word,
// queues its email, and a refused change writes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { seed } from "../../prisma/seed";
import { lockPeriod } from "~/services/pay-periods.server";
import {
  PledgeError,
  StaleCheckError,
  amendPledge,
  createPledge,
  loadPledgeContext,
  pausePledge,
  resumePledge,
  stopPledge,
} from "~/services/pledges.server";
import { myGiving } from "~/services/my-giving.server";
import { authorisationWording } from "~/domain/pledges/authorisation";

useTestDatabase();

const at = (iso: string) => new Date(iso);
let alex: { userId: string; employeeId: string };
let sam: { userId: string; employeeId: string };
let monthlyGroupId: string;

async function who(email: string) {
  const user = await db().user.findUniqueOrThrow({ where: { email }, include: { person: { include: { employee: true } } } });
  return { userId: user.id, employeeId: user.person.employee!.id };
}
const period = (label: string) => db().payPeriod.findFirstOrThrow({ where: { payGroupId: monthlyGroupId, label } });

/** Everything a refused change must leave alone. */
async function snapshot() {
  const [pledges, changes, authorisations, audits, emails] = await Promise.all([
    db().pledge.findMany({ orderBy: { id: "asc" } }),
    db().pledgeChange.count(),
    db().pledgeAuthorisation.count(),
    db().auditLog.count(),
    db().outboxEmail.count(),
  ]);
  return { pledges, changes, authorisations, audits, emails };
}

/** Runs `attempt` only after the "before" snapshot, so the two never overlap. */
async function refused(attempt: () => Promise<unknown>, message: RegExp, kind: typeof PledgeError = PledgeError) {
  const before = await snapshot();
  const error = await attempt().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(kind);
  expect((error as Error).message).toMatch(message);
  expect(await snapshot()).toEqual(before);
}

beforeAll(async () => {
  await seed(db(), { employees: 0, now: at("2026-11-01T09:00:00Z"), demoPledges: true });
  alex = await who("alex.morgan@council.example");
  sam = await who("sam.patel@council.example");
  monthlyGroupId = (await db().payGroup.findUniqueOrThrow({ where: { name: "Monthly salaried" } })).id;
});

describe("the seed", () => {
  it("gives Sam an active £5 pledge with its authorisation, and Alex none", async () => {
    const ctx = await loadPledgeContext(sam.userId, at("2026-11-02T09:00:00Z"));
    expect(ctx.pledge).toMatchObject({ status: "active", amountPence: 500 });
    expect(ctx.allowed).toEqual(["amend", "pause", "stop"]);
    expect(await db().pledgeAuthorisation.count({ where: { userId: sam.userId } })).toBe(1);
    const alexCtx = await loadPledgeContext(alex.userId, at("2026-11-02T09:00:00Z"));
    expect(alexCtx.pledge).toBeNull();
    expect(alexCtx.allowed).toEqual(["create"]);
  });
});

describe("a pledge's life", () => {
  it("min and max are enforced, and nothing is written", async () => {
    await refused(() => createPledge({ userId: alex.userId, amountPence: 199, now: at("2026-11-05T09:00:00Z") }), /at least £2/);
    await refused(() => createPledge({ userId: alex.userId, amountPence: 50_001, now: at("2026-11-05T09:00:00Z") }), /£500 or less/);
    await refused(() => createPledge({ userId: alex.userId, amountPence: 12.5, now: at("2026-11-05T09:00:00Z") }), /amount in pounds/);
  });

  it("a check page that showed another period (the cut-off has passed since) is refused: check again", async () => {
    const october = "no-such-period";
    await refused(
      () => createPledge({ userId: alex.userId, amountPence: 500, shown: { periodId: october, termsVersion: 1 }, now: at("2026-11-05T09:00:00Z") }),
      /is now November 2026/,
      StaleCheckError,
    );
    const november = await period("November 2026");
    await refused(
      () => createPledge({ userId: alex.userId, amountPence: 500, shown: { periodId: november.id, termsVersion: 0 }, now: at("2026-11-05T09:00:00Z") }),
      /terms of the scheme have been updated/,
      StaleCheckError,
    );
  });

  it("create before the cut-off takes effect this period, with the authorisation recorded word for word", async () => {
    const now = at("2026-11-05T09:00:00Z");
    const november = await period("November 2026");
    const result = await createPledge({
      userId: alex.userId,
      amountPence: 500,
      dedication: "In memory of Nan",
      shown: { periodId: november.id, termsVersion: 1 },
      now,
    });
    expect(result.periodLabel).toBe("November 2026");
    const pledge = await db().pledge.findUniqueOrThrow({ where: { id: result.pledgeId } });
    expect(pledge).toMatchObject({ status: "active", amountPence: 500, liveKey: alex.employeeId, dedication: "In memory of Nan" });
    const change = await db().pledgeChange.findUniqueOrThrow({ where: { id: result.changeId }, include: { authorisation: true } });
    expect(change).toMatchObject({ type: "create", amountPence: 500, effectivePeriodId: november.id, byUserId: alex.userId });
    const terms = await db().pledgeTerms.findUniqueOrThrow({ where: { version: 1 } });
    const wording = authorisationWording({ terms, amountPence: 500, periodLabel: "November 2026", givingMode: "net_pay", kind: "create" });
    expect(change.authorisation).toMatchObject({ userId: alex.userId, termsVersion: 1, amountPence: 500, givingMode: "net_pay", wordingShown: wording });
    expect(change.authorisation!.agreedAt.toISOString()).toBe(now.toISOString());
    expect(wording).toContain(terms.wording);
    const email = await db().outboxEmail.findFirstOrThrow({ where: { to: "alex.morgan@council.example", template: "pledge-create" } });
    expect(email.subject).toMatch(/set up/);
    expect(email.text).toContain("starts from the November 2026 pay period");
    expect(email.text).toContain(wording);
    expect(await db().auditLog.count({ where: { action: "pledge.create", entityId: pledge.id, actorUserId: alex.userId } })).toBe(1);
  });

  it("one live pledge per employee: a second create gets a clear message and writes nothing", async () => {
    await refused(() => createPledge({ userId: alex.userId, amountPence: 700, now: at("2026-11-06T09:00:00Z") }), /already have a regular gift/);
  });

  it("the unique index holds even if the service's own check were bypassed", async () => {
    await expect(
      db().pledge.create({ data: { employeeId: alex.employeeId, liveKey: alex.employeeId, status: "active", amountPence: 100 } }),
    ).rejects.toThrow();
  });

  it("amend on the last day before the cut-off takes effect this period; just after, the next", async () => {
    const before = await amendPledge({ userId: alex.userId, amountPence: 700, now: at("2026-11-10T23:59:00Z") });
    expect(before.periodLabel).toBe("November 2026");
    const after = await amendPledge({ userId: alex.userId, amountPence: 900, now: at("2026-11-11T00:00:01Z") });
    expect(after.periodLabel).toBe("December 2026");
    const auth = await db().pledgeAuthorisation.findUniqueOrThrow({ where: { pledgeChangeId: after.changeId } });
    expect(auth.amountPence).toBe(900);
    expect(auth.wordingShown).toContain("a change to my regular gift: a deduction of £9 each pay period");
    expect(auth.wordingShown).toContain("from the December 2026 pay period");
    const pledge = await db().pledge.findUniqueOrThrow({ where: { liveKey: alex.employeeId } });
    expect(pledge.amountPence).toBe(900);
    expect(await db().outboxEmail.count({ where: { to: "alex.morgan@council.example", template: "pledge-amend" } })).toBe(2);
  });

  it("amending to the same amount, or outside the limits, is refused", async () => {
    await refused(() => amendPledge({ userId: alex.userId, amountPence: 900, now: at("2026-11-12T09:00:00Z") }), /different amount/);
    await refused(() => amendPledge({ userId: alex.userId, amountPence: 100, now: at("2026-11-12T09:00:00Z") }), /at least £2/);
  });

  it("refused transitions change nothing: resume an active gift", async () => {
    await refused(() => resumePledge({ userId: alex.userId, now: at("2026-11-12T09:00:00Z") }), /not paused/);
  });

  it("a locked period rolls changes into the next one; a pause may start later and end by a date", async () => {
    const finance = await db().user.findUniqueOrThrow({ where: { email: "fin.officer@council.example" } });
    const december = await period("December 2026");
    await lockPeriod(december.id, { userId: finance.id, role: "finance" }, at("2026-11-15T09:00:00Z"));
    const now = at("2026-11-20T09:00:00Z");
    const ctx = await loadPledgeContext(alex.userId, now);
    expect(ctx.effective?.label).toBe("January 2027");
    // a pause must start from an open period
    await refused(() => pausePledge({ userId: alex.userId, fromPeriodId: december.id, now }), /Choose a pay period/);
    // and end after it starts
    const january = await period("January 2027");
    await refused(() => pausePledge({ userId: alex.userId, fromPeriodId: january.id, pauseUntil: at("2027-01-01T00:00:00Z"), now }), /must be after/);

    const february = await period("February 2027");
    const paused = await pausePledge({ userId: alex.userId, fromPeriodId: february.id, pauseUntil: at("2027-04-01T00:00:00Z"), now });
    expect(paused.periodLabel).toBe("February 2027");
    const pledge = await db().pledge.findUniqueOrThrow({ where: { liveKey: alex.employeeId } });
    expect(pledge.status).toBe("paused");
    const email = await db().outboxEmail.findFirstOrThrow({ where: { to: "alex.morgan@council.example", template: "pledge-pause" } });
    expect(email.text).toContain("paused from the February 2027 pay period until 1 April 2027");

    // a second pause is refused; later changes cannot land before the scheduled pause
    await refused(() => pausePledge({ userId: alex.userId, fromPeriodId: february.id, now: at("2026-11-21T09:00:00Z") }), /already paused/);
    const later = await loadPledgeContext(alex.userId, at("2026-11-21T09:00:00Z"));
    expect(later.effective?.label).toBe("February 2027");
    expect(later.allowed).toEqual(["amend", "resume", "stop"]);
  });

  it("the history after the pause gives the right deduction in each period (My giving)", async () => {
    const view = await myGiving(alex.userId, at("2026-11-21T09:00:00Z"));
    expect(view.pledge).toMatchObject({ status: "paused", amountPence: 900, pausedUntil: "1 April 2027" });
    // January is still deducted: the pause starts in February
    expect(view.pledge?.nextDeduction).toEqual({ periodLabel: "April 2027", amountPence: 900 });
    expect(view.pledge?.scheduled).toBeNull();
  });

  it("resume, then stop: each from the effective period; stop ends the live pledge", async () => {
    const resumed = await resumePledge({ userId: alex.userId, now: at("2026-11-22T09:00:00Z") });
    expect(resumed.periodLabel).toBe("February 2027");
    expect((await db().pledge.findUniqueOrThrow({ where: { liveKey: alex.employeeId } })).status).toBe("active");

    const stopped = await stopPledge({ userId: alex.userId, now: at("2026-11-23T09:00:00Z") });
    expect(stopped.periodLabel).toBe("February 2027");
    const pledge = await db().pledge.findUniqueOrThrow({ where: { id: stopped.pledgeId } });
    expect(pledge).toMatchObject({ status: "stopped", liveKey: null, amountPence: 900 });
    expect(await db().outboxEmail.count({ where: { to: "alex.morgan@council.example", template: "pledge-stop" } })).toBe(1);

    // nothing more can be done to a stopped pledge
    await refused(() => amendPledge({ userId: alex.userId, amountPence: 1000, now: at("2026-11-24T09:00:00Z") }), /do not have a regular gift/);
    await refused(() => stopPledge({ userId: alex.userId, now: at("2026-11-24T09:00:00Z") }), /do not have a regular gift/);
  });

  it("keeps the whole history, in order, with every audit entry", async () => {
    const pledge = await db().pledge.findFirstOrThrow({ where: { employeeId: alex.employeeId } });
    const changes = await db().pledgeChange.findMany({
      where: { pledgeId: pledge.id },
      orderBy: { createdAt: "asc" },
      include: { effectivePeriod: true },
    });
    expect(changes.map((c) => [c.type, c.amountPence, c.effectivePeriod.label])).toEqual([
      ["create", 500, "November 2026"],
      ["amend", 700, "November 2026"],
      ["amend", 900, "December 2026"],
      ["pause", 900, "February 2027"],
      ["resume", 900, "February 2027"],
      ["stop", 900, "February 2027"],
    ]);
    const actions = (await db().auditLog.findMany({ where: { entityId: pledge.id }, orderBy: { at: "asc" } })).map((a) => a.action);
    expect(actions.sort()).toEqual(["pledge.amend", "pledge.amend", "pledge.create", "pledge.pause", "pledge.resume", "pledge.stop"]);
    expect(await db().pledgeAuthorisation.count({ where: { pledgeChange: { pledgeId: pledge.id } } })).toBe(3);
  });

  it("history cannot be rewritten: the database refuses to update or delete a change", async () => {
    const change = await db().pledgeChange.findFirstOrThrow({ where: { pledge: { employeeId: alex.employeeId } } });
    await expect(db().pledgeChange.update({ where: { id: change.id }, data: { amountPence: 1 } })).rejects.toThrow();
    await expect(db().pledgeChange.delete({ where: { id: change.id } })).rejects.toThrow();
    expect((await db().pledgeChange.findUniqueOrThrow({ where: { id: change.id } })).amountPence).toBe(500);
  });

  it("after a stop, a new pledge can be set up", async () => {
    const result = await createPledge({ userId: alex.userId, amountPence: 300, now: at("2026-11-25T09:00:00Z") });
    expect(result.periodLabel).toBe("February 2027");
    expect(await db().pledge.count({ where: { employeeId: alex.employeeId } })).toBe(2);
    expect(await db().pledge.count({ where: { employeeId: alex.employeeId, liveKey: { not: null } } })).toBe(1);
  });
});

describe("My giving", () => {
  it("shows the history newest first, what payroll took with a total, and the card empty state", async () => {
    const empty = await myGiving(sam.userId, at("2026-11-25T09:00:00Z"));
    expect(empty.deductions).toEqual({ rows: [], totalPence: 0 });
    expect(empty.cardGifts).toEqual([]);
    expect(empty.actions).toEqual(["amend", "pause", "stop"]);

    const november = await period("November 2026");
    const pledge = await db().pledge.findFirstOrThrow({ where: { employeeId: alex.employeeId, liveKey: null } });
    await db().deduction.create({
      data: { employeeId: alex.employeeId, periodId: november.id, pledgeId: pledge.id, amountPence: 700, reconciliationId: "test-reconciliation" },
    });
    const view = await myGiving(alex.userId, at("2026-11-25T09:00:00Z"));
    expect(view.deductions.rows.map((r) => [r.periodLabel, r.amountPence])).toEqual([["November 2026", 700]]);
    expect(view.deductions.totalPence).toBe(700);
    expect(view.history.map((h) => h.type)).toEqual(["create", "stop", "resume", "pause", "amend", "amend", "create"]);
    expect(view.history[0]).toMatchObject({ label: "Gift set up", amountPence: 300, periodLabel: "February 2027" });
    expect(view.pledge).toMatchObject({ status: "active", amountPence: 300 });
    expect(view.pledge?.costs.gross).toEqual({ perPeriod: 300, perMonth: 300, perYear: 3600 });
    expect(view.pledge?.nextDeduction).toEqual({ periodLabel: "February 2027", amountPence: 300 });
  });

  it("a leaver cannot give from pay from their leaving date; before it they still can", async () => {
    const employeeId = alex.employeeId;
    await db().employeeRecord.update({ where: { id: employeeId }, data: { leftOn: new Date("2026-11-30T00:00:00Z") } });
    try {
      await expect(myGiving(alex.userId, at("2026-11-25T09:00:00Z"))).resolves.toMatchObject({ firstName: "Alex" });
      await expect(myGiving(alex.userId, at("2026-12-01T09:00:00Z"))).rejects.toThrow(/left the council's payroll/);
    } finally {
      await db().employeeRecord.update({ where: { id: employeeId }, data: { leftOn: null } });
    }
  });

  it("an employee without a payroll record gets a clear message", async () => {
    const jordan = await db().user.findUniqueOrThrow({ where: { email: "jordan@young.example" } });
    await expect(myGiving(jordan.id, at("2026-11-25T09:00:00Z"))).rejects.toThrow(/cannot find your payroll record/);
  });
});

describe("tax-relieved mode", () => {
  it("records the giving mode on the authorisation and says so in the wording", async () => {
    await db().organisationSettings.update({ where: { id: 1 }, data: { givingMode: "payroll_giving" } });
    try {
      const result = await amendPledge({ userId: sam.userId, amountPence: 800, now: at("2026-11-26T09:00:00Z") });
      const auth = await db().pledgeAuthorisation.findUniqueOrThrow({ where: { pledgeChangeId: result.changeId } });
      expect(auth.givingMode).toBe("payroll_giving");
      expect(auth.wordingShown).toContain("before income tax is worked out, through a Payroll Giving Agency");
      const view = await myGiving(sam.userId, at("2026-11-26T09:00:00Z"));
      expect(view.pledge?.costs.estimatedAfterBasicRateRelief?.perPeriod).toBe(640);
    } finally {
      await db().organisationSettings.update({ where: { id: 1 }, data: { givingMode: "net_pay" } });
    }
  });
});
