import { describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";

useTestDatabase();

describe("migrations", () => {
  it("create the chart of accounts and the allocation lock", async () => {
    const accounts = await db().ledgerAccount.findMany({ orderBy: { code: "asc" } });
    expect(accounts.map((a) => a.code)).toContain("fund_bank");
    expect(accounts.map((a) => a.code)).toContain("grants_committed");
    expect(await db().ledgerLock.findUnique({ where: { id: "fund" } })).toMatchObject({ version: 0 });
  });
});
