// `npm run jobs:follow-ups`: email every follow-up that is due and not yet sent (each once, even if
// two runs overlap). Safe to run as often as you like, e.g. daily from cron.
import { disconnectDb } from "../app/db.server.ts";
import { sendDueFollowUps } from "../app/services/follow-ups.server.ts";

try {
  const sent = await sendDueFollowUps(new Date());
  console.log(`follow-ups sent: ${sent}`);
} finally {
  await disconnectDb();
}
