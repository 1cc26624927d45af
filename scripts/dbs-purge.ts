// `npm run jobs:dbs-purge`: remove the certificate number of every DBS check recorded long enough ago
// (OrganisationSettings.dbsPurgeMonths UK calendar months after the decision, 6 by default), keeping level, date and outcome. Each check is purged
// once, even if two runs overlap; safe to run as often as you like, e.g. daily from cron. Runs under the
// "dbs-purge" job lock: on several servers, only one runs it at a time (app/services/job-lock.server.ts).
import { disconnectDb } from "../app/db.server.ts";
import { dbsPurgeMonths, purgeDbsCertificates } from "../app/services/mentoring-gates.server.ts";
import { runLockedJob } from "../app/services/job-lock.server.ts";

try {
  console.log(
    await runLockedJob("dbs-purge", async () => `DBS certificate numbers purged: ${await purgeDbsCertificates(new Date(), await dbsPurgeMonths())}`),
  );
} finally {
  await disconnectDb();
}
