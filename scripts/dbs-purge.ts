// `npm run jobs:dbs-purge`: remove the certificate number of every DBS check recorded long enough ago
// (OrganisationSettings.dbsPurgeMonths UK calendar months after the decision, 6 by default), keeping level, date and outcome. Each check is purged
// once, even if two runs overlap; safe to run as often as you like, e.g. daily from cron.
import { disconnectDb } from "../app/db.server.ts";
import { dbsPurgeMonths, purgeDbsCertificates } from "../app/services/mentoring-gates.server.ts";

try {
  const purged = await purgeDbsCertificates(new Date(), await dbsPurgeMonths());
  console.log(`DBS certificate numbers purged: ${purged}`);
} finally {
  await disconnectDb();
}
