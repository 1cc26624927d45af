// ledger.post_per_s: balanced transactions posted per second through the service, on SQLite.
import { performance } from "node:perf_hooks";
import { pence } from "~/domain/money";
import type { TransactionDraft } from "~/domain/ledger";
import { postTransaction } from "~/services/ledger.server";
import { createBenchDatabase, printFigure } from "./run.ts";

const WARM_UP = 500;
const POSTS = 5_000;

// A mix like the real ledger's: card donations net of fees (three entries) and payroll income (two).
function draftFor(i: number): TransactionDraft {
  const amount = 500 + (i % 97) * 25;
  if (i % 2 === 0) {
    const fee = 20 + (i % 7);
    return {
      entries: [
        { account: "fund_bank", amount: pence(amount - fee) },
        { account: "fees", amount: pence(fee) },
        { account: "card_income", amount: pence(-amount) },
      ],
    };
  }
  return { entries: [{ account: "fund_bank", amount: pence(amount) }, { account: "payroll_income", amount: pence(-amount) }] };
}

export default async function run(): Promise<void> {
  const { client, cleanup } = await createBenchDatabase("ledger");
  try {
    const occurredAt = new Date("2026-04-01T12:00:00Z");
    const post = (i: number, ref: string) =>
      postTransaction(draftFor(i), {
        client,
        kind: i % 2 === 0 ? "card_donation" : "payroll_deduction",
        description: "Benchmark posting",
        occurredAt,
        // As real postings from Stripe and payroll do: the unique index is part of the cost.
        externalRef: ref,
      });

    for (let i = 0; i < WARM_UP; i++) await post(i, `bench:warm-up:${i}`);

    const started = performance.now();
    for (let i = 0; i < POSTS; i++) await post(i, `bench:${i}`);
    const seconds = (performance.now() - started) / 1000;

    const posted = await client.ledgerTransaction.count();
    if (posted !== WARM_UP + POSTS) throw new Error(`expected ${WARM_UP + POSTS} transactions, found ${posted}`);
    printFigure("ledger", "post_per_s", Math.round(POSTS / seconds), "tx/s", POSTS);
  } finally {
    await cleanup();
  }
}
