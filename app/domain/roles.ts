// The roles a user can hold (several at once) and what each is called on screen.
export const ROLES = ["employee", "panel", "finance", "coordinator", "young_person", "personal_adviser", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  employee: "Council employee",
  panel: "Panel member",
  finance: "Finance officer",
  coordinator: "Programme coordinator",
  young_person: "Young person",
  personal_adviser: "Personal adviser",
  admin: "Administrator",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function hasAnyRole(held: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((r) => held.includes(r));
}
