// The fund ledger: the only code that writes LedgerTransaction and LedgerEntry. It appends;
// there is no update or delete (a database trigger refuses both). Corrections are reversals.
// See docs/decisions/0003-ledger.md.
import { randomUUID } from "node:crypto";
import { Prisma, type LedgerTransaction } from "~/generated/prisma/client.ts";
import { db, type Db, type DbTx } from "~/db.server";
import { audit } from "~/services/audit.server";
import { pence, formatPence, type Pence } from "~/domain/money";
import {
  fundSummaryOf,
  grantCommitment,
  isAccountCode,
  reversalOf,
  validateTransaction,
  zeroBalances,
  type AccountCode,
  type Balances,
  type EntryDraft,
  type FundSummary,
  type TransactionDraft,
} from "~/domain/ledger";

export type LedgerActor = { userId: string; role?: string | null };

export type PostOptions = {
  /** what kind of movement: card_donation, payroll_deduction, grant_commitment, grant_payment, ... */
  kind: string;
  description: string;
  occurredAt: Date;
  /** the external event this records (e.g. a Stripe event id); the same one never posts twice */
  externalRef?: string | null;
  createdById?: string | null;
  /** post inside the caller's transaction (the caller commits) */
  tx?: DbTx;
  /**
   * With tx: the caller has already read, in this same transaction, what is posted under this
   * externalRef and knows it is absent, so the look-up before the insert is skipped.
   */
  externalRefChecked?: boolean;
  /** the database to use when no tx is given; defaults to the process's client */
  client?: Db;
};

/** `created` is false when the externalRef had already been posted and nothing was written. */
export type PostResult = { transaction: LedgerTransaction; created: boolean };

export class LedgerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LedgerError";
  }
}

export class InsufficientFundsError extends LedgerError {
  constructor(
    readonly requested: Pence,
    readonly available: Pence,
  ) {
    super(`insufficient funds: cannot commit ${formatPence(requested)} when ${formatPence(available)} is available to allocate`);
    this.name = "InsufficientFundsError";
  }
}

const FUND_LOCK_ID = "fund";

// Allocations queue behind each other on the fund lock; give the queue room before giving up.
const LOCKING_TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

type WriteFields = {
  kind: string;
  description: string;
  occurredAt: Date;
  externalRef: string | null;
  createdById: string | null;
  reversesId: string | null;
};

/**
 * The two INSERTs that write a transaction and all its entries, not yet run (Prisma promises are
 * lazy): the caller runs them inside its transaction, or as one batch transaction of its own.
 * Plain SQL rather than a nested create: the nested create costs an interactive transaction and
 * a read-back SELECT, and posting went from about 1,400 to over 2,000 a second without them
 * (bench/ledger.bench.ts). Ids are made here (UUIDs) so the entries can name their transaction.
 */
function insertStatements(source: DbTx, draft: TransactionDraft, fields: WriteFields) {
  const row: LedgerTransaction = { id: randomUUID(), createdAt: new Date(), ...fields };
  const entryRows = draft.entries.map((entry) => Prisma.sql`(${randomUUID()}, ${row.id}, ${entry.account}, ${entry.amount})`);
  const statements = [
    source.$executeRaw`INSERT INTO "LedgerTransaction" ("id", "kind", "description", "occurredAt", "createdAt", "createdById", "externalRef", "reversesId")
      VALUES (${row.id}, ${row.kind}, ${row.description}, ${row.occurredAt}, ${row.createdAt}, ${row.createdById}, ${row.externalRef}, ${row.reversesId})`,
    source.$executeRaw`INSERT INTO "LedgerEntry" ("id", "transactionId", "accountCode", "amountPence") VALUES ${Prisma.join(entryRows)}`,
  ];
  return { row, statements };
}

/** Write within a transaction the caller already holds. */
async function insertTransaction(tx: DbTx, draft: TransactionDraft, fields: WriteFields): Promise<LedgerTransaction> {
  const { row, statements } = insertStatements(tx, draft, fields);
  for (const statement of statements) await statement;
  return row;
}

function findByExternalRef(source: DbTx, externalRef: string): Promise<LedgerTransaction | null> {
  return source.ledgerTransaction.findUnique({ where: { externalRef } });
}

/** A unique index refused the row: P2002 from model queries, P2010 from raw ones (same cause kind on both adapters). */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: string } } | undefined)?.cause;
  return error.code === "P2010" && cause?.kind === "UniqueConstraintViolation";
}

function fieldsFrom(options: PostOptions): WriteFields {
  if (options.kind.trim() === "") throw new LedgerError("a ledger transaction needs a kind");
  if (options.description.trim() === "") throw new LedgerError("a ledger transaction needs a description");
  if (Number.isNaN(options.occurredAt.getTime())) throw new LedgerError("a ledger transaction needs a valid occurredAt");
  if (options.externalRef === "") throw new LedgerError("an externalRef, when given, must not be empty");
  return {
    kind: options.kind,
    description: options.description,
    occurredAt: options.occurredAt,
    externalRef: options.externalRef ?? null,
    createdById: options.createdById ?? null,
    reversesId: null,
  };
}

/**
 * Validate a draft and write it with its entries, atomically. Idempotent on externalRef: a second
 * post with the same externalRef returns the first transaction and writes nothing.
 */
export async function postTransaction(draft: TransactionDraft, options: PostOptions): Promise<PostResult> {
  validateTransaction(draft);
  const fields = fieldsFrom(options);

  if (options.tx) {
    // In the caller's transaction a failed INSERT would abort it on PostgreSQL, so look first.
    if (fields.externalRef && !options.externalRefChecked) {
      const existing = await findByExternalRef(options.tx, fields.externalRef);
      if (existing) return { transaction: existing, created: false };
    }
    return { transaction: await insertTransaction(options.tx, draft, fields), created: true };
  }

  // On our own: one batch transaction, inserting first (rather than looking first) to save a
  // round trip and let the unique index settle races between two posts of the same event.
  const client = options.client ?? db();
  const { row, statements } = insertStatements(client, draft, fields);
  try {
    await client.$transaction(statements);
    return { transaction: row, created: true };
  } catch (error) {
    if (fields.externalRef && isUniqueViolation(error)) {
      const existing = await findByExternalRef(client, fields.externalRef);
      if (existing) return { transaction: existing, created: false };
    }
    throw error;
  }
}

/**
 * Take the fund's serialisation point. A write as the first statement takes SQLite's write lock
 * at once (waiting on the busy timeout) and a row lock on PostgreSQL, held until commit; so
 * whatever the transaction reads next cannot be changed by another allocation meanwhile.
 */
async function takeFundLock(tx: DbTx): Promise<void> {
  const updated = await tx.$executeRaw`UPDATE "LedgerLock" SET "version" = "version" + 1 WHERE "id" = ${FUND_LOCK_ID}`;
  if (updated !== 1) throw new LedgerError(`the "${FUND_LOCK_ID}" ledger lock row is missing; run the migrations`);
}

function entryDraftFrom(row: { accountCode: string; amountPence: number }): EntryDraft {
  if (!isAccountCode(row.accountCode)) throw new LedgerError(`unknown ledger account in the database: ${row.accountCode}`);
  return { account: row.accountCode, amount: pence(row.amountPence) };
}

/**
 * Post the entries that cancel transaction `id`, linked to it by reversesId. A transaction is
 * reversed at most once (also enforced by the unique index on reversesId); a reversal is never
 * reversed (post the original movement again instead).
 */
export async function reverseTransaction(
  id: string,
  reason: string,
  actor: LedgerActor,
  options: { occurredAt?: Date; client?: Db; tx?: DbTx } = {},
): Promise<LedgerTransaction> {
  if (reason.trim() === "") throw new LedgerError("a reversal needs a reason");
  const client = options.client ?? db();
  // Inside the caller's transaction (which then holds the fund lock until it commits), or in our own.
  const within = <T>(work: (tx: DbTx) => Promise<T>): Promise<T> =>
    options.tx ? work(options.tx) : client.$transaction(work, LOCKING_TX_OPTIONS);
  try {
    return await within(async (tx) => {
      // Reversals change the available amount, so they queue with allocations.
      await takeFundLock(tx);
      const original = await tx.ledgerTransaction.findUnique({
        where: { id },
        include: { entries: true, reversedBy: { select: { id: true } } },
      });
      if (!original) throw new LedgerError(`cannot reverse ledger transaction ${id}: it does not exist`);
      if (original.reversesId) {
        throw new LedgerError(`cannot reverse ledger transaction ${id}: it is itself a reversal (of ${original.reversesId})`);
      }
      if (original.reversedBy) {
        throw new LedgerError(`cannot reverse ledger transaction ${id}: it was already reversed by ${original.reversedBy.id}`);
      }
      const draft = validateTransaction({ entries: reversalOf(original.entries.map(entryDraftFrom)) });
      const reversal = await insertTransaction(tx, draft, {
        kind: "reversal",
        description: reason,
        occurredAt: options.occurredAt ?? new Date(),
        externalRef: null,
        createdById: actor.userId,
        reversesId: id,
      });
      await audit(
        {
          actorUserId: actor.userId,
          actorRole: actor.role ?? null,
          action: "ledger.reverse",
          entityType: "LedgerTransaction",
          entityId: reversal.id,
          detail: { reversesId: id, reversedKind: original.kind },
        },
        tx,
      );
      return reversal;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new LedgerError(`cannot reverse ledger transaction ${id}: it was already reversed`);
    throw error;
  }
}

/** Every account's balance, from one SQL aggregate (never by loading entries). */
export async function accountBalances(source: DbTx = db()): Promise<Balances> {
  const sums = await source.ledgerEntry.groupBy({ by: ["accountCode"], _sum: { amountPence: true } });
  const balances = zeroBalances();
  for (const row of sums) {
    if (!isAccountCode(row.accountCode)) throw new LedgerError(`unknown ledger account in the database: ${row.accountCode}`);
    balances[row.accountCode as AccountCode] = pence(Number(row._sum.amountPence ?? 0));
  }
  return balances;
}

/** received, committed, paid, available and fundBank, in pence. */
export async function fundSummary(source: DbTx = db()): Promise<FundSummary> {
  return fundSummaryOf(await accountBalances(source));
}

export type AllocateInput = {
  amount: Pence;
  /** the grant's reference (e.g. the award's); goes into the description, never personal data */
  reference: string;
  actor: LedgerActor;
  occurredAt?: Date;
  /** makes a retried allocation return the first one instead of committing twice */
  externalRef?: string;
  /** another client (e.g. one per simulated app server); defaults to the process's client */
  client?: Db;
  /**
   * Allocate inside the caller's transaction, so the commitment and the caller's own rows (e.g. the
   * award) commit or roll back together. The fund lock is then held until the caller commits.
   */
  tx?: DbTx;
};

/**
 * Commit a grant (Dr grants_awarded / Cr grants_committed) only if it fits in what is available.
 * Safe under concurrency on SQLite and PostgreSQL, across processes: every allocation first takes
 * the fund lock, so reading `available` and posting happen with no other allocation in between.
 */
export async function allocate(input: AllocateInput): Promise<PostResult> {
  const draft = validateTransaction(grantCommitment(input.amount));
  if (input.reference.trim() === "") throw new LedgerError("an allocation needs a reference");
  const client = input.client ?? db();
  const within = <T>(work: (tx: DbTx) => Promise<T>): Promise<T> =>
    input.tx ? work(input.tx) : client.$transaction(work, LOCKING_TX_OPTIONS);
  return within(async (tx) => {
    await takeFundLock(tx);
    if (input.externalRef) {
      const existing = await findByExternalRef(tx, input.externalRef);
      if (existing) return { transaction: existing, created: false };
    }
    const { available } = await fundSummary(tx);
    if (input.amount > available) throw new InsufficientFundsError(input.amount, available);
    const transaction = await insertTransaction(tx, draft, {
      kind: "grant_commitment",
      description: `Grant commitment ${input.reference}`,
      occurredAt: input.occurredAt ?? new Date(),
      externalRef: input.externalRef ?? null,
      createdById: input.actor.userId,
      reversesId: null,
    });
    await audit(
      {
        actorUserId: input.actor.userId,
        actorRole: input.actor.role ?? null,
        action: "ledger.allocate",
        entityType: "LedgerTransaction",
        entityId: transaction.id,
        detail: { reference: input.reference, amountPence: input.amount, availableBeforePence: available },
      },
      tx,
    );
    return { transaction, created: true };
  });
}
