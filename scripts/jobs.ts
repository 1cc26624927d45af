// `npm run jobs`: every scheduled job in turn — follow-ups, the DBS purge, the monthly digest — each
// printing one line. Each job is safe to repeat and to overlap with another run, so one cron entry can
// run this daily. A job that fails is reported and the rest still run; the exit code is then 1.
import { disconnectDb } from "../app/db.server.ts";
import { digestRunLine, sendMonthlyDigest } from "../app/services/digest.server.ts";
import { sendDueFollowUps } from "../app/services/follow-ups.server.ts";
import { dbsPurgeMonths, purgeDbsCertificates } from "../app/services/mentoring-gates.server.ts";

const JOBS: { name: string; run: (now: Date) => Promise<string> }[] = [
  { name: "follow-ups", run: async (now) => `follow-ups sent: ${await sendDueFollowUps(now)}` },
  { name: "dbs-purge", run: async (now) => `DBS certificate numbers purged: ${await purgeDbsCertificates(now, await dbsPurgeMonths())}` },
  { name: "digest", run: async (now) => digestRunLine(await sendMonthlyDigest(now)) },
];

let failed = false;
try {
  for (const job of JOBS) {
    try {
      console.log(await job.run(new Date()));
    } catch (error) {
      failed = true;
      console.error(`${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
} finally {
  await disconnectDb();
}
if (failed) process.exitCode = 1;
