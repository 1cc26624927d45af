// The impact page's figures, kept in memory for a minute (issue 9). Each figure is an aggregate over a
// year of ledger entries, awards, hours and mentoring; the page is public and busy, the figures change
// a few times a day.
//
// Key: what was asked (name) + the period + the suppression threshold, so a settings change to the
// threshold, or a new UK month, is a new entry at once. Invalidation:
// - TTL 60 s: with several app servers (or a job in another process, e.g. `npm run jobs`) this bounds
//   how stale a server's figures can be.
// - invalidateImpact(): clears every entry on this server. server/app.ts calls it after every
//   successful state-changing request (POST etc.), so on one server any write through the app — a
//   Stripe card gift, a payroll reconciliation, a grant payment or cancellation, a reversal, approved
//   hours, a mentoring match or session, a story published or withdrawn — shows at once. Services that
//   write outside a request in this process (none today) should call it after their commit.
// The store sits on globalThis because the same code is loaded twice in one process: once inside the
// Remix build and once by server/app.ts (through tsx), and both must clear the one cache.
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { addMonths, monthLabel, monthsPeriod } from "~/domain/impact/figures";
import {
  awardsByCategory,
  campaignFigures,
  giveBackResponses,
  impactThreshold,
  mentoringFigures,
  moneyByMonth,
  timeGiven,
  type Period,
} from "~/services/impact-figures.server";

export const IMPACT_CACHE_TTL_MS = 60_000;

type Entry = { expiresAt: number; value: Promise<unknown> };
const STORE_KEY = Symbol.for("helping-hands.impact-cache");
const store = ((globalThis as Record<symbol, unknown>)[STORE_KEY] ??= new Map<string, Entry>()) as Map<string, Entry>;

export const impactCacheKey = (name: string, period: Period, threshold: number) =>
  `${name}|${period.from.toISOString()}|${period.to.toISOString()}|${threshold}`;

/**
 * The cached value for (name, period, threshold), or `compute()` stored for the TTL. Concurrent callers
 * share one computation (the promise is stored); a failed computation is not kept.
 */
export function cachedImpact<T>(name: string, period: Period, threshold: number, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  const key = impactCacheKey(name, period, threshold);
  const hit = store.get(key);
  if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
  for (const [k, e] of store) if (e.expiresAt <= now) store.delete(k); // keys change monthly; keep the map small
  const value = compute();
  const entry = { expiresAt: now + IMPACT_CACHE_TTL_MS, value };
  store.set(key, entry);
  value.catch(() => {
    if (store.get(key) === entry) store.delete(key);
  });
  return value;
}

/** Forget every cached figure on this server (see the top of this file for who calls it). */
export function invalidateImpact(): void {
  store.clear();
}

/**
 * Everything the impact page shows apart from its stories, for the last 12 UK months up to `now`:
 * cached per period and threshold (the threshold is read each time, so a change applies at once).
 */
export async function impactPageFigures(now: Date) {
  const threshold = await impactThreshold();
  const last = ukDayKey(now).slice(0, 7);
  const first = addMonths(last, -11);
  const period = monthsPeriod(first, last);
  return cachedImpact("impact-page", period, threshold, async () => {
    const [money, awards, time, mentoring, campaigns, giveBack] = await Promise.all([
      moneyByMonth(period, threshold),
      awardsByCategory(period, threshold),
      timeGiven(period),
      mentoringFigures(period, threshold),
      campaignFigures(now),
      giveBackResponses(period, threshold),
    ]);
    return {
      threshold,
      months: { first: monthLabel(first), last: monthLabel(last) },
      money,
      awards,
      time,
      mentoring,
      campaigns,
      giveBack,
    };
  });
}
