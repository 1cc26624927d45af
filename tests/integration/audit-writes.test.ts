// Audit entries that belong to no other write (page views, exports) are committed together when they
// happen at the same moment: every one is written, each caller waits for its own commit, and a failed
// commit fails every caller in it.
import { afterEach, describe, expect, it, vi } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { audit, auditAlone } from "~/services/audit.server";

useTestDatabase();

afterEach(() => vi.restoreAllMocks());

const view = (i: number) => ({ actorUserId: `user-${i}`, actorRole: "panel", action: "application.viewed.pseudonymised", entityType: "SupportApplication", entityId: `app-${i}` });

describe("audit entries written alone", () => {
  it("writes twenty views of the same moment in one statement, each with its own id, before any caller goes on", async () => {
    const client = db();
    const statements = vi.spyOn(client, "$executeRaw");
    const writes = Array.from({ length: 20 }, (_, i) => auditAlone(view(i)).then(async () => client.auditLog.count({ where: { entityId: `app-${i}` } })));
    // Each caller, once its promise resolves, already finds its own entry.
    expect(await Promise.all(writes)).toEqual(Array.from({ length: 20 }, () => 1));
    expect(statements).toHaveBeenCalledTimes(1);
    const rows = await client.auditLog.findMany({ where: { action: "application.viewed.pseudonymised" } });
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.id)).size).toBe(20);
    expect(rows.map((r) => r.actorUserId).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `user-${i}`).sort());
  });

  it("writes views that come one after another each in its own commit", async () => {
    const client = db();
    const statements = vi.spyOn(client, "$executeRaw");
    await auditAlone(view(100));
    await auditAlone(view(101));
    expect(statements).toHaveBeenCalledTimes(2);
    expect(await client.auditLog.count({ where: { entityId: { in: ["app-100", "app-101"] } } })).toBe(2);
  });

  it("fails every caller whose entry was not committed, and the next views are written again", async () => {
    const client = db();
    vi.spyOn(client, "$executeRaw").mockRejectedValueOnce(new Error("disk full"));
    const results = await Promise.allSettled([auditAlone(view(200)), auditAlone(view(201))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(await client.auditLog.count({ where: { entityId: { in: ["app-200", "app-201"] } } })).toBe(0);
    await auditAlone(view(202));
    expect(await client.auditLog.count({ where: { entityId: "app-202" } })).toBe(1);
  });

  it("keeps an entry made inside a transaction with that transaction: rolled back with it", async () => {
    const client = db();
    await expect(
      client.$transaction(async (tx) => {
        await audit(view(300), tx);
        throw new Error("the write it belongs to failed");
      }),
    ).rejects.toThrow("the write it belongs to failed");
    expect(await client.auditLog.count({ where: { entityId: "app-300" } })).toBe(0);
  });
});
