// The ledger service against a real database (SQLite, or PostgreSQL when TEST_PG_URL is set).
// Every test in this file shares one database, so tests compare figures before and after.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { pence, type Pence } from "~/domain/money";
import { balancesOf, grantPayment, isAccountCode, transfer, type AccountCode, type TransactionDraft } from "~/domain/ledger";
import { LedgerValidationError } from "~/domain/ledger";
import {
  accountBalances,
  allocate,
  fundSummary,
  InsufficientFundsError,
  LedgerError,
  postTransaction,
  reverseTransaction,
} from "~/services/ledger.server";

const database = useTestDatabase();

const actor = { userId: "user_panel_chair", role: "panel" };
const occurredAt = new Date("2026-03-02T09:30:00Z");
const p = (n: number) => pence(n);

function cardDonation(amount: number, externalRef?: string) {
  return postTransaction(transfer("fund_bank", "card_income", p(amount)), {
    kind: "card_donation",
    description: "Card donation",
    occurredAt,
    externalRef,
  });
}

async function counts() {
  const [transactions, entries, audits] = await Promise.all([
    db().ledgerTransaction.count(),
    db().ledgerEntry.count(),
    db().auditLog.count(),
  ]);
  return { transactions, entries, audits };
}

/** Every transaction balances, and so does the whole ledger. */
async function expectLedgerBalanced() {
  const total = await db().ledgerEntry.aggregate({ _sum: { amountPence: true } });
  expect(Number(total._sum.amountPence ?? 0)).toBe(0);
  const unbalanced = await db().ledgerEntry.groupBy({
    by: ["transactionId"],
    _sum: { amountPence: true },
    having: { amountPence: { _sum: { not: 0 } } },
  });
  expect(unbalanced).toEqual([]);
}

/** Bring the available amount to exactly zero, so a test can set up the figure it needs. */
async function emptyTheFund() {
  const { available } = await fundSummary();
  if (available > 0) await allocate({ amount: available, reference: "TEST-EMPTY", actor });
  if (available < 0) await cardDonation(-available);
  expect((await fundSummary()).available).toBe(0);
}

describe("postTransaction", () => {
  it("writes a balanced transaction and its entries", async () => {
    const before = await counts();
    const draft: TransactionDraft = {
      entries: [
        { account: "fund_bank", amount: p(1950) },
        { account: "fees", amount: p(50) },
        { account: "card_income", amount: p(-2000) },
      ],
    };
    const { transaction, created } = await postTransaction(draft, {
      kind: "card_donation",
      description: "Card donation net of fees",
      occurredAt,
      createdById: "user_finance",
    });
    expect(created).toBe(true);
    expect(transaction).toMatchObject({ kind: "card_donation", createdById: "user_finance", externalRef: null, reversesId: null });
    expect(transaction.occurredAt.toISOString()).toBe(occurredAt.toISOString());
    // What the service returns is what the database holds (dates included, on both databases).
    expect(await db().ledgerTransaction.findUnique({ where: { id: transaction.id } })).toEqual(transaction);

    const entries = await db().ledgerEntry.findMany({ where: { transactionId: transaction.id }, orderBy: { amountPence: "asc" } });
    expect(entries.map((e) => [e.accountCode, e.amountPence])).toEqual([
      ["card_income", -2000],
      ["fees", 50],
      ["fund_bank", 1950],
    ]);
    expect(await counts()).toEqual({ ...before, transactions: before.transactions + 1, entries: before.entries + 3 });
    await expectLedgerBalanced();
  });

  it.each<[string, TransactionDraft]>([
    ["debits without credits", { entries: [{ account: "fund_bank", amount: p(100) }, { account: "fees", amount: p(100) }] }],
    ["off by a penny", { entries: [{ account: "fund_bank", amount: p(100) }, { account: "card_income", amount: p(-99) }] }],
    ["a single entry", { entries: [{ account: "fund_bank", amount: p(100) }] }],
    ["a zero entry", { entries: [{ account: "fund_bank", amount: p(0) }, { account: "card_income", amount: p(0) }] }],
    ["an unknown account", { entries: [{ account: "petty_cash" as AccountCode, amount: p(5) }, { account: "card_income", amount: p(-5) }] }],
    ["a fraction of a penny", { entries: [{ account: "fund_bank", amount: 1.5 as Pence }, { account: "card_income", amount: -1.5 as Pence }] }],
  ])("refuses %s and writes nothing", async (_name, draft) => {
    const before = await counts();
    await expect(postTransaction(draft, { kind: "test", description: "bad", occurredAt })).rejects.toThrow(LedgerValidationError);
    expect(await counts()).toEqual(before);
  });

  it("refuses a missing description or kind before writing", async () => {
    const before = await counts();
    const draft = transfer("fund_bank", "card_income", p(100));
    await expect(postTransaction(draft, { kind: "card_donation", description: " ", occurredAt })).rejects.toThrow(/description/);
    await expect(postTransaction(draft, { kind: "", description: "x", occurredAt })).rejects.toThrow(/kind/);
    await expect(postTransaction(draft, { kind: "k", description: "x", occurredAt: new Date("nonsense") })).rejects.toThrow(/occurredAt/);
    expect(await counts()).toEqual(before);
  });

  it("is idempotent on externalRef: the second post returns the first and writes nothing", async () => {
    const first = await cardDonation(2500, "stripe:evt_123");
    const before = await counts();
    const again = await cardDonation(2500, "stripe:evt_123");
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.transaction.id).toBe(first.transaction.id);
    expect(await counts()).toEqual(before);
  });

  it("posts one transaction when the same externalRef arrives many times at once", async () => {
    const before = await counts();
    const results = await Promise.all(Array.from({ length: 10 }, () => cardDonation(700, "stripe:evt_burst")));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.transaction.id)).size).toBe(1);
    expect(await counts()).toEqual({ ...before, transactions: before.transactions + 1, entries: before.entries + 2 });
  });

  it("joins the caller's transaction: rolled back with it, idempotent inside it", async () => {
    const before = await counts();
    const draft = transfer("fund_bank", "payroll_income", p(1000));
    await expect(
      db().$transaction(async (tx) => {
        await postTransaction(draft, { tx, kind: "payroll_deduction", description: "March payroll", occurredAt, externalRef: "payroll:2026-03" });
        throw new Error("the payroll import failed later");
      }),
    ).rejects.toThrow(/payroll import failed/);
    expect(await counts()).toEqual(before);

    const ids = await db().$transaction(async (tx) => {
      const a = await postTransaction(draft, { tx, kind: "payroll_deduction", description: "March payroll", occurredAt, externalRef: "payroll:2026-03" });
      const b = await postTransaction(draft, { tx, kind: "payroll_deduction", description: "March payroll", occurredAt, externalRef: "payroll:2026-03" });
      expect([a.created, b.created]).toEqual([true, false]);
      return [a.transaction.id, b.transaction.id];
    });
    expect(ids[0]).toBe(ids[1]);
    expect(await counts()).toEqual({ ...before, transactions: before.transactions + 1, entries: before.entries + 2 });
  });
});

describe("reverseTransaction", () => {
  it("posts the negated entries, linked to the original, and balances return to where they were", async () => {
    const start = await accountBalances();
    const { transaction } = await cardDonation(4321);
    expect((await accountBalances()).card_income).toBe(start.card_income - 4321);

    const auditsBefore = await db().auditLog.count({ where: { action: "ledger.reverse" } });
    const reversal = await reverseTransaction(transaction.id, "Donation entered twice", actor);
    expect(reversal).toMatchObject({ kind: "reversal", reversesId: transaction.id, description: "Donation entered twice", createdById: actor.userId });
    expect(await db().ledgerTransaction.findUnique({ where: { id: reversal.id } })).toEqual(reversal);

    const entries = await db().ledgerEntry.findMany({ where: { transactionId: reversal.id } });
    expect(entries.map((e) => [e.accountCode, e.amountPence]).sort()).toEqual([
      ["card_income", 4321],
      ["fund_bank", -4321],
    ]);
    expect(await accountBalances()).toEqual(start);
    expect(await db().auditLog.count({ where: { action: "ledger.reverse", entityId: reversal.id } })).toBe(auditsBefore + 1);
    await expectLedgerBalanced();
  });

  it("reverses a transaction only once, never a reversal, and never an unknown id", async () => {
    const { transaction } = await cardDonation(900);
    const reversal = await reverseTransaction(transaction.id, "Refunded by card issuer", actor);
    const before = await counts();
    await expect(reverseTransaction(transaction.id, "again", actor)).rejects.toThrow(/already reversed/);
    await expect(reverseTransaction(reversal.id, "undo the undo", actor)).rejects.toThrow(/itself a reversal/);
    await expect(reverseTransaction("no_such_transaction", "typo", actor)).rejects.toThrow(/does not exist/);
    await expect(reverseTransaction(transaction.id, "  ", actor)).rejects.toThrow(/needs a reason/);
    expect(await counts()).toEqual(before);
  });

  it("reverses once when two people reverse at the same moment", async () => {
    const { transaction } = await cardDonation(1200);
    const before = await counts();
    const results = await Promise.allSettled([
      reverseTransaction(transaction.id, "first", actor),
      reverseTransaction(transaction.id, "second", actor),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r) => r.status === "rejected");
    expect(failure?.status === "rejected" && failure.reason).toBeInstanceOf(LedgerError);
    expect(await counts()).toEqual({ transactions: before.transactions + 1, entries: before.entries + 2, audits: before.audits + 1 });
  });
});

describe("the database keeps the ledger append-only", () => {
  it.each([
    ['UPDATE "LedgerEntry" SET "amountPence" = "amountPence" + 1'],
    ['DELETE FROM "LedgerEntry"'],
    ['UPDATE "LedgerTransaction" SET "description" = \'rewritten\''],
    ['DELETE FROM "LedgerTransaction"'],
  ])("refuses %s", async (sql) => {
    // Triggers fire per row: make sure there are rows to touch.
    await cardDonation(100);
    const before = await counts();
    const totalBefore = await db().ledgerEntry.aggregate({ _sum: { amountPence: true } });
    await expect(db().$executeRawUnsafe(sql)).rejects.toThrow(/append-only/);
    expect(await counts()).toEqual(before);
    expect(await db().ledgerEntry.aggregate({ _sum: { amountPence: true } })).toEqual(totalBefore);
    expect(await db().ledgerTransaction.count({ where: { description: "rewritten" } })).toBe(0);
  });
});

describe("fundSummary and accountBalances", () => {
  it("agree with the balances computed from every entry", async () => {
    const rows = await db().ledgerEntry.findMany({ select: { accountCode: true, amountPence: true } });
    const fromEntries = balancesOf(
      rows.map((r) => {
        if (!isAccountCode(r.accountCode)) throw new Error(r.accountCode);
        return { account: r.accountCode, amount: p(r.amountPence) };
      }),
    );
    expect(await accountBalances()).toEqual(fromEntries);
  });

  it("move as each kind of movement says", async () => {
    const s0 = await fundSummary();
    const delta = async (from: typeof s0) => {
      const now = await fundSummary();
      return {
        received: now.received - from.received,
        committed: now.committed - from.committed,
        paid: now.paid - from.paid,
        available: now.available - from.available,
        fundBank: now.fundBank - from.fundBank,
      };
    };
    const post = (draft: TransactionDraft, kind: string) => postTransaction(draft, { kind, description: kind, occurredAt });

    await post(transfer("fund_bank", "payroll_income", p(50_000)), "payroll_deduction");
    await post(transfer("gift_aid_receivable", "gift_aid_income", p(2_500)), "gift_aid_claim");
    await post(transfer("fees", "fund_bank", p(300)), "fee");
    await post(transfer("refunds", "fund_bank", p(1_000)), "refund");
    expect(await delta(s0)).toEqual({ received: 51_200, committed: 0, paid: 0, available: 51_200, fundBank: 48_700 });

    const s1 = await fundSummary();
    const auditsBefore = await db().auditLog.count({ where: { action: "ledger.allocate" } });
    const commitment = await allocate({ amount: p(20_000), reference: "AWD-0001", actor });
    expect(commitment.transaction).toMatchObject({ kind: "grant_commitment", createdById: actor.userId });
    expect(await db().auditLog.count({ where: { action: "ledger.allocate" } })).toBe(auditsBefore + 1);
    expect(await delta(s1)).toEqual({ received: 0, committed: 20_000, paid: 0, available: -20_000, fundBank: 0 });

    const s2 = await fundSummary();
    await post(grantPayment(p(15_000)), "grant_payment");
    expect(await delta(s2)).toEqual({ received: 0, committed: -15_000, paid: 15_000, available: 0, fundBank: -15_000 });

    const s3 = await fundSummary();
    const withdrawn = await allocate({ amount: p(3_000), reference: "AWD-0006", actor });
    await reverseTransaction(withdrawn.transaction.id, "Award withdrawn before payment", actor);
    expect(await delta(s3)).toEqual({ received: 0, committed: 0, paid: 0, available: 0, fundBank: 0 });

    const now = await fundSummary();
    expect(now.available).toBe(now.received - now.committed - now.paid);
    await expectLedgerBalanced();
  });
});

describe("allocate", () => {
  it("commits when the amount fits, refuses with InsufficientFunds when it does not, and writes nothing then", async () => {
    await emptyTheFund();
    await cardDonation(10_000);
    const ok = await allocate({ amount: p(6_000), reference: "AWD-0002", actor });
    expect(ok.created).toBe(true);

    const before = await counts();
    const refused = allocate({ amount: p(4_001), reference: "AWD-0003", actor });
    await expect(refused).rejects.toBeInstanceOf(InsufficientFundsError);
    await expect(allocate({ amount: p(4_001), reference: "AWD-0003", actor })).rejects.toThrow(
      "insufficient funds: cannot commit £40.01 when £40 is available to allocate",
    );
    expect(await counts()).toEqual(before);

    await allocate({ amount: p(4_000), reference: "AWD-0004", actor });
    expect((await fundSummary()).available).toBe(0);
  });

  it("refuses amounts that are not a positive whole number of pence", async () => {
    const before = await counts();
    for (const amount of [0, -500, 12.5]) {
      await expect(allocate({ amount: amount as Pence, reference: "AWD-BAD", actor })).rejects.toThrow(/positive whole number of pence/);
    }
    await expect(allocate({ amount: p(100), reference: " ", actor })).rejects.toThrow(/reference/);
    expect(await counts()).toEqual(before);
  });

  it("returns the first commitment when retried with the same externalRef, even once the money is gone", async () => {
    await emptyTheFund();
    await cardDonation(5_000);
    const first = await allocate({ amount: p(5_000), reference: "AWD-0005", actor, externalRef: "award:AWD-0005" });
    const before = await counts();
    const retry = await allocate({ amount: p(5_000), reference: "AWD-0005", actor, externalRef: "award:AWD-0005" });
    expect(retry).toEqual({ transaction: first.transaction, created: false });
    expect(await counts()).toEqual(before);
  });
});

const ALLOCATION = 4_000; // £40
const INCOME = 100_000; // £1,000: room for exactly 25 allocations of £40
const FIT = INCOME / ALLOCATION;

async function expectExactlyTheAvailableWasCommitted(
  outcomes: { ok: number; insufficient: number; other: string[] },
  committedBefore: number,
  attempts: number,
) {
  expect(outcomes.other).toEqual([]);
  expect(outcomes.ok).toBe(FIT);
  expect(outcomes.insufficient).toBe(attempts - FIT);
  const after = await fundSummary();
  expect(after.committed - committedBefore).toBe(FIT * ALLOCATION);
  expect(after.available).toBe(0);
  expect(after.available).toBeGreaterThanOrEqual(0);
  await expectLedgerBalanced();
}

describe("allocate under concurrency", () => {
  it("50 parallel allocations worth twice what is available: exactly those that fit succeed", async () => {
    await emptyTheFund();
    await cardDonation(INCOME);
    const before = await fundSummary();
    const commitmentsBefore = await db().ledgerTransaction.count({ where: { kind: "grant_commitment" } });
    const attempts = 50;

    const results = await Promise.allSettled(
      Array.from({ length: attempts }, (_, i) => allocate({ amount: p(ALLOCATION), reference: `AWD-P${i}`, actor })),
    );
    const outcomes = { ok: 0, insufficient: 0, other: [] as string[] };
    for (const r of results) {
      if (r.status === "fulfilled") outcomes.ok++;
      else if (r.reason instanceof InsufficientFundsError) outcomes.insufficient++;
      else outcomes.other.push(String(r.reason));
    }
    await expectExactlyTheAvailableWasCommitted(outcomes, before.committed, attempts);
    expect(await db().ledgerTransaction.count({ where: { kind: "grant_commitment" } })).toBe(commitmentsBefore + FIT);
  });

  it("holds across separate processes, each with its own PrismaClient, as several app servers would", async () => {
    await emptyTheFund();
    await cardDonation(INCOME);
    const before = await fundSummary();
    const processes = 5;
    const perProcess = 10;

    const outcomes = await runAllocatorProcesses(database.url(), processes, perProcess, ALLOCATION);
    await expectExactlyTheAvailableWasCommitted(outcomes, before.committed, processes * perProcess);
  }, 90_000);
});

// One "app server": its own process and PrismaClient (createPrismaClient), firing its allocations
// in parallel once told to go. Separate processes because several better-sqlite3 connections in
// one process cannot wait for each other: SQLite's busy wait blocks the only thread.
const ALLOCATOR_SCRIPT = `
import { createPrismaClient } from ${JSON.stringify(path.resolve("app/db.server.ts"))};
import { allocate, InsufficientFundsError } from ${JSON.stringify(path.resolve("app/services/ledger.server.ts"))};
const { url, count, amount, name } = JSON.parse(process.env.ALLOCATOR_CONFIG);
const client = createPrismaClient(url);
await client.ledgerLock.findUnique({ where: { id: "fund" } }); // connect before the start signal
process.stdout.write("ready\\n");
await new Promise((resolve) => process.stdin.once("data", resolve));
const results = await Promise.allSettled(
  Array.from({ length: count }, (_, i) =>
    allocate({ amount, reference: name + "-" + i, actor: { userId: name }, client }),
  ),
);
const outcome = { ok: 0, insufficient: 0, other: [] };
for (const r of results) {
  if (r.status === "fulfilled") outcome.ok++;
  else if (r.reason instanceof InsufficientFundsError) outcome.insufficient++;
  else outcome.other.push(String(r.reason?.message ?? r.reason));
}
await client.$disconnect();
process.stdout.write("result " + JSON.stringify(outcome) + "\\n");
process.stdin.destroy();
`;

async function runAllocatorProcesses(url: string, processes: number, perProcess: number, amount: number) {
  const children = Array.from({ length: processes }, (_, i) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", ALLOCATOR_SCRIPT], {
      cwd: path.resolve("."),
      env: { ...process.env, DATABASE_URL: url, ALLOCATOR_CONFIG: JSON.stringify({ url, count: perProcess, amount, name: `server${i}` }) },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const ready = new Promise<void>((resolve, reject) => {
      const check = () => stdout.includes("ready\n") && resolve();
      child.stdout.on("data", check);
      child.once("exit", (code) => reject(new Error(`allocator ${i} exited (${code}) before ready: ${stderr}`)));
    });
    const done = new Promise<{ ok: number; insufficient: number; other: string[] }>((resolve, reject) => {
      child.once("exit", (code) => {
        const line = stdout.split("\n").find((l) => l.startsWith("result "));
        if (code !== 0 || !line) reject(new Error(`allocator ${i} exited (${code}): ${stderr}`));
        else resolve(JSON.parse(line.slice("result ".length)));
      });
    });
    // If the start fails, `done` is never awaited: keep its rejection from being reported as unhandled.
    done.catch(() => {});
    return { child, ready, done };
  });
  try {
    await Promise.all(children.map((c) => c.ready));
    // All connected: start them together so their allocations overlap.
    for (const c of children) c.child.stdin.write("go\n");
    const results = await Promise.all(children.map((c) => c.done));
    return {
      ok: results.reduce((n, r) => n + r.ok, 0),
      insufficient: results.reduce((n, r) => n + r.insufficient, 0),
      other: results.flatMap((r) => r.other),
    };
  } finally {
    for (const c of children) if (c.child.exitCode === null) c.child.kill();
  }
}
