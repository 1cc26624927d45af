import { db } from "~/db.server";
import { perRequest } from "~/utils/request-memo.server";

/** The organisation's settings row (read once per page view); the service still renders (with defaults) before seeding. */
export async function getSettings() {
  return perRequest("settings", () => db().organisationSettings.findUnique({ where: { id: 1 } }));
}
