import { db } from "~/db.server";

/** The organisation's settings row; the service still renders (with defaults) before seeding. */
export async function getSettings() {
  return db().organisationSettings.findUnique({ where: { id: 1 } });
}

const LAYOUT_TTL_MS = 30_000;
let layoutCache: { expiresAt: number; value: Promise<{ fundName: string | null }> } | undefined;

/**
 * What every page's layout shows from the settings (the fund's name), read at most every 30 s per
 * process: the row changes only when IT edits it, and every page view would otherwise query it.
 */
export function layoutSettings(now = Date.now()): Promise<{ fundName: string | null }> {
  if (!layoutCache || layoutCache.expiresAt <= now) {
    const value = getSettings().then((s) => ({ fundName: s?.fundName ?? null }));
    layoutCache = { expiresAt: now + LAYOUT_TTL_MS, value };
    // A failed read is not kept.
    value.catch(() => (layoutCache = undefined));
  }
  return layoutCache.value;
}
