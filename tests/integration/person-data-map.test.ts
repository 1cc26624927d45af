// The person-data map against the schema: every column that refers to a person (a key to User, Person or
// EmployeeRecord, a userId/personId/…Id of someone, an email address, a JSON list of user ids) must be in
// PERSON_DATA_MAP, so a new feature cannot hold someone's data that a subject access export or an
// erasure would miss. Reads prisma/schema.prisma as text: no database needed.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERSON_DATA_MAP } from "~/services/person-data.server";

type Field = { name: string; type: string; list: boolean; relationFields: string[] };

function parseSchema(text: string): Map<string, Map<string, Field>> {
  const models = new Map<string, Map<string, Field>>();
  let current: Map<string, Field> | null = null;
  for (const line of text.split("\n")) {
    const start = /^model (\w+) \{/.exec(line);
    if (start) {
      current = new Map();
      models.set(start[1], current);
      continue;
    }
    if (/^\}/.test(line)) current = null;
    const field = current && /^ {2}(\w+)\s+(\w+)(\[\])?\??/.exec(line);
    if (current && field) {
      const rel = /@relation\([^)]*fields:\s*\[([^\]]*)\]/.exec(line);
      current.set(field[1], {
        name: field[1],
        type: field[2],
        list: !!field[3],
        relationFields: rel ? rel[1].split(",").map((s) => s.trim()) : [],
      });
    }
  }
  return models;
}

const schema = parseSchema(fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8"));

const PERSON_MODELS = new Set(["User", "Person", "EmployeeRecord"]);
/** Column names that hold a person's id or address by convention. */
const PERSON_COLUMN = /^(userId|personId|employeeId|youngPersonId|adviserId|memberId|authorId|actorId|volunteerId|chairId|email|to)$|(UserId|ById|ByIds|Email|Ids)$/;
/** Columns the pattern catches that do not refer to a person, and why. */
const NOT_A_PERSON: Record<string, string> = {
  "MenteeProfile.ownTeamIds": "team ids, not people",
};

/** Every column of the schema that refers to a person. */
function personColumns(): string[] {
  const out = new Set<string>();
  for (const [model, fields] of schema) {
    for (const f of fields.values()) {
      if (PERSON_MODELS.has(f.type)) for (const fk of f.relationFields) out.add(`${model}.${fk}`);
      const scalar = !schema.has(f.type);
      if (scalar && f.type === "String" && PERSON_COLUMN.test(f.name)) out.add(`${model}.${f.name}`);
    }
  }
  for (const k of Object.keys(NOT_A_PERSON)) out.delete(k);
  return [...out].sort();
}

/** Follows "pledge.employeeId" / "donations.some.id" through the schema's relations; the last segment must be a column. */
function resolves(model: string, fieldPath: string): boolean {
  let fields = schema.get(model);
  const parts = fieldPath.split(".");
  for (let i = 0; i < parts.length; i++) {
    if (!fields) return false;
    const part = parts[i];
    if (["some", "every", "none", "is"].includes(part)) continue;
    const f = fields.get(part);
    if (!f) return false;
    if (i === parts.length - 1) return !schema.has(f.type);
    fields = schema.get(f.type);
  }
  return false;
}

describe("PERSON_DATA_MAP", () => {
  it("finds the schema's person columns (the test itself works)", () => {
    const cols = personColumns();
    // A sample across features: if the parser broke, these would vanish and the next test would pass vacuously.
    for (const c of ["Donation.donorEmail", "Pledge.employeeId", "SupportApplication.youngPersonId", "PanelMeeting.attendeeIds", "AuditLog.actorUserId", "User.personId"]) {
      expect(cols).toContain(c);
    }
    expect(cols.length).toBeGreaterThan(60);
  });

  it("mentions every column of the schema that refers to a person", () => {
    const mapped = new Set(PERSON_DATA_MAP.flatMap((e) => e.by.filter((r) => !r.field.includes(".")).map((r) => `${e.model}.${r.field}`)));
    const missing = personColumns().filter((c) => !mapped.has(c));
    expect(missing, "add these to PERSON_DATA_MAP (app/services/person-data.server.ts), or to NOT_A_PERSON here with a reason").toEqual([]);
  });

  it("lists each model once, and only models and columns that exist", () => {
    const models = PERSON_DATA_MAP.map((e) => e.model);
    expect(new Set(models).size).toBe(models.length);
    const problems: string[] = [];
    for (const e of PERSON_DATA_MAP) {
      const fields = schema.get(e.model);
      if (!fields) {
        problems.push(`${e.model}: no such model`);
        continue;
      }
      for (const r of e.by) if (!resolves(e.model, r.field)) problems.push(`${e.model}.by ${r.field}`);
      for (const f of [...e.personal, ...(e.withheld ?? []), ...(e.actorView ?? [])]) if (!fields.has(f)) problems.push(`${e.model}: no column ${f}`);
    }
    expect(problems).toEqual([]);
  });

  it("refers to another model's rows only after that model is listed, and finds emails in plain columns of tables with an id", () => {
    const problems: string[] = [];
    PERSON_DATA_MAP.forEach((e, i) => {
      for (const r of e.by) {
        if (r.from.endsWith(".id") && r.from !== "*.id") {
          const other = r.from.slice(0, -3);
          const at = PERSON_DATA_MAP.findIndex((x) => x.model === other);
          if (at < 0 || at >= i) problems.push(`${e.model}.${r.field} from ${r.from}`);
        }
        if (r.from === "*.id" && i !== PERSON_DATA_MAP.length - 1) problems.push(`${e.model}: "*.id" only in the last entry`);
        if (r.from === "email" && (r.field.includes(".") || !schema.get(e.model)?.has("id"))) problems.push(`${e.model}.${r.field}: email lookups need a plain column and an id`);
      }
    });
    expect(problems).toEqual([]);
  });

  it("says how every model holding a person's free text or identity is reached: a subject reference for each", () => {
    // A model whose only references are "actor" ones cannot have personal columns: nothing would find its subject.
    const bad = PERSON_DATA_MAP.filter((e) => e.personal.length > 0 && e.by.every((r) => r.as === "actor")).map((e) => e.model);
    expect(bad).toEqual([]);
  });
});
