// The data inventory must list every column of every model (issue 10): adding a field to
// prisma/schema.prisma without a row in docs/data-inventory.md fails here, naming the field.
// The checker itself is shown to fail in app/domain/privacy/inventory.test.ts.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { checkInventory, parseInventory, parsePrismaSchema } from "~/domain/privacy/inventory";

const schema = parsePrismaSchema(fs.readFileSync("prisma/schema.prisma", "utf8"));
const inventory = parseInventory(fs.readFileSync("docs/data-inventory.md", "utf8"));

describe("docs/data-inventory.md", () => {
  it("reads every model of the schema (the parser is not silently finding nothing)", () => {
    expect(schema.length).toBeGreaterThanOrEqual(59);
    expect(schema.find((m) => m.name === "Donation")?.fields.some((f) => f.name === "donorEmail")).toBe(true);
  });

  it("lists every column of every model, and nothing the schema no longer has", () => {
    expect(checkInventory(schema, inventory)).toEqual([]);
  });

  it("covers each model once, in a section of its own", () => {
    expect(inventory.models.map((m) => m.name).sort()).toEqual(schema.map((m) => m.name).sort());
  });

  it("treats DBS checks as criminal offence data and care history as special category", () => {
    const row = (model: string, field: string) => inventory.models.find((m) => m.name === model)!.rows.find((r) => r.field === field)!;
    expect(row("DbsCheck", "certificateNumber").personal).toBe("criminal offence");
    expect(row("SupportApplication", "whyItMatters").personal).toBe("special category");
    expect(row("Donation", "donorEmail").audiences).toEqual(["donor"]);
  });
});
