import { describe, expect, it } from "vitest";
import { checkInventory, parseInventory, parsePrismaSchema, rowsForAudience } from "./inventory";

const SCHEMA = `
// a comment
generator client {
  provider = "prisma-client"
}

/// One row
model OrganisationSettings {
  id             Int @id @default(1)
  /// months
  dbsPurgeMonths Int @default(6)
}

model Person {
  id        String  @id @default(cuid())
  firstName String
  email     String? @unique // trailing comment
  user      User?

  @@index([email])
}

model User {
  id       String @id
  personId String @unique
  person   Person @relation(fields: [personId], references: [id])
  roles    String[]
}
`;

const HEADER = "| Field | Data | Personal | Purpose | Lawful basis | Who can see it | Retention | Audiences |\n| --- | --- | --- | --- | --- | --- | --- | --- |";
const row = (...cells: string[]) => `| ${cells.join(" | ")} |`;

const INVENTORY = `# Data inventory

## Format

Ignored prose, and a table that is not a model's:

| a | b |
| --- | --- |

## Model: OrganisationSettings — Settings

${HEADER}
${row("id", "—", "no", "The row.", "—", "—", "with the record", "—")}
${row("dbsPurgeMonths", "—", "no", "A clock.", "—", "admin", "with the record", "—")}

## Model: Person — Your name

${HEADER}
${row("id", "Your number", "yes", "Links records.", "art. 6(1)(e) public task", "nobody", "with the record", "staff")}
${row("firstName", "Your first name", "yes", "To greet you.", "art. 6(1)(e) public task", "self, panel (first name only), coordinator", "{dbsPurgeMonths} months", "staff, young_person")}
${row("email", "Your email", "yes", "To sign you in.", "art. 6(1)(b) contract", "self", "with the record", "donor")}

## Model: User — Your account

${HEADER}
${row("id", "Account", "yes", "Links.", "art. 6(1)(e) public task", "nobody", "with the record", "staff")}
${row("personId", "Link", "yes", "Links.", "art. 6(1)(e) public task", "nobody", "with the record", "staff")}
${row("roles", "Roles", "special category", "Pages.", "art. 6(1)(e) public task; art. 9(2)(g) substantial public interest", "self", "with the record", "young_person")}
`;

describe("parsePrismaSchema", () => {
  it("reads models and fields, marking relations and skipping comments, attributes and other blocks", () => {
    const models = parsePrismaSchema(SCHEMA);
    expect(models.map((m) => m.name)).toEqual(["OrganisationSettings", "Person", "User"]);
    expect(models[1].fields).toEqual([
      { name: "id", type: "String", relation: false },
      { name: "firstName", type: "String", relation: false },
      { name: "email", type: "String", relation: false },
      { name: "user", type: "User", relation: true },
    ]);
    expect(models[2].fields.map((f) => [f.name, f.relation])).toEqual([["id", false], ["personId", false], ["person", true], ["roles", false]]);
  });
});

describe("checkInventory", () => {
  it("passes a complete inventory", () => {
    expect(checkInventory(parsePrismaSchema(SCHEMA), parseInventory(INVENTORY))).toEqual([]);
  });

  it("names a field the schema gained", () => {
    const schema = SCHEMA.replace("firstName String", "firstName String\n  lastName  String");
    expect(checkInventory(parsePrismaSchema(schema), parseInventory(INVENTORY))).toEqual(["field Person.lastName is missing from the inventory"]);
  });

  it("names a model the schema gained", () => {
    const schema = `${SCHEMA}\nmodel Pet {\n  id String @id\n}\n`;
    expect(checkInventory(parsePrismaSchema(schema), parseInventory(INVENTORY))).toEqual(["model Pet is missing from the inventory"]);
  });

  it("names each row the schema no longer has", () => {
    const schema = SCHEMA.replace(/ {2}email {5}String\? @unique \/\/ trailing comment\n/, "");
    expect(checkInventory(parsePrismaSchema(schema), parseInventory(INVENTORY))).toEqual([
      expect.stringMatching(/field Person\.email is in the inventory but not in the schema/),
    ]);
    const noUser = SCHEMA.slice(0, SCHEMA.indexOf("model User")).replace("  user      User?\n", "");
    expect(checkInventory(parsePrismaSchema(noUser), parseInventory(INVENTORY))).toEqual([expect.stringMatching(/model User is in the inventory but not in the schema/)]);
  });

  it("refuses a relation field listed as a column", () => {
    const inventory = INVENTORY.replace("| personId |", "| person |");
    const problems = checkInventory(parsePrismaSchema(SCHEMA), parseInventory(inventory));
    expect(problems).toContain("field User.personId is missing from the inventory");
    expect(problems).toContainEqual(expect.stringMatching(/User\.person is a relation \(no column\)/));
  });

  it("refuses a retention setting that OrganisationSettings does not have", () => {
    const inventory = INVENTORY.replace("{dbsPurgeMonths} months", "{retainForeverYears} years");
    expect(checkInventory(parsePrismaSchema(SCHEMA), parseInventory(inventory))).toEqual([expect.stringMatching(/\{retainForeverYears\}, which is not an OrganisationSettings field/)]);
  });
});

describe("parseInventory", () => {
  const problemsOf = (markdown: string) => parseInventory(markdown).problems;

  it("reads rows: viewers with their notes, audiences, the setting in a retention period", () => {
    const inv = parseInventory(INVENTORY);
    expect(inv.problems).toEqual([]);
    const first = inv.models[1].rows[1];
    expect(first).toMatchObject({ model: "Person", field: "firstName", personal: "yes", audiences: ["staff", "young_person"], retention: "{dbsPurgeMonths} months" });
    expect(first.whoCanSee).toEqual([
      { viewer: "self", note: null },
      { viewer: "panel", note: "first name only" },
      { viewer: "coordinator", note: null },
    ]);
    expect(inv.models[1].title).toBe("Your name");
  });

  it("needs a lawful basis for personal data, and the art. 9 or art. 10 condition where it applies", () => {
    expect(problemsOf(INVENTORY.replace("art. 6(1)(b) contract", "—"))).toEqual([expect.stringMatching(/Person\.email.*art\. 6\(1\)\(x\) lawful basis/)]);
    expect(problemsOf(INVENTORY.replace("; art. 9(2)(g) substantial public interest", ""))).toEqual([expect.stringMatching(/User\.roles.*art\. 9\(2\)\(x\) condition/)]);
    expect(problemsOf(INVENTORY.replace("| special category |", "| criminal offence |").replace("; art. 9(2)(g) substantial public interest", ""))).toEqual([
      expect.stringMatching(/User\.roles.*art\. 10 condition/),
    ]);
  });

  it("refuses unknown kinds, viewers and audiences, missing audiences, and audiences on data that is not personal", () => {
    expect(problemsOf(INVENTORY.replace("| yes | To sign you in.", "| maybe | To sign you in."))).toEqual([expect.stringMatching(/Personal must be one of/)]);
    expect(problemsOf(INVENTORY.replace("self, panel (first name only)", "self, janitor"))).toEqual([expect.stringMatching(/"janitor" is not a viewer/)]);
    expect(problemsOf(INVENTORY.replace("| staff, young_person |", "| staff, pets |"))).toEqual([expect.stringMatching(/"pets" is not an audience/)]);
    expect(problemsOf(INVENTORY.replace("| self | with the record | donor |", "| self | with the record | — |"))).toEqual([expect.stringMatching(/at least one audience/)]);
    expect(problemsOf(INVENTORY.replace("| A clock. | — | admin | with the record | — |", "| A clock. | — | admin | with the record | staff |"))).toEqual([
      expect.stringMatching(/not personal is in no privacy notice/),
    ]);
  });

  it("refuses a wrong table header, a short row, a duplicate row and a malformed model heading", () => {
    expect(problemsOf(INVENTORY.replace("| Field | Data | Personal |", "| Field | Personal | Data |"))).toContainEqual(expect.stringMatching(/must have the columns/));
    expect(problemsOf(INVENTORY.replace("| Links. | art. 6(1)(e) public task | nobody | with the record | staff |\n| personId", "| Links. |\n| personId"))).toEqual([
      expect.stringMatching(/expected 8 cells, found 4/),
    ]);
    expect(problemsOf(INVENTORY.replace("| personId |", "| id |"))).toEqual([expect.stringMatching(/User\.id is listed twice/)]);
    expect(problemsOf(INVENTORY.replace("## Model: User — Your account", "## Model: User"))).toContainEqual(expect.stringMatching(/must read "## Model: Name — Title"/));
  });
});

describe("rowsForAudience", () => {
  it("gives each audience the personal rows tagged for it, grouped by model", () => {
    const inv = parseInventory(INVENTORY);
    expect(rowsForAudience(inv, "donor").map((g) => [g.title, g.rows.map((r) => r.field)])).toEqual([["Your name", ["email"]]]);
    expect(rowsForAudience(inv, "young_person").map((g) => [g.model, g.rows.map((r) => r.field)])).toEqual([
      ["Person", ["firstName"]],
      ["User", ["roles"]],
    ]);
  });
});
