// The data inventory (docs/data-inventory.md) as data, and the check that keeps it in step with
// prisma/schema.prisma (issue 10). Pure: both files come in as strings, so a test can feed in a
// schema with a field the inventory does not list and see the check fail.
//
// The inventory's format is described at the top of docs/data-inventory.md; this file is its parser.

import { ROLES } from "~/domain/roles";

// ─────────────────────────────────────────── the schema ───────────────────────────────────────────

export type SchemaField = {
  name: string;
  /** The base type, without `?` or `[]`. */
  type: string;
  /** A navigation field to another model: it has no column, so the inventory lists its foreign key instead. */
  relation: boolean;
};
export type SchemaModel = { name: string; fields: SchemaField[] };

/** Models and their fields from a Prisma schema. Comments, attributes (`@@…`) and non-model blocks are skipped. */
export function parsePrismaSchema(schema: string): SchemaModel[] {
  const models: SchemaModel[] = [];
  let current: SchemaModel | null = null;
  let otherBlock = false;
  for (const raw of schema.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, "").trim();
    if (!line) continue;
    const opening = /^(model|enum|type|view|generator|datasource)\s+(\w+)\s*\{$/.exec(line);
    if (opening) {
      if (opening[1] === "model") models.push((current = { name: opening[2], fields: [] }));
      else otherBlock = true;
      continue;
    }
    if (line === "}") {
      current = null;
      otherBlock = false;
      continue;
    }
    if (!current || otherBlock || line.startsWith("@@")) continue;
    const field = /^(\w+)\s+(\w+)(\[\])?(\?)?/.exec(line);
    if (field) current.fields.push({ name: field[1], type: field[2], relation: false });
  }
  const names = new Set(models.map((m) => m.name));
  for (const m of models) for (const f of m.fields) f.relation = names.has(f.type);
  return models;
}

// ───────────────────────────────────────── the inventory ──────────────────────────────────────────

export const COLUMNS = ["Field", "Data", "Personal", "Purpose", "Lawful basis", "Who can see it", "Retention", "Audiences"] as const;

/** `special category`: UK GDPR art. 9 (or data we treat as such, e.g. care history). `criminal offence`: art. 10 (DBS). */
export const PERSONAL_KINDS = ["no", "yes", "special category", "criminal offence"] as const;
export type PersonalKind = (typeof PERSONAL_KINDS)[number];

/** Whose notice a row belongs in: the people the data is about. */
export const AUDIENCES = ["staff", "donor", "young_person"] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Who can see a field: a role, the person it is about, anyone, or no screen at all (the service only). */
export const VIEWERS = [...ROLES, "self", "public", "nobody"] as const;
export type Viewer = (typeof VIEWERS)[number];
export type Sight = { viewer: Viewer; note: string | null };

export type InventoryRow = {
  model: string;
  field: string;
  data: string;
  personal: PersonalKind;
  purpose: string;
  lawfulBasis: string;
  whoCanSee: Sight[];
  retention: string;
  audiences: Audience[];
  /** 1-based line in the inventory file, for messages. */
  line: number;
};
export type InventoryModel = { name: string; title: string; line: number; rows: InventoryRow[] };
export type Inventory = { models: InventoryModel[]; problems: string[] };

const NONE = "—";
const MODEL_HEADING = /^## Model: (\w+) — (.+)$/;

function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, "|"));
}

const list = (cell: string): string[] => (cell === NONE ? [] : cell.split(/,\s*(?![^()]*\))/).map((s) => s.trim()).filter(Boolean));

/** The UK GDPR articles a lawful-basis cell cites. */
export function basesOf(cell: string): { article6: string[]; article9: string[]; article10: boolean } {
  return {
    article6: [...cell.matchAll(/art\. 6\(1\)\(([a-f])\)/g)].map((m) => m[1]),
    article9: [...cell.matchAll(/art\. 9\(2\)\(([a-j])\)/g)].map((m) => m[1]),
    article10: /art\. 10\b/.test(cell),
  };
}

/** Settings named in a retention cell as `{settingName}`. */
export const settingsIn = (retention: string): string[] => [...retention.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

/**
 * Parses the inventory. Every `## Model: Name — Title` heading must be followed by one table with exactly
 * the COLUMNS; each row is checked for the rules in the file's header. Problems are returned, not thrown,
 * so the test can list them all at once.
 */
export function parseInventory(markdown: string): Inventory {
  const models: InventoryModel[] = [];
  const problems: string[] = [];
  let current: InventoryModel | null = null;
  let sawHeader = false;
  const lines = markdown.split(/\r?\n/);
  lines.forEach((text, i) => {
    const lineNo = i + 1;
    if (text.startsWith("## ")) {
      const heading = MODEL_HEADING.exec(text);
      current = heading ? { name: heading[1], title: heading[2].trim(), line: lineNo, rows: [] } : null;
      sawHeader = false;
      if (text.startsWith("## Model") && !heading) problems.push(`line ${lineNo}: a model heading must read "## Model: Name — Title"`);
      if (current) {
        if (models.some((m) => m.name === current!.name)) problems.push(`line ${lineNo}: model ${current.name} is listed twice`);
        models.push(current);
      }
      return;
    }
    if (!current || !text.trim().startsWith("|")) return;
    const row = cells(text);
    if (!sawHeader) {
      if (row.join("|") !== COLUMNS.join("|")) problems.push(`line ${lineNo}: ${current.name}'s table must have the columns ${COLUMNS.join(" | ")}`);
      sawHeader = true;
      return;
    }
    if (row.every((c) => /^:?-+:?$/.test(c))) return;
    const parsed = parseRow(current.name, row, lineNo, problems);
    if (parsed) {
      if (current.rows.some((r) => r.field === parsed.field)) problems.push(`line ${lineNo}: ${current.name}.${parsed.field} is listed twice`);
      current.rows.push(parsed);
    }
  });
  for (const m of models) if (m.rows.length === 0) problems.push(`line ${m.line}: ${m.name} has no table rows`);
  return { models, problems };
}

function parseRow(model: string, row: string[], line: number, problems: string[]): InventoryRow | null {
  const where = `line ${line} (${model}.${row[0] ?? "?"})`;
  if (row.length !== COLUMNS.length) {
    problems.push(`${where}: expected ${COLUMNS.length} cells, found ${row.length}`);
    return null;
  }
  const [fieldCell, data, personalCell, purpose, lawfulBasis, whoCell, retention, audienceCell] = row;
  const field = fieldCell.replace(/`/g, "");
  const before = problems.length;
  const personal = personalCell as PersonalKind;
  if (!(PERSONAL_KINDS as readonly string[]).includes(personal)) problems.push(`${where}: Personal must be one of ${PERSONAL_KINDS.join(", ")}`);
  if (!purpose || purpose === NONE) problems.push(`${where}: Purpose is empty`);
  if (!retention || retention === NONE) problems.push(`${where}: Retention is empty`);

  const whoCanSee: Sight[] = [];
  for (const item of list(whoCell)) {
    const m = /^([a-z_]+)(?:\s*\((.+)\))?$/.exec(item);
    if (!m || !(VIEWERS as readonly string[]).includes(m[1])) problems.push(`${where}: "${item}" is not a viewer (${VIEWERS.join(", ")}, each with an optional "(note)")`);
    else whoCanSee.push({ viewer: m[1] as Viewer, note: m[2] ?? null });
  }
  const audiences: Audience[] = [];
  for (const a of list(audienceCell)) {
    if (!(AUDIENCES as readonly string[]).includes(a)) problems.push(`${where}: "${a}" is not an audience (${AUDIENCES.join(", ")})`);
    else audiences.push(a as Audience);
  }

  if (personal !== "no") {
    const bases = basesOf(lawfulBasis);
    if (!data || data === NONE) problems.push(`${where}: a personal field needs a Data description`);
    if (bases.article6.length === 0) problems.push(`${where}: a personal field needs an art. 6(1)(x) lawful basis`);
    if (personal === "special category" && bases.article9.length === 0) problems.push(`${where}: special category data needs an art. 9(2)(x) condition`);
    if (personal === "criminal offence" && !bases.article10) problems.push(`${where}: criminal offence data needs its art. 10 condition`);
    if (whoCanSee.length === 0) problems.push(`${where}: say who can see a personal field`);
    if (audiences.length === 0) problems.push(`${where}: a personal field belongs in at least one audience's notice`);
  } else if (audiences.length > 0) {
    problems.push(`${where}: a field that is not personal is in no privacy notice (Audiences must be ${NONE})`);
  }
  if (problems.length > before) return null;
  return { model, field, data, personal, purpose, lawfulBasis, whoCanSee, retention, audiences, line };
}

// ─────────────────────────────────────────── the check ────────────────────────────────────────────

/**
 * Everything wrong between the schema and the inventory: the inventory's own format problems, each
 * model or column the inventory does not list, each row for something the schema no longer has (or
 * that is a relation, not a column), and each retention setting that OrganisationSettings lacks.
 */
export function checkInventory(schema: readonly SchemaModel[], inventory: Inventory): string[] {
  const problems = [...inventory.problems];
  const listed = new Map(inventory.models.map((m) => [m.name, m]));
  for (const model of schema) {
    const entry = listed.get(model.name);
    if (!entry) {
      problems.push(`model ${model.name} is missing from the inventory`);
      continue;
    }
    const rows = new Set(entry.rows.map((r) => r.field));
    for (const f of model.fields) if (!f.relation && !rows.has(f.name)) problems.push(`field ${model.name}.${f.name} is missing from the inventory`);
  }
  const known = new Map(schema.map((m) => [m.name, m]));
  const settings = new Set(known.get("OrganisationSettings")?.fields.map((f) => f.name) ?? []);
  for (const entry of inventory.models) {
    const model = known.get(entry.name);
    if (!model) {
      problems.push(`line ${entry.line}: model ${entry.name} is in the inventory but not in the schema`);
      continue;
    }
    for (const row of entry.rows) {
      const f = model.fields.find((x) => x.name === row.field);
      if (!f) problems.push(`line ${row.line}: field ${entry.name}.${row.field} is in the inventory but not in the schema`);
      else if (f.relation) problems.push(`line ${row.line}: ${entry.name}.${row.field} is a relation (no column): list its foreign key instead`);
      for (const s of settingsIn(row.retention)) {
        if (!settings.has(s)) problems.push(`line ${row.line}: ${entry.name}.${row.field}'s retention names {${s}}, which is not an OrganisationSettings field`);
      }
    }
  }
  return problems;
}

/** The personal rows whose notice is `audience`'s, grouped by model in the inventory's order. */
export function rowsForAudience(inventory: Inventory, audience: Audience): { model: string; title: string; rows: InventoryRow[] }[] {
  return inventory.models
    .map((m) => ({ model: m.name, title: m.title, rows: m.rows.filter((r) => r.personal !== "no" && r.audiences.includes(audience)) }))
    .filter((g) => g.rows.length > 0);
}
