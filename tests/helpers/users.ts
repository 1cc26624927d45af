// People for the integration tests: a person and a sign-in account holding these roles, with an
// email no other call in the file uses. The caller's database comes from useTestDatabase().
import type { Role } from "~/domain/roles";
import { db } from "~/db.server";

export type TestUser = { userId: string; roles: Role[]; email: string; name: string };

let n = 0;

export async function makeUser(firstName: string, roles: Role[], lastName = "Test"): Promise<TestUser> {
  n++;
  const email = `${firstName.toLowerCase()}.${n}@test.example`;
  const person = await db().person.create({ data: { firstName, lastName, email } });
  const user = await db().user.create({ data: { personId: person.id, email, roles: { create: roles.map((role) => ({ role })) } } });
  return { userId: user.id, roles, email, name: `${firstName} ${lastName}` };
}

/** The demo data as seeded on 15 September 2026, and the user id of Alex Morgan (an employee without a pledge). */
export async function seededWithAlex(): Promise<string> {
  const { seed } = await import("../../prisma/seed");
  await seed(db(), { now: new Date("2026-09-15T10:00:00Z") });
  return (await db().user.findUniqueOrThrow({ where: { email: "alex.morgan@council.example" } })).id;
}
