// `npm run jobs:retention`: apply every retention clock in OrganisationSettings once (expired sign-in codes
// and sessions, DBS certificate numbers, unsuccessful applications, Gift Aid records, grant records,
// mentoring records). Each clock only touches what is still there, so it is safe to run as often as you
// like, e.g. daily from cron; `npm run jobs` runs it too.
import { disconnectDb } from "../app/db.server.ts";
import { applyRetention, retentionRunLine } from "../app/services/retention.server.ts";

try {
  const now = new Date();
  console.log(retentionRunLine(await applyRetention(now), now));
} finally {
  await disconnectDb();
}
