// driverRows (app/db.server.ts): one read-only statement straight to the driver Prisma uses, as the sign-in
// lookup reads. Same rows as Prisma would give, parameters bound (never spliced into the SQL), and it follows
// the client when Prisma disconnects and connects again.
import { describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { makeUser } from "../helpers/users";
import { createPrismaClient, driverRows } from "~/db.server";
import { startSession } from "~/utils/session.server";

useTestDatabase();

type Row = { id: string; email: string; active: boolean | number; expiresAt: string };
const sessionRows = (id: string) =>
  driverRows<Row>(db(), (param) => `SELECT u."id", u."email", u."active", s."expiresAt" FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ${param(1)}`, [id]);

describe("driverRows", () => {
  it("gives the rows by column name, with the parameter bound", async () => {
    const user = await makeUser("Dana", ["employee"]);
    await startSession(user.userId);
    const session = await db().session.findFirstOrThrow({ where: { userId: user.userId } });
    const rows = await sessionRows(session.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: user.userId, email: user.email });
    expect(Boolean(rows[0].active)).toBe(true);
    expect(new Date(rows[0].expiresAt).getTime()).toBe(session.expiresAt.getTime());
    // A value that would change the statement if it were spliced in finds nothing.
    expect(await sessionRows(`' OR '1'='1`)).toEqual([]);
    expect(await sessionRows(`${session.id}' --`)).toEqual([]);
  });

  it("connects a client that has not connected yet, and again after a disconnect", async () => {
    const client = createPrismaClient(process.env.DATABASE_URL!);
    try {
      const count = () => driverRows<{ n: number | bigint }>(client, () => `SELECT COUNT(*) AS "n" FROM "User"`, []);
      const before = Number((await count())[0].n);
      expect(before).toBeGreaterThan(0);
      await client.$disconnect();
      await makeUser("Eli", ["employee"]);
      expect(Number((await count())[0].n)).toBe(before + 1);
    } finally {
      await client.$disconnect();
    }
  });

  it("refuses a client it did not make", async () => {
    const { PrismaClient } = await import("~/generated/prisma/client.ts");
    await expect(driverRows(Object.create(PrismaClient.prototype), () => "SELECT 1", [])).rejects.toThrow("createPrismaClient");
  });
});
