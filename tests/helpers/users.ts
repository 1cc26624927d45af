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
