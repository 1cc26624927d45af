// `npm run jobs`: every scheduled job in turn — follow-ups, the DBS purge, the monthly digest, retention — each
// printing one line. Each job is safe to repeat and to overlap with another run, so one cron entry can
// run this daily. With several app servers each may run it: a job takes its lease in the JobLock table
// first, and one that another server is running is skipped ("digest: skipped, another server is running it").
// A job that fails is reported and the rest still run; the exit code is then 1.
import { disconnectDb } from "../app/db.server.ts";
import { digestRunLine, sendMonthlyDigest } from "../app/services/digest.server.ts";
import { sendDueFollowUps } from "../app/services/follow-ups.server.ts";
import { dbsPurgeMonths, purgeDbsCertificates } from "../app/services/mentoring-gates.server.ts";
import { applyRetention, retentionRunLine } from "../app/services/retention.server.ts";
import { runLockedJob } from "../app/services/job-lock.server.ts";

const JOBS: { name: string; run: (now: Date) => Promise<string> }[] = [
  { name: "follow-ups", run: async (now) => `follow-ups sent: ${await sendDueFollowUps(now)}` },
  { name: "dbs-purge", run: async (now) => `DBS certificate numbers purged: ${await purgeDbsCertificates(now, await dbsPurgeMonths())}` },
  { name: "digest", run: async (now) => digestRunLine(await sendMonthlyDigest(now)) },
  // The retention clocks (issue 10); its DBS clock finds nothing left after dbs-purge above.
  { name: "retention", run: async (now) => retentionRunLine(await applyRetention(now), now) },
];

let failed = false;
try {
  for (const job of JOBS) {
    try {
      console.log(await runLockedJob(job.name, () => job.run(new Date())));
    } catch (error) {
      failed = true;
      console.error(`${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
} finally {
  await disconnectDb();
}
if (failed) process.exitCode = 1;
