// `npm run jobs:follow-ups`: email every follow-up that is due and not yet sent (each once, even if
// two runs overlap). Safe to run as often as you like, e.g. daily from cron. Runs under the "follow-ups"
// job lock: on several servers, only one runs it at a time (app/services/job-lock.server.ts).
import { disconnectDb } from "../app/db.server.ts";
import { sendDueFollowUps } from "../app/services/follow-ups.server.ts";
import { runLockedJob } from "../app/services/job-lock.server.ts";

try {
  console.log(await runLockedJob("follow-ups", async () => `follow-ups sent: ${await sendDueFollowUps(new Date())}`));
} finally {
  await disconnectDb();
}
