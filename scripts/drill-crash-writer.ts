// The child process of the crash and backup drills: posts up to <count> card gifts through the ledger
// service, one after another, and prints "committed <ref>" after each post returns.
//   tsx scripts/drill-crash-writer.ts <database url> <count> <ref prefix>
// The line is written with fs.writeSync so it is in the pipe before the next post starts: whatever
// the parent has read was committed, and at most the one post in flight is unreported.
import fs from "node:fs";
import { createPrismaClient } from "../app/db.server.ts";
import { postTransaction } from "../app/services/ledger.server.ts";
import { pence } from "../app/domain/money.ts";
import type { TransactionDraft } from "../app/domain/ledger/index.ts";

/** A card gift net of the card fee: three entries that sum to zero. Amounts vary so totals mean something. */
function cardGift(i: number): TransactionDraft {
  const amount = 500 + (i % 97) * 25;
  const fee = 20 + (i % 7);
  return {
    entries: [
      { account: "fund_bank", amount: pence(amount - fee) },
      { account: "fees", amount: pence(fee) },
      { account: "card_income", amount: pence(-amount) },
    ],
  };
}

const [url, countArg, prefix] = process.argv.slice(2);
const count = Number(countArg);
if (!url || !Number.isInteger(count) || count < 1 || !prefix) {
  console.error("usage: drill-crash-writer.ts <database url> <count> <ref prefix>");
  process.exit(2);
}

const client = createPrismaClient(url);
const occurredAt = new Date("2026-04-01T12:00:00Z");
for (let i = 0; i < count; i++) {
  const ref = `${prefix}:${i}`;
  const { created } = await postTransaction(cardGift(i), {
    client,
    kind: "card_donation",
    description: "Drill card gift",
    occurredAt,
    externalRef: ref,
  });
  if (!created) throw new Error(`${ref} was already posted: the drill needs a fresh prefix`);
  fs.writeSync(1, `committed ${ref}\n`);
}
await client.$disconnect();
fs.writeSync(1, "done\n");
