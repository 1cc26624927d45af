// `npm run jobs:retention`: apply every retention clock in OrganisationSettings once (expired sign-in codes
// and sessions, DBS certificate numbers, unsuccessful applications, Gift Aid records, grant records,
// mentoring records). Each clock only touches what is still there, so it is safe to run as often as you
// like, e.g. daily from cron; `npm run jobs` runs it too. Runs under the "retention" job lock: on several
// servers, only one runs it at a time (app/services/job-lock.server.ts).
import { disconnectDb } from "../app/db.server.ts";
import { applyRetention, retentionRunLine } from "../app/services/retention.server.ts";
import { runLockedJob } from "../app/services/job-lock.server.ts";

try {
  const now = new Date();
  console.log(await runLockedJob("retention", async () => retentionRunLine(await applyRetention(now), now)));
} finally {
  await disconnectDb();
}
