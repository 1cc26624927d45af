import { db } from "~/db.server";

/** The organisation's settings row; the service still renders (with defaults) before seeding. */
export async function getSettings() {
  return db().organisationSettings.findUnique({ where: { id: 1 } });
}
