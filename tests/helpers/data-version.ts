// For the tests of caches keyed by a data version (app/services/data-version.server.ts).
import { expect, vi } from "vitest";
import { db } from "./db";
import { dataVersion, type DataName } from "~/services/data-version.server";

/** How many SQL statements `view` makes through the client: a view served from a cache makes one (the counter). */
export async function statementsOf(view: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(db(), "$queryRaw");
  try {
    await view();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

/** Checks, one write after another, that each raises `name`'s counter or leaves it as it was. */
export async function versionWatch(name: DataName) {
  const version = async () => (await dataVersion(name))!;
  let last = await version();
  return {
    async after(write: () => Promise<unknown>, rises: boolean) {
      await write();
      const now = await version();
      if (rises) expect(now, `${name} should have risen`).toBeGreaterThan(last);
      else expect(now, `${name} should not have moved`).toBe(last);
      last = now;
    },
  };
}
