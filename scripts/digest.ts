// `npm run jobs:digest`: email last month's digest to every employee who asked for it and has not had
// it yet (each person once per month, even if two runs overlap). Safe to run daily, e.g. from cron:
// once everyone has this month's, a run sends nothing until the next month. Runs under the "digest" job
// lock: on several servers, only one runs it at a time (app/services/job-lock.server.ts).
import { disconnectDb } from "../app/db.server.ts";
import { digestRunLine, sendMonthlyDigest } from "../app/services/digest.server.ts";
import { runLockedJob } from "../app/services/job-lock.server.ts";

try {
  console.log(await runLockedJob("digest", async () => digestRunLine(await sendMonthlyDigest(new Date()))));
} finally {
  await disconnectDb();
}
