// The demo users, one per role (plus a second employee for "another employee" checks).
// README, the seed, the route × role test and the browser journeys all read this list.
import type { Role } from "../app/domain/roles.ts";

export type DemoAccount = { key: string; email: string; firstName: string; lastName: string; roles: Role[] };

export const DEMO_ACCOUNTS = [
  { key: "employee", email: "alex.morgan@council.example", firstName: "Alex", lastName: "Morgan", roles: ["employee"] },
  { key: "employee2", email: "sam.patel@council.example", firstName: "Sam", lastName: "Patel", roles: ["employee"] },
  { key: "panel", email: "priya.shah@council.example", firstName: "Priya", lastName: "Shah", roles: ["panel"] },
  { key: "finance", email: "fin.officer@council.example", firstName: "Morgan", lastName: "Lee", roles: ["finance"] },
  { key: "coordinator", email: "coordinator@council.example", firstName: "Chris", lastName: "Taylor", roles: ["coordinator"] },
  { key: "young_person", email: "jordan@young.example", firstName: "Jordan", lastName: "Reed", roles: ["young_person"] },
  { key: "personal_adviser", email: "pa.khan@council.example", firstName: "Aisha", lastName: "Khan", roles: ["personal_adviser"] },
  { key: "admin", email: "admin@council.example", firstName: "Robin", lastName: "Admin", roles: ["admin"] },
] as const satisfies readonly DemoAccount[];

export type DemoKey = (typeof DEMO_ACCOUNTS)[number]["key"];

export function demoAccount(key: DemoKey): DemoAccount {
  const found = DEMO_ACCOUNTS.find((a) => a.key === key);
  if (!found) throw new Error(`no demo account ${key}`);
  return found;
}
