// Who is signed in: the session cookie → the user with their roles, or nobody (unknown, expired or
// deactivated). Every page's guard rests on this.
import { describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { makeUser } from "../helpers/users";
import { getOptionalUser } from "~/utils/auth.server";
import { startSession } from "~/utils/session.server";

useTestDatabase();

const requestWith = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0] } });

describe("getOptionalUser", () => {
  it("finds the user, their names and every role", async () => {
    const user = await makeUser("Pat", ["panel", "finance"]);
    const found = await getOptionalUser(requestWith(await startSession(user.userId)));
    expect(found).toMatchObject({ id: user.userId });
    expect([...(found?.roles ?? [])].sort()).toEqual(["finance", "panel"]);
    expect(found?.firstName).toBe("Pat");
  });

  it("is nobody for an expired session, a deactivated user, an unknown or missing cookie", async () => {
    const user = await makeUser("Eve", ["employee"]);
    const longAgo = new Date(Date.now() - 400 * 86_400_000);
    expect(await getOptionalUser(requestWith(await startSession(user.userId, longAgo)))).toBeNull();
    const cookie = await startSession(user.userId);
    await db().user.update({ where: { id: user.userId }, data: { active: false } });
    expect(await getOptionalUser(requestWith(cookie))).toBeNull();
    expect(await getOptionalUser(requestWith("hh_session=nonsense"))).toBeNull();
    expect(await getOptionalUser(new Request("http://localhost/"))).toBeNull();
  });
});
