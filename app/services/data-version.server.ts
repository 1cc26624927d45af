// Values worked out from data that a `DataVersion` counter stands for, kept per process and keyed by that
// counter (docs/decisions/0021-data-versions.md). Database triggers raise a counter in the same transaction
// as every write to its data, so a write through any app server (or plain SQL) is a new key at once.
import { db } from "~/db.server";

/** The counters the migrations create, each with the triggers that raise it. */
export type DataName = "pledges" | "panel";

/**
 * Every counter as read at the start of a request, with "who is signed in" (app/utils/auth.server.ts), so a
 * signed-in page view makes one statement less; null where a counter is missing.
 */
export type DataVersions = Readonly<Record<DataName, number | null>>;

/**
 * The data's committed version, or null when its counter is missing (then nothing may be cached). Never read
 * inside a transaction: a counter raised by a write that then rolls back would be used again by the next.
 */
export async function dataVersion(name: DataName): Promise<number | null> {
  const [row] = await db().$queryRaw<{ version: number | bigint }[]>`SELECT "version" FROM "DataVersion" WHERE "name" = ${name}`;
  return row ? Number(row.version) : null;
}

/**
 * The minute `now` falls in, for the key of a value that also depends on the clock (periods still open,
 * "decided in the last 30 days"): such an entry is never used outside the minute it was worked out in.
 */
export const minuteOf = (now: Date) => Math.floor(now.getTime() / 60_000);

export type VersionedCache<T> = {
  /**
   * The value for `key` at the data's current version: kept, or worked out by `compute` and kept. The
   * counter is read before the data (or given, as read earlier in the request), so a write that commits in
   * between makes a new key, never a stale entry. `compute` is told the version it is keyed by.
   */
  read(key: string, compute: (version: number | null) => Promise<T>, versions?: Partial<DataVersions>): Promise<T>;
};

/** A cache of at most `size` entries (the oldest goes first) for values worked out from `name`'s data. */
export function createVersionedCache<T>(name: DataName, size: number): VersionedCache<T> {
  const entries = new Map<string, Promise<T>>();
  return {
    async read(key, compute, versions) {
      const given = versions?.[name];
      const version = given !== undefined ? given : await dataVersion(name);
      if (version === null) return compute(null);
      const versioned = `${key}|${version}`;
      const kept = entries.get(versioned);
      if (kept) return kept;
      // The promise is kept, so requests that miss together work the value out once.
      const value = compute(version);
      if (entries.size >= size) entries.delete(entries.keys().next().value!);
      entries.set(versioned, value);
      // A failed computation is not kept: the next request tries again.
      value.catch(() => entries.get(versioned) === value && entries.delete(versioned));
      return value;
    },
  };
}
